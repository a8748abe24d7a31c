import type { DataFor } from '../../cards/actions';
import { DomainError } from '../../domain/errors';
import { castVote, pollIn } from '../../domain/polls';
import { personalPollCard } from '../polls/poll-view';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * A vote. The voter is the person pressing (from the activity); the card carries only the poll
 * and the stance. The same vote again changes nothing, so Teams re-delivering it counts once.
 * The invoke answers with the voter's own view at once; the shared tally follows after.
 */
export async function pollVote(turn: Turn, data: DataFor<'poll.vote'>): Promise<Reply> {
  const actor = turn.actor();
  const poll = pollIn(turn.portfolio, turn.network.id, data.pollId);
  if (poll.eligibleMode === 'conversation' && poll.conversation && poll.conversation.conversationId !== turn.conversation.ref.conversationId) {
    throw new DomainError('POLL.NOT_ELIGIBLE');
  }
  const optionIds = data.optionIds.split(',').map((s) => s.trim()).filter(Boolean);
  const ballot = poll.kind === 'choice' ? { optionIds, reason: data.reason } : { stance: data.stance, reason: data.reason };
  const { changed } = await turn.update((p) => castVote(p, poll.id, { personId: actor.personId }, ballot, turn.now(), turn.voteSecret));
  const card = personalPollCard(turn, pollIn(turn.read(), turn.network.id, poll.id));
  return changed ? show(card, { kind: 'refreshPoll', pollId: poll.id }) : show(card);
}
