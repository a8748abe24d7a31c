import { boardRolesOf } from './body-terms';
import { DomainError } from './errors';
import type { Mutation } from './mutation';
import { organisationForTenant } from './networks';
import type { Organisation, Person, Portfolio, Project, Role } from './schema';
import { normaliseText } from './text';

/**
 * Who is acting, and what they may do. The actor always comes from the activity
 * (`from.aadObjectId`), never from card data.
 */
export interface Actor {
  personId: string;
  aadObjectId: string;
  name: string;
  networkId: string;
  /** The member organisation the person acts for: only once confirmed, by their tenant or by the secretariat. */
  organisationId?: string;
  /** The organisation the person asked to represent, while the secretariat has not answered: it grants nothing. */
  requestedOrganisationId?: string;
  roles: readonly Role[];
}

export const ROLES: readonly Role[] = ['resource_group', 'board_member', 'board_leader', 'secretariat', 'project_lead', 'admin'];
/** Roles that follow from the programme board's terms (body-terms.ts); never kept on a person, never set by hand. */
export const BOARD_ROLES: readonly Role[] = ['board_member', 'board_leader'];
/** The roles the secretariat gives on the roles card. */
export const ASSIGNABLE_ROLES: readonly Role[] = ROLES.filter((r) => !BOARD_ROLES.includes(r));

export function personByAad(p: Portfolio, networkId: string, aadObjectId: string): Person | undefined {
  return p.people.find((x) => x.networkId === networkId && x.aadObjectId === aadObjectId);
}

/**
 * The person acting, as of `on`: the roles given to them, plus board_member or board_leader if
 * the programme board's terms say they sit on it that (Norwegian) day; a board role stored on the
 * person counts for nothing. Their organisation only once it is confirmed.
 */
