import type { Portfolio } from '../domain/schema';
import { DomainError } from '../domain/errors';
import type { AuditEntry, AuditWriter } from './audit-log';
import { applyChange, type AuditedMutation, type PortfolioStore, type StoreHealth } from './portfolio-store';

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
  /** The audit entry of the change this waiter stands for, when it has one. */
  entry?: AuditEntry;
}

/** Which half of a write failed: the audit entries' append, or the data itself. */
export type WritePart = 'audit' | 'data';

class AuditAppendFailed {
  constructor(readonly cause: unknown) {}
}

/**
 * The single writer shared by every store: changes are applied synchronously to one in-memory
 * state, and the states are persisted one at a time. Changes that arrive while a write is under
 * way ride together on the next one (group commit), so a burst of votes costs a few writes.
 *
 * A write is one durable step in two parts: the audit entries of the changes it carries are
 * appended (and fsynced), then the state that holds the changes is persisted. A change is
 * acknowledged only once both are done; if either fails, it is rolled back and rejected.
 */
export abstract class SerialisedStore implements PortfolioStore {
  private state: Portfolio;
  private durable: Portfolio;
  private waiting: Waiter[] = [];
  /** The waiters of the write under way, if any. */
  private inFlight: Waiter[] = [];
  private writing: Promise<void> | undefined;
  private closed = false;
  protected lastWriteError: unknown;
  /** Set when an append of audit entries failed; cleared only by an append that succeeds. */
  protected lastAuditError: unknown;

  /** `trail`: where the entries of audited changes go; without it, a change that has an entry is refused. */
  protected constructor(
    initial: Portfolio,
    private readonly trail?: AuditWriter,
  ) {
    this.state = initial;
    this.durable = initial;
  }

  /** Makes `snapshot` durable; called for one snapshot at a time. */
  protected abstract persist(snapshot: Portfolio): Promise<void>;

  /** Told once per failed write (not once per rejected change), for the log. Must not throw. */
  protected writeFailed(_error: DomainError, _cause: unknown, _part: WritePart): void {}

  read(): Portfolio {
    return this.state;
  }

  update<T>(change: (current: Portfolio) => AuditedMutation<T>): Promise<T> {
    const applied = applyChange(this.closed, this.state, change);
    if ('refused' in applied) return applied.refused;
    const mutation = applied.mutation;
    if (mutation.next === this.state) {
      if (this.state === this.durable) return Promise.resolve(mutation.result);
      // Nothing changed, but what the result reports on is still on its way to disk: it succeeds
      // or fails with the batch that carries this state (the queued one if any, else the one under way).
      return new Promise<T>((resolve, reject) => {
        (this.waiting.length > 0 ? this.waiting : this.inFlight).push({ resolve: () => resolve(mutation.result), reject });
      });
    }
    // Accepting it would acknowledge a change nobody can account for.
    if (mutation.auditEntry && !this.trail) return Promise.reject(new Error('this store keeps no audit log, so it cannot write an audited change'));
    this.state = mutation.next;
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ resolve: () => resolve(mutation.result), reject, entry: mutation.auditEntry });
      this.writing ??= this.drain();
    });
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  async health(): Promise<StoreHealth> {
    if (this.lastAuditError) return { ok: false, detail: 'the last append to the audit log failed' };
    if (this.lastWriteError) return { ok: false, detail: 'the last write failed' };
    return { ok: true };
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.inFlight = batch;
        this.waiting = [];
        const snapshot = this.state;
        const entries = batch.flatMap((w) => (w.entry ? [w.entry] : []));
        try {
          // Entries first, data second: a crash between the two leaves entries for changes that
          // never reached the data file, never a change on disk without its entry. Such an entry is
          // left as it is, with nothing appended after it to mark it: a marker would be one more
          // write that the same crash or full disk can stop, so the log could never be made exact,
          // only complete. An entry records that someone did this and the change may have been
          // applied; the data file says whether it was (and the user was told it failed, or got
          // no answer at all, never a confirmation).
          if (entries.length > 0) {
            await this.trail!.append(...entries).catch((cause: unknown) => {
              throw new AuditAppendFailed(cause);
            });
            this.lastAuditError = undefined;
          }
          await this.persist(snapshot);
          this.durable = snapshot;
          this.lastWriteError = undefined;
          for (const w of batch) w.resolve();
        } catch (failure) {
          const part: WritePart = failure instanceof AuditAppendFailed ? 'audit' : 'data';
          const cause = failure instanceof AuditAppendFailed ? failure.cause : failure;
          if (part === 'audit') this.lastAuditError = cause ?? new Error('the audit append failed');
          else this.lastWriteError = cause ?? new Error('the write failed');
          this.state = this.durable;
          const failed = [...batch, ...this.waiting];
          this.waiting = [];
          const error = new DomainError('STORE.WRITE_FAILED', { part, reason: String((cause as Error)?.message ?? cause) });
          try {
            this.writeFailed(error, cause, part);
          } catch {
            // A hook that throws must not leave the changes hanging.
          }
          for (const w of failed) w.reject(error);
        }
      }
    } finally {
      this.inFlight = [];
      this.writing = undefined;
    }
  }
}
