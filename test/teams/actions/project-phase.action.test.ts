import { VERB } from '../../../src/cards/actions';
import { projectPhase } from '../../../src/teams/actions/project-phase.action';
import { asksToRegister, cardOf, effect, HANNE, input, inputsOf, kindsOf, NILS, press, refused, SECRETARIAT, STRANGER, textOf, turnAs, expectShared } from './action-helpers';

const NOW = new Date('2026-11-02T13:00:00Z');
const barnevern = (p: { projects: Array<{ id: string }> }) => p.projects.find((x) => x.id === 'p-barnevern') as Record<string, any>;

describe('project.phase', () => {
  it('lets the owner organisation move its project to another phase, recording the change', async () => {
    const { turn, store } = turnAs(HANNE, { now: NOW });
    await press(turn, VERB.projectPhase, { projectId: 'p-barnevern', phase: 'execution' });
    const project = barnevern(store.read());
    expect(project.phase).toBe('execution');
    expect(project.status).toBe('approved');
    expect(project.history.at(-1)).toEqual({ at: NOW.toISOString(), by: 'person-hanne-provemo', change: 'phase', from: 'planning', to: 'execution' });
  });

  it('answers with the project card in the new phase, and replaces the shared card with it', async () => {
    const { turn } = turnAs(HANNE, { now: NOW });
    const reply = await projectPhase(turn, input(VERB.projectPhase, { projectId: 'p-barnevern', phase: 'execution' }));
    expect(textOf(cardOf(reply))).toContain('Fase: Gjennomføre');
    expect(inputsOf(cardOf(reply)).phase?.value).toBe('execution');
    expect(kindsOf(reply)).toEqual(['replaceShared']);
    // Everyone sees the shared card (no buttons but «Vis mine valg»); the presser their own view, without a refresh.
    expectShared(effect(reply, 'replaceShared').card, VERB.projectShow, { projectId: expect.any(String) });
    expect(cardOf(reply).refresh).toBeUndefined();
  });

  it('changes nothing when the phase is the one the project is in', async () => {
    const { turn, store } = turnAs(HANNE, { now: NOW });
    const before = store.read();
    const reply = await press(turn, VERB.projectPhase, { projectId: 'p-barnevern', phase: 'planning' });
    expect(store.read()).toBe(before);
    expect(textOf(cardOf(reply))).toContain('Fase: Planlegge');
  });

  it.each([[''], ['done'], ['PLANNING']])('refuses the phase «%s», changing nothing', async (phase) => {
    const { turn, store } = turnAs(HANNE, { now: NOW });
    const before = store.read();
    await refused(press(turn, VERB.projectPhase, { projectId: 'p-barnevern', phase }), 'INPUT.INVALID', { field: 'phase' });
    expect(store.read()).toBe(before);
  });

  it('takes a missing phase (the card’s input left empty) as no phase, and refuses it', async () => {
    expect(input(VERB.projectPhase, { projectId: 'p-barnevern' }).phase).toBe('');
    await refused(press(turnAs(HANNE).turn, VERB.projectPhase, { projectId: 'p-barnevern' }), 'INPUT.INVALID');
  });

  it('refuses someone of another organisation, changing nothing', async () => {
    const { turn, store } = turnAs(NILS, { now: NOW });
    const before = store.read();
    await refused(press(turn, VERB.projectPhase, { projectId: 'p-barnevern', phase: 'execution' }), 'ACCESS.DENIED', { permission: 'project.progress' });
    expect(store.read()).toBe(before);
  });

  it('refuses a phase for a project that is not approved, active or paused', async () => {
    const { turn, store } = turnAs(SECRETARIAT, { now: NOW });
    const before = store.read();
    await refused(press(turn, VERB.projectPhase, { projectId: 'p-samhandling-helseforetak', phase: 'concept' }), 'PROJECT.TRANSITION_NOT_ALLOWED');
    expect(store.read()).toBe(before);
  });

  it('refuses a project of another network, and asks a stranger to register', async () => {
    await refused(press(turnAs(SECRETARIAT).turn, VERB.projectPhase, { projectId: 'p-vl-digitalt-tilsyn', phase: 'execution' }), 'PROJECT.NOT_FOUND');
    const { turn, store } = turnAs(STRANGER);
    const before = store.read();
    await asksToRegister(press(turn, VERB.projectPhase, { projectId: 'p-barnevern', phase: 'execution' }));
    expect(store.read()).toBe(before);
  });
});
