import { z } from 'zod/v4';
import { currentLeaderId, defaultTermEnd, plusDays, servesOn } from './body-terms';
import { DomainError } from './errors';
import type { Mutation } from './mutation';
import { assertMay, type Actor } from './people';
import type { Body, BodyMember, Portfolio } from './schema';
import { osloDate } from './time';

export { boardRolesOf, currentLeaderId, currentMembers, defaultTermEnd, isCurrentLeader, programmeBoardOf, TERM_YEARS } from './body-terms';

/**
 * The secretariat keeps each body's terms in Teams: who sits on it, who leads it, who is whose
 * deputy. The terms are the one record of membership: board roles, poll voters and the leader who
 * decides all read them (body-terms.ts). A change never rewrites what was: a term that ends gets
 * its last day, a new leader starts a new term, so the list shows who sat when.
 */

const IsoDate = z.iso.date();
const dateOf = (value: string | undefined, field: string): string | undefined => {
  if (value === undefined || value === '') return undefined;
  if (!IsoDate.safeParse(value).success) throw new DomainError('INPUT.INVALID', { field });
  return value;
};

export function bodyIn(p: Portfolio, networkId: string, bodyId: string): Body {
  const body = p.bodies.find((b) => b.id === bodyId && b.networkId === networkId);
  if (!body) throw new DomainError('BODY.NOT_FOUND');
  return body;
}

function personIn(p: Portfolio, networkId: string, personId: string) {
  const person = p.people.find((x) => x.id === personId && x.networkId === networkId);
  if (!person) throw new DomainError('PERSON.NOT_FOUND');
  return person;
}

const withMembers = (p: Portfolio, body: Body, members: BodyMember[]): Mutation<Body> => {
  const next = { ...body, members };
  return { next: { ...p, bodies: p.bodies.map((b) => (b === body ? next : b)) }, result: next };
};

/** The term cut to end on `lastDay`; nothing if it would end before it began (it never ran). */
const endedOn = (m: BodyMember, lastDay: string): BodyMember[] => (lastDay < m.from ? [] : [{ ...m, to: lastDay }]);

/** A term split at `day`: the part before it as it was, the rest (from `day`) in the new role. */
const splitAt = (m: BodyMember, day: string, role: BodyMember['role']): BodyMember[] => [...endedOn(m, plusDays(day, -1)), { ...m, role, from: day }];

/** The person's term running on `day` (secretaries' included), if any. */
const runningTerm = (body: Body, personId: string, day: string) => body.members.find((m) => m.personId === personId && servesOn(day)(m));

/**
 * One leader at a time: every other leader term that runs on or after `from` becomes a member
 * term from `from` on (the leader before stays on the body, as member, for the rest of their term).
 */
const withoutOtherLeaders = (members: BodyMember[], from: string, personId: string): BodyMember[] =>
  members.flatMap((m) => (m.role === 'leader' && m.personId !== personId && (m.to === undefined || m.to >= from) ? (m.from >= from ? [{ ...m, role: 'member' as const }] : splitAt(m, from, 'member')) : [m]));

export interface NewTerm {
  personId: string;
  role: 'member' | 'leader';
  /** The first day, 'YYYY-MM-DD' in Norway; today if absent. */
  from?: string;
  /** The last day; three years less a day after `from` if absent. */
  to?: string;
}

/** A person takes a seat on the body, for their organisation; as leader, they take over from the leader before. */
export function addBodyMember(p: Portfolio, actor: Actor, bodyId: string, input: NewTerm, now: Date): Mutation<Body> {
  assertMay(actor, 'bodies.manage');
  const body = bodyIn(p, actor.networkId, bodyId);
  const person = personIn(p, actor.networkId, input.personId);
  const from = dateOf(input.from, 'from') ?? osloDate(now);
  const to = dateOf(input.to, 'to') ?? defaultTermEnd(from);
  if (to < from) throw new DomainError('BODY.TERM_INVALID');
  const overlaps = body.members.some((m) => m.personId === person.id && m.from <= to && (m.to === undefined || m.to >= from));
  if (overlaps) throw new DomainError('BODY.ALREADY_MEMBER');
  const term: BodyMember = { personId: person.id, role: input.role, ...(person.organisationId ? { organisationId: person.organisationId } : {}), from, to };
  const members = input.role === 'leader' ? withoutOtherLeaders(body.members, from, person.id) : body.members;
  return withMembers(p, body, [...members, term]);
}

/**
 * Ends the person's term that runs today (or, if none does, the next that will): its last day is
 * `lastDay`, or yesterday, so that from today they no longer count. A term that would end before
 * its first day goes: a planned one never ran, and one that began today cannot end "yesterday"
 * (terms are whole days); polls opened meanwhile keep the voters they were opened with.
 */
export function endBodyTerm(
  p: Portfolio,
  actor: Actor,
  bodyId: string,
  personId: string,
  lastDay: string | undefined,
  now: Date,
): Mutation<{ body: Body; lastDay: string; removed: boolean }> {
  assertMay(actor, 'bodies.manage');
  const body = bodyIn(p, actor.networkId, bodyId);
  const today = osloDate(now);
  const term =
    runningTerm(body, personId, today) ??
    body.members.filter((m) => m.personId === personId && m.from > today).sort((a, b) => a.from.localeCompare(b.from))[0];
  if (!term) throw new DomainError('BODY.NOT_A_MEMBER');
  const last = dateOf(lastDay, 'lastDay') ?? plusDays(today, -1);
  if (term.to !== undefined && last > term.to) throw new DomainError('BODY.TERM_INVALID');
  const { next, result } = withMembers(p, body, body.members.flatMap((m) => (m === term ? endedOn(m, last) : [m])));
  return { next, result: { body: result, lastDay: last, removed: last < term.from } };
}

/** A member becomes the body's leader from today; the leader before serves on as member. */
export function makeBodyLeader(p: Portfolio, actor: Actor, bodyId: string, personId: string, now: Date): Mutation<Body> {
  assertMay(actor, 'bodies.manage');
  const body = bodyIn(p, actor.networkId, bodyId);
  const today = osloDate(now);
  const term = runningTerm(body, personId, today);
  if (!term || term.role === 'secretary') throw new DomainError('BODY.NOT_A_MEMBER');
  if (currentLeaderId(p, body.id, now) === personId) return { next: p, result: body };
  const handedOver = withoutOtherLeaders(body.members, today, personId);
  return withMembers(p, body, handedOver.flatMap((m) => (m === term && m.role !== 'leader' ? splitAt(m, today, 'leader') : [m])));
}

/** Names (or, without `deputyPersonId`, takes away) the deputy of the person's running term. */
export function setBodyDeputy(p: Portfolio, actor: Actor, bodyId: string, personId: string, deputyPersonId: string | undefined, now: Date): Mutation<Body> {
  assertMay(actor, 'bodies.manage');
  const body = bodyIn(p, actor.networkId, bodyId);
  const term = runningTerm(body, personId, osloDate(now));
  if (!term || term.role === 'secretary') throw new DomainError('BODY.NOT_A_MEMBER');
  if (deputyPersonId !== undefined) {
    personIn(p, actor.networkId, deputyPersonId);
    if (deputyPersonId === personId) throw new DomainError('INPUT.INVALID', { field: 'deputyPersonId' });
  }
  if (term.deputyPersonId === deputyPersonId) return { next: p, result: body };
  const { deputyPersonId: _, ...rest } = term;
  const updated: BodyMember = deputyPersonId ? { ...rest, deputyPersonId } : rest;
  return withMembers(p, body, body.members.map((m) => (m === term ? updated : m)));
}
