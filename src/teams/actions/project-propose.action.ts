import type { DataFor } from '../../cards/actions';
import { plain } from '../../cards/escape';
import { personalView, renderProjectCard } from '../../cards/project.card';
import { renderProposalForm } from '../../cards/proposal.card';
import { proposeProject, validateProposal } from '../../domain/projects';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** The proposal form was sent: check it, save the proposal as «foreslått», announce it. */
export async function projectPropose(turn: Turn, data: DataFor<'project.propose'>): Promise<Reply> {
  const actor = turn.may('project.propose');
  const form = validateProposal(turn.portfolio, turn.network.id, data);
  if (!form.ok) return show(renderProposalForm(turn.portfolio, turn.network, data, form.errors, turn.locale));
  const project = await turn.update((p) => proposeProject(p, actor, form.value, turn.newId('project'), turn.now()));
  const p = turn.read();
  return show(
    renderProjectCard(p, project, turn.locale, personalView(actor)),
    { kind: 'replaceShared', card: renderProjectCard(p, project, turn.network.locale) },
    { kind: 'announce', networkId: turn.network.id, card: renderProjectCard(p, project, turn.network.locale), text: turn.shared.proposal.announced(plain(actor.name)) },
  );
}
