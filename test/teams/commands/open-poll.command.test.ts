import { VERB } from '../../../src/cards/actions';
import { demoPortfolio } from '../../../src/flokk';
import { openPollForm } from '../../../src/teams/commands/open-poll.command';
import { SECRETARIAT } from '../../fixtures/activities';
import { cardOf, executesOf, headingOf, inputsOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const demo = demoPortfolio();
const form = async (text: string, locale: 'nb' | 'en' = 'nb') => {
  const { turn, store } = aTurn(demo, { networkId: 'digitrondelag', locale, from: SECRETARIAT });
  const reply = await openPollForm(turn, { text });
  expect(store.read()).toBe(demo);
  expect(reply.effects).toEqual([]);
  return cardOf(reply);
};
const choiceValues = (input: Record<string, unknown> | undefined) => ((input?.choices ?? []) as Array<{ value: string }>).map((c) => c.value);

describe('openPollForm', () => {
  it('opens the poll form with the question as typed, a consensus poll of the board by default', async () => {
    const card = await form('Skal vi ha felles julebord?');
    expect(headingOf(card)).toBe('Ny avstemning');
    const inputs = inputsOf(card);
    expect(inputs.question?.value).toBe('Skal vi ha felles julebord?');
    expect(inputs.kind?.value).toBe('consensus');
    expect(inputs.eligibleMode?.value).toBe('board');
    expect(inputs.projectId?.value).toBe('');
    expect(executesOf(card)).toEqual([expect.objectContaining({ verb: VERB.pollOpen, data: {} })]);
  });

  it('"om <proposal>" prefills a consensus poll on approving that proposal', async () => {
    const inputs = inputsOf(await form('om depotløsning'));
    expect(inputs.kind?.value).toBe('consensus');
    expect(inputs.projectId?.value).toBe('p-depot-digitalt-arkiv');
    expect(inputs.question?.value).toBe('Skal Programstyret for DigiTrøndelag vedta prosjektet «Depotløsning for digitalt arkiv»?'); // the body's own name (issue 13)
  });

  it('offers only the proposals under consideration to vote on', async () => {
    expect(choiceValues(inputsOf(await form('')).projectId)).toEqual(['p-depot-digitalt-arkiv', 'p-logganalyse-hendelser']);
  });

  it('keeps "om …" as the question when it names no project', async () => {
    const inputs = inputsOf(await form('om xyzzy'));
    expect(inputs.question?.value).toBe('om xyzzy');
    expect(inputs.projectId?.value).toBe('');
  });

  it('asks in English for an English sender', async () => {
    const card = await form('about depotløsning', 'en');
    expect(headingOf(card)).toBe('New poll');
    expect(inputsOf(card).question?.value).toBe('Should Programstyret for DigiTrøndelag approve the project "Depotløsning for digitalt arkiv"?');
  });

  // Only a proposal under consideration can be put to the board: any other is said, not prefilled into a form that would refuse it.
  it('says a project that is not under consideration cannot be put to the board', async () => {
    const { turn } = aTurn(demo, { networkId: 'digitrondelag', from: SECRETARIAT });
    const reply = await openPollForm(turn, { text: 'om barnevern' });
    expect(reply.card).toBeUndefined();
    expect(reply.text).toMatch(/Felles fagsystem for barnevern/);
  });
});
