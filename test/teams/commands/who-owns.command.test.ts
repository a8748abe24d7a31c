import { VERB } from '../../../src/cards/actions';
import { demoPortfolio } from '../../../src/flokk';
import { whoOwns } from '../../../src/teams/commands/who-owns.command';
import { STRANGER } from '../../fixtures/activities';
import { aPortfolio, aProject } from '../../builders';
import { cardOf, executesOf, textOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const portfolio = demoPortfolio();
const inTrondelag = (locale: 'nb' | 'nn' | 'en' = 'nb') => aTurn(portfolio, { networkId: 'digitrondelag', locale, from: STRANGER });

describe('whoOwns', () => {
  it('names the owner, the project lead and the status', async () => {
    const reply = await whoOwns(inTrondelag().turn, { query: 'felles sak-/arkivsystem' });
    expect(reply.text).toBe('**Felles sak-/arkivsystem** eies av **Trondheim**. Prosjektleder er Eli Fiktivdal. Status: I gang.');
    expect(reply.card).toBeUndefined();
    expect(reply.effects).toEqual([]);
  });

  it('finds the project by a word of its name, with a typo', async () => {
    const reply = await whoOwns(inTrondelag().turn, { query: 'barnevren' });
    expect(reply.text).toContain('**Felles fagsystem for barnevern** eies av **Levanger**');
    expect(reply.text).toContain('Hanne Prøvemo');
    expect(reply.text).toContain('Status: Vedtatt.');
  });

  it('answers in English for an English client', async () => {
    const reply = await whoOwns(inTrondelag('en').turn, { query: 'barnevern' });
    expect(reply.text).toBe('**Felles fagsystem for barnevern** is owned by **Levanger**. The project lead is Hanne Prøvemo. Status: Approved.');
  });

  it('leaves out the lead when the project has none', async () => {
    const p = aPortfolio({ projects: [aProject({ title: 'Felles kartløsning', projectLeadId: undefined, status: 'proposed' })] });
    const reply = await whoOwns(aTurn(p, { networkId: 'net-test' }).turn, { query: 'kartløsning' });
    expect(reply.text).toBe('**Felles kartløsning** eies av **Eierkommunen**. Status: Foreslått.');
  });

  it('offers the candidates as buttons when the name is ambiguous', async () => {
    const reply = await whoOwns(inTrondelag().turn, { query: 'hjemme' });
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Mente du ett av disse?');
    expect(executesOf(card).map((a) => [a.verb, a.data.projectId])).toEqual([
      [VERB.projectShow, 'p-velferdsteknologi-hjemmetjenesten'],
      [VERB.projectShow, 'p-digital-hjemmeoppfolging'],
    ]);
  });

  it('says so, and points to the portfolio, when nothing is close', async () => {
    const reply = await whoOwns(inTrondelag().turn, { query: 'xyzzy' });
    expect(reply.text).toBe('Jeg fant ikke noe prosjekt som passer «xyzzy». Skriv «portefølje» for å se alle prosjektene.');
  });

  it('offers the closest matches when there is no match', async () => {
    const card = cardOf(await whoOwns(inTrondelag().turn, { query: 'sak arkiv plattform' }));
    expect(textOf(card)).toContain('Jeg fant ikke noe prosjekt som passer «sak arkiv plattform». Nærmeste treff:');
    expect(executesOf(card)[0]?.data.projectId).toBe('p-felles-sak-arkiv');
  });

  it('looks only in the turn’s network', async () => {
    const turn = aTurn(portfolio, { networkId: 'digi-vestland', from: STRANGER }).turn;
    const reply = await whoOwns(turn, { query: 'fagsystem for barnevern' });
    expect(reply.text).toContain('**Nytt fagsystem for barnevern**');
    expect(reply.text).not.toContain('Levanger');
  });
});
