import { CardFactory, type Activity, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/card';
import { DomainError } from '../domain/errors';
import { networkForTenant } from '../domain/portfolio-queries';
import type { ConversationRef, Locale, Network, Portfolio } from '../domain/schema';
import { chooseLocale, messages, type Messages } from '../i18n';
import type { AppDeps } from './deps';

/** What every handler needs to know about the turn it is in. */
export interface Turn {
  /** The activity, kept so a handler that finishes after its turn (see withinBudget) can still read it. */
  activity: Activity;
  deps: AppDeps;
  locale: Locale;
  t: Messages;
  network: Network;
  portfolio: Portfolio;
}

export function tenantOf(context: { activity: Activity }): string | undefined {
  const a = context.activity;
  return a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

/** The locale to answer in, even before the network is known (for error messages). */
export function localeOf(context: TurnContext, deps: AppDeps): Locale {
  return chooseLocale(context.activity.locale, deps.config.defaultLocale);
}

export function beginTurn(context: TurnContext, deps: AppDeps): Turn {
  const portfolio = deps.store.read();
  const fallback = deps.config.localMode ? deps.config.defaultNetworkId : undefined;
  const network = networkForTenant(portfolio, tenantOf(context), fallback);
  if (!network) throw new DomainError('NETWORK.NOT_CONFIGURED');
  const locale = chooseLocale(context.activity.locale, network.locale ?? deps.config.defaultLocale);
  return { activity: context.activity, deps, locale, t: messages(locale), network, portfolio };
}

export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)], summary: card.fallbackText });
}

/**
 * Replaces the card a button was pressed on, for everyone in the conversation. The invoke's own
 * answer only reaches the person who pressed; this keeps the shared message in step.
 */
export async function replaceForAll(context: TurnContext, card: AdaptiveCard, deps: AppDeps): Promise<void> {
  try {
    const id = context.activity.replyToId;
    if (!id) return;
    await context.updateActivity({ id, type: 'message', attachments: [CardFactory.adaptiveCard(card)], summary: card.fallbackText });
  } catch (error) {
    // NOTE: Teams refuses updates to messages that are too old or were deleted, and a turn that
    // finished in the background (see withinBudget in app.ts) can no longer use its context.
    deps.log.warn('shared card not updated', { error });
  }
}

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export function conversationKindOf(context: { activity: Activity }): ConversationKind {
  const type = context.activity.conversation?.conversationType;
  return type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
}

/** Where to post later. For a channel, the channel itself rather than the thread the command was typed in. */
export function conversationRefOf(context: { activity: Activity }): ConversationRef {
  const a = context.activity;
  const kind = conversationKindOf(context);
  const teamsChannelId = (a.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
  const conversationId = kind === 'channel' ? (teamsChannelId ?? a.conversation.id.split(';')[0]!) : a.conversation.id;
  return { conversationId, serviceUrl: a.serviceUrl, tenantId: tenantOf(context), channelId: a.channelId ?? 'msteams', botId: a.recipient?.id };
}
