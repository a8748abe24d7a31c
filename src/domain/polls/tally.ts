import { unlinkable } from '../decisions';
import { may, type Actor } from '../people';
import type { Poll, Portfolio } from '../schema';
import { NEEDS_REASON, STANCES, type Stance } from './voting';

/** Counting the votes, and who may see the count while the poll runs. */

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

/**
 * Results stay hidden while the poll is open and running, if the poll says so; participation is
 * always shown. An anonymous poll always hides them while it runs: a count or a reason that changes
 * the moment someone presses would tell anyone watching how that person voted.
 */
export const resultsVisible = (poll: Poll, now: Date): boolean =>
  !((poll.hideResultsUntilClosed || poll.anonymous) && poll.status === 'open' && now.getTime() < Date.parse(poll.deadline));

/**
 * Who may take a poll's results away as a file: as the card that offers it, the people of the
 * poll's conversation, its voters, and those who manage it; nobody else admitted to the network.
 */
export function mayExport(poll: Poll, viewer: Actor | undefined, conversationId: string): boolean {
  if (poll.conversation?.conversationId === conversationId) return true;
  return !!viewer && (poll.eligiblePersonIds.includes(viewer.personId) || poll.createdBy === viewer.personId || may(viewer, 'poll.manage'));
}

export const visibleTally = (p: Portfolio, poll: Poll, now: Date): Tally => tally(p, poll, resultsVisible(poll, now));
