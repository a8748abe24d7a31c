import type { TurnContext } from 'botbuilder';
import { renderProjectChoices } from '../../cards/lookup.card';
import type { Project } from '../../domain/schema';
import { sendCard, type Turn } from '../turn';

/**
 * Finds the project a user named. When the name is ambiguous or unknown, this answers the user
 * itself ("did you mean …" with buttons, or the closest matches) and returns undefined.
 */
export async function resolveProject(context: TurnContext, turn: Turn, query: string): Promise<Project | undefined> {
  const { t } = turn;
  const found = turn.deps.lookup.project(turn.portfolio, turn.network.id, query);
  switch (found.kind) {
    case 'found':
      return found.item;
    case 'ambiguous':
      await sendCard(context, renderProjectChoices(turn.portfolio, t.lookup.didYouMean, found.candidates, turn.locale));
      return undefined;
    case 'none':
      if (found.suggestions.length === 0) {
        await context.sendActivity(`${t.lookup.notFound(query)} ${t.lookup.tryPortfolio}`);
      } else {
        const intro = `${t.lookup.notFound(query)} ${t.lookup.closest}`;
        await sendCard(context, renderProjectChoices(turn.portfolio, intro, found.suggestions, turn.locale));
      }
      return undefined;
  }
}
