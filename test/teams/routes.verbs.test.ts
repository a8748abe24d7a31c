import { dataSchemaOf, VERB, type Verb } from '../../src/cards/actions';
import type { Portfolio } from '../../src/domain/schema';
import { decisionLead, decisionShow, decisionsMinutes, pollExport } from '../../src/teams/actions/decision.action';
import { initiativeInterest } from '../../src/teams/actions/initiative-interest.action';
import { initiativePropose } from '../../src/teams/actions/initiative-propose.action';
import { initiativeShare } from '../../src/teams/actions/initiative-share.action';
import { initiativeShow } from '../../src/teams/actions/initiative-show.action';
import { bodyAddMember, bodyEndTerm, bodyMakeLeader, bodySetDeputy, bodyShow } from '../../src/teams/actions/body-members.action';
import { memberApprove, memberReject } from '../../src/teams/actions/member-approve.action';
import { memberRegister } from '../../src/teams/actions/member-register.action';
import { pollClose, pollExtend, pollReopen } from '../../src/teams/actions/poll-manage.action';
import { pollOpen } from '../../src/teams/actions/poll-open.action';
import { pollRefresh } from '../../src/teams/actions/poll-refresh.action';
import { pollVote } from '../../src/teams/actions/poll-vote.action';
import { portfolioPage } from '../../src/teams/actions/portfolio-page.action';
import { projectPhase } from '../../src/teams/actions/project-phase.action';
import { projectPropose } from '../../src/teams/actions/project-propose.action';
import { projectReport, projectReportForm } from '../../src/teams/actions/project-report.action';
import { projectShow } from '../../src/teams/actions/project-show.action';
import { projectTransition } from '../../src/teams/actions/project-transition.action';
import { areasSet, areasShow } from '../../src/teams/actions/areas.action';
import { rolesSet, rolesShow } from '../../src/teams/actions/roles.action';
import { anyone, needs, needsOn, registered, type Access } from '../../src/teams/route';
import { VERBS } from '../../src/teams/routes';
import type { User } from '../fixtures/activities';
import {
  asksToRegister,
  BOARD_LEADER,
  HANNE,
  hoursAfter,
  INGRID,
  LARS,
  MARIT,
  nextTurn,
  NILS,
  NOBODY,
  openedPoll,
  ORGLESS,
  PER,
  press,
  refused,
  SECRETARIAT,
  SIGRID,
  STRANGER,
  T0,
  turnAs,
  vote,
  withNobody,
  withPending,
} from './actions/action-helpers';

/**
 * The card-button half of the route table, pinned down: every verb has a route, each route has
 * the schema, the permission and the handler it should, and no button that changes anything is
 * open to `anyone` unless its handler checks who is pressing. A route cannot lose its permission
 * without a line here changing with it.
 */

