import { CardFactory, type Activity, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/card';
import { announcementChannel } from '../../domain/conversations';
import type { ConversationRef } from '../../domain/schema';
import type { Logger } from '../../log';
import type { PortfolioStore } from '../../store/portfolio-store';
import { guardAgainstReposts } from './no-ambiguous-repost';
import { ConversationRateLimiter } from './rate-limiter';

/**
 * Everything Flokk sends outside a turn's own reply: announcements, poll cards brought up to
 * date, reminders and the leader's card. Sends go out after the turn that caused them has
 * answered, one conversation at a time and in order, within Teams' per-conversation rate limit.
 * The connector client itself retries 429 and 503 answers, honouring Retry-After.
 */
export interface Outbox {
  /** Posts to the network's announcement channel, if it has one. */
  announce(networkId: string, card: AdaptiveCard, text?: string): void;
  /** Posts a new message; resolves with its activity id once sent. */
  post(ref: ConversationRef, activity: Partial<Activity>): Promise<string | undefined>;
  /** Replaces a message Flokk sent earlier. Updates to the same message that pile up collapse into the latest. */
  update(ref: ConversationRef, activityId: string, render: () => AdaptiveCard | undefined): void;
  /** Resolves when everything queued so far has been sent (or has failed and been logged). */
  idle(): Promise<void>;
}

export const cardActivity = (card: AdaptiveCard, text?: string): Partial<Activity> => ({
  type: 'message',
  ...(text ? { text } : {}),
  attachments: [CardFactory.adaptiveCard(card)],
  summary: card.fallbackText,
});

export class ProactiveOutbox implements Outbox {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly pending = new Set<Promise<unknown>>();
  /** Updates waiting their turn, by message: the render runs when the update is actually sent. */
  private readonly waitingUpdates = new Set<string>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly store: PortfolioStore,
    private readonly log: Logger,
    private readonly limiter = new ConversationRateLimiter(),
  ) {}

  announce(networkId: string, card: AdaptiveCard, text?: string): void {
    const ref = announcementChannel(this.store.read(), networkId);
    if (ref) void this.post(ref, cardActivity(card, text));
  }

  post(ref: ConversationRef, activity: Partial<Activity>): Promise<string | undefined> {
    return this.enqueue(ref, async (context) => (await context.sendActivity(activity))?.id);
  }

  update(ref: ConversationRef, activityId: string, render: () => AdaptiveCard | undefined): void {
    const key = `${ref.conversationId}\u0000${activityId}`;
    if (this.waitingUpdates.has(key)) return;
    this.waitingUpdates.add(key);
    void this.enqueue(ref, async (context) => {
      this.waitingUpdates.delete(key);
      const card = render();
      if (card) await context.updateActivity({ ...cardActivity(card), id: activityId });
      return undefined;
    });
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
    conversation: { id: ref.conversationId, isGroup: true, conversationType: 'channel', tenantId: ref.tenantId, name: '' },
    ...(ref.botId ? { bot: { id: ref.botId, name: 'Flokk' } } : {}),
  };
}
