import { DomainError, type ErrorCode } from '../../src/domain/errors';
import type { Actor } from '../../src/domain/people';
import {
  castVote,
  closePoll,
  dueForClosing,
  dueForReminder,
  eligibleVoters,
  extendPoll,
  markReminded,
  openPoll,
  osloToInstant,
  outcomeOf,
  programmeBoard,
  reopenPoll,
  resultsVisible,
  splitOptions,
  tally,
  validatePollForm,
  visibleTally,
  voterKeyFor,
  type Ballot,
  type PollInput,
} from '../../src/domain/polls';
import { Body, Person, Portfolio, type Poll, type Role } from '../../src/domain/schema';
import { aPortfolio, aProject, NETWORK_ID } from '../builders';

const NOW = new Date('2026-03-10T09:00:00.000Z');
const DEADLINE = '2026-03-12T15:00:00.000Z';
const SECRET = 'a-test-secret-that-is-long-enough';
const MEMBERS = ['p-m1', 'p-m2', 'p-m3', 'p-m4'];
const PROJECT_ID = 'prj-1';

const person = (id: string, name: string, roles: Role[] = []) => Person.parse({ id, name, networkId: NETWORK_ID, roles });
const actor = (personId: string, roles: Role[]): Actor => ({ personId, aadObjectId: `aad-${personId}`, name: personId, networkId: NETWORK_ID, roles });
const SECRETARIAT = actor('p-sec', ['secretariat']);
const LEADER = actor('p-leader', ['board_leader']);
const MEMBER = actor('p-m1', ['board_member']);

function aBoard(overrides: Partial<Body> = {}): Body {
  return Body.parse({
    id: 'board',
    networkId: NETWORK_ID,
    kind: 'programme_board',
    name: 'Programstyret',
    casePrefix: 'PS',
    members: [
      { personId: 'p-leader', role: 'leader', from: '2025-01-01' },
      ...MEMBERS.map((personId) => ({ personId, role: 'member', from: '2025-01-01' })),
      { personId: 'p-sec', role: 'secretary', from: '2025-01-01' },
      { personId: 'p-former', role: 'member', from: '2023-01-01', to: '2025-12-31' },
      { personId: 'p-future', role: 'member', from: '2026-06-01' },
    ],
    ...overrides,
  });
}

/** A network with a programme board of five voters (leader and four members), a secretary and an outsider. */
function boardPortfolio(overrides: Partial<Portfolio> = {}): Portfolio {
  return aPortfolio({
    people: [
      person('p-leader', 'Lea Leder', ['board_leader']),
      ...MEMBERS.map((id, i) => person(id, `Medlem Nummer${i + 1}`, ['board_member'])),
      person('p-sec', 'Sekretær Sara', ['secretariat']),
      person('p-former', 'Tidligere Tor', []),
      person('p-future', 'Framtidige Frida', []),
      person('p-out', 'Utenfor Ulf', ['resource_group']),
    ],
    bodies: [aBoard()],
    projects: [aProject({ id: PROJECT_ID, status: 'under_consideration' })],
    ...overrides,
  });
}

const input = (overrides: Partial<PollInput> = {}): PollInput => ({
  kind: 'consensus',
  question: 'Skal programstyret godkjenne mandatet?',
  options: [],
  multiple: false,
  eligibleMode: 'board',
  deadline: DEADLINE,
  anonymous: false,
  hideResultsUntilClosed: false,
  ...overrides,
});

let seq = 0;
function opened(overrides: Partial<PollInput> = {}, p = boardPortfolio()): { p: Portfolio; poll: Poll } {
  seq += 1;
  const { next, result } = openPoll(p, SECRETARIAT, input(overrides), { pollId: `poll-${seq}` }, NOW);
  return { p: next, poll: result };
}

const vote = (p: Portfolio, pollId: string, personId: string, ballot: Ballot, at = NOW) => castVote(p, pollId, { personId }, ballot, at, SECRET).next;
const agree = { stance: 'agree' } as const;
const pollOf = (p: Portfolio, id: string) => p.polls.find((x) => x.id === id)!;
const afterDeadline = new Date(Date.parse(DEADLINE) + 1);
const close = (p: Portfolio, pollId: string) => closePoll(p, 'deadline', pollId, { decisionId: `d-${pollId}` }, afterDeadline);

function codeOf(f: () => unknown): ErrorCode | string {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return 'no error';
}

const FORM = {
  kind: 'consensus',
  question: '  Skal vi godkjenne mandatet?  ',
  projectId: '',
  options: '',
  multiple: 'false',
  eligibleMode: 'board',
  quorum: '',
  deadlineDate: '2026-03-12',
  deadlineTime: '16:00',
  reminder: '24',
  anonymous: 'false',
  hideResultsUntilClosed: 'true',
};

