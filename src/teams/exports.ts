import { randomBytes } from 'node:crypto';

/**
 * Files Flokk hands out as short-lived download links (poll results as CSV, minutes as
 * Markdown). A link is an unguessable token that works for an hour; nothing is written to disk.
 */
export interface ExportFile {
  name: string;
  contentType: string;
  body: string;
}

export class Exports {
  private readonly files = new Map<string, ExportFile & { expires: number; owner: string }>();

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

  /** Keeps the file for the person who asked and returns its download link. */
  put(file: ExportFile, owner = ''): string {
    this.sweep();
    const own = [...this.files].filter(([, f]) => f.owner === owner);
    if (own.length >= this.perOwner) this.files.delete(own[0]![0]);
    if (this.files.size >= this.maxFiles) this.files.delete(this.files.keys().next().value!);
    const token = randomBytes(24).toString('base64url');
    this.files.set(token, { ...file, owner, expires: this.now() + this.ttlMs });
    return `${this.baseUrl()}/exports/${token}/${encodeURIComponent(file.name)}`;
  }

  get(token: string): ExportFile | undefined {
    const file = this.files.get(token);
    if (!file || file.expires <= this.now()) return undefined;
    return file;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, file] of this.files) if (file.expires <= now) this.files.delete(token);
  }
}
