import type { TurnContext } from 'botbuilder';
import { DomainError } from '../domain/errors';
import { actorFor, assertMay, type Actor, type Permission } from '../domain/people';
import type { Project } from '../domain/schema';
import type { Turn } from './turn';

/** The person Flokk has not met yet: they are asked which organisation they represent first. */
export class RegistrationNeeded extends Error {
  constructor() {
    super('registration needed');
    this.name = 'RegistrationNeeded';
  }
}

/** Who is acting: always from `activity.from`, never from anything a card submitted. */
export function requireActor(_context: TurnContext, turn: Turn): Actor {
  const from = turn.activity.from;
  const aadObjectId = from?.aadObjectId;
  if (!aadObjectId) throw new DomainError('ACCESS.NO_IDENTITY');
  const actor = actorFor(turn.portfolio, turn.network.id, { aadObjectId, name: from.name ?? '' }, turn.deps.config.bootstrapAdmins);
  if (!actor) throw new RegistrationNeeded();
  return actor;
}

export function requirePermission(context: TurnContext, turn: Turn, permission: Permission, project?: Project): Actor {
  const actor = requireActor(context, turn);
  assertMay(actor, permission, project);
  return actor;
}
