import { DomainError } from './errors';
import type { Mutation } from './mutation';
import type { Person, Portfolio, Project, Role } from './schema';

/**
 * Who is acting, and what they may do. The actor always comes from the activity
 * (`from.aadObjectId`), never from card data.
 */
export interface Actor {
  personId: string;
  aadObjectId: string;
  name: string;
  networkId: string;
  organisationId?: string;
  roles: readonly Role[];
}

export const ROLES: readonly Role[] = ['resource_group', 'board_member', 'board_leader', 'secretariat', 'project_lead', 'admin'];

export function personByAad(p: Portfolio, networkId: string, aadObjectId: string): Person | undefined {
  return p.people.find((x) => x.networkId === networkId && x.aadObjectId === aadObjectId);
}

export function actorFor(p: Portfolio, networkId: string, from: { aadObjectId: string; name: string }, bootstrapAdmins: readonly string[]): Actor | undefined {
  const person = personByAad(p, networkId, from.aadObjectId);
  if (!person) return undefined;
  const roles = bootstrapAdmins.includes(from.aadObjectId) && !person.roles.includes('admin') ? [...person.roles, 'admin' as const] : person.roles;
  return { personId: person.id, aadObjectId: from.aadObjectId, name: person.name, networkId, organisationId: person.organisationId, roles };
}

const has = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));

/** Every mutation names its permission; each maps to a refusal sentence in the catalogues. */
export type Permission =
  | 'initiative.share'
  | 'initiative.interest'
  | 'project.propose'
  | 'project.withdraw'
  | 'project.submit'
  | 'project.progress'
  | 'project.report'
  | 'roles.manage'
  | 'channel.announce'
  | 'poll.open'
  | 'poll.manage'
  | 'decision.lead'
  | 'audit.read';

const CONTRIBUTORS: Role[] = ['resource_group', 'board_member', 'board_leader', 'secretariat', 'admin', 'project_lead'];
const SECRETARIAT: Role[] = ['secretariat', 'admin'];

export function may(actor: Actor, permission: Permission, project?: Project): boolean {
  switch (permission) {
    case 'initiative.share':
    case 'project.propose':
      return has(actor, ...CONTRIBUTORS);
    case 'initiative.interest':
      return actor.organisationId !== undefined;
    case 'project.withdraw':
      return has(actor, ...SECRETARIAT) || project?.createdBy === actor.personId;
    case 'project.submit':
    case 'roles.manage':
    case 'audit.read':
    case 'channel.announce':
      return has(actor, ...SECRETARIAT);
    case 'project.progress':
      return has(actor, ...SECRETARIAT) || (!!project && actor.organisationId === project.ownerOrganisationId);
    case 'project.report':
      return (
        !!project &&
        (actor.organisationId === project.ownerOrganisationId || project.projectLeadId === actor.personId || has(actor, ...SECRETARIAT))
      );
    case 'poll.open':
    case 'poll.manage':
      return has(actor, 'secretariat', 'admin', 'board_leader');
    case 'decision.lead':
      return has(actor, 'board_leader');
  }
}

export function assertMay(actor: Actor, permission: Permission, project?: Project): void {
  if (!may(actor, permission, project)) throw new DomainError('ACCESS.DENIED', { permission });
}

/** A person Flokk meets for the first time, who has said which member organisation they represent. */
export function registerPerson(
  p: Portfolio,
  input: { id: string; networkId: string; aadObjectId: string; name: string; organisationId: string },
): Mutation<Person> {
  const org = p.organisations.find((o) => o.id === input.organisationId && o.networkId === input.networkId);
  if (!org) throw new DomainError('ORGANISATION.NOT_FOUND');
  const existing = personByAad(p, input.networkId, input.aadObjectId);
  if (existing) {
    if (existing.organisationId) return { next: p, result: existing };
    const updated = { ...existing, organisationId: org.id };
    return { next: { ...p, people: p.people.map((x) => (x === existing ? updated : x)) }, result: updated };
  }
  const person: Person = { id: input.id, aadObjectId: input.aadObjectId, name: input.name.slice(0, 200) || '?', organisationId: org.id, networkId: input.networkId, roles: [], example: false };
  return { next: { ...p, people: [...p.people, person] }, result: person };
}

export function setRoles(p: Portfolio, actor: Actor, personId: string, roles: readonly Role[]): Mutation<Person> {
  assertMay(actor, 'roles.manage');
  const person = p.people.find((x) => x.id === personId && x.networkId === actor.networkId);
  if (!person) throw new DomainError('PERSON.NOT_FOUND');
  const updated = { ...person, roles: ROLES.filter((r) => roles.includes(r)) };
  return { next: { ...p, people: p.people.map((x) => (x === person ? updated : x)) }, result: updated };
}
