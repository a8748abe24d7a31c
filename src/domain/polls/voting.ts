import { createHmac } from 'node:crypto';
import { unlinkable } from '../decisions';
import { DomainError } from '../errors';
import type { Mutation } from '../mutation';
import type { Poll, Portfolio, Vote } from '../schema';
import { normaliseText } from '../text';
import { osloDate } from '../time';

/** Casting a vote: who it belongs to, what each kind of poll accepts, and casting it once. */

export type Stance = NonNullable<Vote['stance']>;

/** What each kind of poll accepts. In a consent poll, 'agree' is "no objection" and withdraws an earlier objection. */
export const STANCES: Record<Poll['kind'], readonly Stance[]> = {
  consensus: ['agree', 'abstain', 'disagree', 'block'],
  consent: ['agree', 'object'],
  choice: [],
};
/** The stances that must give a reason, and whose reasons the tally and the decision keep. */
export const NEEDS_REASON: readonly Stance[] = ['disagree', 'block', 'object'];
export const MAX_REASON = 2000;

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
  const reason = normaliseText(ballot.reason ?? '', { multiline: true }).trim() || undefined;
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
  // An anonymous vote keeps only its Oslo date: the moment of a vote is enough to tell who cast it.
  const vote: Vote = { pollId: poll.id, voterKey, ...ballotNow, at: poll.anonymous ? osloDate(now) : now.toISOString() };
  // In an anonymous poll nothing keeps the order of arrival either: the poll's votes stay sorted by
  // their keys and those who joined by voting by id, so a position in the file names nobody.
  const joined = [...poll.eligiblePersonIds, voter.personId];
  const polls = joins ? p.polls.map((x) => (x === poll ? { ...poll, eligiblePersonIds: poll.anonymous ? joined.sort() : joined } : x)) : p.polls;
  const others = p.votes.filter((v) => v !== existing);
  const votes = poll.anonymous ? [...others.filter((v) => v.pollId !== poll.id), ...unlinkable([...others.filter((v) => v.pollId === poll.id), vote])] : [...others, vote];
  const next = { ...p, polls, votes };
  return poll.anonymous ? { next, result: { vote, changed: true }, audit: { anonymous: true } } : { next, result: { vote, changed: true } };
}
