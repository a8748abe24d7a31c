import { createHmac } from 'node:crypto';
import { z } from 'zod/v4';
import { osloDate, osloOffsetMinutes, pollRecord, recordDecision, unlinkable } from './decisions';
import { DomainError } from './errors';
import { optionalText, parseForm, requiredText, type FieldErrors, type FormResult } from './forms';
import type { Mutation } from './mutation';
import { assertMay, may, type Actor } from './people';
import type { Body, ConversationRef, Decision, Poll, Portfolio, Vote } from './schema';
import { foldKey } from './text';

/**
 * Polls of the programme board: consensus (agree / abstain / disagree / block), silent consent
 * (no objection by the deadline means approved) and choice between options. See DOMAIN.md,
 * "Consensus, precisely".
 */

export type Stance = NonNullable<Vote['stance']>;

/** What each kind of poll accepts. In a consent poll, 'agree' is "no objection" and withdraws an earlier objection. */
const STANCES: Record<Poll['kind'], readonly Stance[]> = {
  consensus: ['agree', 'abstain', 'disagree', 'block'],
  consent: ['agree', 'object'],
  choice: [],
};
const NEEDS_REASON: readonly Stance[] = ['disagree', 'block', 'object'];
export const MAX_REASON = 2000;
export const MAX_OPTIONS = 10;

const flag = z.preprocess((v) => v === true || v === 'true', z.boolean());

/** A whole number typed in a text field; blank (or "none") means absent. */
const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (s === undefined || s === '' || s === 'none') return undefined;
        const n = /^\d{1,6}$/.test(s) ? Number(s) : NaN;
        if (Number.isNaN(n) || n < min || n > max) {
          ctx.addIssue({ code: 'custom', message: Number.isNaN(n) ? 'wholeNumber' : 'outOfRange' });
          return z.NEVER;
        }
        return n;
      }),
  );

/** One option per line; on a single line, separated by commas. Leading list bullets are dropped. */
export const splitOptions = (text: string): string[] =>
  (text.includes('\n') ? text.split(/\r?\n/) : text.split(','))
    .map((s) => s.trim().replace(/^[-*•]\s+/, '').trim())
    .filter(Boolean);

/** The open-a-poll card, as submitted. The deadline is a date and a time of day in Norway. */
export const PollForm = z.object({
  kind: z.enum(['consensus', 'consent', 'choice']),
  question: requiredText(1000),
  projectId: optionalText(100),
  options: z.preprocess((v) => (typeof v === 'string' ? splitOptions(v) : (v ?? [])), z.array(z.string().max(200)).max(100)),
  multiple: flag,
  eligibleMode: z.preprocess((v) => (v === '' || v === undefined ? 'board' : v), z.enum(['board', 'conversation'])),
  quorum: wholeNumber(0, 1000),
  deadlineDate: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date()),
  deadlineTime: z.preprocess((v) => (v === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/)),
  reminder: wholeNumber(1, 168),
  anonymous: flag,
  hideResultsUntilClosed: flag,
});

/** A validated poll, ready for `openPoll`. */
export interface PollInput {
  kind: Poll['kind'];
  question: string;
  projectId?: string;
  /** Option labels; empty unless kind is 'choice'. */
  options: string[];
  multiple: boolean;
  eligibleMode: Poll['eligibleMode'];
  /** Absent: a majority of the eligible voters. */
  quorum?: number;
  /** ISO instant. */
  deadline: string;
  /** Hours before the deadline to remind those who have not voted. */
  reminderHours?: number;
  anonymous: boolean;
  hideResultsUntilClosed: boolean;
}

/** 'YYYY-MM-DD' and 'HH:MM' on a Norwegian wall clock, as an instant. */
export function osloToInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss = 0] = time.split(':').map(Number) as [number, number, number?];
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss);
  // Two passes find the offset in force at that wall time (summer or winter time).
  const guess = wall - osloOffsetMinutes(new Date(wall)) * 60000;
  return new Date(wall - osloOffsetMinutes(new Date(guess)) * 60000);
}

