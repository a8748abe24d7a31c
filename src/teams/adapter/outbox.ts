import { CardFactory, type Activity, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/card';
import { announcementChannel } from '../../domain/conversations';
import type { ConversationRef, Portfolio } from '../../domain/schema';
import type { Logger } from '../../log';
import { connectorConversationId } from '../activity';
import type { Outbox, OutboundMessage } from '../effects';
import { ConversationRateLimiter } from '../proactive/rate-limiter';
import { guardAgainstReposts } from './no-ambiguous-repost';

/** A message as the SDK sends it: text and mentions, and the card as an attachment. */
export const toActivity = (m: OutboundMessage): Partial<Activity> => ({
  type: 'message',
  ...(m.text ? { text: m.text } : {}),
  ...(m.entities && m.entities.length > 0 ? { entities: m.entities as Activity['entities'] } : {}),
  ...(m.card ? { attachments: [CardFactory.adaptiveCard(m.card)], summary: m.card.fallbackText } : {}),
});

/**
 * The outbox through the Bot Framework: continueConversation per send, one conversation at a
 * time and in order. The connector client itself retries 429 and 503 answers, honouring Retry-After.
 * A reference with a thread is sent to that thread; sends to a channel's threads share the
 * channel's queue, so they keep their order and the channel's rate.
 */
export class ProactiveOutbox implements Outbox {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly pending = new Set<Promise<unknown>>();
  /** Updates waiting their turn, by message, and when each will have been sent: the render runs when the update is actually sent. */
  private readonly waitingUpdates = new Map<string, Promise<void>>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly store: { read(): Portfolio },
    private readonly log: Logger,
    private readonly limiter = new ConversationRateLimiter(),
  ) {}

  announce(networkId: string, card: AdaptiveCard, text?: string): void {
    const ref = announcementChannel(this.store.read(), networkId);
    if (ref) void this.post(ref, { card, text });
  }

  post(ref: ConversationRef, message: OutboundMessage): Promise<string | undefined> {
    return this.enqueue(ref, async (context) => (await context.sendActivity(toActivity(message)))?.id);
  }

  update(ref: ConversationRef, activityId: string, render: () => AdaptiveCard | undefined): Promise<void> {
    const key = `${ref.conversationId}\u0000${activityId}`;
    const waiting = this.waitingUpdates.get(key);
    if (waiting) return waiting;
    const sent = this.enqueue(ref, async (context) => {
      this.waitingUpdates.delete(key);
      const card = render();
      if (card) await context.updateActivity({ ...toActivity({ card }), id: activityId });
      return undefined;
    }).then(() => undefined);
    this.waitingUpdates.set(key, sent);
    return sent;
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private enqueue<T>(ref: ConversationRef, send: (context: TurnContext) => Promise<T>): Promise<T | undefined> {
    const id = ref.conversationId;
    const previous = this.chains.get(id) ?? Promise.resolve();
    let result: T | undefined;
    const next = previous
      .then(() => this.limiter.acquire(id))
      .then(() =>
        this.adapter.continueConversationAsync(this.botAppId, toReference(ref), async (context) => {
          guardAgainstReposts(context);
          result = await send(context);
        }),
      )
      .catch((error: unknown) => this.log.error('proactive send failed', { error, conversationId: id }));
    this.chains.set(id, next);
    this.pending.add(next);
    void next.finally(() => {
      this.pending.delete(next);
      if (this.chains.get(id) === next) this.chains.delete(id);
    });
    return next.then(() => result);
  }
}

function toReference(ref: ConversationRef): Partial<ConversationReference> {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    conversation: { id: connectorConversationId(ref), isGroup: true, conversationType: 'channel', tenantId: ref.tenantId, name: '' },
    ...(ref.botId ? { bot: { id: ref.botId, name: 'Flokk' } } : {}),
  };
}
