import { boardWordOf } from '../domain/body-terms';
import type { AdaptiveCard } from '../cards/card';
import { plain } from '../cards/escape';
import type { Config } from '../config';
import { announcementChannel } from '../domain/conversations';
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
  /** Posts a new message, in the reference's thread when it names one; resolves with its activity id once sent. */
  post(ref: ConversationRef, message: OutboundMessage): Promise<string | undefined>;
  /**
   * Replaces a message Flokk sent earlier, addressed in the conversation (and thread) it was posted
   * in. Updates to the same message that pile up collapse into the latest; resolves once that update
   * has been sent (or has failed and been logged).
   */
  update(ref: ConversationRef, activityId: string, render: () => AdaptiveCard | undefined): Promise<void>;
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
export function performOutboxEffect(effect: Exclude<Effect, { kind: 'replaceShared' }>, s: EffectServices): Promise<void> | void {
  switch (effect.kind) {
    case 'refreshPoll':
      return refreshSharedCard(s, effect.pollId);
    case 'leaderCard':
      return postLeaderCard(s, effect.pollId);
    case 'announce':
      return s.outbox.announce(effect.networkId, effect.card, effect.text);
    case 'notifySecretariat':
      return notifySecretariat(s, effect.networkId, effect.card);
  }
}

/**
 * A card the secretariat must answer (approve or reject a membership request). The secretariat
 * works in the network's announcement channel, the one it chose with «kunngjøringer her», so the
 * card is posted there. Without such a channel the request still waits in Flokk: the secretariat
 * finds it with «forespørsler»; the log says it was not posted.
 */
export function notifySecretariat(s: EffectServices, networkId: string, card: AdaptiveCard): void {
  const ref = announcementChannel(s.store.read(), networkId);
  if (!ref) return s.log.warn('no announcement channel: the request for the secretariat waits in «forespørsler»', { networkId });
  void s.outbox.post(ref, { card });
}

/**
 * Brings the shared poll card up to date, after the turn, collapsing a burst of votes into few
 * updates; resolves once the update has gone out.
 */
export function refreshSharedCard(s: EffectServices, pollId: string): Promise<void> {
  const poll = s.store.read().polls.find((x) => x.id === pollId);
  if (!poll?.conversation || !poll.cardActivityId) return Promise.resolve();
  return s.outbox.update(poll.conversation, poll.cardActivityId, () => {
    const p = s.store.read();
    const current = p.polls.find((x) => x.id === pollId);
    const network = p.networks.find((n) => n.id === current?.networkId);
    return current && network ? sharedPollCard(p, current, network, s.clock()) : undefined;
  });
}

/**
 * When consensus fails: the leader's card, posted in the poll's conversation with the leader
 * mentioned. A poll opened in a channel thread keeps its thread, so the card follows the poll there.
 */
export function postLeaderCard(s: EffectServices, pollId: string): void {
  const p = s.store.read();
  const poll = p.polls.find((x) => x.id === pollId);
  const network = p.networks.find((n) => n.id === poll?.networkId);
  if (!poll?.conversation || !network || poll.status !== 'awaiting_leader') return;
  const { card, leader } = leaderCardOf(p, poll, network, s.clock());
  const mention = leader ? mentionOf(leader) : undefined;
  // The mention stands in the sentence that says why, not alone on a line above the card.
  const t = messages(network.locale, boardWordOf(p, network.id));
  const text = mention?.entity ? t.poll.leaderNeeded(mention.text, plain(poll.question)) : undefined;
  void s.outbox.post(poll.conversation, { text, entities: mention?.entity ? [mention.entity] : [], card });
}

/**
 * A reminder to those who have not voted, in the poll's conversation (its thread, in a channel);
 * anonymous polls name nobody (naming who has not voted would tell who has).
 */
export function postReminder(s: EffectServices, pollId: string, personIds: readonly string[]): number {
  const p = s.store.read();
  const poll = p.polls.find((x) => x.id === pollId);
  const people = personIds.flatMap((id) => p.people.find((x) => x.id === id) ?? []);
  const network = p.networks.find((n) => n.id === poll?.networkId);
  if (!poll?.conversation || people.length === 0 || !network) return 0;
  const t = messages(network.locale, boardWordOf(p, network.id));
  const named = mentionAll(poll.anonymous ? [] : people);
  const text = poll.anonymous ? t.poll.reminderAnonymous(people.length) : t.poll.reminderText(named.text);
  void s.outbox.post(poll.conversation, { text: `${text} «${plain(poll.question)}»`, entities: named.entities });
  return people.length;
}
