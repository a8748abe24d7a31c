import type { DataFor } from '../../cards/actions';
import { pollIn } from '../../domain/polls';
import { personalPollCard } from '../polls/poll-view';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** Teams asking for one person's view of the shared poll card (automatically, or on "Stem"). */
export async function pollRefresh(turn: Turn, data: DataFor<'poll.refresh'>): Promise<Reply> {
  return show(personalPollCard(turn, pollIn(turn.portfolio, turn.network.id, data.pollId)));
}
