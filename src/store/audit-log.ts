import { appendFile, open, readFile } from 'node:fs/promises';
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
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  append(entry: AuditEntry): Promise<void> {
    const line = JSON.stringify(AuditEntry.parse(entry)) + '\n';
    const next = this.tail.then(async () => {
      await appendFile(this.file, line, { encoding: 'utf8', mode: 0o600 });
      const handle = await open(this.file, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    this.tail = next.catch(() => undefined);
    return next;
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
