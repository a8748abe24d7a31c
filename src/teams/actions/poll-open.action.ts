import type { DataFor } from '../../cards/actions';
import { renderPollForm } from '../../cards/poll.card';
import { openPoll, validatePollForm } from '../../domain/polls';
import { personalPollCard } from '../polls/poll-view';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * The poll form was sent: open the poll in this conversation. The message that held the form
 * becomes the shared poll card, which each eligible voter's Teams refreshes into their own view.
 */
export async function pollOpen(turn: Turn, data: DataFor<'poll.open'>): Promise<Reply> {
  const actor = turn.may('poll.open');
  const now = turn.now();
  const form = validatePollForm(turn.portfolio, turn.network.id, data, now);
  if (!form.ok) return show(renderPollForm(turn.portfolio, turn.network, data, form.errors, turn.locale));
  const cardActivityId = turn.activity.replyToId;
  // An advisory poll counts the real people of the conversation, taken from Teams when it opens.
  const members = form.value.eligibleMode === 'conversation' ? await turn.conversationMembers() : [];
  const poll = await turn.update((p) => {
    const opened = openPoll(p, actor, form.value, { pollId: turn.newId('poll') }, now, turn.conversation.ref, members);
    const withCard = { ...opened.result, cardActivityId };
    return { next: { ...opened.next, polls: opened.next.polls.map((x) => (x === opened.result ? withCard : x)) }, result: withCard };
  });
  return show(personalPollCard(turn, poll), { kind: 'refreshPoll', pollId: poll.id });
}
