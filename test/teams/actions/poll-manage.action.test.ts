import { VERB } from '../../../src/cards/actions';
import type { Portfolio } from '../../../src/domain/schema';
import { pollClose, pollExtend, pollReopen } from '../../../src/teams/actions/poll-manage.action';
import type { TurnServices } from '../../../src/teams/turn';
import type { User } from '../../fixtures/activities';
import {
  asksToRegister,
  BOARD_LEADER,
  cardOf,
  demo,
  hoursAfter,
  INGRID,
  input,
  kindsOf,
  LARS,
  MARIT,
  nextTurn,
  openedPoll,
  PER,
  press,
  refused,
  SECRETARIAT,
  SIGRID,
  STRANGER,
  textOf,
  titlesOf,
  vote,
  VESTLAND,
  VESTLAND_SECRETARIAT,
} from './action-helpers';

const CONSENSUS = { kind: 'consensus', question: 'Skal programstyret vedta depotløsningen?', projectId: 'p-depot-digitalt-arkiv' };
const LATER = hoursAfter(2);
const as = (services: TurnServices, user: User | undefined, now = LATER) => nextTurn(services, user, { now });
const project = (p: Portfolio) => p.projects.find((x) => x.id === 'p-depot-digitalt-arkiv')!;

/** A consensus poll with four board members agreeing (the quorum), or one of them blocking. */
async function votedPoll(block = false, fields: Record<string, unknown> = {}) {
  const opened = await openedPoll({ ...CONSENSUS, ...fields });
  await vote(opened.services, INGRID, { pollId: opened.poll.id, stance: block ? 'block' : 'agree', reason: block ? 'Personvernet er ikke vurdert' : '' });
  for (const member of [PER, SIGRID, LARS]) await vote(opened.services, member, { pollId: opened.poll.id, stance: 'agree' });
  return opened;
}

