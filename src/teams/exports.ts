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
  private readonly files = new Map<string, ExportFile & { expires: number }>();

  constructor(
    private readonly baseUrl: () => string,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 3_600_000,
    private readonly maxFiles = 500,
  ) {}

  /** Keeps the file and returns its download link. */
  put(file: ExportFile): string {
    this.sweep();
    if (this.files.size >= this.maxFiles) this.files.delete(this.files.keys().next().value!);
    const token = randomBytes(24).toString('base64url');
    this.files.set(token, { ...file, expires: this.now() + this.ttlMs });
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