describe('validatePollForm', () => {
  const validate = (data: Record<string, unknown>, p = boardPortfolio()) => validatePollForm(p, NETWORK_ID, { ...FORM, ...data }, NOW);
  const errorsOf = (data: Record<string, unknown>, p?: Portfolio) => {
    const r = validate(data, p);
    return r.ok ? {} : r.errors;
  };

  it("says under the field when a project poll is not the body's, or its quorum is below the body's", () => {
    expect(errorsOf({ projectId: PROJECT_ID, eligibleMode: 'conversation' }).eligibleMode).toBe('projectNeedsBoard');
    expect(errorsOf({ quorum: '2' }).quorum).toBe('quorumBelowBody');
    expect(errorsOf({ quorum: '3' }).quorum).toBeUndefined();
  });

  it('turns a consensus form into poll input, reading the deadline on a Norwegian clock (winter time)', () => {
    expect(validate({})).toEqual({
      ok: true,
      value: {
        kind: 'consensus',
        question: 'Skal vi godkjenne mandatet?',
        projectId: undefined,
        options: [],
        multiple: false,
        eligibleMode: 'board',
        quorum: undefined,
        deadline: '2026-03-12T15:00:00.000Z',
        reminderHours: 24,
        anonymous: false,
        hideResultsUntilClosed: true,
      },
    });
  });

  it('reads summer time, and the change-over night, as Norway does', () => {
    expect(osloToInstant('2026-06-15', '12:00').toISOString()).toBe('2026-06-15T10:00:00.000Z');
    expect(osloToInstant('2026-03-29', '01:59').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(osloToInstant('2026-03-29', '03:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(osloToInstant('2026-10-25', '12:00').toISOString()).toBe('2026-10-25T11:00:00.000Z');
    expect(osloToInstant('2026-12-31', '23:59').toISOString()).toBe('2026-12-31T22:59:00.000Z');
  });

  it('splits choice options by line, or by comma on a single line', () => {
    expect(splitOptions('Ja, med endringer\n- Nei\n\n• Utsett ')).toEqual(['Ja, med endringer', 'Nei', 'Utsett']);
    expect(splitOptions('Bergen, Trondheim ,Tromsø')).toEqual(['Bergen', 'Trondheim', 'Tromsø']);
    const r = validate({ kind: 'choice', options: 'Alternativ A\nAlternativ B', multiple: 'true' });
    expect(r.ok && [r.value.options, r.value.multiple]).toEqual([['Alternativ A', 'Alternativ B'], true]);
  });

  it('wants 2 to 10 distinct options for a choice poll, none for the others', () => {
    expect(errorsOf({ kind: 'choice', options: 'Bare ett' }).options).toBe('tooFewOptions');
    expect(errorsOf({ kind: 'choice', options: Array.from({ length: 11 }, (_, i) => `Valg ${i}`).join('\n') }).options).toBe('tooManyOptions');
    expect(errorsOf({ kind: 'choice', options: 'Ørland, orland' }).options).toBe('duplicateOption');
    expect(errorsOf({ kind: 'choice', options: `Kort\n${'x'.repeat(201)}` }).options).toBe('tooLong');
    const consensus = validate({ options: 'A, B', multiple: 'true' });
    expect(consensus.ok && [consensus.value.options, consensus.value.multiple]).toEqual([[], false]);
  });

  it('refuses a deadline that is not after now, and a reminder before the poll opens', () => {
    expect(errorsOf({ deadlineDate: '2026-03-10', deadlineTime: '10:00' }).deadlineDate).toBe('deadlineInPast');
    expect(errorsOf({ deadlineDate: '2026-03-10', deadlineTime: '10:01' }).deadlineDate).toBeUndefined();
    expect(errorsOf({ deadlineDate: '2026-03-11', deadlineTime: '09:00', reminder: '24' }).reminder).toBe('reminderTooLate');
    expect(errorsOf({ deadlineTime: '25:00' }).deadlineTime).toBe('invalid');
    expect(errorsOf({ deadlineDate: '' }).deadlineDate).toBe('required');
  });

  it('checks reminder hours and quorum as whole numbers in range', () => {
    expect(errorsOf({ reminder: '169' }).reminder).toBe('outOfRange');
    expect(errorsOf({ reminder: '0' }).reminder).toBe('outOfRange');
    expect(errorsOf({ reminder: '2,5' }).reminder).toBe('wholeNumber');
    const none = validate({ reminder: 'none' });
    expect(none.ok && none.value.reminderHours).toBeUndefined();
    expect(errorsOf({ quorum: '-1' }).quorum).toBe('wholeNumber');
    expect(errorsOf({ quorum: '6' }).quorum).toBe('quorumTooHigh');
    const five = validate({ quorum: '5' });
    expect(five.ok && five.value.quorum).toBe(5);
  });

  it('takes only a project of the network that is under consideration', () => {
    expect(errorsOf({ projectId: 'nope' }).projectId).toBe('invalid');
    const proposed = boardPortfolio({ projects: [aProject({ id: PROJECT_ID, status: 'proposed' })] });
    expect(errorsOf({ projectId: PROJECT_ID }, proposed).projectId).toBe('notUnderConsideration');
    expect(validate({ projectId: PROJECT_ID }).ok).toBe(true);
  });

  it('needs a programme board for a board poll', () => {
    expect(errorsOf({}, boardPortfolio({ bodies: [] })).eligibleMode).toBe('noBoard');
    expect(errorsOf({ eligibleMode: 'conversation' }, boardPortfolio({ bodies: [] })).eligibleMode).toBeUndefined();
    expect(errorsOf({}, boardPortfolio({ bodies: [aBoard({ members: [] })] })).eligibleMode).toBe('noEligibleVoters');
  });

  it('requires the question and a known kind', () => {
    expect(errorsOf({ question: '   ' }).question).toBe('required');
    expect(errorsOf({ kind: 'vote' }).kind).toBe('invalid');
  });
});

describe('eligibleVoters', () => {
  it('is the board of that day, secretaries excepted', () => {
    const p = boardPortfolio();
    expect(eligibleVoters(p, 'board', NOW).sort()).toEqual(['p-leader', ...MEMBERS].sort());
    expect(eligibleVoters(p, 'board', new Date('2025-12-31T12:00:00Z'))).toContain('p-former');
    expect(eligibleVoters(p, 'board', new Date('2026-06-01T12:00:00Z'))).toContain('p-future');
    // 23:30 UTC on 31 May is already 1 June in Norway.
    expect(eligibleVoters(p, 'board', new Date('2026-05-31T23:30:00Z'))).toContain('p-future');
    expect(eligibleVoters(p, 'board', new Date('2026-05-31T21:30:00Z'))).not.toContain('p-future');
    expect(programmeBoard(p, NETWORK_ID)?.id).toBe('board');
  });
});

describe('openPoll', () => {
  it('opens a board poll for the current board with a majority quorum and a reminder', () => {
    const p = boardPortfolio();
    const { next, result } = openPoll(p, SECRETARIAT, input({ reminderHours: 24 }), { pollId: 'poll-x' }, NOW);
    expect(result).toMatchObject({
      id: 'poll-x',
      networkId: NETWORK_ID,
      bodyId: 'board',
      status: 'open',
      quorum: 3,
      deadline: DEADLINE,
      reminderAt: '2026-03-11T15:00:00.000Z',
      createdBy: 'p-sec',
      createdAt: NOW.toISOString(),
    });
    expect(result.eligiblePersonIds.sort()).toEqual(['p-leader', ...MEMBERS].sort());
    expect(next.polls).toEqual([result]);
    expect(p.polls).toEqual([]);
  });

  it('is for the secretariat, admins and the board leader', () => {
    expect(codeOf(() => openPoll(boardPortfolio(), MEMBER, input(), { pollId: 'x' }, NOW))).toBe('ACCESS.DENIED');
    expect(openPoll(boardPortfolio(), LEADER, input(), { pollId: 'x' }, NOW).result.createdBy).toBe('p-leader');
  });

  it('takes the conversation members the Teams layer resolved, once each, people of the network only', () => {
    const { result } = openPoll(boardPortfolio(), SECRETARIAT, input({ eligibleMode: 'conversation', quorum: 2 }), { pollId: 'c' }, NOW, undefined, [
      'p-m1',
      'p-out',
      'p-m1',
      'stranger',
    ]);
    // Advisory: a conversation poll belongs to no body, so it can never become the body's decision.
    expect([result.eligiblePersonIds, result.quorum, result.bodyId]).toEqual([['p-m1', 'p-out'], 2, undefined]);
  });

  it("lets only the body decide a project: a conversation poll on a project and a quorum below the body's are refused", () => {
    expect(codeOf(() => openPoll(boardPortfolio(), SECRETARIAT, input({ projectId: PROJECT_ID, eligibleMode: 'conversation' }), { pollId: 'x' }, NOW, undefined, ['p-m1']))).toBe(
      'POLL.PROJECT_NEEDS_BOARD',
    );
    // Five voters: the body's quorum is three.
    expect(codeOf(() => openPoll(boardPortfolio(), SECRETARIAT, input({ projectId: PROJECT_ID, quorum: 2 }), { pollId: 'x' }, NOW))).toBe('POLL.QUORUM_BELOW_BODY');
    expect(openPoll(boardPortfolio(), SECRETARIAT, input({ projectId: PROJECT_ID, quorum: 4 }), { pollId: 'x' }, NOW).result).toMatchObject({ quorum: 4, bodyId: 'board' });
  });

  it('builds choice options with ids, and drops a reminder that would come before the poll opens', () => {
    const { result } = openPoll(
      boardPortfolio(),
      SECRETARIAT,
      input({ kind: 'choice', options: ['Bergen', 'Trondheim'], multiple: true, reminderHours: 168 }),
      { pollId: 'ch' },
      NOW,
    );
    expect([result.options, result.multiple, result.reminderAt]).toEqual([
      [
        { id: 'o1', label: 'Bergen' },
        { id: 'o2', label: 'Trondheim' },
      ],
      true,
      undefined,
    ]);
  });

  it('refuses a project not under consideration, a network without a board, and a past deadline', () => {
    const proposed = boardPortfolio({ projects: [aProject({ id: PROJECT_ID, status: 'proposed' })] });
    expect(codeOf(() => openPoll(proposed, SECRETARIAT, input({ projectId: PROJECT_ID }), { pollId: 'x' }, NOW))).toBe('POLL.PROJECT_NOT_UNDER_CONSIDERATION');
    expect(codeOf(() => openPoll(boardPortfolio({ bodies: [] }), SECRETARIAT, input(), { pollId: 'x' }, NOW))).toBe('POLL.NO_BOARD');
    expect(codeOf(() => openPoll(boardPortfolio(), SECRETARIAT, input({ deadline: NOW.toISOString() }), { pollId: 'x' }, NOW))).toBe('POLL.DEADLINE_IN_PAST');
  });
});

describe('castVote', () => {
  it('records a vote and says it changed something', () => {
    const { p, poll } = opened();
    const { next, result } = castVote(p, poll.id, { personId: 'p-m1' }, agree, NOW, SECRET);
    expect(result.changed).toBe(true);
    expect(next.votes).toEqual([{ pollId: poll.id, voterKey: 'p-m1', stance: 'agree', optionIds: [], reason: undefined, at: NOW.toISOString() }]);
    expect(p.votes).toEqual([]);
  });

  it('counts an identical vote once and returns the very same portfolio', () => {
    const { p, poll } = opened();
    const once = vote(p, poll.id, 'p-m1', { stance: 'disagree', reason: 'For dyrt' });
    const again = castVote(once, poll.id, { personId: 'p-m1' }, { stance: 'disagree', reason: '  For dyrt \n' }, new Date(NOW.getTime() + 5000), SECRET);
    expect(again.next).toBe(once);
    expect(again.result).toEqual({ vote: once.votes[0], changed: false });
  });

  it('replaces the voter’s vote when it changes', () => {
    const { p, poll } = opened();
    const first = vote(p, poll.id, 'p-m1', agree);
    const second = vote(first, poll.id, 'p-m1', { stance: 'block', reason: 'Mangler budsjett' }, new Date(NOW.getTime() + 60_000));
    const mine = second.votes.filter((v) => v.pollId === poll.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ voterKey: 'p-m1', stance: 'block', reason: 'Mangler budsjett' });
    expect(first.votes[0]!.stance).toBe('agree');
  });

  it('counts 200 voters once each, even when every vote is delivered twice', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `v${i}`);
    const big = boardPortfolio({
      people: ids.map((id) => person(id, `Velger ${id}`)),
      bodies: [aBoard({ members: ids.map((personId) => ({ personId, role: 'member' as const, from: '2025-01-01' })) })],
    });
    const { p, poll } = opened({}, big);
    let state = p;
    for (const id of ids) {
      state = vote(state, poll.id, id, agree);
      const redelivered = castVote(state, poll.id, { personId: id }, agree, NOW, SECRET);
      expect(redelivered.next).toBe(state);
    }
    expect(state.votes.filter((v) => v.pollId === poll.id)).toHaveLength(200);
    expect(new Set(state.votes.map((v) => v.voterKey)).size).toBe(200);
    expect(tally(state, pollOf(state, poll.id), true).participation).toEqual({ voted: 200, eligible: 200 });
  });

  it('requires a reason for disagree and block, not for agree or abstain', () => {
    const { p, poll } = opened();
    expect(codeOf(() => castVote(p, poll.id, { personId: 'p-m1' }, { stance: 'disagree' }, NOW, SECRET))).toBe('POLL.REASON_REQUIRED');
    expect(codeOf(() => castVote(p, poll.id, { personId: 'p-m1' }, { stance: 'block', reason: '   ' }, NOW, SECRET))).toBe('POLL.REASON_REQUIRED');
    expect(codeOf(() => castVote(p, poll.id, { personId: 'p-m1' }, { stance: 'block', reason: 'x'.repeat(2001) }, NOW, SECRET))).toBe('POLL.REASON_TOO_LONG');
    expect(vote(p, poll.id, 'p-m1', { stance: 'abstain' }).votes).toHaveLength(1);
  });

  it('accepts only the stances or options of the poll’s kind', () => {
    const consensus = opened();
    expect(codeOf(() => castVote(consensus.p, consensus.poll.id, { personId: 'p-m1' }, { stance: 'object', reason: 'r' }, NOW, SECRET))).toBe('POLL.INVALID_VOTE');
    expect(codeOf(() => castVote(consensus.p, consensus.poll.id, { personId: 'p-m1' }, {}, NOW, SECRET))).toBe('POLL.INVALID_VOTE');
    const consent = opened({ kind: 'consent' });
    expect(codeOf(() => castVote(consent.p, consent.poll.id, { personId: 'p-m1' }, { stance: 'block', reason: 'r' }, NOW, SECRET))).toBe('POLL.INVALID_VOTE');
    expect(codeOf(() => castVote(consent.p, consent.poll.id, { personId: 'p-m1' }, { stance: 'object' }, NOW, SECRET))).toBe('POLL.REASON_REQUIRED');
    const single = opened({ kind: 'choice', options: ['A', 'B', 'C'] });
    const refuse = (b: Ballot) => codeOf(() => castVote(single.p, single.poll.id, { personId: 'p-m1' }, b, NOW, SECRET));
    expect(refuse({ optionIds: [] })).toBe('POLL.INVALID_VOTE');
    expect(refuse({ optionIds: ['o1', 'o2'] })).toBe('POLL.INVALID_VOTE');
    expect(refuse({ optionIds: ['o9'] })).toBe('POLL.INVALID_VOTE');
    expect(refuse({ stance: 'agree', optionIds: ['o1'] })).toBe('POLL.INVALID_VOTE');
    const multiple = opened({ kind: 'choice', options: ['A', 'B', 'C'], multiple: true });
    const next = vote(multiple.p, multiple.poll.id, 'p-m1', { optionIds: ['o3', 'o1'] });
    expect(next.votes[0]!.optionIds).toEqual(['o1', 'o3']);
    expect(castVote(next, multiple.poll.id, { personId: 'p-m1' }, { optionIds: ['o1', 'o3'] }, NOW, SECRET).next).toBe(next);
  });

  it('refuses people who are not eligible: outsiders, the secretary, former members', () => {
    const { p, poll } = opened();
    for (const personId of ['p-out', 'p-sec', 'p-former', 'p-future', 'nobody']) {
      expect([personId, codeOf(() => castVote(p, poll.id, { personId }, agree, NOW, SECRET))]).toEqual([personId, 'POLL.NOT_ELIGIBLE']);
    }
  });

  it('lets a person of the network who joins the conversation vote in a conversation poll, and no stranger', () => {
    const m = openPoll(boardPortfolio(), SECRETARIAT, input({ eligibleMode: 'conversation' }), { pollId: 'conv' }, NOW, undefined, ['p-m1']);
    const [p, poll] = [m.next, m.result];
    const next = vote(p, poll.id, 'p-out', agree);
    expect(pollOf(next, poll.id).eligiblePersonIds).toEqual(['p-m1', 'p-out']);
    expect(codeOf(() => castVote(p, poll.id, { personId: 'stranger' }, agree, NOW, SECRET))).toBe('POLL.NOT_ELIGIBLE');
    expect(vote(next, poll.id, 'p-out', { stance: 'abstain' }).polls.find((x) => x.id === poll.id)!.eligiblePersonIds).toEqual(['p-m1', 'p-out']);
  });

  it('refuses votes at and after the deadline, and on a closed poll', () => {
    const { p, poll } = opened();
    const justBefore = new Date(Date.parse(DEADLINE) - 1);
    expect(castVote(p, poll.id, { personId: 'p-m1' }, agree, justBefore, SECRET).result.changed).toBe(true);
    expect(codeOf(() => castVote(p, poll.id, { personId: 'p-m1' }, agree, new Date(DEADLINE), SECRET))).toBe('POLL.CLOSED');
    const closed = closePoll(p, SECRETARIAT, poll.id, { decisionId: 'd' }, NOW).next;
    expect(codeOf(() => castVote(closed, poll.id, { personId: 'p-m1' }, agree, NOW, SECRET))).toBe('POLL.CLOSED');
    expect(codeOf(() => castVote(p, 'no-such-poll', { personId: 'p-m1' }, agree, NOW, SECRET))).toBe('POLL.NOT_FOUND');
  });
});