describe('poll.close', () => {
  it('closes a poll that reached consensus into a numbered decision, and approves the project', async () => {
    const { services, store, poll } = await votedPoll();
    await press(as(services, SECRETARIAT), VERB.pollClose, { pollId: poll.id });
    const closed = store.read().polls[0]!;
    const decision = store.read().decisions.find((d) => d.pollId === poll.id)!;
    expect(closed).toMatchObject({ status: 'decided', closedAt: LATER.toISOString(), decisionId: decision.id });
    expect(decision).toMatchObject({
      networkId: 'digitrondelag',
      bodyId: 'ps-digitrondelag',
      // PS 2/2026 is the board's highest number this year.
      caseNumber: 'PS 3/2026',
      date: '2026-12-01',
      method: 'consensus',
      outcome: 'approved',
      projectId: 'p-depot-digitalt-arkiv',
      dissent: [],
      abstentions: 0,
    });
    // Reached by the poll: nobody decided, so the decision names nobody, and the board moved the project.
    expect(store.read().decisions.at(-1)).not.toHaveProperty('decidedBy');
    expect(project(store.read()).status).toBe('approved');
    expect(project(store.read()).history.at(-1)).toMatchObject({ by: 'ps-digitrondelag', from: 'under_consideration', to: 'approved' });
  });

  it('answers with the closer’s view of the decided poll, and asks for the shared card to follow', async () => {
    const { services, poll } = await votedPoll();
    const reply = await pollClose(as(services, SECRETARIAT), input(VERB.pollClose, { pollId: poll.id }));
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Konsensus · Avgjort');
    expect(textOf(card)).toContain('Vedtak PS 3/2026: Godkjent');
    expect(titlesOf(card)).toEqual(['Last ned resultatet (CSV)']);
    expect(reply.effects).toContainEqual({ kind: 'refreshPoll', pollId: poll.id });
  });

  it('sends a blocked poll to the leader: no decision yet, the project still under consideration', async () => {
    const { services, store, poll } = await votedPoll(true);
    const reply = await press(as(services, SECRETARIAT), VERB.pollClose, { pollId: poll.id });
    expect(store.read().polls[0]).toMatchObject({ status: 'awaiting_leader', closedAt: LATER.toISOString() });
    expect(store.read().polls[0]?.decisionId).toBeUndefined();
    expect(store.read().decisions.some((d) => d.pollId === poll.id)).toBe(false);
    expect(project(store.read()).status).toBe('under_consideration');
    expect(kindsOf(reply).sort()).toEqual(['leaderCard', 'refreshPoll']);
    expect(reply.effects).toContainEqual({ kind: 'leaderCard', pollId: poll.id });
    expect(textOf(cardOf(reply))).toContain('Venter på lederens avgjørelse');
  });

  it('just closes a poll of a network without a programme board: there is nobody to decide', async () => {
    const portfolio = { ...demo(), bodies: demo().bodies.filter((b) => b.networkId !== 'digitrondelag') };
    const { services, store, poll } = await openedPoll({ kind: 'consent', question: 'Godkjenne referatet?', eligibleMode: 'conversation' }, { portfolio });
    expect(poll.bodyId).toBeUndefined();
    await press(as(services, SECRETARIAT), VERB.pollClose, { pollId: poll.id });
    expect(store.read().polls[0]?.status).toBe('closed');
    expect(store.read().decisions).toEqual(portfolio.decisions);
  });

  // Silence is consent only at the deadline: closed early, with voters yet to answer, it goes to the leader.
  it('does not approve by silent consent before anyone could object', async () => {
    const { services, store, poll } = await openedPoll({ kind: 'consent', question: 'Godkjenne budsjettet?', projectId: 'p-depot-digitalt-arkiv' });
    await press(as(services, SECRETARIAT, new Date(poll.createdAt)), VERB.pollClose, { pollId: poll.id });
    expect(store.read().decisions.some((d) => d.pollId === poll.id && d.method === 'consent')).toBe(false);
    expect(store.read().polls.find((x) => x.id === poll.id)?.status).toBe('awaiting_leader');
    expect(project(store.read()).status).toBe('under_consideration');
  });

  it('lets whoever opened the poll close it, even without the role any more', async () => {
    const { services, store, poll } = await openedPoll({ ...CONSENSUS, projectId: '' }, { by: BOARD_LEADER });
    await press(as(services, SECRETARIAT), VERB.rolesSet, { personId: 'person-ola-demodal', roles: '' });
    await press(as(services, BOARD_LEADER), VERB.pollClose, { pollId: poll.id });
    expect(store.read().polls[0]?.status).not.toBe('open');
  });

  it('refuses a board member who did not open the poll, changing nothing', async () => {
    const { services, store, poll } = await votedPoll();
    const before = store.read();
    await refused(press(as(services, MARIT), VERB.pollClose, { pollId: poll.id }), 'ACCESS.DENIED', { permission: 'poll.manage' });
    await asksToRegister(press(as(services, STRANGER), VERB.pollClose, { pollId: poll.id }));
    expect(store.read()).toBe(before);
  });

  it('refuses to close a poll twice', async () => {
    const { services, store, poll } = await votedPoll();
    await press(as(services, SECRETARIAT), VERB.pollClose, { pollId: poll.id });
    const before = store.read();
    await refused(press(as(services, SECRETARIAT), VERB.pollClose, { pollId: poll.id }), 'POLL.CLOSED');
    expect(store.read()).toBe(before);
  });

  it('does not find a poll of another network', async () => {
    const { services, store, poll } = await openedPoll({ kind: 'consent', question: 'Godkjenne referatet?' }, { by: VESTLAND_SECRETARIAT, networkId: VESTLAND });
    const before = store.read();
    const trondelag = { ...services, config: { ...services.config, defaultNetworkId: 'digitrondelag' } };
    await refused(press(as(trondelag, SECRETARIAT), VERB.pollClose, { pollId: poll.id }), 'POLL.NOT_FOUND');
    expect(store.read()).toBe(before);
  });
});

describe('poll.extend', () => {
  it('moves the deadline (a Norwegian date and time) and the reminder with it', async () => {
    const { services, store, poll } = await openedPoll({ ...CONSENSUS, reminder: '24' });
    expect(poll.reminderAt).toBe('2026-12-07T11:00:00.000Z');
    const reply = await pollExtend(as(services, SECRETARIAT), input(VERB.pollExtend, { pollId: poll.id, deadlineDate: '2026-12-10', deadlineTime: '13:30:00' }));
    expect(store.read().polls[0]).toMatchObject({ status: 'open', deadline: '2026-12-10T12:30:00.000Z', reminderAt: '2026-12-09T12:30:00.000Z' });
    expect(reply.effects).toEqual([{ kind: 'refreshPoll', pollId: poll.id }]);
    expect(textOf(cardOf(reply))).toMatch(/Frist: 10\. des\. 2026,? 13:30/);
  });

  it.each([
    ['a deadline that is not later', { deadlineDate: '2026-12-08', deadlineTime: '12:00' }, 'POLL.DEADLINE_NOT_LATER'],
    ['a deadline in the past', { deadlineDate: '2026-11-30', deadlineTime: '12:00' }, 'POLL.DEADLINE_IN_PAST'],
    ['a date not written as a date', { deadlineDate: '10.12.2026', deadlineTime: '12:00' }, 'INPUT.INVALID'],
    ['a time that does not exist', { deadlineDate: '2026-12-10', deadlineTime: '24:00' }, 'INPUT.INVALID'],
    ['a day that does not exist', { deadlineDate: '2026-02-30', deadlineTime: '12:00' }, 'INPUT.INVALID'],
    ['no deadline at all', {}, 'INPUT.INVALID'],
  ] as const)('refuses %s, changing nothing', async (_what, deadline, code) => {
    const { services, store, poll } = await openedPoll(CONSENSUS);
    const before = store.read();
    await refused(press(as(services, SECRETARIAT), VERB.pollExtend, { pollId: poll.id, ...deadline }), code);
    expect(store.read()).toBe(before);
  });

  it('refuses anyone who may not manage the poll, and a poll no longer open', async () => {
    const { services, store, poll } = await votedPoll(true);
    const later = { pollId: poll.id, deadlineDate: '2026-12-10', deadlineTime: '12:00' };
    const before = store.read();
    await refused(press(as(services, INGRID), VERB.pollExtend, later), 'ACCESS.DENIED', { permission: 'poll.manage' });
    expect(store.read()).toBe(before);
    await press(as(services, SECRETARIAT), VERB.pollClose, { pollId: poll.id });
    const closed = store.read();
    await refused(press(as(services, SECRETARIAT), VERB.pollExtend, later), 'POLL.CLOSED');
    expect(store.read()).toBe(closed);
  });
});

