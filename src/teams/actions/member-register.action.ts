import type { DataFor } from '../../cards/actions';
import { renderRegistrationCard } from '../../cards/registration.card';
import { DomainError } from '../../domain/errors';
import { registerPerson } from '../../domain/people';
import { organisationsOf } from '../../domain/portfolio-queries';
import { say, show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** A person says which member organisation they represent; then what they were doing goes on (app.ts resumes it). */
export async function memberRegister(turn: Turn, data: DataFor<'member.register'>): Promise<Reply> {
  const from = turn.activity.from;
  if (!from?.aadObjectId) throw new DomainError('ACCESS.NO_IDENTITY');
  if (!data.organisationId) return show(renderRegistrationCard(organisationsOf(turn.portfolio, turn.network.id), turn.locale, data.resume));
  const person = await turn.update((p) =>
    registerPerson(p, { id: turn.newId('person'), networkId: turn.network.id, aadObjectId: from.aadObjectId!, name: from.name ?? '', organisationId: data.organisationId }),
  );
  const organisation = turn.portfolio.organisations.find((o) => o.id === person.organisationId)?.name ?? '';
  return { ...say(turn.t.registration.done(organisation)), resume: data.resume };
}
