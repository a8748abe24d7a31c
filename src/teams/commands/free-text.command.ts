import { renderProjectCard } from '../../cards/project.card';
import { say, show, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * Text that is no known command: if it plainly names one project, show that project's card;
 * otherwise say what Flokk understands. Free text never opens a "did you mean", which would
 * make every stray sentence look like a failed search.
 */
export async function freeText(turn: Turn, { text }: { text: string }): Promise<Reply> {
  const found = turn.lookup.project(turn.portfolio, turn.network.id, text);
  if (found.kind === 'found') return show(renderProjectCard(turn.portfolio, found.item, turn.locale));
  return say(turn.t.unknown);
}
