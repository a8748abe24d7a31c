import { renderLeaderCard, renderPollCard, type PollViewer } from '../../cards/poll.card';
import type { AdaptiveCard } from '../../cards/card';
import { currentLeaderId } from '../../domain/bodies';
import { may, type Actor } from '../../domain/people';
import { voterKeyFor } from '../../domain/polls';
import type { Network, Poll, Portfolio } from '../../domain/schema';
import type { Turn } from '../turn';

/** What the person pressing sees of a poll: their own vote, and what they may do with it. */
export function viewerOf(p: Portfolio, poll: Poll, actor: Actor | undefined, voteSecret: string): PollViewer {
  if (!actor) return { eligible: false, canManage: false };
  const eligible = poll.eligiblePersonIds.includes(actor.personId) || poll.eligibleMode === 'conversation';
  const key = voterKeyFor(poll, actor.personId, voteSecret);
  const vote = p.votes.find((v) => v.pollId === poll.id && v.voterKey === key);
  return {
    eligible,
    canManage: poll.createdBy === actor.personId || may(actor, 'poll.manage'),
    ownVote: vote ? { stance: vote.stance, optionIds: vote.optionIds, reason: vote.reason } : undefined,
  };
}

export function personalPollCard(turn: Turn, poll: Poll): AdaptiveCard {
  const p = turn.read();
  return renderPollCard(p, poll, turn.now(), turn.locale, viewerOf(p, poll, turn.viewer(), turn.voteSecret));
}

/** The card everyone sees; it asks Teams to refresh into each eligible voter's own view. */
export function sharedPollCard(p: Portfolio, poll: Poll, network: Network, now: Date): AdaptiveCard {
  const aadIds = poll.eligiblePersonIds.flatMap((id) => p.people.find((x) => x.id === id)?.aadObjectId ?? []);
  return renderPollCard(p, poll, now, network.locale, undefined, aadIds);
}

/** The leader's card for a poll awaiting the leader's decision, and the leader to mention. */
export function leaderCardOf(p: Portfolio, poll: Poll, network: Network, now: Date): { card: AdaptiveCard; leader?: Portfolio['people'][number] } {
  const body = p.bodies.find((b) => b.id === poll.bodyId);
  const leaderId = body ? currentLeaderId(p, body.id, now) : undefined;
  const leader = p.people.find((x) => x.id === leaderId);
  return { card: renderLeaderCard(p, poll, leader?.name ?? '', network.locale, now), leader };
}
