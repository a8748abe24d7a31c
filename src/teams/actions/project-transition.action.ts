import type { DataFor } from '../../cards/actions';
import { plain } from '../../cards/escape';
import { personalView, renderProjectCard } from '../../cards/project.card';
import { transitionProject } from '../../domain/projects';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** A lifecycle button on the project card: withdraw, put to the board, start, complete, pause, resume. */
export async function projectTransition(turn: Turn, data: DataFor<'project.transition'>): Promise<Reply> {
  const actor = turn.actor();
  const project = await turn.update((p) => transitionProject(p, actor, data.projectId, data.transition, turn.now()));
  const p = turn.read();
  return show(
    renderProjectCard(p, project, turn.locale, personalView(actor)),
    { kind: 'replaceShared', card: renderProjectCard(p, project, turn.network.locale) },
    { kind: 'announce', networkId: turn.network.id, card: renderProjectCard(p, project, turn.network.locale), text: turn.shared.announce.statusChanged(plain(actor.name)) },
  );
}