type Handler = (...args: never[]) => unknown;
const ROUTES: Record<Verb, { access: Access; handler: Handler }> = {
  [VERB.projectShow]: { access: anyone, handler: projectShow },
  [VERB.portfolioPage]: { access: anyone, handler: portfolioPage },
  [VERB.memberRegister]: { access: anyone, handler: memberRegister },
  [VERB.memberApprove]: { access: needs('membership.confirm'), handler: memberApprove },
  [VERB.memberReject]: { access: needs('membership.confirm'), handler: memberReject },
  [VERB.bodyShow]: { access: anyone, handler: bodyShow },
  [VERB.bodyAddMember]: { access: needs('bodies.manage'), handler: bodyAddMember },
  [VERB.bodyEndTerm]: { access: needs('bodies.manage'), handler: bodyEndTerm },
  [VERB.bodyMakeLeader]: { access: needs('bodies.manage'), handler: bodyMakeLeader },
  [VERB.bodySetDeputy]: { access: needs('bodies.manage'), handler: bodySetDeputy },
  [VERB.initiativeShow]: { access: anyone, handler: initiativeShow },
  [VERB.initiativeShare]: { access: needs('initiative.share'), handler: initiativeShare },
  /** For the person's confirmed organisation, or in their own name: anyone registered (toggleInterest decides which). */
  [VERB.initiativeInterest]: { access: registered, handler: initiativeInterest },
  [VERB.initiativePropose]: { access: needs('project.propose'), handler: initiativePropose },
  [VERB.projectPropose]: { access: needs('project.propose'), handler: projectPropose },
  [VERB.projectTransition]: { access: registered, handler: projectTransition },
  [VERB.projectPhase]: { access: registered, handler: projectPhase },
  [VERB.projectReportForm]: { access: needsOn('project.report'), handler: projectReportForm },
  [VERB.projectReport]: { access: needsOn('project.report'), handler: projectReport },
  [VERB.rolesShow]: { access: needs('roles.manage'), handler: rolesShow },
  [VERB.rolesSet]: { access: needs('roles.manage'), handler: rolesSet },
  [VERB.areasShow]: { access: needs('areas.manage'), handler: areasShow },
  [VERB.areasSet]: { access: needs('areas.manage'), handler: areasSet },
  [VERB.pollOpen]: { access: needs('poll.open'), handler: pollOpen },
  [VERB.pollVote]: { access: registered, handler: pollVote },
  [VERB.pollRefresh]: { access: anyone, handler: pollRefresh },
  [VERB.pollClose]: { access: registered, handler: pollClose },
  [VERB.pollExtend]: { access: registered, handler: pollExtend },
  [VERB.pollReopen]: { access: registered, handler: pollReopen },
  [VERB.pollExport]: { access: anyone, handler: pollExport },
  [VERB.decisionLead]: { access: needs('decision.lead'), handler: decisionLead },
  [VERB.decisionShow]: { access: anyone, handler: decisionShow },
  [VERB.decisionsMinutes]: { access: anyone, handler: decisionsMinutes },
};

/** Buttons that only show something. */
const READS = [
  VERB.projectShow,
  VERB.portfolioPage,
  VERB.bodyShow,
  VERB.initiativeShow,
  VERB.initiativePropose,
  VERB.projectReportForm,
  VERB.rolesShow,
  VERB.areasShow,
  VERB.pollRefresh,
  VERB.pollExport,
  VERB.decisionShow,
  VERB.decisionsMinutes,
] as const satisfies readonly Verb[];
/** Buttons that change the portfolio. */
const CHANGES = [
  VERB.memberRegister,
  VERB.memberApprove,
  VERB.memberReject,
  VERB.bodyAddMember,
  VERB.bodyEndTerm,
  VERB.bodyMakeLeader,
  VERB.bodySetDeputy,
  VERB.initiativeShare,
  VERB.initiativeInterest,
  VERB.projectPropose,
  VERB.projectTransition,
  VERB.projectPhase,
  VERB.projectReport,
  VERB.rolesSet,
  VERB.areasSet,
  VERB.pollOpen,
  VERB.pollVote,
  VERB.pollClose,
  VERB.pollExtend,
  VERB.pollReopen,
  VERB.decisionLead,
] as const satisfies readonly Verb[];
/** Changes open to `anyone` in the table, because the handler itself checks the sender. */
const ANYONE_BUT_HANDLER_CHECKS: readonly Verb[] = [VERB.memberRegister];
/** Reads whose permission only the table enforces (the handler does not check again). */
const TABLE_ONLY: readonly Verb[] = [VERB.rolesShow];

