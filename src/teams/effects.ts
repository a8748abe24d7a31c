import type { AdaptiveCard } from '../cards/card';
import type { Config } from '../config';
import type { Portfolio } from '../domain/schema';
import { messages } from '../i18n';
import type { Logger } from '../log';
import { mentionAll, mentionOf } from './mentions';
import { leaderCardOf, sharedPollCard } from './polls/poll-view';
import type { Effect } from './reply';
import type { ConversationRef } from '../domain/schema';

/** A message Flokk sends outside a turn's own reply. */
export interface OutboundMessage {
  text?: string;
  card?: AdaptiveCard;
  entities?: unknown[];
}

/**
 * Everything Flokk sends outside a turn's own reply: announcements, poll cards brought up to
 * date, reminders and the leader's card. Sends go out after the turn that caused them has
 * answered, one conversation at a time and in order, within Teams' per-conversation rate limit.
 */
export interface Outbox {
  /** Posts to the network's announcement channel, if it has one. */
  announce(networkId: string, card: AdaptiveCard, text?: string): void;
  /** Posts a new message; resolves with its activity id once sent. */
  post(ref: ConversationRef, message: OutboundMessage): Promise<string | undefined>;
  /** Replaces a message Flokk sent earlier. Updates to the same message that pile up collapse into the latest. */
  update(ref: ConversationRef, activityId: string, render: () => AdaptiveCard | undefined): void;
  /** Resolves when everything queued so far has been sent (or has failed and been logged). */
  idle(): Promise<void>;
}

export interface EffectServices {
  store: { read(): Portfolio };
  outbox: Outbox;
  clock: () => Date;
  log: Logger;
  config: Pick<Config, 'voteSecret'>;
}

/**
 * Performs the effects a reply declares that go through the outbox. `replaceShared` belongs to
 * the turn itself (the message the button was on) and is performed by the adapter.
 */
export function performOutboxEffect(effect: Exclude<Effect, { kind: 'replaceShared' }>, s: EffectServices): void {
  switch (effect.kind) {
    case 'refreshPoll':
      return refreshSharedCard(s, effect.pollId);
    case 'leaderCard':
      return postLeaderCard(s, effect.pollId);
    case 'announce':
      return s.outbox.announce(effect.networkId, effect.card, effect.text);
  }
}

/** Brings the shared poll card up to date, after the turn, collapsing a burst of votes into few updates. */
export function refreshSharedCard(s: EffectServices, pollId: string): void {
  const poll = s.store.read().polls.find((x) => x.id === pollId);
  if (!poll?.conversation || !poll.cardActivityId) return;
  s.outbox.update(poll.conversation, poll.cardActivityId, () => {
    const p = s.store.read();
    const current = p.polls.find((x) => x.id === pollId);
    const network = p.networks.find((n) => n.id === current?.networkId);
    return current && network ? sharedPollCard(p, current, network, s.clock()) : undefined;
  });
}

/** When consensus fails: the leader's card, posted in the poll's conversation with the leader mentioned. */
export function postLeaderCard(s: EffectServices, pollId: string): void {
  const p = s.store.read();
  const poll = p.polls.find((x) => x.id === pollId);
  const network = p.networks.find((n) => n.id === poll?.networkId);
  if (!poll?.conversation || !network || poll.status !== 'awaiting_leader') return;
  const { card, leader } = leaderCardOf(p, poll, network, s.clock());
  const mention = leader ? mentionOf(leader) : undefined;
  void s.outbox.post(poll.conversation, { text: mention?.entity ? mention.text : undefined, entities: mention?.entity ? [mention.entity] : [], card });
}

/** A reminder to those who have not voted; anonymous polls name nobody (naming who has not voted would tell who has). */
export function postReminder(s: EffectServices, pollId: string, personIds: readonly string[]): number {
  const p = s.store.read();
  const poll = p.polls.find((x) => x.id === pollId);
  const people = personIds.flatMap((id) => p.people.find((x) => x.id === id) ?? []);
  const network = p.networks.find((n) => n.id === poll?.networkId);
  if (!poll?.conversation || people.length === 0 || !network) return 0;
  const t = messages(network.locale);
  const named = mentionAll(poll.anonymous ? [] : people);
  const text = poll.anonymous ? t.poll.reminderAnonymous(people.length) : t.poll.reminderText(named.text);
  void s.outbox.post(poll.conversation, { text: `${text} «${poll.question}»`, entities: named.entities });
  return people.length;
}
