import { VERB } from '../../../src/cards/actions';
import { messages } from '../../../src/i18n';
import { projectTransition } from '../../../src/teams/actions/project-transition.action';
import {
  actionsOf,
  asksToRegister,
  cardOf,
  effect,
  HANNE,
  input,
  kindsOf,
  NILS,
  PER,
  press,
  refused,
  SECRETARIAT,
  STRANGER,
  textOf,
  TRONDELAG,
  turnAs,
  VESTLAND,
  VESTLAND_SECRETARIAT,
  expectShared,
} from './action-helpers';

const NOW = new Date('2026-11-02T13:00:00Z');
const projectIn = (p: { projects: Array<{ id: string }> }, id: string) => p.projects.find((x) => x.id === id) as (typeof p.projects)[number] & Record<string, any>;

describe('project.transition', () => {
  it('lets the secretariat put a proposal to the board, recording who and when', async () => {
    const { turn, store } = turnAs(SECRETARIAT, { now: NOW });
    await press(turn, VERB.projectTransition, { projectId: 'p-samhandling-helseforetak', transition: 'submit' });
    const project = projectIn(store.read(), 'p-samhandling-helseforetak');
    expect(project.status).toBe('under_consideration');
    expect(project.history.at(-1)).toEqual({ at: NOW.toISOString(), by: 'person-sekretariat', change: 'status', from: 'proposed', to: 'under_consideration' });
    expect(project.history).toHaveLength(projectIn(turn.portfolio, 'p-samhandling-helseforetak').history.length + 1);
  });

  it('answers with the project card, replaces the shared one and announces the change', async () => {
    const { turn } = turnAs(SECRETARIAT, { now: NOW });
    const reply = await projectTransition(turn, input(VERB.projectTransition, { projectId: 'p-samhandling-helseforetak', transition: 'submit' }));
    expect(textOf(cardOf(reply))).toContain('Status: Til behandling');
    // Under consideration, only withdrawing is left by hand: the board decides the rest.
    expect(actionsOf(cardOf(reply)).map((a) => a.data.transition)).toEqual(['withdraw']);
    expect(kindsOf(reply)).toEqual(['replaceShared', 'announce']);
    // Everyone sees the shared card (no buttons but «Vis mine valg»); the presser their own view, without a refresh.
    expectShared(effect(reply, 'replaceShared').card, VERB.projectShow, { projectId: expect.any(String) });
    expect(cardOf(reply).refresh).toBeUndefined();
    expect(effect(reply, 'announce')).toMatchObject({ networkId: TRONDELAG, text: 'Statusendring registrert av Kari Eksempelsen' });
    expect(textOf(effect(reply, 'announce').card)).toContain('Status: Til behandling');
  });

  it('lets the proposer withdraw their own proposal', async () => {
    const { turn, store } = turnAs(PER, { now: NOW });
    await press(turn, VERB.projectTransition, { projectId: 'p-samhandling-helseforetak', transition: 'withdraw' });
    expect(projectIn(store.read(), 'p-samhandling-helseforetak').status).toBe('withdrawn');
  });

  it('lets the owner organisation start an approved project and pause it', async () => {
    const { turn, store } = turnAs(HANNE, { now: NOW });
    const started = await press(turn, VERB.projectTransition, { projectId: 'p-barnevern', transition: 'start' });
    expect(projectIn(store.read(), 'p-barnevern')).toMatchObject({ status: 'active', phase: 'planning' });
    expect(textOf(cardOf(started))).toContain('Status: I gang');
    await press(turn, VERB.projectTransition, { projectId: 'p-barnevern', transition: 'pause' });
    expect(projectIn(store.read(), 'p-barnevern').status).toBe('paused');
  });

  it.each([
    ['withdraw someone else’s proposal', NILS, 'p-samhandling-helseforetak', 'withdraw', 'project.withdraw'],
    ['submit a proposal without being the secretariat', PER, 'p-samhandling-helseforetak', 'submit', 'project.submit'],
    ['start a project another organisation owns', NILS, 'p-barnevern', 'start', 'project.progress'],
  ] as const)('refuses to %s, changing nothing', async (_what, user, projectId, transition, permission) => {
    const { turn, store } = turnAs(user, { now: NOW });
    const before = store.read();
    await refused(press(turn, VERB.projectTransition, { projectId, transition }), 'ACCESS.DENIED', { permission });
    expect(store.read()).toBe(before);
  });

  it('refuses a change the project’s status does not allow, changing nothing', async () => {
    const { turn, store } = turnAs(SECRETARIAT, { now: NOW });
    const before = store.read();
    await refused(press(turn, VERB.projectTransition, { projectId: 'p-samhandling-helseforetak', transition: 'complete' }), 'PROJECT.TRANSITION_NOT_ALLOWED', {
      from: 'proposed',
      to: 'completed',
    });
    await refused(press(turn, VERB.projectTransition, { projectId: 'p-digital-byggesak', transition: 'resume' }), 'PROJECT.TRANSITION_NOT_ALLOWED');
    expect(store.read()).toBe(before);
  });

  it('refuses a project of another network, changing nothing', async () => {
    const { turn, store } = turnAs(SECRETARIAT, { now: NOW });
    const before = store.read();
    await refused(press(turn, VERB.projectTransition, { projectId: 'p-vl-barnevern', transition: 'withdraw' }), 'PROJECT.NOT_FOUND');
    expect(store.read()).toBe(before);
  });

  it('asks someone Flokk has not met to register first', async () => {
    const { turn, store } = turnAs(STRANGER, { now: NOW });
    const before = store.read();
    await asksToRegister(press(turn, VERB.projectTransition, { projectId: 'p-samhandling-helseforetak', transition: 'withdraw' }));
    expect(store.read()).toBe(before);
  });

  it('has no button for approving or rejecting: only a board decision does that', () => {
    expect(() => input(VERB.projectTransition, { projectId: 'p-depot-digitalt-arkiv', transition: 'approve' })).toThrow();
    expect(() => input(VERB.projectTransition, { projectId: 'p-depot-digitalt-arkiv', transition: 'reject' })).toThrow();
  });

  it('announces in the network’s language whatever the sender’s', async () => {
    const { turn } = turnAs(VESTLAND_SECRETARIAT, { networkId: VESTLAND, locale: 'en', now: NOW });
    const reply = await press(turn, VERB.projectTransition, { projectId: 'p-vl-barnevern', transition: 'withdraw' });
    expect(textOf(effect(reply, 'announce').card)).toContain(`${messages('nn').project.status}: ${messages('nn').labels.status.withdrawn}`);
  });

  it('announces with a text in the network’s language too', async () => {
    const { turn } = turnAs(VESTLAND_SECRETARIAT, { networkId: VESTLAND, locale: 'en', now: NOW });
    const reply = await press(turn, VERB.projectTransition, { projectId: 'p-vl-barnevern', transition: 'withdraw' });
    expect(effect(reply, 'announce').text).toBe(messages('nn').announce.statusChanged('Solveig Dømesen'));
  });
});
