import type { DataFor } from '../../cards/actions';
import { plain } from '../../cards/escape';
import { renderInitiativeCard, renderInitiativeForm } from '../../cards/initiative.card';
import { shareInitiative, validateInitiative } from '../../domain/initiatives';
import { findSimilar } from '../../domain/similar';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** The share-an-initiative form was sent: check it, save it, show who else does the same, announce it. */
export async function initiativeShare(turn: Turn, data: DataFor<'initiative.share'>): Promise<Reply> {
  const actor = turn.may('initiative.share');
  const form = validateInitiative(turn.portfolio, turn.network.id, data);
  if (!form.ok) return show(renderInitiativeForm(turn.portfolio, turn.network, data, form.errors, turn.locale));
  const { locale, network } = turn;
  const initiative = await turn.update((p) => shareInitiative(p, actor, form.value, turn.newId('initiative'), turn.now()));
  const p = turn.read();
  const similar = findSimilar(p, network.id, `${initiative.title} ${initiative.description} ${initiative.tags.join(' ')}`, initiative.id);
  return show(
    renderInitiativeCard(p, initiative, locale, { personal: { viewer: actor }, similar, sharedByName: actor.name, viewerOrganisationId: actor.organisationId, viewerPersonId: actor.personId }),
    { kind: 'replaceShared', card: renderInitiativeCard(p, initiative, network.locale, { similar, sharedByName: actor.name }) },
    { kind: 'announce', networkId: network.id, card: renderInitiativeCard(p, initiative, network.locale), text: turn.shared.initiative.announced(plain(actor.name)) },
  );
}
