import { renderProposalForm } from '../../cards/proposal.card';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** "foreslå prosjekt Felles KI-plattform" → the proposal form, owner set to the proposer's organisation. */
export async function proposeProjectForm(turn: Turn, { title }: { title: string }): Promise<Reply> {
  const actor = turn.may('project.propose');
  const values = { title: title.slice(0, 200), ownerOrganisationId: actor.organisationId ?? '' };
  return show(renderProposalForm(turn.portfolio, turn.network, values, {}, turn.locale));
}
