import { open, readFile } from 'node:fs/promises';
import { z } from 'zod/v4';

/**
 * The append-only record of every change: who (from the activity, never from card data), when,
 * what and which object. One JSON object per line, appended and fsynced; nothing rewrites it.
 */
export const AuditEntry = z.object({
  at: z.string(),
  networkId: z.string().optional(),
  /** Entra ID object id of the person who acted, or "flokk" for what Flokk does by itself (deadlines). */
  actor: z.string(),
  personId: z.string().optional(),
  action: z.string(),
  objects: z.record(z.string(), z.string()).default({}),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export interface AuditTrail {
  append(entry: AuditEntry): Promise<void>;
  /** The newest entries first. */
  recent(limit: number, networkId?: string): Promise<AuditEntry[]>;
}

export class JsonlAuditLog implements AuditTrail {
  private pending: Array<{ line: string; done: (error?: unknown) => void }> = [];
  private writing: Promise<void> | undefined;

  constructor(readonly file: string) {}

  /**
   * Appends once the entry is on disk. Entries that arrive while a write is under way share the
   * next append and fsync (group commit), so a burst of votes does not queue behind one fsync each.
   */
  append(entry: AuditEntry): Promise<void> {
    const line = JSON.stringify(AuditEntry.parse(entry)) + '\n';
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ line, done: (error) => (error ? reject(error) : resolve()) });
      this.writing ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          const handle = await open(this.file, 'a', 0o600);
          try {
            await handle.appendFile(batch.map((b) => b.line).join(''), 'utf8');
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
