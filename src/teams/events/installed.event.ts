import { renderHelpCard } from '../../cards/lookup.card';
import { rememberConversation } from '../../domain/conversations';
import { conversationKindOf, conversationRefOf, networkOf, type Activity } from '../activity';
import { show, silent, type Reply } from '../reply';
import { localeOf, type TurnServices } from '../turn';

/**
 * Flokk was added to a team, a group chat or a personal chat: remember the conversation for the
 * network (so the secretariat can make it the announcement channel) and introduce Flokk once.
 * It runs before anyone is known to Flokk, so it takes the services rather than a turn.
 */
export async function onInstalled(services: TurnServices, a: Activity): Promise<Reply> {
  const botAdded = a.type === 'installationUpdate' ? a.action === 'add' || a.action === 'add-upgrade' : (a.membersAdded ?? []).some((m) => m?.id === a.recipient?.id);
  if (!botAdded) return silent();
  const network = networkOf(services.store.read(), a, services.config);
  if (network) {
    await services.store.update((p) => rememberConversation(p, network.id, conversationRefOf(a), conversationKindOf(a)));
  }
  // Teams sends both conversationUpdate and installationUpdate on install; greet on one of them.
  return a.type === 'installationUpdate' ? silent() : show(renderHelpCard(localeOf(a, services.config)));
}