export function validatePollForm(p: Portfolio, networkId: string, data: unknown, now: Date): FormResult<PollInput> {
  const parsed = parseForm(PollForm, data);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const errors: FieldErrors = {};
  const options = v.kind === 'choice' ? v.options : [];
  if (v.kind === 'choice') {
    if (options.length < 2) errors.options = 'tooFewOptions';
    else if (options.length > MAX_OPTIONS) errors.options = 'tooManyOptions';
    else if (new Set(options.map(foldKey)).size < options.length) errors.options = 'duplicateOption';
  }
  const board = programmeBoard(p, networkId);
  if (v.projectId) {
    const project = p.projects.find((x) => x.id === v.projectId && x.networkId === networkId);
    if (!project) errors.projectId = 'invalid';
    else if (project.status !== 'under_consideration') errors.projectId = 'notUnderConsideration';
    else if (!board) errors.projectId = 'noBoard';
  }
  if (v.eligibleMode === 'board') {
    const eligible = board ? eligibleVoters(p, board.id, now).length : 0;
    if (!board) errors.eligibleMode = 'noBoard';
    else if (eligible === 0) errors.eligibleMode = 'noEligibleVoters';
    else if (v.quorum !== undefined && v.quorum > eligible) errors.quorum = 'quorumTooHigh';
  }
  const deadline = osloToInstant(v.deadlineDate, v.deadlineTime);
  if (deadline <= now) errors.deadlineDate = 'deadlineInPast';
  else if (v.reminder !== undefined && deadline.getTime() - v.reminder * 3600_000 <= now.getTime()) errors.reminder = 'reminderTooLate';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind: v.kind,
      question: v.question,
      projectId: v.projectId,
      options,
      multiple: v.kind === 'choice' && v.multiple,
      eligibleMode: v.eligibleMode,
      quorum: v.quorum,
      deadline: deadline.toISOString(),
      reminderHours: v.reminder,
      anonymous: v.anonymous,
      hideResultsUntilClosed: v.hideResultsUntilClosed,
    },
  };
}

export const programmeBoard = (p: Portfolio, networkId: string): Body | undefined =>
  p.bodies.find((b) => b.networkId === networkId && b.kind === 'programme_board');

const activeOn = (day: string) => (m: Body['members'][number]) => m.from <= day && (m.to === undefined || m.to >= day);

/** The body's members on that (Norwegian) day, secretaries excepted: they keep the minutes, they do not vote. */
export function eligibleVoters(p: Portfolio, bodyId: string, on: Date): string[] {
  const body = p.bodies.find((b) => b.id === bodyId);
  const day = osloDate(on);
  return [...new Set((body?.members ?? []).filter((m) => m.role !== 'secretary' && activeOn(day)(m)).map((m) => m.personId))];
}

const boardLeader = (p: Portfolio, bodyId: string, now: Date) =>
  p.bodies.find((b) => b.id === bodyId)?.members.find((m) => m.role === 'leader' && activeOn(osloDate(now))(m))?.personId;

export const majorityOf = (n: number) => Math.floor(n / 2) + 1;

/**
 * Opens a poll. Board polls are voted on by the programme board's members of today; conversation
 * polls by the members of the conversation the Teams layer resolved to people (and anyone else
 * from that conversation who votes: see `castVote`). A poll belongs to the programme board when
 * the network has one, so its decision gets the board's case number.
 */
