import { SCHEMA_VERSION } from './schema';
import { osloDate } from './time';

/**
 * Upgrades a parsed data file, one schema version at a time, before it is validated.
 * Each step takes the file as it was at version N and returns it at version N + 1.
 */
export type MigrationStep = (data: Record<string, unknown>) => Record<string, unknown>;
export type MigrationSteps = Readonly<Record<number, MigrationStep>>;

const STEPS: MigrationSteps = {
  1: coarsenAnonymousVotes,
  2: boardRolesFromTerms,
};

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * 1 → 2: a vote in an anonymous poll keeps only the Oslo date it was cast on, not its moment to
 * the millisecond, which paired with the audit log (or anyone's memory of who clicked when) would
 * name the voter. Votes in other polls keep their time. What does not look like a portfolio is
 * passed on as it is, for the schema to refuse.
 */
function coarsenAnonymousVotes(data: Record<string, unknown>): Record<string, unknown> {
  const polls = Array.isArray(data.polls) ? data.polls : [];
  const anonymous = new Set(polls.filter((p) => isRecord(p) && p.anonymous === true).map((p) => (p as Record<string, unknown>).id));
  const coarse = (vote: unknown): unknown => {
    if (!isRecord(vote) || !anonymous.has(vote.pollId) || typeof vote.at !== 'string') return vote;
    const at = new Date(vote.at);
    return Number.isNaN(at.getTime()) ? vote : { ...vote, at: osloDate(at) };
  };
  return { ...data, schemaVersion: 2, votes: Array.isArray(data.votes) ? data.votes.map(coarse) : data.votes };
}

/**
 * 2 → 3: who sits on the programme board is the board's own list of terms; the roles
 * board_member and board_leader now follow from it, so the copies kept on people go. Someone who
 * held such a role without a term loses it (their vote was refused already): the secretariat adds
 * them to the board in Teams if they belong there. An organisation already on a person stays as
 * confirmed: the file cannot tell who chose it themselves before this version, and taking it from
 * everyone would lock every member out with no request for the secretariat to answer.
 * Organisations get no tenants (the schema's default) and interest marks stay as they are.
 */
function boardRolesFromTerms(data: Record<string, unknown>): Record<string, unknown> {
  const derived = new Set(['board_member', 'board_leader']);
  const person = (x: unknown): unknown =>
    isRecord(x) && Array.isArray(x.roles) ? { ...x, roles: x.roles.filter((r: unknown) => typeof r !== 'string' || !derived.has(r)) } : x;
  return { ...data, schemaVersion: 3, people: Array.isArray(data.people) ? data.people.map(person) : data.people };
}

export class MigrationError extends Error {}

export interface Migrated {
  data: unknown;
  fromVersion: number;
}

export function migrate(raw: unknown, steps: MigrationSteps = STEPS, target = SCHEMA_VERSION): Migrated {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new MigrationError('the file does not hold a portfolio object');
  }
  let data = raw as Record<string, unknown>;
  const fromVersion = data.schemaVersion;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 1) {
    throw new MigrationError('schemaVersion is missing or not a positive integer');
  }
  if (fromVersion > target) {
    throw new MigrationError(`schemaVersion ${fromVersion} is newer than this Flokk understands (${target})`);
  }
  for (let v = fromVersion; v < target; v++) {
    const step = steps[v];
    if (!step) throw new MigrationError(`no migration from schemaVersion ${v}`);
    try {
      data = step(data);
    } catch (e) {
      throw new MigrationError(`the migration from schemaVersion ${v} failed: ${(e as Error)?.message ?? String(e)}`);
    }
  }
  return { data, fromVersion };
}
