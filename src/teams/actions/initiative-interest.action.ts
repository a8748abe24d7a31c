import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import { renderInitiativeCard } from '../../cards/initiative.card';
import { toggleInterest } from '../../domain/initiatives';
import { requirePermission } from '../actor';
import { replaceForAll, type Turn } from '../turn';

/** "We want in", per organisation of the person pressing; pressing again takes it back. */
export async function initiativeInterest(context: TurnContext, turn: Turn, data: DataFor<'initiative.interest'>) {
  const actor = requirePermission(context, turn, 'initiative.interest');
  const { deps, locale } = turn;
  const { initiative } = await deps.store.update((p) => toggleInterest(p, actor, data.initiativeId, deps.clock()));
  const p = deps.store.read();
  await replaceForAll(context, renderInitiativeCard(p, initiative, locale), deps);
  return renderInitiativeCard(p, initiative, locale, { viewerOrganisationId: actor.organisationId });
}