describe('tally', () => {
  it('counts stances, participation and quorum, with named reasons in an open poll', () => {
    const { p, poll } = opened();
    let s = vote(p, poll.id, 'p-m1', agree);
    s = vote(s, poll.id, 'p-m2', { stance: 'disagree', reason: 'For dyrt' });
    expect(tally(s, poll, true)).toEqual({
      participation: { voted: 2, eligible: 5 },
      quorum: 3,
      quorumMet: false,
      results: {
        stances: { agree: 1, abstain: 0, disagree: 1, block: 0 },
        options: [],
        reasons: [{ stance: 'disagree', reason: 'For dyrt', personId: 'p-m2' }],
      },
    });
    expect(tally(vote(s, poll.id, 'p-m3', { stance: 'abstain' }), poll, true).quorumMet).toBe(true);
  });

  it('shows only participation to a viewer who may not see results, and hides results while open if asked to', () => {
    const { p, poll } = opened({ hideResultsUntilClosed: true });
    const s = vote(p, poll.id, 'p-m1', agree);
    expect(tally(s, poll, false)).toEqual({ participation: { voted: 1, eligible: 5 }, quorum: 3, quorumMet: false });
    expect(resultsVisible(poll, NOW)).toBe(false);
    expect(visibleTally(s, poll, NOW).results).toBeUndefined();
    expect(resultsVisible(poll, new Date(DEADLINE))).toBe(true);
    const closed = pollOf(close(s, poll.id).next, poll.id);
    expect(visibleTally(s, closed, NOW).results?.stances.agree).toBe(1);
    expect(resultsVisible(opened().poll, NOW)).toBe(true);
  });

  it('counts choices per option', () => {
    const { p, poll } = opened({ kind: 'choice', options: ['A', 'B', 'C'], multiple: true });
    let s = vote(p, poll.id, 'p-m1', { optionIds: ['o1', 'o2'] });
    s = vote(s, poll.id, 'p-m2', { optionIds: ['o2'] });
    expect(tally(s, poll, true).results?.options.map((o) => o.count)).toEqual([1, 2, 0]);
  });
});

