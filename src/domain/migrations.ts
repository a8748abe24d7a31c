import { SCHEMA_VERSION } from './schema';

/**
 * Upgrades a parsed data file, one schema version at a time, before it is validated.
 * Each step takes the file as it was at version N and returns it at version N + 1.
 */
export type MigrationStep = (data: Record<string, unknown>) => Record<string, unknown>;
export type MigrationSteps = Readonly<Record<number, MigrationStep>>;

const STEPS: MigrationSteps = {
  // 1: (data) => ({ ...data, schemaVersion: 2, … }),
};

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
