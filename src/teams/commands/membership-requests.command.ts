import { renderMembershipRequestList } from '../../cards/membership-request.card';
import { pendingMemberships } from '../../domain/people';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** «forespørsler»: every membership request still waiting for the secretariat, each with its two buttons. */
export async function membershipRequests(turn: Turn): Promise<Reply> {
  return show(renderMembershipRequestList(turn.portfolio, pendingMemberships(turn.portfolio, turn.network.id), turn.locale));
}