describe('closePoll', () => {
  const withVotes = (overrides: Partial<PollInput>, ballots: Array<[string, Ballot]>) => {
    const { p, poll } = opened({ projectId: PROJECT_ID, ...overrides });
    return { p: ballots.reduce((s, [who, b]) => vote(s, poll.id, who, b), p), poll };
  };
  const projectStatus = (p: Portfolio) => p.projects.find((x) => x.id === PROJECT_ID)!.status;

  it('reaches consensus with enough agreement and no block, records dissent and abstentions, and approves the project', () => {
    const { p, poll } = withVotes({}, [
      ['p-m1', agree],
      ['p-m2', { stance: 'disagree', reason: 'Budsjettet er stramt' }],
      ['p-m3', { stance: 'abstain' }],
      ['p-leader', agree],
    ]);
    const { next, result } = close(p, poll.id);
    expect(result.outcome).toEqual({ result: 'consensus' });
    expect(result.poll).toMatchObject({ status: 'decided', decisionId: `d-${poll.id}`, closedAt: afterDeadline.toISOString() });
    expect(result.decision).toMatchObject({
      caseNumber: 'PS 1/2026',
      method: 'consensus',
      outcome: 'approved',
      dissent: [{ personId: 'p-m2', reason: 'Budsjettet er stramt' }],
      abstentions: 1,
      pollId: poll.id,
      projectId: PROJECT_ID,
      date: '2026-03-12',
    });
    // Reached by the poll itself: the record names no decider (the leader neither voted to decide nor decided).
    expect(result.decision).not.toHaveProperty('decidedBy');
    expect(next.decisions).toEqual([result.decision]);
    expect(projectStatus(next)).toBe('approved');
    expect(Portfolio.parse(next)).toEqual(JSON.parse(JSON.stringify(next)));
    expect(pollOf(next, poll.id)).toEqual(result.poll);
    expect(projectStatus(p)).toBe('under_consideration');
  });

  it('sends a blocked poll to the leader, however many agree', () => {
    const { p, poll } = withVotes({}, [
      ['p-m1', agree],
      ['p-m2', agree],
      ['p-m3', agree],
      ['p-m4', { stance: 'block', reason: 'Strider mot avtalen' }],
    ]);
    const { next, result } = close(p, poll.id);
    expect(result.outcome).toEqual({ result: 'no_consensus', because: 'blocked' });
    expect([result.poll.status, result.decision, next.decisions, projectStatus(next)]).toEqual(['awaiting_leader', undefined, [], 'under_consideration']);
  });

  it('sends a poll without quorum to the leader', () => {
    const { p, poll } = withVotes({}, [
      ['p-m1', agree],
      ['p-m2', agree],
    ]);
    expect(close(p, poll.id).result.outcome).toEqual({ result: 'no_consensus', because: 'no_quorum' });
    expect(close(vote(p, poll.id, 'p-m3', agree), poll.id).result.outcome).toEqual({ result: 'consensus' });
  });

  it('takes silence as consent, and sends an objection to the leader', () => {
    const silent = withVotes({ kind: 'consent' }, []);
    const consented = close(silent.p, silent.poll.id);
    expect(consented.result.outcome).toEqual({ result: 'consented' });
    expect(consented.result.decision).toMatchObject({ method: 'consent', outcome: 'approved', dissent: [] });
    expect(projectStatus(consented.next)).toBe('approved');

    const objected = withVotes({ kind: 'consent' }, [['p-m1', { stance: 'object', reason: 'Uklart mandat' }]]);
    const waiting = close(objected.p, objected.poll.id);
    expect([waiting.result.outcome, waiting.result.poll.status, projectStatus(waiting.next)]).toEqual([{ result: 'objected' }, 'awaiting_leader', 'under_consideration']);
  });

  it('lets an objector withdraw by voting "agree" (no objection)', () => {
    const objected = withVotes({ kind: 'consent' }, [['p-m1', { stance: 'object', reason: 'Uklart mandat' }]]);
    const withdrawn = vote(objected.p, objected.poll.id, 'p-m1', agree);
    expect(outcomeOf(withdrawn, objected.poll)).toEqual({ result: 'consented' });
  });

  it('chooses the option with most votes, single or multiple', () => {
    const single = withVotes({ kind: 'choice', options: ['Bergen', 'Trondheim', 'Tromsø'], projectId: undefined }, [
      ['p-m1', { optionIds: ['o2'] }],
      ['p-m2', { optionIds: ['o2'] }],
      ['p-m3', { optionIds: ['o1'] }],
    ]);
    const chosen = close(single.p, single.poll.id);
    expect(chosen.result.outcome).toEqual({ result: 'chosen', optionIds: ['o2'] });
    expect(chosen.result.decision).toMatchObject({ method: 'majority', outcome: 'chosen', chosen: ['Trondheim'] });
    expect(() => Portfolio.parse(chosen.next)).not.toThrow();

    const multiple = withVotes({ kind: 'choice', options: ['A', 'B', 'C'], multiple: true, projectId: undefined }, [
      ['p-m1', { optionIds: ['o1', 'o3'] }],
      ['p-m2', { optionIds: ['o3'] }],
      ['p-m3', { optionIds: ['o1', 'o2', 'o3'] }],
    ]);
    expect(close(multiple.p, multiple.poll.id).result.outcome).toEqual({ result: 'chosen', optionIds: ['o3'] });
  });

  it('sends a tie to the leader', () => {
    const tie = withVotes({ kind: 'choice', options: ['A', 'B', 'C'], projectId: undefined }, [
      ['p-m1', { optionIds: ['o1'] }],
      ['p-m2', { optionIds: ['o2'] }],
      ['p-m3', { optionIds: ['o3'] }],
    ]);
    const { result } = close(tie.p, tie.poll.id);
    expect([result.outcome, result.poll.status]).toEqual([{ result: 'no_choice', because: 'tie', optionIds: ['o1', 'o2', 'o3'] }, 'awaiting_leader']);
  });

  it('closes by hand for poll managers and the poll’s creator, before the deadline too', () => {
    const { p, poll } = opened();
    expect(codeOf(() => closePoll(p, MEMBER, poll.id, { decisionId: 'd' }, NOW))).toBe('ACCESS.DENIED');
    const formerSecretary = actor('p-sec', []);
    expect(closePoll(p, formerSecretary, poll.id, { decisionId: 'd' }, NOW).result.poll.status).toBe('awaiting_leader');
    expect(closePoll(p, LEADER, poll.id, { decisionId: 'd' }, NOW).result.poll.closedAt).toBe(NOW.toISOString());
  });

  it('closes at the deadline, not before, and only once', () => {
    const { p, poll } = opened();
    expect(dueForClosing(p, new Date(Date.parse(DEADLINE) - 1))).toEqual([]);
    expect(dueForClosing(p, new Date(DEADLINE))).toEqual([poll]);
    expect(() => closePoll(p, 'deadline', poll.id, { decisionId: 'd' }, new Date(Date.parse(DEADLINE) - 1))).toThrow('not due');
    const closed = closePoll(p, 'deadline', poll.id, { decisionId: 'd' }, new Date(DEADLINE)).next;
    expect(dueForClosing(closed, afterDeadline)).toEqual([]);
    expect(codeOf(() => close(closed, poll.id))).toBe('POLL.CLOSED');
  });

  it('just closes a conversation poll in a network without a board: no body, no case number', () => {
    const p = boardPortfolio({ bodies: [] });
    const m = openPoll(p, SECRETARIAT, input({ eligibleMode: 'conversation', kind: 'consent' }), { pollId: 'nb' }, NOW, undefined, ['p-m1']);
    const { next, result } = close(m.next, 'nb');
    expect([result.outcome, result.poll.status, next.decisions]).toEqual([{ result: 'consented' }, 'closed', []]);
  });
});

