import type { DataFor } from '../../cards/actions';
import { personalView, renderProjectCard } from '../../cards/project.card';
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
  const p = turn.read();
  // The presser gets their own view; the message, seen by everyone, the shared card in the network's language.
  return show(renderProjectCard(p, project, turn.locale, personalView(actor)), { kind: 'replaceShared', card: renderProjectCard(p, project, turn.network.locale) });
}
