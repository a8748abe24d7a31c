import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import { renderProjectCard } from '../../cards/project.card';
import { DomainError } from '../../domain/errors';
import { setPhase } from '../../domain/projects';
import { Phase } from '../../domain/schema';
import { requireActor } from '../actor';
import { replaceForAll, type Turn } from '../turn';

export async function projectPhase(context: TurnContext, turn: Turn, data: DataFor<'project.phase'>) {
  const actor = requireActor(context, turn);
  const phase = Phase.safeParse(data.phase);
  if (!phase.success) throw new DomainError('INPUT.INVALID', { field: 'phase' });
  const { deps, locale } = turn;
  const project = await deps.store.update((p) => setPhase(p, actor, data.projectId, phase.data, deps.clock()));
  const card = renderProjectCard(deps.store.read(), project, locale);
  await replaceForAll(context, card, deps);
  return card;
}
