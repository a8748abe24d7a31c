import type { DataFor } from '../../cards/actions';
import { renderInitiativeCard } from '../../cards/initiative.card';
import { initiativeIn } from '../../domain/initiatives';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** An initiative row, «Vis mine valg», or Teams refreshing a shared initiative card: the presser's own view. */
export async function initiativeShow(turn: Turn, data: DataFor<'initiative.show'>): Promise<Reply> {
  const initiative = initiativeIn(turn.portfolio, turn.network.id, data.initiativeId);
  const viewer = turn.viewer();
  return show(renderInitiativeCard(turn.portfolio, initiative, turn.locale, { personal: { viewer }, viewerOrganisationId: viewer?.organisationId, viewerPersonId: viewer?.personId }));
}