describe('extendPoll and reopenPoll', () => {
  const later = new Date('2026-03-14T15:00:00.000Z');

  it('extends an open poll, moving the reminder with it and sending it again', () => {
    const { p, poll } = opened({ reminderHours: 24 });
    const reminded = markReminded(p, poll.id, new Date('2026-03-11T15:00:00Z')).next;
    const { result } = extendPoll(reminded, SECRETARIAT, poll.id, later, new Date('2026-03-11T16:00:00Z'));
    expect([result.deadline, result.reminderAt, result.remindedAt, result.status]).toEqual([later.toISOString(), '2026-03-13T15:00:00.000Z', undefined, 'open']);
  });

  it('extends only to a later deadline in the future, for managers, while open', () => {
    const { p, poll } = opened();
    expect(codeOf(() => extendPoll(p, SECRETARIAT, poll.id, new Date('2026-03-11T15:00:00Z'), NOW))).toBe('POLL.DEADLINE_NOT_LATER');
    expect(codeOf(() => extendPoll(p, SECRETARIAT, poll.id, later, new Date('2026-03-15T00:00:00Z')))).toBe('POLL.DEADLINE_IN_PAST');
    expect(codeOf(() => extendPoll(p, MEMBER, poll.id, later, NOW))).toBe('ACCESS.DENIED');
    const closed = close(p, poll.id).next;
    expect(codeOf(() => extendPoll(closed, SECRETARIAT, poll.id, later, NOW))).toBe('POLL.CLOSED');
    // The deadline passed but the scheduler has not closed it yet: still open, may be extended.
    expect(extendPoll(p, SECRETARIAT, poll.id, later, afterDeadline).result.deadline).toBe(later.toISOString());
  });

  it('reopens a poll waiting for the leader, votes kept, so members can vote again', () => {
    const { p, poll } = opened();
    const s = vote(vote(p, poll.id, 'p-m1', agree), poll.id, 'p-m2', { stance: 'block', reason: 'Nei' });
    const waiting = close(s, poll.id).next;
    const { next, result } = reopenPoll(waiting, SECRETARIAT, poll.id, later, afterDeadline);
    expect([result.status, result.closedAt, result.deadline]).toEqual(['open', undefined, later.toISOString()]);
    expect(next.votes).toHaveLength(2);
    const changed = vote(next, poll.id, 'p-m2', agree, afterDeadline);
    expect(outcomeOf(vote(changed, poll.id, 'p-m3', agree, afterDeadline), pollOf(changed, poll.id))).toEqual({ result: 'consensus' });
  });

  it('does not reopen a decided poll, an open poll, or for members', () => {
    const { p, poll } = opened({ kind: 'consent' });
    const decided = close(p, poll.id).next;
    expect(pollOf(decided, poll.id).status).toBe('decided');
    expect(codeOf(() => reopenPoll(decided, SECRETARIAT, poll.id, later, afterDeadline))).toBe('POLL.ALREADY_DECIDED');
    expect(codeOf(() => reopenPoll(p, SECRETARIAT, poll.id, later, NOW))).toBe('POLL.STILL_OPEN');
    const waiting = close(vote(p, poll.id, 'p-m1', { stance: 'object', reason: 'r' }), poll.id).next;
    expect(codeOf(() => reopenPoll(waiting, MEMBER, poll.id, later, afterDeadline))).toBe('ACCESS.DENIED');
    expect(codeOf(() => reopenPoll(waiting, SECRETARIAT, poll.id, NOW, afterDeadline))).toBe('POLL.DEADLINE_IN_PAST');
  });
});

