import { VERB } from '../../../src/cards/actions';
import { demoPortfolio } from '../../../src/flokk';
import { roles } from '../../../src/teams/commands/roles.command';
import { SECRETARIAT } from '../../fixtures/activities';
import { cardOf, executesOf, factsOf, headingOf, inputsOf, textOf, withPerson } from '../reply-reading';
import { aTurn } from '../turn-builder';

const demo = demoPortfolio();
const choiceValues = (input: Record<string, unknown> | undefined) => ((input?.choices ?? []) as Array<{ value: string }>).map((c) => c.value);

describe('roles', () => {
  it('shows who holds which role in the network, and a form to change one person’s roles', async () => {
    const { turn, store } = aTurn(demo, { networkId: 'digitrondelag', from: SECRETARIAT });
    const reply = await roles(turn);
    const card = cardOf(reply);
    expect(headingOf(card)).toBe('Roller i nettverket: DigiTrøndelag');
    const text = textOf(card);
    expect(text).toContain('Kari Eksempelsen (Trondheim): Sekretariat, Administrator');
    expect(text).toContain('Nils Demoberg (Ørland): Ressursgruppe, Prosjektleder');
    expect(text).not.toContain('Solveig Dømesen');
    expect(inputsOf(card).personId?.value).toBe('');
    // Board roles follow from the programme board's terms, so the roles card no longer offers them.
    expect(choiceValues(inputsOf(card).roles)).toEqual(['resource_group', 'secretariat', 'project_lead', 'admin']);
    expect(executesOf(card)).toEqual([expect.objectContaining({ verb: VERB.rolesSet, data: {} }), expect.objectContaining({ verb: VERB.areasShow, data: {} })]);
    expect(store.read()).toBe(demo);
  });

  it('lets the secretariat choose people without a role too, but lists only those with one', async () => {
    const p = withPerson(demo, { id: 'person-nora', networkId: 'digitrondelag', name: 'Nora Nykommer', organisationId: 'kommune-5032', roles: [] });
    const card = cardOf(await roles(aTurn(p, { networkId: 'digitrondelag', from: SECRETARIAT }).turn));
    expect(choiceValues(inputsOf(card).personId)).toContain('person-nora');
    expect(factsOf(card)).not.toHaveProperty(['Nora Nykommer (Selbu)']);
    expect(factsOf(card)['Kari Eksempelsen (Trondheim)']).toBe('Sekretariat, Administrator');
  });

  it('shows the other network’s people in that network, in the sender’s language', async () => {
    const card = cardOf(await roles(aTurn(demo, { networkId: 'digi-vestland', locale: 'en', from: { aadObjectId: '00000000-0000-4000-8000-000000000014' } }).turn));
    expect(headingOf(card)).toBe('Roles in the network: Digi Vestland');
    expect(textOf(card)).toContain('Solveig Dømesen (Bergen): Secretariat, Administrator');
    expect(choiceValues(inputsOf(card).personId)).not.toContain('person-sekretariat');
  });
});
