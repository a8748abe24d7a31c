import type { TurnContext } from 'botbuilder';
import { renderHelpCard } from '../../cards/lookup.card';
import { sendCard, type Turn } from '../turn';

export async function help(context: TurnContext, turn: Turn): Promise<void> {
  await sendCard(context, renderHelpCard(turn.locale));
}
