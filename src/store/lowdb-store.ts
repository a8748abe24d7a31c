import { Low } from 'lowdb';
import { access, constants, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod/v4';
import type { DomainError } from '../domain/errors';
import { migrate, MigrationError, type MigrationSteps } from '../domain/migrations';
import { Portfolio, SCHEMA_VERSION } from '../domain/schema';
import { Backups, type BackupSettings } from './backups';
import { DurableJsonFile } from './durable-json-file';
import { FileLock, FileLockedError } from './file-lock';
import { SerialisedStore } from './serialised-store';
import { StoreLoadError, StoreLockedError } from './portfolio-store';

/**
 * What the store tells its owner, for the log:
 * - `created`: a missing file was created from the seed;
 * - `migrated`: an older file was upgraded, after a backup copy beside it;
 * - `recovered`: a lock or temporary files left by a process that died were cleared;
 * - `backed-up` / `backup-failed`: a rotating snapshot was (or could not be) written.
 */
export type StoreEvent = 'created' | 'migrated' | 'recovered' | 'backed-up' | 'backup-failed';

export interface OpenOptions {
  /** What a missing file starts as. Without it, a missing file is an error. */
  seed?: () => Portfolio;
  onEvent?: (event: StoreEvent, detail: Record<string, unknown>) => void;
  /** A write failed: the changes it carried were rolled back and rejected with STORE.WRITE_FAILED. */
  onWriteError?: (error: DomainError, detail: { file: string; reason: string; errno?: string }) => void;
  /** Rotating snapshots of the file; none unless given with `keep` above 0. */
  backups?: BackupSettings;
  clock?: () => Date;
  /** Other migration steps and target version than Flokk's own: for tests of the migration path. */
  migrations?: { steps: MigrationSteps; target: number };
}

/**
 * The embedded store: lowdb over one JSON file. The file is read and validated once, at start;
 * from then on the in-memory state is the truth and every change is written through the single
 * serialised path of `SerialisedStore`. While it is open, `<file>.lock` keeps other processes
 * (a second bot, the person-data script) from writing the same file.
 */
export class LowdbStore extends SerialisedStore {
  private constructor(
    private readonly db: Low<Portfolio>,
    readonly file: string,
    private readonly lock: FileLock,
    readonly backups: Backups | undefined,
    private readonly onWriteError: OpenOptions['onWriteError'],
  ) {
    super(db.data);
  }

  static async open(file: string, options: OpenOptions = {}): Promise<LowdbStore> {
    const event = options.onEvent ?? (() => undefined);
    if (options.seed) await mkdir(path.dirname(file), { recursive: true });
    const lock = await takeLock(file);
    try {
      const adapter = new DurableJsonFile<Portfolio>(file);
      const text = await adapter.readText().catch((e: Error) => {
        throw new StoreLoadError(file, `it cannot be read (${e.message})`);
      });
      const backups = options.backups && options.backups.keep > 0 ? newBackups(file, options.backups, options.clock, event) : undefined;
      if (text === undefined) {
        if (!options.seed) throw new StoreLoadError(file, 'it does not exist');
        await adapter.removeStaleTemps();
        const db = new Low(adapter, Portfolio.parse(options.seed()));
        await db.write();
        event('created', { file });
        return new LowdbStore(db, file, lock, backups, options.onWriteError);
      }
      const { data, fromVersion } = parse(file, text, options.migrations);
      const removed = await adapter.removeStaleTemps();
      if (lock.tookOverFrom || removed.length > 0) event('recovered', { file, staleLockPid: lock.tookOverFrom?.pid, removed });
      // The file as found, before anything writes to it.
      if (backups) await snapshot(backups, file, event);
      const db = new Low(adapter, data);
      if (fromVersion !== data.schemaVersion) {
        const backup = await adapter.backup(`schema-v${fromVersion}.bak`);
        await db.write().catch((e: Error) => {
          throw new StoreLoadError(file, `the migrated data could not be written (${e.message}); a copy of the file is in ${backup}`);
        });
        event('migrated', { file, fromVersion, toVersion: data.schemaVersion, backup });
      }
      return new LowdbStore(db, file, lock, backups, options.onWriteError);
    } catch (e) {
      await lock.release().catch(() => undefined);
      throw e;
    }
  }

  protected async persist(snapshot: Portfolio): Promise<void> {
    this.db.data = snapshot;
    await this.db.write();
    this.backups?.afterWrite();
  }

  protected override writeFailed(error: DomainError, cause: unknown): void {
    this.onWriteError?.(error, { file: this.file, reason: String(error.params.reason), errno: (cause as NodeJS.ErrnoException)?.code });
  }

  /** Flushes, waits for a snapshot under way, and gives the file up to other processes. */
  override async close(): Promise<void> {
    await super.close();
    await this.backups?.idle();
    await this.lock.release();
  }

  override async health() {
    const own = await super.health();
    if (!own.ok) return own;
    try {
      await access(this.file, constants.R_OK);
      return { ok: true };
    } catch {
      return { ok: false, detail: 'the data file is not readable' };
    }
  }
}

/**
 * Reads and validates a data file without opening it as a store: no lock, no writes, an older
 * file is migrated in memory only. For tools that only look, while the bot may be running.
 */
export async function readPortfolioFile(file: string, migrations?: OpenOptions['migrations']): Promise<Portfolio> {
  const text = await new DurableJsonFile<Portfolio>(file).readText().catch((e: Error) => {
    throw new StoreLoadError(file, `it cannot be read (${e.message})`);
  });
  if (text === undefined) throw new StoreLoadError(file, 'it does not exist');
  return parse(file, text, migrations).data;
}

async function takeLock(file: string): Promise<FileLock> {
  try {
    return await FileLock.acquire(file);
  } catch (e) {
    if (e instanceof FileLockedError) throw new StoreLockedError(file, e.lockFile, e.owner.pid);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new StoreLoadError(file, 'it does not exist');
    throw new StoreLoadError(file, `its lock file cannot be created (${(e as Error).message})`);
  }
}

function newBackups(file: string, settings: BackupSettings, clock: (() => Date) | undefined, event: NonNullable<OpenOptions['onEvent']>): Backups {
  return new Backups(file, settings, clock, (outcome) =>
    'backup' in outcome ? event('backed-up', { file, backup: outcome.backup }) : event('backup-failed', { file, error: outcome.error }),
  );
}

/** A snapshot that cannot be written is reported, and Flokk starts all the same. */
async function snapshot(backups: Backups, file: string, event: NonNullable<OpenOptions['onEvent']>): Promise<void> {
  try {
    event('backed-up', { file, backup: await backups.snapshot() });
  } catch (error) {
    event('backup-failed', { file, error });
  }
}

function parse(file: string, text: string, migrations?: OpenOptions['migrations']): { data: Portfolio; fromVersion: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new StoreLoadError(file, text.trim() === '' ? 'it is empty' : `it is not valid JSON (${(e as Error).message})`);
  }
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
