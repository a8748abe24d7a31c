import type { TurnContext } from 'botbuilder';
import { renderInitiativeForm } from '../../cards/initiative.card';
import { requirePermission } from '../actor';
import { sendCard, type Turn } from '../turn';

/** "del initiativ Felles journal" → the share form, with the title filled in. */
export async function shareInitiativeForm(context: TurnContext, turn: Turn, title: string): Promise<void> {
  requirePermission(context, turn, 'initiative.share');
  await sendCard(context, renderInitiativeForm(turn.portfolio, turn.network, { title: title.slice(0, 200) }, {}, turn.locale));
}
