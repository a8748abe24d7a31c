import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/card';
import { announcementChannel } from '../../domain/conversations';
import type { ConversationRef } from '../../domain/schema';
import type { Logger } from '../../log';
import type { PortfolioStore } from '../../store/portfolio-store';
import { ConversationRateLimiter } from './rate-limiter';

/** Posts to a network's announcement channel, after the turn that caused it has answered. */
export interface Announcer {
  announce(networkId: string, card: AdaptiveCard, text?: string): void;
  /** Resolves when everything queued so far has been sent (or has failed and been logged). */
  idle(): Promise<void>;
}

/**
 * Sends proactively through the adapter, one conversation at a time in order, within Teams'
 * per-conversation rate limit. The connector client itself retries 429 and 503 answers,
 * honouring Retry-After.
 */
export class ProactiveAnnouncer implements Announcer {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly store: PortfolioStore,
    private readonly log: Logger,
    private readonly limiter = new ConversationRateLimiter(),
  ) {}

  announce(networkId: string, card: AdaptiveCard, text?: string): void {
    const ref = announcementChannel(this.store.read(), networkId);
    if (!ref) return;
    this.send(ref, card, text);
  }

  send(ref: ConversationRef, card: AdaptiveCard, text?: string): void {
    const id = ref.conversationId;
    const previous = this.chains.get(id) ?? Promise.resolve();
    const next = previous
      .then(() => this.limiter.acquire(id))
      .then(() =>
        this.adapter.continueConversationAsync(this.botAppId, toReference(ref), async (context) => {
          await context.sendActivity({ text, attachments: [CardFactory.adaptiveCard(card)], summary: card.fallbackText });
        }),
      )
      .catch((error: unknown) => this.log.error('announcement not delivered', { error, conversationId: id }));
    this.chains.set(id, next);
    this.pending.add(next);
    void next.finally(() => {
      this.pending.delete(next);
      if (this.chains.get(id) === next) this.chains.delete(id);
    });
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
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
