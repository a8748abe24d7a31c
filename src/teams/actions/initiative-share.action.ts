import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import { renderInitiativeCard, renderInitiativeForm } from '../../cards/initiative.card';
import { shareInitiative, validateInitiative } from '../../domain/initiatives';
import { findSimilar } from '../../domain/similar';
import { requirePermission } from '../actor';
import { replaceForAll, type Turn } from '../turn';

/** The share-an-initiative form was sent: check it, save it, show who else does the same, announce it. */
export async function initiativeShare(context: TurnContext, turn: Turn, data: DataFor<'initiative.share'>) {
  const actor = requirePermission(context, turn, 'initiative.share');
  const form = validateInitiative(turn.portfolio, turn.network.id, data);
  if (!form.ok) return renderInitiativeForm(turn.portfolio, turn.network, data, form.errors, turn.locale);
  const { deps, locale } = turn;
  const initiative = await deps.store.update((p) => shareInitiative(p, actor, form.value, deps.newId('initiative'), deps.clock()));
  const p = deps.store.read();
  const similar = findSimilar(p, turn.network.id, `${initiative.title} ${initiative.description} ${initiative.tags.join(' ')}`, initiative.id);
  const shared = renderInitiativeCard(p, initiative, locale, { similar, sharedByName: actor.name });
  await replaceForAll(context, shared, deps);
  deps.outbox.announce(turn.network.id, renderInitiativeCard(p, initiative, turn.network.locale), turn.t.initiative.announced(actor.name));
  return renderInitiativeCard(p, initiative, locale, { similar, sharedByName: actor.name, viewerOrganisationId: actor.organisationId });
}