describe('the card-button route table', () => {
  const verbs = Object.values(VERB);

  it('has a route for every verb a card can carry, and none besides', () => {
    expect(Object.keys(VERBS).sort()).toEqual([...verbs].sort());
  });

  it('classifies every verb as a read or a change, once', () => {
    expect([...READS, ...CHANGES].sort()).toEqual([...verbs].sort());
  });

  it.each(verbs)('parses %s with the verb’s own schema from cards/actions.ts', (verb) => {
    const route = VERBS[verb];
    expect(route.input).toBe(dataSchemaOf(verb));
    expect(route.input.shape.verb.value).toBe(verb);
  });

  it.each(verbs)('guards %s with the access it should have', (verb) => {
    expect(VERBS[verb].access).toEqual(ROUTES[verb].access);
  });

  it.each(verbs)('hands %s to its named export', (verb) => {
    expect(VERBS[verb].handler).toBe(ROUTES[verb].handler);
  });

  it('opens no change to anyone unless its handler checks who is pressing', () => {
    const open = CHANGES.filter((v) => VERBS[v].access.kind === 'anyone');
    expect(open).toEqual(ANYONE_BUT_HANDLER_CHECKS);
  });

  it('guards what only the table guards with a permission', () => {
    for (const verb of TABLE_ONLY) expect(VERBS[verb].access.kind).toBe('permission');
  });
});

const LATER = hoursAfter(2);
const LATER_DEADLINE = { deadlineDate: '2026-12-15', deadlineTime: '12:00' };

/**
 * The portfolio the presses below start from: the demo, NOBODY and ORGLESS added, an open board
 * poll (poll-1), and a blocked one closed and awaiting the leader (poll-2).
 */
let start: Portfolio;
beforeAll(async () => {
  const { services, store } = await openedPoll({ kind: 'consensus', question: 'Skal programstyret vedta depotløsningen?', projectId: 'p-depot-digitalt-arkiv' }, { portfolio: withPending(withNobody()) });
  const inChannel = { now: T0, conversation: { id: '19:general@thread.tacv2;messageid=1', conversationType: 'channel' as const } };
  await press(nextTurn(services, SECRETARIAT, inChannel), VERB.pollOpen, { kind: 'consensus', question: 'Skal vi vedta felles logganalyse?', projectId: 'p-logganalyse-hendelser', ...LATER_DEADLINE });
  await vote(services, PER, { pollId: 'poll-2', stance: 'block', reason: 'Personvernet er ikke vurdert' });
  for (const member of [INGRID, SIGRID, LARS]) await vote(services, member, { pollId: 'poll-2', stance: 'agree' });
  await press(nextTurn(services, SECRETARIAT, { now: LATER }), VERB.pollClose, { pollId: 'poll-2' });
  start = store.read();
  expect(start.polls.map((x) => `${x.id}:${x.status}`)).toEqual(['poll-1:open', 'poll-2:awaiting_leader']);
});

const REPORT = { overall: 'green', time: 'green', budget: 'yellow', quality: 'green' };
const INITIATIVE = { title: 'Felles SOC', level: 'regional', area: 'informasjonssikkerhet' };
const PENDING_REQUEST = { personId: 'person-pending', organisationId: 'kommune-5057' };
const BOARD = 'ps-digitrondelag';
const PROPOSAL = { title: 'Felles SOC', ownerOrganisationId: 'kommune-5057', area: 'informasjonssikkerhet', horizon: 'H2' };

/**
 * For every change: data that works for someone who may, and someone registered who may not,
 * refused by the handler or the domain with the code (and the permission) given. The table's
 * check in app.ts comes on top; these hold even if a route lost its permission.
 */
