import { renderProjectCard } from '../../cards/project.card';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';
import { resolveProject } from './resolve-project';

/** "prosjekt barnevern" → the project card. */
export async function showProject(turn: Turn, { query }: { query: string }): Promise<Reply> {
  const found = resolveProject(turn, query);
  return 'reply' in found ? found.reply : show(renderProjectCard(turn.portfolio, found.project, turn.locale));
}
