import type { DataFor } from '../../cards/actions';
import { renderProposalForm } from '../../cards/proposal.card';
import { DomainError } from '../../domain/errors';
import { initiativeIn } from '../../domain/initiatives';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** "Propose as project": the proposal form, filled in from the initiative. */
export async function initiativePropose(turn: Turn, data: DataFor<'initiative.propose'>): Promise<Reply> {
  const actor = turn.may('project.propose');
  const i = initiativeIn(turn.portfolio, turn.network.id, data.initiativeId);
  if (i.status !== 'open' || i.projectId) throw new DomainError('INITIATIVE.ALREADY_PROPOSED', { initiativeId: i.id });
  const values = {
    title: i.title,
    summary: i.description,
    area: i.area,
    horizon: i.horizon ?? '',
    ownerOrganisationId: actor.organisationId ?? '',
    participantOrganisationIds: i.interest.flatMap((m) => m.organisationId ?? []).join(','),
    initiativeId: i.id,
  };
  return show(renderProposalForm(turn.portfolio, turn.network, values, {}, turn.locale));
}
