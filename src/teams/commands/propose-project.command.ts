import type { TurnContext } from 'botbuilder';
import { renderProposalForm } from '../../cards/proposal.card';
import { requirePermission } from '../actor';
import { sendCard, type Turn } from '../turn';

/** "foreslå prosjekt Felles KI-plattform" → the proposal form, owner set to the proposer's organisation. */
export async function proposeProjectForm(context: TurnContext, turn: Turn, title: string): Promise<void> {
  const actor = requirePermission(context, turn, 'project.propose');
  const values = { title: title.slice(0, 200), ownerOrganisationId: actor.organisationId ?? '' };
  await sendCard(context, renderProposalForm(turn.portfolio, turn.network, values, {}, turn.locale));
}
