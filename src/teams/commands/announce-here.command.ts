import type { TurnContext } from 'botbuilder';
import { setAnnouncementChannel } from '../../domain/conversations';
import { requirePermission } from '../actor';
import { conversationKindOf, conversationRefOf, type Turn } from '../turn';

/** "kunngjøringer her", typed in a channel by the secretariat, makes it the network's announcement channel. */
export async function announceHere(context: TurnContext, turn: Turn): Promise<void> {
  const actor = requirePermission(context, turn, 'channel.announce');
  const kind = conversationKindOf(context);
  if (kind !== 'channel') {
    await context.sendActivity(turn.t.announce.notChannel);
    return;
  }
  await turn.deps.store.update((p) => setAnnouncementChannel(p, actor, conversationRefOf(context), kind));
  await context.sendActivity(turn.t.announce.set(turn.network.name));
}
