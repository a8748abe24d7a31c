import type { TurnContext } from 'botbuilder';
import { renderLeaderCard, renderPollCard, type PollViewer } from '../../cards/poll.card';
import type { AdaptiveCard } from '../../cards/card';
import { actorFor, may, personByAad } from '../../domain/people';
import { voterKeyFor } from '../../domain/polls';
import type { Network, Poll, Portfolio } from '../../domain/schema';
import type { AppDeps } from '../deps';
import { conversationRefOf, type Turn } from '../turn';

/** What the person pressing sees of a poll: their own vote, and what they may do with it. */
export function viewerOf(p: Portfolio, poll: Poll, aadObjectId: string | undefined, deps: AppDeps): PollViewer {
  const person = aadObjectId ? personByAad(p, poll.networkId, aadObjectId) : undefined;
  if (!person) return { eligible: false, canManage: false };
  const actor = actorFor(p, poll.networkId, { aadObjectId: aadObjectId!, name: person.name }, deps.config.bootstrapAdmins);
  const eligible = poll.eligiblePersonIds.includes(person.id) || poll.eligibleMode === 'conversation';
  const key = voterKeyFor(poll, person.id, deps.config.voteSecret);
  const vote = p.votes.find((v) => v.pollId === poll.id && v.voterKey === key);
  return {
    eligible,
    canManage: poll.createdBy === person.id || (!!actor && may(actor, 'poll.manage')),
    ownVote: vote ? { stance: vote.stance, optionIds: vote.optionIds, reason: vote.reason } : undefined,
  };
}

export function personalPollCard(context: TurnContext, turn: Turn, poll: Poll): AdaptiveCard {
  const p = turn.deps.store.read();
  const viewer = viewerOf(p, poll, turn.activity.from?.aadObjectId, turn.deps);
  return renderPollCard(p, poll, turn.deps.clock(), turn.locale, viewer);
}

/** The card everyone sees; it asks Teams to refresh into each eligible voter's own view. */
export function sharedPollCard(p: Portfolio, poll: Poll, network: Network, now: Date): AdaptiveCard {
  const aadIds = poll.eligiblePersonIds.flatMap((id) => p.people.find((x) => x.id === id)?.aadObjectId ?? []);
  return renderPollCard(p, poll, now, network.locale, undefined, aadIds);
}

/** Brings the shared poll card up to date, after the turn, collapsing a burst of votes into few updates. */
export function refreshSharedCard(deps: AppDeps, pollId: string): void {
  const poll = deps.store.read().polls.find((x) => x.id === pollId);
  if (!poll?.conversation || !poll.cardActivityId) return;
  deps.outbox.update(poll.conversation, poll.cardActivityId, () => {
    const p = deps.store.read();
    const current = p.polls.find((x) => x.id === pollId);
    const network = p.networks.find((n) => n.id === current?.networkId);
    return current && network ? sharedPollCard(p, current, network, deps.clock()) : undefined;
  });
}

/** When consensus fails: the leader's card, posted in the poll's conversation with the leader mentioned. */
export function postLeaderCard(deps: AppDeps, pollId: string): void {
  const p = deps.store.read();
  const poll = p.polls.find((x) => x.id === pollId);
  const network = p.networks.find((n) => n.id === poll?.networkId);
  if (!poll?.conversation || !network || poll.status !== 'awaiting_leader') return;
  const body = p.bodies.find((b) => b.id === poll.bodyId);
  const leaderId = body?.members.find((m) => m.role === 'leader' && (!m.to || m.to >= deps.clock().toISOString().slice(0, 10)))?.personId;
  const leader = p.people.find((x) => x.id === leaderId);
  const name = leader?.name ?? '';
  const card = renderLeaderCard(p, poll, name, network.locale, deps.clock());
  const mention = leader?.aadObjectId ? [{ type: 'mention', text: `<at>${name}</at>`, mentioned: { id: leader.aadObjectId, name } }] : [];
  void deps.outbox.post(poll.conversation, { type: 'message', text: mention.length ? `<at>${name}</at>` : undefined, entities: mention, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
}

/** True when the activity comes from the conversation the poll was posted in. */
export function fromPollConversation(turn: Turn, poll: Poll): boolean {
  if (!poll.conversation) return true;
  return conversationRefOf(turn).conversationId === poll.conversation.conversationId;
}
