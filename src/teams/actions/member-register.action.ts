import type { DataFor } from '../../cards/actions';
import { plain } from '../../cards/escape';
import { renderMembershipRequestCard } from '../../cards/membership-request.card';
import { renderRegistrationCard } from '../../cards/registration.card';
import { DomainError } from '../../domain/errors';
import { organisationForTenant } from '../../domain/networks';
import { registerPerson } from '../../domain/people';
import { organisationsOf } from '../../domain/portfolio-queries';
import { tenantOf } from '../activity';
import { say, show, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * A person says which member organisation they represent. From a tenant the network maps to an
 * organisation, that is theirs, confirmed, and what they were doing goes on (app.ts resumes it).
 * Otherwise it is a request: the secretariat gets a card to approve or reject it, and the person
 * learns where they stand. A request does not resume: app.ts drops the effects of a reply it
 * resumes from, so the card would never reach the secretariat; the person presses again.
 */
export async function memberRegister(turn: Turn, data: DataFor<'member.register'>): Promise<Reply> {
  const from = turn.activity.from;
  if (!from?.aadObjectId) throw new DomainError('ACCESS.NO_IDENTITY');
  const tenantId = tenantOf(turn.activity);
  if (!data.organisationId && !organisationForTenant(turn.portfolio, turn.network.id, tenantId)) {
    return show(renderRegistrationCard(organisationsOf(turn.portfolio, turn.network.id), turn.locale, data.resume));
  }
  const { person, outcome, organisation } = await turn.update((p) =>
    registerPerson(p, { id: turn.newId('person'), networkId: turn.network.id, aadObjectId: from.aadObjectId!, name: from.name ?? '', organisationId: data.organisationId || undefined, tenantId }),
  );
  const name = plain(organisation?.name ?? '');
  if (outcome === 'requested' && organisation) {
    const card = renderMembershipRequestCard(turn.read(), person, organisation.id, turn.network.locale);
    return say(turn.t.registration.pending(name), { kind: 'notifySecretariat', networkId: turn.network.id, card });
  }
  if (!person.organisationId) return say(turn.t.registration.pending(name));
  return { ...say(turn.t.registration.done(name)), resume: data.resume };
}