export function openPoll(
  p: Portfolio,
  actor: Actor,
  input: PollInput,
  ids: { pollId: string },
  now: Date,
  conversation?: ConversationRef,
  conversationMemberIds: readonly string[] = [],
): Mutation<Poll> {
  assertMay(actor, 'poll.open');
  const board = programmeBoard(p, actor.networkId);
  if (!board && (input.eligibleMode === 'board' || input.projectId)) throw new DomainError('POLL.NO_BOARD');
  if (input.projectId) {
    const project = p.projects.find((x) => x.id === input.projectId && x.networkId === actor.networkId);
    if (!project) throw new DomainError('PROJECT.NOT_FOUND');
    if (project.status !== 'under_consideration') throw new DomainError('POLL.PROJECT_NOT_UNDER_CONSIDERATION');
  }
  const inNetwork = (id: string) => p.people.some((x) => x.id === id && x.networkId === actor.networkId);
  const eligible = board && input.eligibleMode === 'board' ? eligibleVoters(p, board.id, now) : [...new Set(conversationMemberIds.filter(inNetwork))];
  if (input.eligibleMode === 'board' && eligible.length === 0) throw new DomainError('POLL.NO_ELIGIBLE_VOTERS');
  const deadline = new Date(input.deadline);
  if (!(deadline > now)) throw new DomainError('POLL.DEADLINE_IN_PAST');
  const options = input.kind === 'choice' ? input.options.map((label, i) => ({ id: `o${i + 1}`, label })) : [];
  if (input.kind === 'choice' && (options.length < 2 || options.length > MAX_OPTIONS)) throw new DomainError('INPUT.INVALID');
  const reminder = input.reminderHours === undefined ? undefined : new Date(deadline.getTime() - input.reminderHours * 3600_000);
  const poll: Poll = {
    id: ids.pollId,
    networkId: actor.networkId,
    bodyId: board?.id,
    kind: input.kind,
    question: input.question,
    projectId: input.projectId,
    options,
    multiple: input.kind === 'choice' && input.multiple,
    eligibleMode: input.eligibleMode,
    eligiblePersonIds: eligible,
    quorum: input.quorum ?? majorityOf(eligible.length),
    deadline: deadline.toISOString(),
    // A reminder that would go out before the poll opens would only repeat the poll card.
    reminderAt: reminder && reminder > now ? reminder.toISOString() : undefined,
    anonymous: input.anonymous,
    hideResultsUntilClosed: input.hideResultsUntilClosed,
    status: 'open',
    conversation,
    createdBy: actor.personId,
    createdAt: now.toISOString(),
  };
  return { next: { ...p, polls: [...p.polls, poll] }, result: poll };
}

export function pollIn(p: Portfolio, networkId: string, pollId: string): Poll {
  const poll = p.polls.find((x) => x.id === pollId && x.networkId === networkId);
  if (!poll) throw new DomainError('POLL.NOT_FOUND');
  return poll;
}

/**
 * Who a vote belongs to: the person id, or for an anonymous poll a keyed hash of poll and person,
 * so that a voter can change their vote but nobody reading the data can tell whose it is.
 */
export function voterKeyFor(poll: Poll, personId: string, secret: string): string {
  if (!poll.anonymous) return personId;
  if (secret.length < 16) throw new Error('anonymous polls need a voter-key secret of at least 16 characters');
  return createHmac('sha256', secret).update(`${poll.id}:${personId}`).digest('hex');
}

export interface Ballot {
  stance?: Stance;
  optionIds?: readonly string[];
  reason?: string;
}

/** The ballot in its one canonical form (options in the poll's order, reason trimmed), or why it is refused. */
function canonical(poll: Poll, ballot: Ballot): Pick<Vote, 'stance' | 'optionIds' | 'reason'> {
  const reason = ballot.reason?.trim() || undefined;
  if (reason && reason.length > MAX_REASON) throw new DomainError('POLL.REASON_TOO_LONG', { max: MAX_REASON });
  const chosen = new Set(ballot.optionIds ?? []);
  if (poll.kind === 'choice') {
    const optionIds = poll.options.filter((o) => chosen.has(o.id)).map((o) => o.id);
    const valid = !ballot.stance && optionIds.length > 0 && optionIds.length === chosen.size && (poll.multiple || optionIds.length === 1);
    if (!valid) throw new DomainError('POLL.INVALID_VOTE');
    return { optionIds, reason };
  }
  if (!ballot.stance || !STANCES[poll.kind].includes(ballot.stance) || chosen.size > 0) throw new DomainError('POLL.INVALID_VOTE');
  if (NEEDS_REASON.includes(ballot.stance) && !reason) throw new DomainError('POLL.REASON_REQUIRED');
  return { stance: ballot.stance, optionIds: [], reason };
}