describe('reminders', () => {
  const at = new Date('2026-03-11T15:00:00.000Z');

  it('reminds, once, only the eligible who have not voted', () => {
    const { p, poll } = opened({ reminderHours: 24 });
    const s = vote(vote(p, poll.id, 'p-m1', agree), poll.id, 'p-leader', { stance: 'abstain' });
    expect(dueForReminder(s, new Date(at.getTime() - 1), SECRET)).toEqual([]);
    const due = dueForReminder(s, at, SECRET);
    expect(due.map((d) => [d.poll.id, d.personIds.sort()])).toEqual([[poll.id, ['p-m2', 'p-m3', 'p-m4']]]);
    const marked = markReminded(s, poll.id, at);
    expect(marked.result.remindedAt).toBe(at.toISOString());
    expect(dueForReminder(marked.next, at, SECRET)).toEqual([]);
    expect(markReminded(marked.next, poll.id, new Date(at.getTime() + 1000)).next).toBe(marked.next);
  });

  it('finds the non-voters of an anonymous poll through their voter keys', () => {
    const { p, poll } = opened({ reminderHours: 24, anonymous: true });
    const s = vote(p, poll.id, 'p-m3', agree);
    expect(dueForReminder(s, at, SECRET)[0]!.personIds.sort()).toEqual(['p-leader', 'p-m1', 'p-m2', 'p-m4']);
  });

  it('does not remind for polls without a reminder, or past their deadline', () => {
    const { p } = opened();
    expect(dueForReminder(p, at, SECRET)).toEqual([]);
    const r = opened({ reminderHours: 24 });
    expect(dueForReminder(r.p, new Date(DEADLINE), SECRET)).toEqual([]);
  });
});

