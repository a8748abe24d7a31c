import { VERB } from '../../../src/cards/actions';
import { DomainError } from '../../../src/domain/errors';
import { initiativePropose } from '../../../src/teams/actions/initiative-propose.action';
import {
  actionsOf,
  asksToRegister,
  cardOf,
  HANNE,
  input,
  inputsOf,
  nextTurn,
  NOBODY,
  press,
  refused,
  STRANGER,
  textOf,
  turnAs,
  withNobody,
} from './action-helpers';

const FOSEN = { initiativeId: 'i-kartportal-fosen' };

describe('initiative.propose', () => {
  it('answers with the proposal form filled in from the initiative, the sender’s organisation as owner', async () => {
    const { turn, store } = turnAs(HANNE);
    const before = store.read();
    const reply = await press(turn, VERB.initiativePropose, FOSEN);
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Foreslå et prosjekt');
    const inputs = inputsOf(card);
    expect(inputs.title?.value).toBe('Felles kartportal for Fosen');
    expect(inputs.summary?.value).toMatch(/^Fosen-kommunene samarbeider om en felles kartportal/);
    expect(inputs.area?.value).toBe('plan/bygg/geodata');
    expect(inputs.horizon?.value).toBe('H1');
    expect(inputs.ownerOrganisationId?.value).toBe('kommune-5037');
    expect(inputs.participantOrganisationIds?.value).toBe('kommune-5057');
    expect(actionsOf(card)).toEqual([{ title: 'Send forslaget', verb: VERB.projectPropose, data: { initiativeId: 'i-kartportal-fosen' } }]);
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(before);
  });

  it('leads, once the form is sent, to a project linked to the initiative', async () => {
    const { turn, store, services } = turnAs(HANNE);
    const form = cardOf(await initiativePropose(turn, input(VERB.initiativePropose, FOSEN)));
    const values = Object.fromEntries(Object.entries(inputsOf(form)).map(([id, x]) => [id, x.value ?? '']));
    const submit = actionsOf(form)[0]!;
    await press(nextTurn(services, HANNE), submit.verb as typeof VERB.projectPropose, { ...values, ...submit.data });
    const project = store.read().projects.at(-1)!;
    expect(project).toMatchObject({ title: 'Felles kartportal for Fosen', ownerOrganisationId: 'kommune-5037', initiativeId: 'i-kartportal-fosen', status: 'proposed' });
    expect(project.participantOrganisationIds).toEqual(['kommune-5037', 'kommune-5057']);
    expect(store.read().initiatives.find((i) => i.id === 'i-kartportal-fosen')).toMatchObject({ status: 'proposed', projectId: project.id });
  });

  it('refuses someone who may not propose projects', async () => {
    await refused(press(turnAs(NOBODY, { portfolio: withNobody() }).turn, VERB.initiativePropose, FOSEN), 'ACCESS.DENIED', { permission: 'project.propose' });
  });

  it('asks someone Flokk has not met to register first', async () => {
    await asksToRegister(press(turnAs(STRANGER).turn, VERB.initiativePropose, FOSEN));
  });

  it('refuses an initiative of another network', async () => {
    await refused(press(turnAs(HANNE).turn, VERB.initiativePropose, { initiativeId: 'i-vl-heimeoppfolging-bergen' }), 'INITIATIVE.NOT_FOUND');
  });

  it('refuses to propose an initiative that is already a project', async () => {
    await expect(press(turnAs(HANNE).turn, VERB.initiativePropose, { initiativeId: 'i-digibarnevern' })).rejects.toBeInstanceOf(DomainError);
  });
});
