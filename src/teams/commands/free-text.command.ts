import type { TurnContext } from 'botbuilder';
import { renderProjectCard } from '../../cards/project.card';
import { sendCard, type Turn } from '../turn';

/**
 * Text that is no known command: if it plainly names one project, show that project's card;
 * otherwise say what Flokk understands. Free text never opens a "did you mean", which would
 * make every stray sentence look like a failed search.
 */
export async function freeText(context: TurnContext, turn: Turn, text: string): Promise<void> {
  const found = turn.deps.lookup.project(turn.portfolio, turn.network.id, text);
  if (found.kind === 'found') {
    await sendCard(context, renderProjectCard(turn.portfolio, found.item, turn.locale));
    return;
  }
  await context.sendActivity(turn.t.unknown);
}
