import { demoPortfolio } from '../../../src/flokk';
import { messages } from '../../../src/i18n';
import { help } from '../../../src/teams/commands/help.command';
import { STRANGER } from '../../fixtures/activities';
import { cardOf, headingOf, textOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const portfolio = demoPortfolio();

describe('help', () => {
  it('shows the help card with every example, in bokmål by default', async () => {
    const { turn } = aTurn(portfolio, { networkId: 'digitrondelag' });
    const reply = await help(turn);
    const card = cardOf(reply);
    expect(headingOf(card)).toBe('Dette kan Flokk');
    const text = textOf(card);
    expect(text).toContain('«hvem eier felles sak-/arkivsystem?»: hvem som eier et prosjekt');
    expect(text).toContain('«avstemning om depotløsning»');
    for (const [example] of messages('nb').help.examples) expect(text).toContain(`«${example}»`);
    expect(reply.effects).toEqual([]);
    expect(reply.text).toBeUndefined();
  });

  it.each([
    ['en', 'What Flokk can do', '«who owns felles sak-/arkivsystem?»'],
    ['nn', messages('nn').help.title, `«${messages('nn').help.examples[0]![0]}»`],
  ] as const)('answers in the sender’s language (%s)', async (locale, title, example) => {
    const { turn } = aTurn(portfolio, { networkId: 'digitrondelag', locale });
    const card = cardOf(await help(turn));
    expect(headingOf(card)).toBe(title);
    expect(textOf(card)).toContain(example);
  });

  it('is open to someone Flokk has never met, and writes nothing', async () => {
    const { turn, store } = aTurn(portfolio, { networkId: 'digitrondelag', from: STRANGER });
    const before = store.read();
    expect(headingOf(cardOf(await help(turn)))).toBe('Dette kan Flokk');
    expect(store.read()).toBe(before);
  });
});
