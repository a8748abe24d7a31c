import { pollRecord, recordDecision } from '../decisions';
import { DomainError } from '../errors';
import type { Mutation } from '../mutation';
import { assertMay, may, type Actor } from '../people';
import type { ConversationRef, Decision, Poll, Portfolio } from '../schema';
import { eligibleVoters, majorityOf, programmeBoard } from './eligibility';
import { MAX_OPTIONS, type PollInput } from './poll-form';
import { tally } from './tally';

/** A poll's life: opened, closed (with its outcome, and a decision when one needs no leader), extended, reopened. */

/**
 * Opens a poll. Board polls are voted on by the programme board's members of today, with the
 * board's quorum (a majority, or more), and their outcome is the board's decision with its case
 * number. Conversation polls are advisory: voted on by the members of the conversation the Teams
 * layer took from the roster (and anyone else of the network from that conversation who votes:
 * see `castVote`); they never change a project and are never the body's decision.
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
    // Only the body decides: a poll whose outcome changes a project is the body's own.
    if (input.eligibleMode !== 'board') throw new DomainError('POLL.PROJECT_NEEDS_BOARD');
  }
  const inNetwork = (id: string) => p.people.some((x) => x.id === id && x.networkId === actor.networkId);
  const ofBody = board && input.eligibleMode === 'board';
  const eligible = ofBody ? eligibleVoters(p, board.id, now) : [...new Set(conversationMemberIds.filter(inNetwork))];
  if (input.eligibleMode === 'board' && eligible.length === 0) throw new DomainError('POLL.NO_ELIGIBLE_VOTERS');
  const bodyQuorum = majorityOf(eligible.length);
  if (ofBody && input.quorum !== undefined && input.quorum < bodyQuorum) throw new DomainError('POLL.QUORUM_BELOW_BODY', { quorum: bodyQuorum });
  const deadline = new Date(input.deadline);
  if (!(deadline > now)) throw new DomainError('POLL.DEADLINE_IN_PAST');
  const options = input.kind === 'choice' ? input.options.map((label, i) => ({ id: `o${i + 1}`, label })) : [];
  if (input.kind === 'choice' && (options.length < 2 || options.length > MAX_OPTIONS)) throw new DomainError('INPUT.INVALID');
  const reminder = input.reminderHours === undefined ? undefined : new Date(deadline.getTime() - input.reminderHours * 3600_000);
  const poll: Poll = {
    id: ids.pollId,
    networkId: actor.networkId,
    // A poll among the people of a conversation is advisory: it belongs to no body, is never
    // numbered or minuted as the body's decision, and changes no project.
    bodyId: ofBody ? board.id : undefined,
    kind: input.kind,
    question: input.question,
    projectId: input.projectId,
    options,
    multiple: input.kind === 'choice' && input.multiple,
    eligibleMode: input.eligibleMode,
    eligiblePersonIds: eligible,
    quorum: input.quorum ?? bodyQuorum,
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

/**
 * Silence is consent only once everyone has had until the deadline to object: a consent poll
 * closed before its deadline, with voters who have not answered, is not consented to, and goes
 * to the leader as an objection would.
 */
function consentNotYetGiven(p: Portfolio, poll: Poll, now: Date): boolean {
  if (poll.kind !== 'consent' || now.getTime() >= Date.parse(poll.deadline)) return false;
  const { participation } = tally(p, poll, false);
  return participation.voted < participation.eligible;
}

const mayManage = (actor: Actor, poll: Poll) => may(actor, 'poll.manage') || poll.createdBy === actor.personId;

function managed(p: Portfolio, actor: Actor, pollId: string): Poll {
  const poll = pollIn(p, actor.networkId, pollId);
  if (!mayManage(actor, poll)) throw new DomainError('ACCESS.DENIED', { permission: 'poll.manage' });
  return poll;
}

export const replacePoll = (p: Portfolio, current: Poll, next: Poll): Portfolio => ({ ...p, polls: p.polls.map((x) => (x === current ? next : x)) });

const AUTOMATIC = {
  consensus: { method: 'consensus', outcome: 'approved' },
  consented: { method: 'consent', outcome: 'approved' },
  chosen: { method: 'majority', outcome: 'chosen' },
} as const;

/**
 * Closes a poll, by hand (poll.manage, or whoever opened it) or by the scheduler at the deadline.
 * A board poll whose outcome needs no leader becomes the board's decision at once (reached by the
 * poll: it names no decider) and moves the project; any other waits for the board's leader.
 * An advisory poll (no body) just closes with its outcome: there is no body to decide.
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
  const outcome = consentNotYetGiven(p, poll, now) ? ({ result: 'objected' } as const) : outcomeOf(p, poll);
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
      // Reached by the poll itself: nobody decided, so the record names nobody.
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
