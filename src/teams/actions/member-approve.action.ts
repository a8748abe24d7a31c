import type { DataFor } from '../../cards/actions';
import { plain } from '../../cards/escape';
import { renderMembershipRequestCard, renderMembershipRequestList } from '../../cards/membership-request.card';
import { approveMembership, pendingMemberships, rejectMembership } from '../../domain/people';
import type { Person } from '../../domain/schema';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * The secretariat answers a membership request with one press, on the card in the announcement
 * channel or in its list of requests. Who pressed comes from the activity; the person and the
 * organisation from the card, checked against the request in the store by the domain.
 */
export async function memberApprove(turn: Turn, data: DataFor<'member.approve'>): Promise<Reply> {
  const actor = turn.may('membership.confirm');
  const person = await turn.update((p) => approveMembership(p, actor, data.personId, data.organisationId));
  return answered(turn, person, data, true, actor.name);
}

export async function memberReject(turn: Turn, data: DataFor<'member.reject'>): Promise<Reply> {
  const actor = turn.may('membership.confirm');
  const person = await turn.update((p) => rejectMembership(p, actor, data.personId, data.organisationId));
  return answered(turn, person, data, false, actor.name);
}

/** The answered card, for the presser and for everyone who sees the request; or the list, with what was answered. */
function answered(turn: Turn, person: Person, data: { organisationId: string; list?: boolean }, approved: boolean, byName: string): Reply {
  const p = turn.read();
  if (data.list) {
    const org = plain(p.organisations.find((o) => o.id === data.organisationId)?.name ?? '?');
    const notice = (approved ? turn.t.membership.approved : turn.t.membership.rejected)(plain(person.name), org);
    return show(renderMembershipRequestList(p, pendingMemberships(p, turn.network.id), turn.locale, notice));
  }
  const card = renderMembershipRequestCard(p, person, data.organisationId, turn.locale, { approved, byName });
  return show(card, { kind: 'replaceShared', card: renderMembershipRequestCard(p, person, data.organisationId, turn.network.locale, { approved, byName }) });
}
