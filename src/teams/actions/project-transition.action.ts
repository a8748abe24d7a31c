import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import { renderProjectCard } from '../../cards/project.card';
import { transitionProject } from '../../domain/projects';
import { requireActor } from '../actor';
import { replaceForAll, type Turn } from '../turn';

/** A lifecycle button on the project card: withdraw, put to the board, start, complete, pause, resume. */
export async function projectTransition(context: TurnContext, turn: Turn, data: DataFor<'project.transition'>) {
  const actor = requireActor(context, turn);
  const { deps, locale } = turn;
  const project = await deps.store.update((p) => transitionProject(p, actor, data.projectId, data.transition, deps.clock()));
  const p = deps.store.read();
  const card = renderProjectCard(p, project, locale);
  await replaceForAll(context, card, deps);
  deps.outbox.announce(turn.network.id, renderProjectCard(p, project, turn.network.locale), turn.t.announce.statusChanged(actor.name));
  return card;
}
