import { demoPortfolio } from '../../../src/flokk';
import { freeText } from '../../../src/teams/commands/free-text.command';
import { STRANGER } from '../../fixtures/activities';
import { cardOf, headingOf, textOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const portfolio = demoPortfolio();
const turnIn = (locale: 'nb' | 'nn' | 'en' = 'nb') => aTurn(portfolio, { networkId: 'digitrondelag', locale, from: STRANGER }).turn;

describe('freeText', () => {
  it('shows the card of the one project the text plainly names', async () => {
    const reply = await freeText(turnIn(), { text: 'velferdsteknologi' });
    const card = cardOf(reply);
    expect(headingOf(card)).toBe('Velferdsteknologi i hjemmetjenesten');
    expect(textOf(card)).toContain('Status: Satt på vent');
    expect(reply.text).toBeUndefined();
  });

  it('says what Flokk understands for a stray sentence', async () => {
    const reply = await freeText(turnIn(), { text: 'hei, kan du hjelpe meg med noe' });
    expect(reply).toEqual({ text: 'Det forstod jeg ikke. Skriv «hjelp» for å se hva jeg kan.', effects: [] });
  });

  it('never opens a "did you mean" for text that fits several projects', async () => {
    const reply = await freeText(turnIn(), { text: 'digital' });
    expect(reply.card).toBeUndefined();
    expect(reply.text).toBe('Det forstod jeg ikke. Skriv «hjelp» for å se hva jeg kan.');
  });

  it('answers in the sender’s language', async () => {
    expect((await freeText(turnIn('en'), { text: 'good morning' })).text).toBe('I did not understand that. Type "help" to see what I can do.');
    expect((await freeText(turnIn('nn'), { text: 'god morgon' })).text).toBe('Det forstod eg ikkje. Skriv «hjelp» for å sjå kva eg kan.');
  });
});
