import type { DataFor } from '../../cards/actions';
import { renderProjectCard } from '../../cards/project.card';
import { DomainError } from '../../domain/errors';
import { setPhase } from '../../domain/projects';
import { Phase } from '../../domain/schema';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

export async function projectPhase(turn: Turn, data: DataFor<'project.phase'>): Promise<Reply> {
  const actor = turn.actor();
  const phase = Phase.safeParse(data.phase);
  if (!phase.success) throw new DomainError('INPUT.INVALID', { field: 'phase' });
  const project = await turn.update((p) => setPhase(p, actor, data.projectId, phase.data, turn.now()));
  const card = renderProjectCard(turn.read(), project, turn.locale);
  return show(card, { kind: 'replaceShared', card });
}