const sameBallot = (a: Pick<Vote, 'stance' | 'optionIds' | 'reason'>, b: Pick<Vote, 'stance' | 'optionIds' | 'reason'>) =>
  a.stance === b.stance && a.reason === b.reason && a.optionIds.join('\n') === b.optionIds.join('\n');

/**
 * Records a vote, once. Each voter has one current vote; a different ballot replaces it, the same
 * ballot again (Teams re-delivering the activity, a double click) changes nothing and returns the
 * very same portfolio. In a conversation poll, a person of the network who is not on the list
 * taken when the poll opened (joined the chat later, registered with Flokk later) becomes eligible
 * by voting: the Teams layer must only pass votes that come from the poll's own conversation.
 */
export function castVote(
  p: Portfolio,
  pollId: string,
  voter: { personId: string },
  ballot: Ballot,
  now: Date,
  secret: string,
): Mutation<{ vote: Vote; changed: boolean }> {
  const poll = p.polls.find((x) => x.id === pollId);
  if (!poll) throw new DomainError('POLL.NOT_FOUND');
  if (poll.status !== 'open' || now.getTime() >= Date.parse(poll.deadline)) throw new DomainError('POLL.CLOSED');
  const listed = poll.eligiblePersonIds.includes(voter.personId);
  const joins = !listed && poll.eligibleMode === 'conversation' && p.people.some((x) => x.id === voter.personId && x.networkId === poll.networkId);
  if (!listed && !joins) throw new DomainError('POLL.NOT_ELIGIBLE');
  const ballotNow = canonical(poll, ballot);
  const voterKey = voterKeyFor(poll, voter.personId, secret);
  const existing = p.votes.find((v) => v.pollId === poll.id && v.voterKey === voterKey);
  if (existing && sameBallot(existing, ballotNow)) return { next: p, result: { vote: existing, changed: false } };
  const vote: Vote = { pollId: poll.id, voterKey, ...ballotNow, at: now.toISOString() };
  const polls = joins ? p.polls.map((x) => (x === poll ? { ...poll, eligiblePersonIds: [...poll.eligiblePersonIds, voter.personId] } : x)) : p.polls;
  return { next: { ...p, polls, votes: [...p.votes.filter((v) => v !== existing), vote] }, result: { vote, changed: true } };
}

export interface Tally {
  participation: { voted: number; eligible: number };
  quorum: number;
  quorumMet: boolean;
  /** Absent when the viewer may not see results yet. */
  results?: {
    stances: Partial<Record<Stance, number>>;
    options: Array<{ id: string; label: string; count: number }>;
    /** Reasons given with disagree, block and object; named only in polls that are not anonymous. */
    reasons: Array<{ stance: Stance; reason: string; personId?: string }>;
  };
}

export function tally(p: Portfolio, poll: Poll, viewerCanSeeResults: boolean): Tally {
  const votes = p.votes.filter((v) => v.pollId === poll.id);
  const participation = { voted: votes.length, eligible: poll.eligiblePersonIds.length };
  const base = { participation, quorum: poll.quorum, quorumMet: votes.length >= poll.quorum };
  if (!viewerCanSeeResults) return base;
  const stances = Object.fromEntries(STANCES[poll.kind].map((s) => [s, votes.filter((v) => v.stance === s).length]));
  const options = poll.options.map((o) => ({ ...o, count: votes.filter((v) => v.optionIds.includes(o.id)).length }));
  const withReasons = votes.filter((v) => v.stance && NEEDS_REASON.includes(v.stance) && v.reason);
  const reasons = (poll.anonymous ? unlinkable(withReasons) : withReasons).map((v) => ({ stance: v.stance!, reason: v.reason!, ...(poll.anonymous ? {} : { personId: v.voterKey }) }));
  return { ...base, results: { stances, options, reasons } };
}

/** Results stay hidden while the poll is open and running, if the poll says so; participation is always shown. */
export const resultsVisible = (poll: Poll, now: Date): boolean =>
  !(poll.hideResultsUntilClosed && poll.status === 'open' && now.getTime() < Date.parse(poll.deadline));

export const visibleTally = (p: Portfolio, poll: Poll, now: Date): Tally => tally(p, poll, resultsVisible(poll, now));

