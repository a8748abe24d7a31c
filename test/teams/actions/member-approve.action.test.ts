import { VERB } from '../../../src/cards/actions';
import { memberApprove, memberReject } from '../../../src/teams/actions/member-approve.action';
import { membershipRequests } from '../../../src/teams/commands/membership-requests.command';
import {
  actionsOf,
  asksToRegister,
  cardOf,
  effect,
  input,
  kindsOf,
  nextTurn,
  NILS,
  PENDING,
  press,
  refused,
  SECRETARIAT,
  textOf,
  turnAs,
  VESTLAND_SECRETARIAT,
  withPending,
} from './action-helpers';

const REQUEST = { personId: 'person-pending', organisationId: 'kommune-5057' };
const personOf = (p: { people: Array<{ id: string }> }) => p.people.find((x) => x.id === 'person-pending');

describe('member.approve', () => {
  it('confirms the organisation asked for, and says by whom on the card everyone sees', async () => {
    const { turn, store } = turnAs(SECRETARIAT, { portfolio: withPending() });
    const reply = await memberApprove(turn, input(VERB.memberApprove, REQUEST));
    expect(personOf(store.read())).toMatchObject({ organisationId: 'kommune-5057' });
    expect(personOf(store.read())).not.toHaveProperty('requestedOrganisationId');
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Petra Påmeldt ber om å representere Ørland');
    expect(textOf(card)).toContain('Godkjent av Kari Eksempelsen.');
    expect(actionsOf(card)).toEqual([]);
    expect(kindsOf(reply)).toEqual(['replaceShared']);
    expect(actionsOf(effect(reply, 'replaceShared').card)).toEqual([]);
  });

  it('gives the person the organisation’s rights from then on, and not before', async () => {
    const { store, services } = turnAs(PENDING, { portfolio: withPending() });
    const project = store.read().projects.find((x) => x.ownerOrganisationId === 'kommune-5057' && x.status === 'active');
    expect(project).toBeDefined();
    await refused(press(nextTurn(services, PENDING), VERB.projectReportForm, { projectId: project!.id }), 'MEMBERSHIP.PENDING');
    await press(nextTurn(services, SECRETARIAT), VERB.memberApprove, REQUEST);
    expect(cardOf(await press(nextTurn(services, PENDING), VERB.projectReportForm, { projectId: project!.id }))).toBeDefined();
  });

  it('refuses anyone but the secretariat, changing nothing', async () => {
    for (const user of [NILS, PENDING]) {
      const { turn, store } = turnAs(user, { portfolio: withPending() });
      const before = store.read();
      await refused(press(turn, VERB.memberApprove, REQUEST), 'ACCESS.DENIED', { permission: 'membership.confirm' });
      expect(store.read()).toBe(before);
    }
  });

  it('checks the card’s ids against the request in the store', async () => {
    const { turn, store, services } = turnAs(SECRETARIAT, { portfolio: withPending() });
    const before = store.read();
    await refused(press(turn, VERB.memberApprove, { ...REQUEST, organisationId: 'kommune-5001' }), 'MEMBERSHIP.NOT_PENDING');
    await refused(press(turn, VERB.memberApprove, { personId: 'person-nils-demoberg', organisationId: 'kommune-5057' }), 'MEMBERSHIP.NOT_PENDING');
    await refused(press(turn, VERB.memberApprove, { personId: 'person-nobody-here', organisationId: 'kommune-5057' }), 'PERSON.NOT_FOUND');
    expect(store.read()).toBe(before);
    // Pressed a second time (a colleague, a stale card): already answered.
    await press(turn, VERB.memberApprove, REQUEST);
    await refused(press(nextTurn(services, SECRETARIAT), VERB.memberReject, REQUEST), 'MEMBERSHIP.NOT_PENDING');
  });

  it('does not reach a request in another network', async () => {
    const { turn, store } = turnAs(VESTLAND_SECRETARIAT, { portfolio: withPending(), networkId: 'digi-vestland' });
    const before = store.read();
    await refused(press(turn, VERB.memberApprove, REQUEST), 'PERSON.NOT_FOUND');
    expect(store.read()).toBe(before);
  });

  it('asks someone Flokk has not met to register first', async () => {
    const { turn } = turnAs({ id: '29:x', name: 'X', aadObjectId: 'ffffffff-0000-4000-8000-000000000000' }, { portfolio: withPending() });
    await asksToRegister(press(turn, VERB.memberApprove, REQUEST));
  });
});

describe('member.reject', () => {
  it('takes the request away: the person stays, with no organisation', async () => {
    const { turn, store } = turnAs(SECRETARIAT, { portfolio: withPending() });
    const reply = await memberReject(turn, input(VERB.memberReject, REQUEST));
    const person = personOf(store.read());
    expect(person).toBeDefined();
    expect(person).not.toHaveProperty('organisationId');
    expect(person).not.toHaveProperty('requestedOrganisationId');
    expect(textOf(cardOf(reply))).toContain('Avslått av Kari Eksempelsen.');
    expect(kindsOf(reply)).toEqual(['replaceShared']);
  });
});

describe('forespørsler', () => {
  it('lists every request still waiting, each with its two buttons, and answers in the list', async () => {
    const { turn, services } = turnAs(SECRETARIAT, { portfolio: withPending() });
    const list = cardOf(await membershipRequests(turn));
    expect(textOf(list)).toContain('Petra Påmeldt ber om å representere Ørland');
    expect(actionsOf(list)).toEqual([
      { title: 'Godkjenn', verb: VERB.memberApprove, data: { ...REQUEST, list: true } },
      { title: 'Avslå', verb: VERB.memberReject, data: { ...REQUEST, list: true } },
    ]);
    const reply = await press(nextTurn(services, SECRETARIAT), VERB.memberApprove, { ...REQUEST, list: true });
    expect(textOf(cardOf(reply))).toContain('Petra Påmeldt representerer nå Ørland.');
    expect(textOf(cardOf(reply))).toContain('Ingen venter på svar.');
    expect(reply.effects).toEqual([]);
  });
});
