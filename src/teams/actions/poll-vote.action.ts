import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import { DomainError } from '../../domain/errors';
import { castVote, pollIn } from '../../domain/polls';
import { requireActor } from '../actor';
import { fromPollConversation, personalPollCard, refreshSharedCard } from '../polls/poll-view';
import type { Turn } from '../turn';

/**
 * A vote. The voter is the person pressing (from the activity); the card carries only the poll
 * and the stance. The same vote again changes nothing, so Teams re-delivering it counts once.
 * The invoke answers with the voter's own view at once; the shared tally follows after.
 */
export async function pollVote(context: TurnContext, turn: Turn, data: DataFor<'poll.vote'>) {
  const actor = requireActor(context, turn);
  const { deps } = turn;
  const poll = pollIn(turn.portfolio, turn.network.id, data.pollId);
  if (poll.eligibleMode === 'conversation' && !fromPollConversation(turn, poll)) throw new DomainError('POLL.NOT_ELIGIBLE');
  const optionIds = data.optionIds.split(',').map((s) => s.trim()).filter(Boolean);
  const ballot = poll.kind === 'choice' ? { optionIds, reason: data.reason } : { stance: data.stance, reason: data.reason };
  const { changed } = await deps.store.update((p) => castVote(p, poll.id, { personId: actor.personId }, ballot, deps.clock(), deps.config.voteSecret));
  if (changed) refreshSharedCard(deps, poll.id);
  return personalPollCard(context, turn, pollIn(deps.store.read(), turn.network.id, poll.id));
}
