import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import { pollIn } from '../../domain/polls';
import { personalPollCard } from '../polls/poll-view';
import type { Turn } from '../turn';

/** Teams asking for one person's view of the shared poll card (automatically, or on "Stem"). */
export async function pollRefresh(context: TurnContext, turn: Turn, data: DataFor<'poll.refresh'>) {
  return personalPollCard(context, turn, pollIn(turn.portfolio, turn.network.id, data.pollId));
}
