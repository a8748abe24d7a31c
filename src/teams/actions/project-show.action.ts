import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import type { AdaptiveCard } from '../../cards/card';
import { renderProjectCard } from '../../cards/project.card';
import { DomainError } from '../../domain/errors';
import { project } from '../../domain/portfolio-queries';
import type { Turn } from '../turn';

/** A "did you mean" button or a portfolio row: replace the card with the project's card. */
export async function projectShow(_context: TurnContext, turn: Turn, data: DataFor<'project.show'>): Promise<AdaptiveCard> {
  const found = project(turn.portfolio, turn.network.id, data.projectId);
  if (!found) throw new DomainError('PROJECT.NOT_FOUND', { projectId: data.projectId });
  return renderProjectCard(turn.portfolio, found, turn.locale);
}
