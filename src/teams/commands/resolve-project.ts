import { plain } from '../../cards/escape';
import { renderProjectChoices } from '../../cards/lookup.card';
import type { Project } from '../../domain/schema';
import { say, show, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * Finds the project a user named: the project, or the reply to give instead when the name is
 * ambiguous or unknown ("did you mean …" with buttons, or the closest matches).
 */
export function resolveProject(turn: Turn, query: string): { project: Project } | { reply: Reply } {
  const { t } = turn;
  const found = turn.lookup.project(turn.portfolio, turn.network.id, query);
  switch (found.kind) {
    case 'found':
      return { project: found.item };
    case 'ambiguous':
      return { reply: show(renderProjectChoices(turn.portfolio, t.lookup.didYouMean, found.candidates, turn.locale)) };
    case 'none':
      if (found.suggestions.length === 0) return { reply: say(`${t.lookup.notFound(plain(query))} ${t.lookup.tryPortfolio}`) };
      return { reply: show(renderProjectChoices(turn.portfolio, `${t.lookup.notFound(plain(query))} ${t.lookup.closest}`, found.suggestions, turn.locale)) };
  }
}