describe('poll.reopen', () => {
  it('opens a poll awaiting the leader again with a new deadline, keeping the votes', async () => {
    const { services, store, poll } = await votedPoll(true);
    await press(as(services, SECRETARIAT), VERB.pollClose, { pollId: poll.id });
    const reply = await pollReopen(as(services, SECRETARIAT), input(VERB.pollReopen, { pollId: poll.id, deadlineDate: '2026-12-15', deadlineTime: '12:00' }));
    const reopened = store.read().polls[0]!;
    expect(reopened).toMatchObject({ status: 'open', deadline: '2026-12-15T11:00:00.000Z' });
    expect(reopened.closedAt).toBeUndefined();
    expect(store.read().votes).toHaveLength(4);
    expect(reply.effects).toEqual([{ kind: 'refreshPoll', pollId: poll.id }]);
    expect(textOf(cardOf(reply))).toContain('Konsensus · Åpen');
    // Votes can change again: the blocker agrees after all.
    await vote(services, INGRID, { pollId: poll.id, stance: 'agree' }, hoursAfter(3));
    expect(store.read().votes.find((v) => v.voterKey === 'person-ingrid-provestad')?.stance).toBe('agree');
  });

  it('refuses to reopen a decided poll, or one still open', async () => {
    const open = await openedPoll(CONSENSUS);
    await refused(press(as(open.services, SECRETARIAT), VERB.pollReopen, { pollId: open.poll.id, deadlineDate: '2026-12-15', deadlineTime: '12:00' }), 'POLL.STILL_OPEN');
    const { services, store, poll } = await votedPoll();
    await press(as(services, SECRETARIAT), VERB.pollClose, { pollId: poll.id });
    const before = store.read();
    await refused(press(as(services, SECRETARIAT), VERB.pollReopen, { pollId: poll.id, deadlineDate: '2026-12-15', deadlineTime: '12:00' }), 'POLL.ALREADY_DECIDED');
    expect(store.read()).toBe(before);
  });

  it('refuses a deadline in the past, and anyone who may not manage the poll, changing nothing', async () => {
    const { services, store, poll } = await votedPoll(true);
    await press(as(services, SECRETARIAT), VERB.pollClose, { pollId: poll.id });
    const before = store.read();
    await refused(press(as(services, SECRETARIAT), VERB.pollReopen, { pollId: poll.id, deadlineDate: '2026-11-30', deadlineTime: '12:00' }), 'POLL.DEADLINE_IN_PAST');
    await refused(press(as(services, MARIT), VERB.pollReopen, { pollId: poll.id, deadlineDate: '2026-12-15', deadlineTime: '12:00' }), 'ACCESS.DENIED');
    await asksToRegister(press(as(services, STRANGER), VERB.pollReopen, { pollId: poll.id, deadlineDate: '2026-12-15', deadlineTime: '12:00' }));
    expect(store.read()).toBe(before);
  });

  it('does not find a poll of another network', async () => {
    const { services, poll } = await openedPoll({ kind: 'consent', question: 'Godkjenne referatet?' }, { by: VESTLAND_SECRETARIAT, networkId: VESTLAND });
    const trondelag = { ...services, config: { ...services.config, defaultNetworkId: 'digitrondelag' } };
    await refused(press(as(trondelag, SECRETARIAT), VERB.pollReopen, { pollId: poll.id, deadlineDate: '2026-12-15', deadlineTime: '12:00' }), 'POLL.NOT_FOUND');
  });
});
