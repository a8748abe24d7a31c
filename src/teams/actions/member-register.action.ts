import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import { renderRegistrationCard } from '../../cards/registration.card';
import { organisationsOf } from '../../domain/portfolio-queries';
import { registerPerson } from '../../domain/people';
import { DomainError } from '../../domain/errors';
import type { Turn } from '../turn';

/** A person says which member organisation they represent; then what they were doing goes on. */
export async function memberRegister(context: TurnContext, turn: Turn, data: DataFor<'member.register'>) {
  const from = turn.activity.from;
  if (!from?.aadObjectId) throw new DomainError('ACCESS.NO_IDENTITY');
  if (!data.organisationId) {
    return { kind: 'ask' as const, card: renderRegistrationCard(organisationsOf(turn.portfolio, turn.network.id), turn.locale, data.resume) };
  }
  const person = await turn.deps.store.update((p) =>
    registerPerson(p, { id: turn.deps.newId('person'), networkId: turn.network.id, aadObjectId: from.aadObjectId!, name: from.name ?? '', organisationId: data.organisationId }),
  );
  const org = turn.portfolio.organisations.find((o) => o.id === person.organisationId)?.name ?? '';
  return { kind: 'registered' as const, organisation: org, resume: data.resume };
}