export type PollOutcome =
  | { result: 'consensus' }
  | { result: 'no_consensus'; because: 'blocked' | 'no_quorum' }
  | { result: 'consented' }
  | { result: 'objected' }
  | { result: 'chosen'; optionIds: string[] }
  | { result: 'no_choice'; because: 'no_quorum' | 'no_votes' | 'tie'; optionIds: string[] };

/**
 * Consensus: enough took part and nobody blocked. Consent: nobody objected, however many took
 * part (silence is consent). Choice: enough took part and one option has the most votes.
 */
export function outcomeOf(p: Portfolio, poll: Poll): PollOutcome {
  const t = tally(p, poll, true);
  const r = t.results!;
  switch (poll.kind) {
    case 'consensus':
      if (r.stances.block) return { result: 'no_consensus', because: 'blocked' };
      return t.quorumMet ? { result: 'consensus' } : { result: 'no_consensus', because: 'no_quorum' };
    case 'consent':
      return r.stances.object ? { result: 'objected' } : { result: 'consented' };
    case 'choice': {
      const most = Math.max(0, ...r.options.map((o) => o.count));
      const top = r.options.filter((o) => o.count === most).map((o) => o.id);
      if (!t.quorumMet) return { result: 'no_choice', because: 'no_quorum', optionIds: [] };
      if (most === 0) return { result: 'no_choice', because: 'no_votes', optionIds: [] };
      return top.length === 1 ? { result: 'chosen', optionIds: top } : { result: 'no_choice', because: 'tie', optionIds: top };
    }
  }
}

const mayManage = (actor: Actor, poll: Poll) => may(actor, 'poll.manage') || poll.createdBy === actor.personId;

function managed(p: Portfolio, actor: Actor, pollId: string): Poll {
  const poll = pollIn(p, actor.networkId, pollId);
  if (!mayManage(actor, poll)) throw new DomainError('ACCESS.DENIED', { permission: 'poll.manage' });
  return poll;
}

const replacePoll = (p: Portfolio, current: Poll, next: Poll): Portfolio => ({ ...p, polls: p.polls.map((x) => (x === current ? next : x)) });

const AUTOMATIC = {
  consensus: { method: 'consensus', outcome: 'approved' },
  consented: { method: 'consent', outcome: 'approved' },
  chosen: { method: 'majority', outcome: 'chosen' },
} as const;

/**
 * Closes a poll, by hand (poll.manage, or whoever opened it) or by the scheduler at the deadline.
 * An outcome that needs no leader becomes a decision at once (signed by the board leader, who
 * chairs, or else the poll's creator) and moves the project; any other waits for the leader.
 * A poll of a network without a programme board just closes: there is no body to decide.
 * Closing a poll that is no longer open fails with POLL.CLOSED, which a scheduler can treat as done.
 */
export function closePoll(
  p: Portfolio,
  by: Actor | 'deadline',
  pollId: string,
  ids: { decisionId: string },
  now: Date,
): Mutation<{ poll: Poll; outcome: PollOutcome; decision?: Decision }> {
  const poll = by === 'deadline' ? p.polls.find((x) => x.id === pollId) : managed(p, by, pollId);
  if (!poll) throw new DomainError('POLL.NOT_FOUND');
  if (poll.status !== 'open') throw new DomainError('POLL.CLOSED');
  if (by === 'deadline' && now.getTime() < Date.parse(poll.deadline)) throw new Error(`poll ${poll.id} is not due for closing`);
  const outcome = outcomeOf(p, poll);
  const closed: Poll = { ...poll, closedAt: now.toISOString() };
  const automatic = outcome.result in AUTOMATIC ? AUTOMATIC[outcome.result as keyof typeof AUTOMATIC] : undefined;
  if (!poll.bodyId || !automatic) {
    const undecided: Poll = { ...closed, status: poll.bodyId ? 'awaiting_leader' : 'closed' };
    return { next: replacePoll(p, poll, undecided), result: { poll: undecided, outcome } };
  }
  const chosen = outcome.result === 'chosen' ? poll.options.filter((o) => outcome.optionIds.includes(o.id)).map((o) => o.label) : undefined;
  const { next, result: decision } = recordDecision(
    p,
    {
      networkId: poll.networkId,
      bodyId: poll.bodyId,
      question: poll.question,
      ...automatic,
      ...pollRecord(p, poll),
      chosen,
      pollId: poll.id,
      projectId: poll.projectId,
      decidedBy: boardLeader(p, poll.bodyId, now) ?? poll.createdBy,
    },
    ids,
    now,
  );
  const decided: Poll = { ...closed, status: 'decided', decisionId: decision.id };
  return { next: replacePoll(next, poll, decided), result: { poll: decided, outcome, decision } };
}

