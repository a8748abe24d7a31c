import { open, type FileHandle } from 'node:fs/promises';
import { AuditEntry, JsonlAuditLog } from '../../src/store/audit-log';

/**
 * EXPERIMENT, not Flokk's code: what the votes benchmark gives when the audit log commits in groups
 * as the store does: the entries that arrive while one append + fsync is under way share the next
 * one, through a file handle kept open. Loaded into the bots before they start:
 *
 *   BENCH_PRELOAD=bench/experiments/audit-group-commit.ts npm run bench -- votes
 *
 * With BENCH_PRELOAD the figures are printed only; bench/results and docs/BENCHMARKS.md are left alone.
 */
interface Pending {
  line: string;
  resolve: () => void;
  reject: (e: unknown) => void;
}
const state = new WeakMap<JsonlAuditLog, { queue: Pending[]; handle?: FileHandle; draining?: Promise<void> }>();

JsonlAuditLog.prototype.append = function (this: JsonlAuditLog, entry: AuditEntry): Promise<void> {
  const line = JSON.stringify(AuditEntry.parse(entry)) + '\n';
  let s = state.get(this);
  if (!s) state.set(this, (s = { queue: [] }));
  const own = s;
  return new Promise<void>((resolve, reject) => {
    own.queue.push({ line, resolve, reject });
    own.draining ??= (async () => {
      try {
        while (own.queue.length > 0) {
          const batch = own.queue.splice(0);
          try {
            own.handle ??= await open(this.file, 'a', 0o600);
            await own.handle.appendFile(batch.map((b) => b.line).join(''), 'utf8');
            await own.handle.sync();
            for (const b of batch) b.resolve();
          } catch (e) {
            for (const b of batch) b.reject(e);
          }
        }
      } finally {
        own.draining = undefined;
      }
    })();
  });
};
