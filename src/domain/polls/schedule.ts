import { DomainError } from '../errors';
import type { Mutation } from '../mutation';
import type { Poll, Portfolio } from '../schema';
import { replacePoll } from './lifecycle';
import { voterKeyFor } from './voting';

/** What the scheduler asks: which polls are due for closing, and whom to remind. */

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
