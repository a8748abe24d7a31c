import type { DataFor } from '../../cards/actions';
import { personalView, renderProjectCard } from '../../cards/project.card';
import { DomainError } from '../../domain/errors';
import { project } from '../../domain/portfolio-queries';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * A "did you mean" button, a portfolio row, «Vis mine valg», or Teams refreshing a shared project
 * card: the project's card as the person pressing sees it, with the buttons they may press.
 */
export async function projectShow(turn: Turn, data: DataFor<'project.show'>): Promise<Reply> {
  const found = project(turn.portfolio, turn.network.id, data.projectId);
  if (!found) throw new DomainError('PROJECT.NOT_FOUND', { projectId: data.projectId });
  return show(renderProjectCard(turn.portfolio, found, turn.locale, personalView(turn.viewer())));
}
