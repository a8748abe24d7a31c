import type { Body, BodyMember, Portfolio } from './schema';
import { osloDate } from './time';

/**
 * Who sits on a body (programme board, resource group…) on a given day, and who leads it. A term
 * counts on its first and its last day, both Norwegian dates: a term that ends "today" in Oslo
 * still counts until midnight in Oslo, whatever the date is in UTC. These are the body's own
 * records; the roles in people.ts (what someone may do) are a separate matter.
 */

const servesOn = (day: string) => (m: BodyMember) => m.from <= day && (m.to === undefined || m.to >= day);

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
