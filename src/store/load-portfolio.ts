import { z } from 'zod/v4';
import { migrate, MigrationError, type MigrationSteps } from '../domain/migrations';
import { Portfolio, SCHEMA_VERSION } from '../domain/schema';
import { DurableJsonFile } from './durable-json-file';
import { JournalDamagedError, JournalGoneError, readJournal, type Replay } from './journal';
import { apply } from './journal-record';
import { StoreLoadError } from './portfolio-store';

export interface Migrations {
  steps: MigrationSteps;
  target: number;
}

export interface Loaded {
  data: Portfolio;
  fromVersion: number;
  /** The last record the snapshot names as folded in. */
  snapshotSeq: number;
  journal: Replay;
}

/** The top-level key of the snapshot that names the last journal record it holds; the schema strips it. */
export const JOURNAL_SEQ = 'journalSeq';

/**
 * The snapshot's text, and then its journal replayed onto it, migrated and validated with the
 * Portfolio schema. Records are applied to the raw JSON before the migration: they were written by
 * the Flokk that wrote the snapshot, at the snapshot's version.
 */
export async function loadPortfolio(file: string, text: string, migrations?: Migrations): Promise<Loaded> {
  const raw = parseJson(file, text);
  const snapshotSeq = seqOf(raw);
  let journal: Replay;
  try {
    journal = await readJournal(file, snapshotSeq);
  } catch (e) {
    if (e instanceof JournalDamagedError) throw new StoreLoadError(e.file, e.message);
    throw e;
  }
  let replayed: unknown = raw;
  for (const record of journal.records) {
    try {
      replayed = apply(replayed, record.ops);
    } catch (e) {
      throw new StoreLoadError(journal.segments.at(-1)?.path ?? file, `record ${record.seq} does not apply to the data file (${(e as Error).message})`);
    }
  }
  const { data, fromVersion } = validate(file, replayed, migrations);
  return { data, fromVersion, snapshotSeq, journal };
}

/** For readers without the lock: a compaction may remove a segment under them; they read again. */
export async function readPortfolioFile(file: string, migrations?: Migrations): Promise<Portfolio> {
  for (let attempt = 0; ; attempt++) {
    const text = await new DurableJsonFile<Portfolio>(file).readText().catch((e: Error) => {
      throw new StoreLoadError(file, `it cannot be read (${e.message})`);
    });
    if (text === undefined) throw new StoreLoadError(file, 'it does not exist');
    try {
      return (await loadPortfolio(file, text, migrations)).data;
    } catch (e) {
      const raced = e instanceof JournalGoneError || (e instanceof StoreLoadError && /does not continue/.test(e.message));
      if (!raced || attempt >= 4) throw e instanceof JournalGoneError ? new StoreLoadError(file, 'its journal kept changing while it was read') : e;
    }
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new StoreLoadError(file, text.trim() === '' ? 'it is empty' : `it is not valid JSON (${(e as Error).message})`);
  }
}

function seqOf(raw: unknown): number {
  const seq = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[JOURNAL_SEQ] : undefined;
  return typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 ? seq : 0;
}

function validate(file: string, raw: unknown, migrations?: Migrations): { data: Portfolio; fromVersion: number } {
  let migrated;
  try {
    migrated = migrations ? migrate(raw, migrations.steps, migrations.target) : migrate(raw);
  } catch (e) {
    if (e instanceof MigrationError) throw new StoreLoadError(file, e.message);
    throw e;
  }
  const result = schemaAt(migrations?.target ?? SCHEMA_VERSION).safeParse(migrated.data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new StoreLoadError(file, `it does not match the portfolio schema at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return { data: result.data, fromVersion: migrated.fromVersion };
}

/** The portfolio schema at a version; only tests of the migration path ask for another than SCHEMA_VERSION. */
function schemaAt(version: number): z.ZodType<Portfolio> {
  return version === SCHEMA_VERSION ? Portfolio : (Portfolio.extend({ schemaVersion: z.literal(version) }) as unknown as z.ZodType<Portfolio>);
}
