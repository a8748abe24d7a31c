import { OTHER_AREA } from '../../../src/domain/areas';
import { VERB } from '../../../src/cards/actions';
import { demoPortfolio } from '../../../src/flokk';
import { shareInitiativeForm } from '../../../src/teams/commands/share-initiative.command';
import { NILS } from '../../fixtures/activities';
import { cardOf, executesOf, headingOf, inputsOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const demo = demoPortfolio();
const choiceValues = (input: Record<string, unknown> | undefined) => ((input?.choices ?? []) as Array<{ value: string }>).map((c) => c.value);

describe('shareInitiativeForm', () => {
  it('opens the share form with the title filled in, and changes nothing yet', async () => {
    const { turn, store } = aTurn(demo, { networkId: 'digitrondelag', from: NILS });
    const reply = await shareInitiativeForm(turn, { title: 'Felles kommunal journal' });
    const card = cardOf(reply);
    expect(headingOf(card)).toBe('Del et initiativ');
    expect(inputsOf(card).title?.value).toBe('Felles kommunal journal');
    expect(inputsOf(card).description?.value).toBe('');
    expect(executesOf(card)).toEqual([expect.objectContaining({ verb: VERB.initiativeShare, data: {} })]);
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(demo);
  });

  it('offers the network’s own areas and organisations only', async () => {
    const card = cardOf(await shareInitiativeForm(aTurn(demo, { networkId: 'digi-vestland', from: NILS }).turn, { title: '' }));
    const network = demo.networks.find((n) => n.id === 'digi-vestland')!;
    // The network's own areas, then «annet» with a text field beside it.
    expect(choiceValues(inputsOf(card).area)).toEqual([...network.areas, OTHER_AREA]);
    const sources = choiceValues(inputsOf(card).sourceOrganisationId);
    expect(sources).toContain('kommune-4601');
    expect(sources).not.toContain('kommune-5001');
  });

  it('leaves the title empty when none was given, and cuts a long one to 200 characters', async () => {
    const turn = aTurn(demo, { networkId: 'digitrondelag', from: NILS }).turn;
    expect(inputsOf(cardOf(await shareInitiativeForm(turn, { title: '' }))).title?.value).toBe('');
    expect(inputsOf(cardOf(await shareInitiativeForm(turn, { title: 'x'.repeat(500) }))).title?.value).toBe('x'.repeat(200));
  });

  it('labels the form in the sender’s language', async () => {
    const card = cardOf(await shareInitiativeForm(aTurn(demo, { networkId: 'digitrondelag', locale: 'en', from: NILS }).turn, { title: 'Journal' }));
    expect(headingOf(card)).toBe('Share an initiative');
  });
});