export function actorFor(p: Portfolio, networkId: string, from: { aadObjectId: string; name: string }, bootstrapAdmins: readonly string[], on: Date): Actor | undefined {
  const person = personByAad(p, networkId, from.aadObjectId);
  if (!person) return undefined;
  const held = new Set<Role>([
    ...person.roles.filter((r) => !BOARD_ROLES.includes(r)),
    ...boardRolesOf(p, networkId, person.id, on),
    ...(bootstrapAdmins.includes(from.aadObjectId) ? (['admin'] as const) : []),
  ]);
  return {
    personId: person.id,
    aadObjectId: from.aadObjectId,
    name: person.name,
    networkId,
    ...(person.organisationId ? { organisationId: person.organisationId } : {}),
    ...(!person.organisationId && person.requestedOrganisationId ? { requestedOrganisationId: person.requestedOrganisationId } : {}),
    roles: ROLES.filter((r) => held.has(r)),
  };
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
  | 'membership.confirm'
  | 'bodies.manage'
  | 'areas.manage'
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
      // For an organisation; anyone registered may still mark interest in their own name (initiatives.ts).
      return actor.organisationId !== undefined;
    case 'project.withdraw':
      return has(actor, ...SECRETARIAT) || project?.createdBy === actor.personId;
    case 'project.submit':
    case 'roles.manage':
    case 'membership.confirm':
    case 'bodies.manage':
    case 'areas.manage':
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

/**
 * Refuses what the actor may not do. Someone whose organisation is not yet confirmed, refused
 * what they could do once it is, hears that it waits for the secretariat, not that they lack a right.
 */
export function assertMay(actor: Actor, permission: Permission, project?: Project): void {
  if (may(actor, permission, project)) return;
  const asRequested = actor.requestedOrganisationId && { ...actor, organisationId: actor.requestedOrganisationId };
  if (asRequested && may(asRequested, permission, project)) throw new DomainError('MEMBERSHIP.PENDING', { permission });
  throw new DomainError('ACCESS.DENIED', { permission });
}

/** How a registration ended: confirmed (by the tenant), a request for the secretariat, or as the person already was. */
export interface Registration {
  person: Person;
  outcome: 'confirmed' | 'requested' | 'unchanged';
  /** The organisation confirmed or asked for. */
  organisation?: Organisation;
}

/**
 * A person Flokk meets for the first time. From a tenant the network maps to a member
 * organisation they are that organisation's, confirmed, whatever they picked; otherwise the
 * organisation they picked is only a request, which grants nothing until the secretariat
 * approves it. Someone already registered keeps what they have.
 */
export function registerPerson(
  p: Portfolio,
  input: { id: string; networkId: string; aadObjectId: string; name: string; organisationId?: string; tenantId?: string },
): Mutation<Registration> {
  const byTenant = organisationForTenant(p, input.networkId, input.tenantId);
  const existing = personByAad(p, input.networkId, input.aadObjectId);
  if (existing && (existing.organisationId || (existing.requestedOrganisationId && !byTenant))) {
    return { next: p, result: { person: existing, outcome: 'unchanged', organisation: p.organisations.find((o) => o.id === (existing.organisationId ?? existing.requestedOrganisationId)) } };
  }
  const picked = byTenant ?? p.organisations.find((o) => o.id === input.organisationId && o.networkId === input.networkId);
  if (!picked) throw new DomainError('ORGANISATION.NOT_FOUND');
  const { requestedOrganisationId: _, ...base }: Person = existing ?? {
    id: input.id,
    aadObjectId: input.aadObjectId,
    name: normaliseText(input.name.slice(0, 200)).trim() || '?',
    networkId: input.networkId,
    roles: [],
    example: false,
  };
  const person: Person = byTenant ? { ...base, organisationId: picked.id } : { ...base, requestedOrganisationId: picked.id };
  const people = existing ? p.people.map((x) => (x === existing ? person : x)) : [...p.people, person];
  return { next: { ...p, people }, result: { person, outcome: byTenant ? 'confirmed' : 'requested', organisation: picked } };
}

/** The pending request the card names, checked against the store: card data alone proves nothing. */
function pendingRequest(p: Portfolio, actor: Actor, personId: string, organisationId: string): Person {
  assertMay(actor, 'membership.confirm');
  const person = p.people.find((x) => x.id === personId && x.networkId === actor.networkId);
  if (!person) throw new DomainError('PERSON.NOT_FOUND');
  if (person.organisationId || person.requestedOrganisationId !== organisationId) throw new DomainError('MEMBERSHIP.NOT_PENDING');
  return person;
}

/** The secretariat confirms that the person represents the organisation they asked for. */
export function approveMembership(p: Portfolio, actor: Actor, personId: string, organisationId: string): Mutation<Person> {
  const { requestedOrganisationId, ...person } = pendingRequest(p, actor, personId, organisationId);
  const updated: Person = { ...person, organisationId: requestedOrganisationId };
  return { next: { ...p, people: p.people.map((x) => (x.id === personId ? updated : x)) }, result: updated };
}

/** The secretariat turns the request down: the person stays registered, without an organisation. */
export function rejectMembership(p: Portfolio, actor: Actor, personId: string, organisationId: string): Mutation<Person> {
  const { requestedOrganisationId: _, ...updated } = pendingRequest(p, actor, personId, organisationId);
  return { next: { ...p, people: p.people.map((x) => (x.id === personId ? updated : x)) }, result: updated };
}

/** Registered people still waiting for the secretariat's answer, oldest first as the file keeps them. */
export const pendingMemberships = (p: Portfolio, networkId: string): Person[] =>
  p.people.filter((x) => x.networkId === networkId && !x.organisationId && x.requestedOrganisationId);

/**
 * The secretariat sets the roles it gives. Board roles are not among them: they follow from the
 * programme board's terms, so any asked for are left out, and any stored from before go.
 */
export function setRoles(p: Portfolio, actor: Actor, personId: string, roles: readonly Role[]): Mutation<Person> {
  assertMay(actor, 'roles.manage');
  const person = p.people.find((x) => x.id === personId && x.networkId === actor.networkId);
  if (!person) throw new DomainError('PERSON.NOT_FOUND');
  const updated = { ...person, roles: ASSIGNABLE_ROLES.filter((r) => roles.includes(r)) };
  return { next: { ...p, people: p.people.map((x) => (x === person ? updated : x)) }, result: updated };
}
