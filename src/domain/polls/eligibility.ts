import { currentMembers } from '../bodies';
import type { Body, Portfolio } from '../schema';

/** Who may vote in a board poll, and how many make a quorum by default. */

export const programmeBoard = (p: Portfolio, networkId: string): Body | undefined =>
  p.bodies.find((b) => b.networkId === networkId && b.kind === 'programme_board');

/** The body's members on that (Norwegian) day, secretaries excepted: they keep the minutes, they do not vote. */
export function eligibleVoters(p: Portfolio, bodyId: string, on: Date): string[] {
  const body = p.bodies.find((b) => b.id === bodyId);
  const members = body ? currentMembers(body, on) : [];
  return [...new Set(members.filter((m) => m.role !== 'secretary').map((m) => m.personId))];
}

export const majorityOf = (n: number) => Math.floor(n / 2) + 1;
