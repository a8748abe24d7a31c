import { Low } from 'lowdb';
import { access, constants, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { DomainError } from '../domain/errors';
import { Portfolio } from '../domain/schema';
import type { AuditWriter } from './audit-log';
import { Backups, type BackupSettings } from './backups';
import { DurableJsonFile } from './durable-json-file';
import { FileLock, FileLockedError } from './file-lock';
import { JournalWriter, segmentsOf, truncateTorn } from './journal';
import { diff } from './journal-record';
import { JOURNAL_SEQ, loadPortfolio, type Migrations } from './load-portfolio';
import { SerialisedStore, type WritePart } from './serialised-store';
import { StoreLoadError, StoreLockedError } from './portfolio-store';

export { readPortfolioFile } from './load-portfolio';

/**
 * What the store tells its owner, for the log:
 * - `created`: a missing file was created from the seed;
 * - `migrated`: an older file was upgraded, after a backup copy beside it;
 * - `recovered`: a lock or temporary files left by a process that died were cleared;
 * - `backed-up` / `backup-failed`: a rotating snapshot was (or could not be) written;
 * - `compacted` / `compaction-failed`: the journal was (or could not be) folded into the data file.
 */
export type StoreEvent = 'created' | 'migrated' | 'recovered' | 'backed-up' | 'backup-failed' | 'compacted' | 'compaction-failed';

export interface OpenOptions {
  /** What a missing file starts as. Without it, a missing file is an error. */
  seed?: () => Portfolio;
  onEvent?: (event: StoreEvent, detail: Record<string, unknown>) => void;
  /**
   * A write failed: the changes it carried were rolled back and rejected with STORE.WRITE_FAILED.
   * `part` says which: the append of their audit entries (`file` is then the audit log's) or the data.
   */
  onWriteError?: (error: DomainError, detail: { file: string; part: WritePart; reason: string; errno?: string }) => void;
  /**
   * The audit log (Flokk's is `<name>.audit.jsonl` beside the data file): each change that carries an
   * audit entry has it appended and fsynced before the data file that holds the change is written.
   * Without it, such a change is refused.
   */
  audit?: AuditWriter & { readonly file: string };
  /** Rotating snapshots of the file; none unless given with `keep` above 0. */
  backups?: BackupSettings;
  clock?: () => Date;
  /** Other migration steps and target version than Flokk's own: for tests of the migration path. */
  migrations?: Migrations;
  /**
   * How changes reach the disk. By default each write appends one record to the journal beside the
   * data file, and the journal is folded into the data file after `maxRecords` records or `maxBytes`
   * bytes (in the background) and at close. `false`: every write rewrites the data file, as before
   * the journal; a journal found at open is replayed all the same.
   */
  journal?: false | JournalSettings;
}

export interface JournalSettings {
  maxRecords: number;
  maxBytes: number;
}

/** Measured (docs/BENCHMARKS.md): a compaction of 10,000 projects costs about as much as a few thousand appends. */
export const DEFAULT_JOURNAL: JournalSettings = { maxRecords: 2000, maxBytes: 16 * 1024 * 1024 };

type Snapshot = Portfolio & { [JOURNAL_SEQ]?: number };

/**
 * The embedded store: lowdb over one JSON file (the snapshot) and, beside it, an append-only
 * journal. Open reads the snapshot, replays the journal onto it and validates the result once;
 * from then on the in-memory state is the truth and every change is written through the single
 * serialised path of `SerialisedStore`, which appends the changes' audit entries to the audit log
 * before each write. A write appends one record holding what the changes it carries touched (so it
 * costs the change, not the portfolio); the journal is folded into the snapshot in the background
 * and at close. While it is open, `<file>.lock` keeps other processes (a second bot, the
 * person-data script) from writing the same file.
 */
export class LowdbStore extends SerialisedStore {
  /** The last state written, which the next record is the difference from. */
  private persisted: Portfolio;
  /** The last journal sequence number used (by a record written, or refused after it may have reached the disk). */
  private seq: number;
  /** A record may be half on disk: the next write is a whole snapshot, which seals that segment. */
  private needsSnapshot = false;
  private compacting: Promise<void> | undefined;

  private constructor(
    private readonly db: Low<Snapshot>,
    readonly file: string,
    private readonly lock: FileLock,
    readonly backups: Backups | undefined,
    private readonly options: OpenOptions,
    private readonly journal: JournalWriter,
    private readonly settings: JournalSettings | undefined,
    data: Portfolio,
    seq: number,
  ) {
    super(data, options.audit);
    this.persisted = data;
    this.seq = seq;
  }

  static async open(file: string, options: OpenOptions = {}): Promise<LowdbStore> {
    const event = options.onEvent ?? (() => undefined);
    if (options.seed) await mkdir(path.dirname(file), { recursive: true });
    const lock = await takeLock(file);
    try {
      const adapter = new DurableJsonFile<Snapshot>(file);
      const text = await adapter.readText().catch((e: Error) => {
        throw new StoreLoadError(file, `it cannot be read (${e.message})`);
      });
      const backups = options.backups && options.backups.keep > 0 ? newBackups(file, options.backups, options.clock, event) : undefined;
      const settings = options.journal === false ? undefined : (options.journal ?? DEFAULT_JOURNAL);
      const make = (db: Low<Snapshot>, journal: JournalWriter, data: Portfolio, seq: number) =>
        new LowdbStore(db, file, lock, backups, options, journal, settings, data, seq);
      if (text === undefined) {
        if (!options.seed) throw new StoreLoadError(file, 'it does not exist');
        const orphans = await segmentsOf(file);
        // A journal without its snapshot: the data file was removed or moved. Starting afresh would replay it onto the seed.
        if (orphans.length > 0) throw new StoreLoadError(file, `it does not exist, but its journal does (${orphans[0]!.path}); restore the data file, or remove the journal to start afresh`);
        await adapter.removeStaleTemps();
        const data = Portfolio.parse(options.seed());
        const db = new Low<Snapshot>(adapter, { ...data, [JOURNAL_SEQ]: 0 });
        await db.write();
        event('created', { file });
        return make(db, new JournalWriter(file, [], 0, 0), data, 0);
      }
      const { data, fromVersion, journal } = await loadPortfolio(file, text, options.migrations);
      const removed = await adapter.removeStaleTemps();
      // Bytes of a record a crash cut short: never acknowledged. The next record must not follow them.
      if (journal.torn) await truncateTorn(journal.torn.segment, journal.torn.validBytes);
      if (lock.tookOverFrom || removed.length > 0 || journal.torn) {
        event('recovered', { file, staleLockPid: lock.tookOverFrom?.pid, removed, tornJournalBytes: journal.torn?.tornBytes });
      }
      // The state as found, before anything writes to it.
      if (backups) await snapshot(backups, file, event, journal.records.length > 0 ? () => serialise(data) : undefined);
      const store = make(new Low<Snapshot>(adapter, { ...data, [JOURNAL_SEQ]: journal.lastSeq }), new JournalWriter(file, journal.segments, journal.lastSize, journal.lastRecords), data, journal.lastSeq);
      if (fromVersion !== data.schemaVersion) {
        const backup = await adapter.backup(`schema-v${fromVersion}.bak`);
        await store.writeSnapshot(data).catch((e: Error) => {
          throw new StoreLoadError(file, `the migrated data could not be written (${e.message}); a copy of the file is in ${backup}`);
        });
        event('migrated', { file, fromVersion, toVersion: data.schemaVersion, backup });
      }
      return store;
    } catch (e) {
      await lock.release().catch(() => undefined);
      throw e;
    }
  }

  protected async persist(next: Portfolio): Promise<void> {
    if (!this.settings || this.needsSnapshot) {
      await this.writeSnapshot(next);
    } else {
      const seq = this.seq + 1;
      try {
        await this.journal.append({ seq, ops: diff(this.persisted, next) });
      } catch (e) {
        // The number is used up: the snapshot written next names it, so the record never replays even if it reached the disk.
        this.seq = seq;
        this.needsSnapshot = true;
        throw e;
      }
      this.seq = seq;
    }
    this.persisted = next;
    this.backups?.afterWrite(() => serialise(next));
    const s = this.settings;
    if (s && !this.compacting && this.journal.segmentCount > 0 && (this.journal.records >= s.maxRecords || this.journal.bytes >= s.maxBytes)) this.compactInBackground();
  }

  /** Writes `state` as the whole snapshot, naming the last record it holds, and removes the journal segments it folds in. */
  private async writeSnapshot(state: Portfolio): Promise<void> {
    await this.compacting;
    const sealed = this.journal.seal();
    this.db.data = { ...state, [JOURNAL_SEQ]: this.seq };
    try {
      await this.db.write();
    } catch (e) {
      this.journal.unseal(sealed);
      throw e;
    }
    this.needsSnapshot = false;
    await JournalWriter.remove(sealed);
  }

  /**
   * Folds the journal into the snapshot while writes go on: the records so far are sealed (the
   * next one starts a new segment), the state they lead to is written as the snapshot, then their
   * segments are removed. A crash at any step leaves a snapshot and records that replay to the same state.
   */
  private compactInBackground(): void {
    const event = this.options.onEvent ?? (() => undefined);
    const state = this.persisted;
    const seq = this.seq;
    const records = this.journal.records;
    const sealed = this.journal.seal();
    const started = Date.now();
    this.compacting = (async () => {
      try {
        this.db.data = { ...state, [JOURNAL_SEQ]: seq };
        await this.db.write();
        await JournalWriter.remove(sealed);
        event('compacted', { file: this.file, records, ms: Date.now() - started });
      } catch (error) {
        this.journal.unseal(sealed);
        event('compaction-failed', { file: this.file, error });
      } finally {
        this.compacting = undefined;
      }
    })();
  }

  protected override writeFailed(error: DomainError, cause: unknown, part: WritePart): void {
    const file = part === 'audit' && this.options.audit ? this.options.audit.file : this.file;
    this.options.onWriteError?.(error, { file, part, reason: String(error.params.reason), errno: (cause as NodeJS.ErrnoException)?.code });
  }

  /** Flushes, folds the journal into the data file, waits for a backup under way, and gives the file up to other processes. */
  override async close(): Promise<void> {
    await super.close();
    await this.compacting;
    if (this.journal.segmentCount > 0 || this.needsSnapshot) {
      // Left as it is if this fails: the next open replays it.
      await this.writeSnapshot(this.persisted).catch((error: unknown) => this.options.onEvent?.('compaction-failed', { file: this.file, error }));
    }
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

/** As the data file is written (DurableJsonFile): for backups, which hold the state, not the journal. */
const serialise = (p: Portfolio) => JSON.stringify(p, null, 1) + '\n';

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
async function snapshot(backups: Backups, file: string, event: NonNullable<OpenOptions['onEvent']>, content?: () => string): Promise<void> {
  try {
    event('backed-up', { file, backup: await backups.snapshot(content?.()) });
  } catch (error) {
    event('backup-failed', { file, error });
  }
}

