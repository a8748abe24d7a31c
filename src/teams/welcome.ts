import type { TurnContext } from 'botbuilder';
import { renderHelpCard } from '../cards/lookup.card';
import { rememberConversation } from '../domain/conversations';
import { networkForTenant } from '../domain/portfolio-queries';
import type { AppDeps } from './deps';
import { conversationKindOf, conversationRefOf, localeOf, sendCard, tenantOf } from './turn';

/**
 * Flokk was added to a team, a group chat or a personal chat: remember the conversation for the
 * network (so the secretariat can make it the announcement channel) and introduce Flokk once.
 */
export async function onInstalled(context: TurnContext, deps: AppDeps): Promise<void> {
  const a = context.activity;
  const botAdded = a.type === 'installationUpdate' ? a.action === 'add' || a.action === 'add-upgrade' : (a.membersAdded ?? []).some((m) => m?.id === a.recipient?.id);
  if (!botAdded) return;
  const fallback = deps.config.localMode ? deps.config.defaultNetworkId : undefined;
  const network = networkForTenant(deps.store.read(), tenantOf(context), fallback);
  if (network) {
    const ref = conversationRefOf(context);
    await deps.store.update((p) => rememberConversation(p, network.id, ref, conversationKindOf(context)));
  }
  // Teams sends both conversationUpdate and installationUpdate on install; greet on one of them.
  if (a.type !== 'installationUpdate') await sendCard(context, renderHelpCard(localeOf(context, deps)));
}
