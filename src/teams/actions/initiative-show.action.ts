import type { DataFor } from '../../cards/actions';
import { renderInitiativeCard } from '../../cards/initiative.card';
import { initiativeIn } from '../../domain/initiatives';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

export async function initiativeShow(turn: Turn, data: DataFor<'initiative.show'>): Promise<Reply> {
  const initiative = initiativeIn(turn.portfolio, turn.network.id, data.initiativeId);
  return show(renderInitiativeCard(turn.portfolio, initiative, turn.locale, { viewerOrganisationId: turn.viewer()?.organisationId }));
}
