import type { TurnContext } from 'botbuilder';
import { renderHelpCard } from '../cards/lookup.card';
import type { AppDeps } from './deps';
import { localeOf, sendCard } from './turn';

/** When Flokk itself is added to a chat or team, introduce it once with the help card. */
export async function welcome(context: TurnContext, deps: AppDeps): Promise<void> {
  const botId = context.activity.recipient?.id;
  const added = context.activity.membersAdded ?? [];
  if (!added.some((m) => m.id === botId)) return;
  await sendCard(context, renderHelpCard(localeOf(context, deps)));
}