const PRESSES: Record<(typeof CHANGES)[number], { data: Record<string, unknown>; may: User; mayNot: User | undefined; code: string; permission?: string }> = {
  [VERB.memberRegister]: { data: { organisationId: 'kommune-5001' }, may: STRANGER, mayNot: undefined, code: 'ACCESS.NO_IDENTITY' },
  [VERB.initiativeShare]: { data: INITIATIVE, may: NILS, mayNot: NOBODY, code: 'ACCESS.DENIED', permission: 'initiative.share' },
  [VERB.memberApprove]: { data: PENDING_REQUEST, may: SECRETARIAT, mayNot: NILS, code: 'ACCESS.DENIED', permission: 'membership.confirm' },
  [VERB.memberReject]: { data: PENDING_REQUEST, may: SECRETARIAT, mayNot: NILS, code: 'ACCESS.DENIED', permission: 'membership.confirm' },
  [VERB.bodyAddMember]: { data: { bodyId: BOARD, personId: 'person-nils-demoberg' }, may: SECRETARIAT, mayNot: NILS, code: 'ACCESS.DENIED', permission: 'bodies.manage' },
  [VERB.bodyEndTerm]: { data: { bodyId: BOARD, endPersonId: 'person-ingrid-provestad' }, may: SECRETARIAT, mayNot: INGRID, code: 'ACCESS.DENIED', permission: 'bodies.manage' },
  [VERB.bodyMakeLeader]: { data: { bodyId: BOARD, leaderPersonId: 'person-ingrid-provestad' }, may: SECRETARIAT, mayNot: BOARD_LEADER, code: 'ACCESS.DENIED', permission: 'bodies.manage' },
  [VERB.bodySetDeputy]: {
    data: { bodyId: BOARD, memberPersonId: 'person-ingrid-provestad', deputyPersonId: 'person-tor-eksempelmo' },
    may: SECRETARIAT,
    mayNot: INGRID,
    code: 'ACCESS.DENIED',
    permission: 'bodies.manage',
  },
  // Open to everyone registered: without a confirmed organisation the mark is in one's own name, so nobody registered is refused.
  [VERB.initiativeInterest]: { data: { initiativeId: 'i-felles-kommunal-journal' }, may: ORGLESS, mayNot: undefined, code: 'ACCESS.NO_IDENTITY' },
  [VERB.projectPropose]: { data: PROPOSAL, may: NILS, mayNot: NOBODY, code: 'ACCESS.DENIED', permission: 'project.propose' },
  [VERB.projectTransition]: { data: { projectId: 'p-samhandling-helseforetak', transition: 'submit' }, may: SECRETARIAT, mayNot: NILS, code: 'ACCESS.DENIED', permission: 'project.submit' },
  [VERB.projectPhase]: { data: { projectId: 'p-barnevern', phase: 'execution' }, may: HANNE, mayNot: NILS, code: 'ACCESS.DENIED', permission: 'project.progress' },
  [VERB.projectReport]: { data: { projectId: 'p-barnevern', ...REPORT }, may: HANNE, mayNot: NILS, code: 'ACCESS.DENIED', permission: 'project.report' },
  [VERB.rolesSet]: { data: { personId: 'person-nils-demoberg', roles: 'admin' }, may: SECRETARIAT, mayNot: NILS, code: 'ACCESS.DENIED', permission: 'roles.manage' },
  [VERB.areasSet]: { data: { areas: 'velferdsteknologi\noppvekst' }, may: SECRETARIAT, mayNot: NILS, code: 'ACCESS.DENIED', permission: 'areas.manage' },
  [VERB.pollOpen]: { data: { kind: 'consent', question: 'Godkjenne referatet?', ...LATER_DEADLINE }, may: SECRETARIAT, mayNot: NILS, code: 'ACCESS.DENIED', permission: 'poll.open' },
  [VERB.pollVote]: { data: { pollId: 'poll-1', stance: 'agree' }, may: INGRID, mayNot: NILS, code: 'POLL.NOT_ELIGIBLE' },
  [VERB.pollClose]: { data: { pollId: 'poll-1' }, may: SECRETARIAT, mayNot: MARIT, code: 'ACCESS.DENIED', permission: 'poll.manage' },
  [VERB.pollExtend]: { data: { pollId: 'poll-1', ...LATER_DEADLINE }, may: SECRETARIAT, mayNot: MARIT, code: 'ACCESS.DENIED', permission: 'poll.manage' },
  [VERB.pollReopen]: { data: { pollId: 'poll-2', ...LATER_DEADLINE }, may: SECRETARIAT, mayNot: MARIT, code: 'ACCESS.DENIED', permission: 'poll.manage' },
  [VERB.decisionLead]: { data: { pollId: 'poll-2', choice: 'reject', statement: 'Personvernet først.' }, may: BOARD_LEADER, mayNot: SECRETARIAT, code: 'ACCESS.DENIED', permission: 'decision.lead' },
};