/** Moves the deadline, and the reminder with it; a reminder still ahead will be sent again. */
function rescheduled(poll: Poll, deadline: Date, now: Date): Poll {
  const lead = poll.reminderAt ? Date.parse(poll.deadline) - Date.parse(poll.reminderAt) : undefined;
  const reminderAt = lead === undefined ? undefined : new Date(deadline.getTime() - lead);
  const ahead = reminderAt !== undefined && reminderAt > now;
  return { ...poll, deadline: deadline.toISOString(), reminderAt: reminderAt?.toISOString(), remindedAt: ahead ? undefined : poll.remindedAt };
}

/** A later deadline for an open poll (also one whose deadline passed but that is not closed yet). */
export function extendPoll(p: Portfolio, actor: Actor, pollId: string, newDeadline: Date, now: Date): Mutation<Poll> {
  const poll = managed(p, actor, pollId);
  if (poll.status !== 'open') throw new DomainError('POLL.CLOSED');
  if (newDeadline <= now) throw new DomainError('POLL.DEADLINE_IN_PAST');
  if (newDeadline.getTime() <= Date.parse(poll.deadline)) throw new DomainError('POLL.DEADLINE_NOT_LATER');
  const next = rescheduled(poll, newDeadline, now);
  return { next: replacePoll(p, poll, next), result: next };
}

/** Opens a closed poll again, votes kept, until it is decided: a decision is final. */
export function reopenPoll(p: Portfolio, actor: Actor, pollId: string, newDeadline: Date, now: Date): Mutation<Poll> {
  const poll = managed(p, actor, pollId);
  if (poll.status === 'decided') throw new DomainError('POLL.ALREADY_DECIDED');
  if (poll.status === 'open') throw new DomainError('POLL.STILL_OPEN');
  if (newDeadline <= now) throw new DomainError('POLL.DEADLINE_IN_PAST');
  const next: Poll = { ...rescheduled(poll, newDeadline, now), status: 'open', closedAt: undefined };
  return { next: replacePoll(p, poll, next), result: next };
}

export const dueForClosing = (p: Portfolio, now: Date): Poll[] =>
  p.polls.filter((x) => x.status === 'open' && Date.parse(x.deadline) <= now.getTime());

/**
 * Open polls whose reminder is due, each with the eligible people who have not voted (possibly
 * none: mark the poll reminded all the same).
 */
export function dueForReminder(p: Portfolio, now: Date, secret: string): Array<{ poll: Poll; personIds: string[] }> {
  const t = now.getTime();
  return p.polls
    .filter((x) => x.status === 'open' && x.reminderAt && !x.remindedAt && Date.parse(x.reminderAt) <= t && t < Date.parse(x.deadline))
    .map((poll) => {
      const voted = new Set(p.votes.filter((v) => v.pollId === poll.id).map((v) => v.voterKey));
      return { poll, personIds: poll.eligiblePersonIds.filter((id) => !voted.has(voterKeyFor(poll, id, secret))) };
    });
}

export function markReminded(p: Portfolio, pollId: string, now: Date): Mutation<Poll> {
  const poll = p.polls.find((x) => x.id === pollId);
  if (!poll) throw new DomainError('POLL.NOT_FOUND');
  if (poll.remindedAt) return { next: p, result: poll };
  const next = { ...poll, remindedAt: now.toISOString() };
  return { next: replacePoll(p, poll, next), result: next };
}
