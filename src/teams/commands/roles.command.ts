import type { TurnContext } from 'botbuilder';
import { renderRolesCard } from '../../cards/roles.card';
import { requirePermission } from '../actor';
import { sendCard, type Turn } from '../turn';

export async function roles(context: TurnContext, turn: Turn): Promise<void> {
  requirePermission(context, turn, 'roles.manage');
  await sendCard(context, renderRolesCard(turn.portfolio, turn.network, turn.locale));
}
