import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import { renderPollForm } from '../../cards/poll.card';
import { openPoll, validatePollForm } from '../../domain/polls';
import { requirePermission } from '../actor';
import { refreshSharedCard, personalPollCard } from '../polls/poll-view';
import { conversationRefOf, type Turn } from '../turn';

/**
 * The poll form was sent: open the poll in this conversation. The message that held the form
 * becomes the shared poll card, which each eligible voter's Teams refreshes into their own view.
 */
export async function pollOpen(context: TurnContext, turn: Turn, data: DataFor<'poll.open'>) {
  const actor = requirePermission(context, turn, 'poll.open');
  const { deps } = turn;
  const now = deps.clock();
  const form = validatePollForm(turn.portfolio, turn.network.id, data, now);
  if (!form.ok) return renderPollForm(turn.portfolio, turn.network, data, form.errors, turn.locale);
  const cardActivityId = turn.activity.replyToId;
  const poll = await deps.store.update((p) => {
    const opened = openPoll(p, actor, form.value, { pollId: deps.newId('poll') }, now, conversationRefOf(turn));
    const withCard = { ...opened.result, cardActivityId };
    return { next: { ...opened.next, polls: opened.next.polls.map((x) => (x === opened.result ? withCard : x)) }, result: withCard };
  });
  refreshSharedCard(deps, poll.id);
  return personalPollCard(context, turn, poll);
}