describe('every change checks who is pressing, whatever the table says', () => {
  const changes = CHANGES.map((verb) => [verb] as const);

  it.each(changes)('%s changes the portfolio for someone who may', async (verb) => {
    const { turn, store } = turnAs(PRESSES[verb].may, { portfolio: start, now: LATER });
    await press(turn, verb, PRESSES[verb].data);
    expect(store.read()).not.toBe(start);
  });

  it.each(changes)('%s is refused, changing nothing, for someone who may not', async (verb) => {
    const { data, mayNot, code, permission } = PRESSES[verb];
    const { turn, store } = turnAs(mayNot, { portfolio: start, now: LATER });
    const error = await refused(press(turn, verb, data), code as never);
    if (permission) expect(error.params.permission).toBe(permission);
    expect(store.read()).toBe(start);
  });

  it.each(changes.filter(([verb]) => verb !== VERB.memberRegister))('%s asks someone Flokk has not met to register, changing nothing', async (verb) => {
    const { turn, store } = turnAs(STRANGER, { portfolio: start, now: LATER });
    await asksToRegister(press(turn, verb, PRESSES[verb].data));
    expect(store.read()).toBe(start);
  });

  it.each(CHANGES.filter((v) => VERBS[v].access.kind === 'permission' || VERBS[v].access.kind === 'perObject').map((v) => [v] as const))(
    '%s refuses with the very permission its route names',
    (verb) => {
      const access = VERBS[verb].access as Extract<Access, { permission: unknown }>;
      expect(PRESSES[verb].permission).toBe(access.permission);
    },
  );
});

/** Data for every read, as a person who may see it. */
const SHOWS: Record<(typeof READS)[number], { data: Record<string, unknown>; by: User }> = {
  [VERB.projectShow]: { data: { projectId: 'p-barnevern' }, by: STRANGER },
  [VERB.portfolioPage]: { data: { page: 2 }, by: STRANGER },
  [VERB.bodyShow]: { data: { bodyId: 'ps-digitrondelag' }, by: STRANGER },
  [VERB.initiativeShow]: { data: { initiativeId: 'i-kartportal-fosen' }, by: STRANGER },
  [VERB.initiativePropose]: { data: { initiativeId: 'i-kartportal-fosen' }, by: HANNE },
  [VERB.projectReportForm]: { data: { projectId: 'p-barnevern' }, by: HANNE },
  [VERB.rolesShow]: { data: { personId: 'person-nils-demoberg' }, by: SECRETARIAT },
  [VERB.areasShow]: { data: {}, by: SECRETARIAT },
  [VERB.pollRefresh]: { data: { pollId: 'poll-1' }, by: STRANGER },
  [VERB.pollExport]: { data: { pollId: 'poll-2' }, by: SECRETARIAT },
  [VERB.decisionShow]: { data: { decisionId: 'd-ps-digitrondelag-2025-7' }, by: STRANGER },
  [VERB.decisionsMinutes]: { data: { year: 2025 }, by: STRANGER },
};

describe('every read changes nothing', () => {
  it.each(READS.map((verb) => [verb] as const))('%s answers without a change', async (verb) => {
    const { turn, store } = turnAs(SHOWS[verb].by, { portfolio: start, now: LATER });
    const reply = await press(turn, verb, SHOWS[verb].data);
    expect(reply.card ?? reply.download).toBeDefined();
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(start);
  });

  // poll.export is open to anyone at the route, but its handler lets only the poll's conversation, voters and managers take the results.
  it.each(READS.filter((v) => VERBS[v].access.kind === 'anyone' && v !== VERB.pollExport).map((v) => [v] as const))('%s, open to anyone, answers someone Flokk has not met', (verb) => {
    expect(SHOWS[verb].by).toBe(STRANGER);
  });
});
