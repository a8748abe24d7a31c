import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import { DomainError } from '../../domain/errors';
import { closePoll, extendPoll, osloToInstant, pollIn, reopenPoll } from '../../domain/polls';
import { requireActor } from '../actor';
import { personalPollCard, postLeaderCard, refreshSharedCard } from '../polls/poll-view';
import type { Turn } from '../turn';

/** Closing early: the outcome is computed at once; without consensus the leader gets the card. */
export async function pollClose(context: TurnContext, turn: Turn, data: DataFor<'poll.close'>) {
  const actor = requireActor(context, turn);
  const { deps } = turn;
  const { poll } = await deps.store.update((p) => closePoll(p, actor, data.pollId, { decisionId: deps.newId('decision') }, deps.clock()));
  refreshSharedCard(deps, poll.id);
  postLeaderCard(deps, poll.id);
  return personalPollCard(context, turn, poll);
}

function newDeadline(data: { deadlineDate: string; deadlineTime: string }): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(data.deadlineDate) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(data.deadlineTime.slice(0, 5))) {
    throw new DomainError('INPUT.INVALID', { field: 'deadline' });
  }
  return osloToInstant(data.deadlineDate, data.deadlineTime.slice(0, 5));
}

export async function pollExtend(context: TurnContext, turn: Turn, data: DataFor<'poll.extend'>) {
  const actor = requireActor(context, turn);
  const { deps } = turn;
  const poll = await deps.store.update((p) => extendPoll(p, actor, data.pollId, newDeadline(data), deps.clock()));
  refreshSharedCard(deps, poll.id);
  return personalPollCard(context, turn, poll);
}

export async function pollReopen(context: TurnContext, turn: Turn, data: DataFor<'poll.reopen'>) {
  const actor = requireActor(context, turn);
  const { deps } = turn;
  pollIn(turn.portfolio, turn.network.id, data.pollId);
  const poll = await deps.store.update((p) => reopenPoll(p, actor, data.pollId, newDeadline(data), deps.clock()));
  refreshSharedCard(deps, poll.id);
  return personalPollCard(context, turn, poll);
}
