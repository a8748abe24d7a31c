import { Low } from 'lowdb';
import { access, constants, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Portfolio } from '../domain/schema';
import { migrate, MigrationError } from '../domain/migrations';
import { DurableJsonFile } from './durable-json-file';
import { SerialisedStore } from './serialised-store';
import { StoreLoadError } from './portfolio-store';

export interface OpenOptions {
  /** What a missing file starts as. Without it, a missing file is an error. */
  seed?: () => Portfolio;
  onEvent?: (event: 'created' | 'migrated', detail: Record<string, unknown>) => void;
}

/**
 * The embedded store: lowdb over one JSON file. The file is read and validated once, at start;
 * from then on the in-memory state is the truth and every change is written through the single
 * serialised path of `SerialisedStore`.
 */
export class LowdbStore extends SerialisedStore {
  private constructor(
    private readonly db: Low<Portfolio>,
    readonly file: string,
  ) {
    super(db.data);
  }

  static async open(file: string, options: OpenOptions = {}): Promise<LowdbStore> {
    const adapter = new DurableJsonFile<Portfolio>(file);
    const text = await adapter.readText().catch((e: Error) => {
      throw new StoreLoadError(file, `it cannot be read (${e.message})`);
    });
    if (text === undefined) {
      if (!options.seed) throw new StoreLoadError(file, 'it does not exist');
      await mkdir(path.dirname(file), { recursive: true });
      const db = new Low(adapter, Portfolio.parse(options.seed()));
      await db.write();
      options.onEvent?.('created', { file });
      return new LowdbStore(db, file);
    }
    const { data, fromVersion } = parse(file, text);
    const db = new Low(adapter, data);
    if (fromVersion !== data.schemaVersion) {
      const backup = await adapter.backup(`schema-v${fromVersion}.bak`);
      await db.write();
      options.onEvent?.('migrated', { file, fromVersion, toVersion: data.schemaVersion, backup });
    }
    return new LowdbStore(db, file);
  }

  protected async persist(snapshot: Portfolio): Promise<void> {
    this.db.data = snapshot;
    await this.db.write();
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

function parse(file: string, text: string): { data: Portfolio; fromVersion: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new StoreLoadError(file, text.trim() === '' ? 'it is empty' : `it is not valid JSON (${(e as Error).message})`);
  }
  let migrated;
  try {
    migrated = migrate(raw);
  } catch (e) {
    if (e instanceof MigrationError) throw new StoreLoadError(file, e.message);
    throw e;
  }
  const result = Portfolio.safeParse(migrated.data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new StoreLoadError(file, `it does not match the portfolio schema at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return { data: result.data, fromVersion: migrated.fromVersion };
}
