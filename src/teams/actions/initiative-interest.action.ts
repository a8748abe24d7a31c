import type { DataFor } from '../../cards/actions';
import { renderInitiativeCard } from '../../cards/initiative.card';
import { toggleInterest } from '../../domain/initiatives';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** "We want in", for the confirmed organisation of the person pressing, or else in their own name; pressing again takes it back. */
export async function initiativeInterest(turn: Turn, data: DataFor<'initiative.interest'>): Promise<Reply> {
  const actor = turn.actor();
  const { initiative } = await turn.update((p) => toggleInterest(p, actor, data.initiativeId, turn.now()));
  const p = turn.read();
  return show(renderInitiativeCard(p, initiative, turn.locale, { personal: { viewer: actor }, viewerOrganisationId: actor.organisationId, viewerPersonId: actor.personId }), {
    kind: 'replaceShared',
    card: renderInitiativeCard(p, initiative, turn.network.locale),
  });
}
