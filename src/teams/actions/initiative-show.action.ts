import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import { renderInitiativeCard } from '../../cards/initiative.card';
import { initiativeIn } from '../../domain/initiatives';
import { personByAad } from '../../domain/people';
import type { Turn } from '../turn';

export async function initiativeShow(context: TurnContext, turn: Turn, data: DataFor<'initiative.show'>) {
  const initiative = initiativeIn(turn.portfolio, turn.network.id, data.initiativeId);
  const viewer = personByAad(turn.portfolio, turn.network.id, turn.activity.from?.aadObjectId ?? '');
  return renderInitiativeCard(turn.portfolio, initiative, turn.locale, { viewerOrganisationId: viewer?.organisationId });
}
