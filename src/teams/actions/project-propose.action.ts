import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import { renderProjectCard } from '../../cards/project.card';
import { renderProposalForm } from '../../cards/proposal.card';
import { proposeProject, validateProposal } from '../../domain/projects';
import { requirePermission } from '../actor';
import { replaceForAll, type Turn } from '../turn';

/** The proposal form was sent: check it, save the proposal as «foreslått», announce it. */
export async function projectPropose(context: TurnContext, turn: Turn, data: DataFor<'project.propose'>) {
  const actor = requirePermission(context, turn, 'project.propose');
  const form = validateProposal(turn.portfolio, turn.network.id, data);
  if (!form.ok) return renderProposalForm(turn.portfolio, turn.network, data, form.errors, turn.locale);
  const { deps, locale } = turn;
  const project = await deps.store.update((p) => proposeProject(p, actor, form.value, deps.newId('project'), deps.clock()));
  const p = deps.store.read();
  const card = renderProjectCard(p, project, locale);
  await replaceForAll(context, card, deps);
  deps.outbox.announce(turn.network.id, renderProjectCard(p, project, turn.network.locale), turn.t.proposal.announced(actor.name));
  return card;
}
