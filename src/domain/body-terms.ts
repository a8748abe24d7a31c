import { Temporal } from 'temporal-polyfill';
import type { Body, BodyMember, Portfolio, Role } from './schema';
import { osloDate } from './time';

/**
 * Who sits on a body (programme board, resource group…) on a given day, and who leads it. A term
 * counts on its first and its last day, both Norwegian dates: a term that ends "today" in Oslo
 * still counts until midnight in Oslo, whatever the date is in UTC. The body's terms are the one
 * record of who sits on it: the roles board_member and board_leader follow from the programme
 * board's terms (`boardRolesOf`), and so do the voters of a board poll.
 *
 * Kept apart from bodies.ts, which changes bodies and so needs people.ts's permissions, because
 * people.ts needs these questions to tell an actor's roles.
 */

export const servesOn = (day: string) => (m: BodyMember) => m.from <= day && (m.to === undefined || m.to >= day);

/** The body's terms that run on that day, in the order the body lists them. */
export function currentMembers(body: Body, on: Date): BodyMember[] {
  return body.members.filter(servesOn(osloDate(on)));
}

/**
 * The person leading the body on that day. Should two leader terms overlap (a handover on the
 * same day), the one the body lists first leads: there is one leader at a time.
 */
export function currentLeaderId(p: Portfolio, bodyId: string, on: Date): string | undefined {
  const body = p.bodies.find((b) => b.id === bodyId);
  return body ? currentMembers(body, on).find((m) => m.role === 'leader')?.personId : undefined;
}

export const isCurrentLeader = (p: Portfolio, bodyId: string, personId: string, on: Date): boolean =>
  currentLeaderId(p, bodyId, on) === personId;

/** The network's programme board (styringsgruppa), the body whose terms give the board roles. */
export const programmeBoardOf = (p: Portfolio, networkId: string): Body | undefined =>
  p.bodies.find((b) => b.networkId === networkId && b.kind === 'programme_board');

/**
 * What the network calls its programme board in a sentence, from the board's own name:
 * «Programstyret for DigiTrøndelag» → «programstyret», «Styringsgruppa for Digi Vestland» →
 * «styringsgruppa». A name that is more than one word before «for»/«i» is used as it is.
 */
export function boardWordOf(p: Portfolio, networkId: string): string | undefined {
  const name = programmeBoardOf(p, networkId)?.name.trim();
  if (!name) return undefined;
  const head = name.split(/\s+(?:for|i|in|–|-)\s+/u)[0]!.trim();
  if (/\s/u.test(head)) return head;
  return head.charAt(0).toLocaleLowerCase('nb') + head.slice(1);
}

/**
 * The board roles a person holds on that day, from the programme board's terms: its current
 * leader is board_leader, anyone else with a running term (secretaries excepted: they keep the
 * minutes) is board_member.
 */
export function boardRolesOf(p: Portfolio, networkId: string, personId: string, on: Date): Role[] {
  const board = programmeBoardOf(p, networkId);
  if (!board) return [];
  if (currentLeaderId(p, board.id, on) === personId) return ['board_leader'];
  return currentMembers(board, on).some((m) => m.personId === personId && m.role !== 'secretary') ? ['board_member'] : [];
}

/** Norwegian calendar dates, 'YYYY-MM-DD', moved by whole days or years. */
export const plusDays = (date: string, days: number): string => Temporal.PlainDate.from(date).add({ days }).toString();
export const plusYears = (date: string, years: number): string => Temporal.PlainDate.from(date).add({ years }).toString();

/** Members serve three years (samarbeidsavtalen): a term from 2026-12-03 ends on 2029-12-02. */
export const TERM_YEARS = 3;
export const defaultTermEnd = (from: string): string => plusDays(plusYears(from, TERM_YEARS), -1);
