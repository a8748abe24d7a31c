import type { DataFor } from '../../cards/actions';
import { DomainError } from '../../domain/errors';
import { closePoll, extendPoll, osloToInstant, pollIn, reopenPoll } from '../../domain/polls';
import { personalPollCard } from '../polls/poll-view';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** Closing early: the outcome is computed at once; without consensus the leader gets the card. */
export async function pollClose(turn: Turn, data: DataFor<'poll.close'>): Promise<Reply> {
  const actor = turn.actor();
  const { poll } = await turn.update((p) => closePoll(p, actor, data.pollId, { decisionId: turn.newId('decision') }, turn.now()));
  return show(personalPollCard(turn, poll), { kind: 'refreshPoll', pollId: poll.id }, { kind: 'leaderCard', pollId: poll.id });
}

function newDeadline(data: { deadlineDate: string; deadlineTime: string }): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(data.deadlineDate) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(data.deadlineTime.slice(0, 5))) {
    throw new DomainError('INPUT.INVALID', { field: 'deadline' });
  }
  return osloToInstant(data.deadlineDate, data.deadlineTime.slice(0, 5));
}

export async function pollExtend(turn: Turn, data: DataFor<'poll.extend'>): Promise<Reply> {
  const actor = turn.actor();
  const poll = await turn.update((p) => extendPoll(p, actor, data.pollId, newDeadline(data), turn.now()));
  return show(personalPollCard(turn, poll), { kind: 'refreshPoll', pollId: poll.id });
}

export async function pollReopen(turn: Turn, data: DataFor<'poll.reopen'>): Promise<Reply> {
  const actor = turn.actor();
  pollIn(turn.portfolio, turn.network.id, data.pollId);
  const poll = await turn.update((p) => reopenPoll(p, actor, data.pollId, newDeadline(data), turn.now()));
  return show(personalPollCard(turn, poll), { kind: 'refreshPoll', pollId: poll.id });
}
