import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { escapeRegExp, writeFileAtomic } from './durable-json-file';
import { alive } from './file-lock';

export interface BackupSettings {
  /** How many snapshots to keep, newest first; 0 turns backups off. */
  keep: number;
  /** At most one snapshot per this many minutes of writes. */
  everyMinutes: number;
  /** Where the snapshots go; `<data dir>/backups` unless set. */
  dir?: string;
}

/**
 * Rotating snapshots of the data file: `<dir>/<name>.<ISO time>.json`, each a byte-for-byte copy
 * of the durable file, written the way the data file is (writeFileAtomic: temporary file, fsync,
 * rename, directory fsync), so a snapshot is either whole or absent. The newest `keep` stay.
 */
export class Backups {
  readonly dir: string;
  private readonly stem: string;
  private last: number | undefined;
  private queued = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly settings: BackupSettings,
    private readonly clock: () => Date = () => new Date(),
    private readonly report: (outcome: { backup: string } | { error: unknown }) => void = () => undefined,
  ) {
    this.dir = settings.dir ?? path.join(path.dirname(file), 'backups');
    this.stem = path.basename(file, path.extname(file));
  }

  get enabled(): boolean {
    return this.settings.keep > 0;
  }

  /**
   * Writes `content` (the store's durable state: the data file alone lacks its journal), or else
   * copies the data file as it is on disk now; then drops the snapshots beyond `keep`.
   */
  async snapshot(content?: string | Uint8Array): Promise<string> {
    const at = this.clock();
    const name = `${this.stem}.${at.toISOString().replace(/:/g, '-')}.json`;
    const target = path.join(this.dir, name);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(target, content ?? (await readFile(this.file)));
    this.last = at.getTime();
    await this.prune();
    return target;
  }

  /**
   * Called after each successful write: takes a snapshot in the background when the last one is
   * `everyMinutes` old. A snapshot that fails is reported and never fails the write.
   */
  afterWrite(content?: () => string | Uint8Array): void {
    if (!this.enabled || this.queued) return;
    if (this.last !== undefined && this.clock().getTime() - this.last < this.settings.everyMinutes * 60_000) return;
    this.queued = true;
    this.running = this.running.then(async () => {
      this.queued = false;
      try {
        this.report({ backup: await this.snapshot(content?.()) });
      } catch (error) {
        // Try again after the next write rather than waiting out the interval.
        this.report({ error });
      }
    });
  }

  /** Resolves once no snapshot is under way. */
  idle(): Promise<void> {
    return this.running;
  }

  /** The snapshots of this data file, newest first. */
  async list(): Promise<string[]> {
    const pattern = new RegExp(`^${escapeRegExp(this.stem)}\\.(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z)\\.json$`);
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names
      .map((name) => ({ name, at: pattern.exec(name)?.[1] }))
      .filter((x): x is { name: string; at: string } => x.at !== undefined)
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .map((x) => path.join(this.dir, x.name));
  }

  private async prune(): Promise<void> {
    for (const old of (await this.list()).slice(this.settings.keep)) await unlink(old).catch(() => undefined);
    // Snapshots a killed process left half-written.
    const temp = new RegExp(`^\\.${escapeRegExp(this.stem)}\\..*\\.json\\.(\\d+)\\.tmp$`);
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      const pid = Number(temp.exec(name)?.[1]);
      if (pid && pid !== process.pid && !alive(pid)) await unlink(path.join(this.dir, name)).catch(() => undefined);
    }
  }
}
