import { open, readFile } from 'node:fs/promises';
import { z } from 'zod/v4';

/**
 * The append-only record of every change: who (from the activity, never from card data), when,
 * what and which object. One JSON object per line, appended and fsynced; nothing rewrites it.
 */
export const AuditEntry = z.object({
  /** An ISO instant; for a vote in an anonymous poll the Oslo date only ('YYYY-MM-DD'). */
  at: z.string(),
  networkId: z.string().optional(),
  /**
   * Entra ID object id of the person who acted, or "flokk" for what Flokk does by itself (deadlines).
   * Absent for a vote in an anonymous poll, whose entry names no one.
   */
  actor: z.string().optional(),
  personId: z.string().optional(),
  action: z.string(),
  objects: z.record(z.string(), z.string()).default({}),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Where the store appends the entries of the changes it writes, durably, before it writes the changes. */
export interface AuditWriter {
  /** Resolves once every entry is on disk (fsynced); rejects if any of them may not be. */
  append(...entries: AuditEntry[]): Promise<void>;
}

export interface AuditTrail extends AuditWriter {
  /** The newest entries first. */
  recent(limit: number, networkId?: string): Promise<AuditEntry[]>;
}

export class JsonlAuditLog implements AuditTrail {
  private pending: Array<{ text: string; done: (error?: unknown) => void }> = [];
  private writing: Promise<void> | undefined;

  constructor(readonly file: string) {}

  /**
   * Appends once the entries are on disk. Entries that arrive while a write is under way share the
   * next append and fsync (group commit), so a burst of votes does not queue behind one fsync each.
   */
  append(...entries: AuditEntry[]): Promise<void> {
    let text: string;
    try {
      text = entries.map((e) => JSON.stringify(AuditEntry.parse(e)) + '\n').join('');
    } catch (e) {
      return Promise.reject(e);
    }
    if (text === '') return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ text, done: (error) => (error ? reject(error) : resolve()) });
      this.writing ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          const handle = await open(this.file, 'a+', 0o600);
          try {
            // A process killed mid-append (or a disk that filled up) may have left a torn last line;
            // end it first, so the torn bytes do not swallow the first entry of this append.
            const { size } = await handle.stat();
            const last = Buffer.alloc(1);
            const torn = size > 0 && (await handle.read(last, 0, 1, size - 1)).bytesRead === 1 && last[0] !== 0x0a;
            await handle.appendFile((torn ? '\n' : '') + batch.map((b) => b.text).join(''), 'utf8');
            await handle.sync();
          } finally {
            await handle.close();
          }
          for (const b of batch) b.done();
        } catch (error) {
          for (const b of batch) b.done(error);
        }
      }
    } finally {
      this.writing = undefined;
    }
  }

  async recent(limit: number, networkId?: string): Promise<AuditEntry[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const entries: AuditEntry[] = [];
    for (const line of text.split('\n').reverse()) {
      if (!line.trim()) continue;
      const parsed = AuditEntry.safeParse(safeJson(line));
      if (parsed.success && (!networkId || parsed.data.networkId === networkId)) entries.push(parsed.data);
      if (entries.length >= limit) break;
    }
    return entries;
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