describe('anonymous polls', () => {
  it('key votes by a keyed hash: changeable, never traceable to a person id', () => {
    const { p, poll } = opened({ anonymous: true });
    let s = vote(p, poll.id, 'p-m1', { stance: 'disagree', reason: 'Ikke nå' });
    s = vote(s, poll.id, 'p-m1', { stance: 'block', reason: 'Ikke nå' });
    s = vote(s, poll.id, 'p-m2', agree);
    const votes = s.votes.filter((v) => v.pollId === poll.id);
    expect(votes).toHaveLength(2);
    // Kept in key order, not in the order of arrival: a position in the file names nobody.
    expect(votes.map((v) => v.voterKey)).toEqual([voterKeyFor(poll, 'p-m1', SECRET), voterKeyFor(poll, 'p-m2', SECRET)].sort());
    const reversed = vote(vote(p, poll.id, 'p-m2', agree), poll.id, 'p-m1', agree).votes.filter((v) => v.pollId === poll.id);
    expect(reversed.map((v) => v.voterKey)).toEqual(votes.map((v) => v.voterKey));
    expect(votes[0]!.voterKey).toMatch(/^[0-9a-f]{64}$/);
    const other = opened({ anonymous: true }).poll;
    expect(voterKeyFor(other, 'p-m1', SECRET)).not.toBe(votes[0]!.voterKey);
    expect(voterKeyFor(poll, 'p-m1', 'another-secret-long-enough')).not.toBe(votes[0]!.voterKey);
    const t = tally(s, poll, true);
    expect(t.results?.reasons).toEqual([{ stance: 'block', reason: 'Ikke nå' }]);
    const exposed = JSON.stringify([votes, t, outcomeOf(s, poll)]);
    for (const id of ['p-m1', 'p-m2', 'Medlem Nummer1', 'Medlem Nummer2']) expect(exposed).not.toContain(id);
  });

  it('show no stances, counts per stance or reasons while open, so a press does not reveal the presser; all of it once closed', () => {
    const { p, poll } = opened({ anonymous: true });
    const s = vote(vote(p, poll.id, 'p-m1', { stance: 'block', reason: 'Ikke nå' }), poll.id, 'p-m2', agree);
    expect(resultsVisible(poll, NOW)).toBe(false);
    expect(visibleTally(s, poll, NOW)).toEqual({ participation: { voted: 2, eligible: 5 }, quorum: 3, quorumMet: false });
    const closed = close(s, poll.id).result.poll;
    expect(visibleTally(s, closed, afterDeadline).results?.reasons).toEqual([{ stance: 'block', reason: 'Ikke nå' }]);
  });

  it('refuse a secret too short to keep the hash from being guessed', () => {
    const { poll } = opened({ anonymous: true });
    expect(() => voterKeyFor(poll, 'p-m1', 'short')).toThrow('secret');
    expect(voterKeyFor(opened().poll, 'p-m1', '')).toBe('p-m1');
  });
});
