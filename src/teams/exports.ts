import { randomBytes } from 'node:crypto';
import type { ExportReplica, SharedExport } from '../store/shared-state';

/**
 * Files Flokk hands out as short-lived download links (poll results as CSV, minutes as
 * Markdown). A link is an unguessable token that works for an hour; nothing is written to disk.
 * Shared through an `ExportReplica` (several instances on one database), a link handed out by one
 * instance downloads from any: each keeps the live files of all in memory, so that serving one
 * never waits.
 */
export interface ExportFile {
  name: string;
  contentType: string;
  body: string;
}

export class Exports {
  private readonly files = new Map<string, SharedExport>();
  private replica: ExportReplica | undefined;
  private onShareError: (error: unknown) => void = () => undefined;

  /**
   * Each person keeps their own latest links (`perOwner`): asking for many files evicts only one's
   * own. `maxFiles` bounds the memory of all of them together.
   */
  constructor(
    private readonly baseUrl: () => string,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 3_600_000,
    private readonly perOwner = 20,
    private readonly maxFiles = 10_000,
  ) {}

  /** Serves the files the other instances hand out, and makes this one's known to them; resolves once the live ones are here. */
  async shareThrough(replica: ExportReplica, onError: (error: unknown) => void): Promise<void> {
    this.replica = replica;
    this.onShareError = onError;
    await replica.follow((file) => this.keep(file));
  }

  /** Keeps the file for the person who asked and returns its download link. */
  put(file: ExportFile, owner = ''): string {
    const token = randomBytes(24).toString('base64url');
    const shared: SharedExport = { ...file, token, owner, expires: this.now() + this.ttlMs };
    this.keep(shared);
    this.replica?.publish(shared).catch((error: unknown) => this.onShareError(error));
    return `${this.baseUrl()}/exports/${token}/${encodeURIComponent(file.name)}`;
  }

  get(token: string): ExportFile | undefined {
    const file = this.files.get(token);
    if (!file || file.expires <= this.now()) return undefined;
    return { name: file.name, contentType: file.contentType, body: file.body };
  }

  /** Every instance applies the same limits, in the order the files arrive. */
  private keep(file: SharedExport): void {
    if (this.files.has(file.token)) return;
    this.sweep();
    const own = [...this.files].filter(([, f]) => f.owner === file.owner);
    if (own.length >= this.perOwner) this.files.delete(own[0]![0]);
    if (this.files.size >= this.maxFiles) this.files.delete(this.files.keys().next().value!);
    this.files.set(file.token, file);
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, file] of this.files) if (file.expires <= now) this.files.delete(token);
  }
}
