import type { Portfolio } from '../domain/schema';
import { DomainError } from '../domain/errors';
import { StoreClosedError, type Mutation, type PortfolioStore, type StoreHealth } from './portfolio-store';

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * The single writer shared by every store: changes are applied synchronously to one in-memory
 * state, and the states are persisted one at a time. Changes that arrive while a write is under
 * way ride together on the next one (group commit), so a burst of votes costs a few writes.
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

  protected constructor(initial: Portfolio) {
    this.state = initial;
    this.durable = initial;
  }

  /** Makes `snapshot` durable; called for one snapshot at a time. */
  protected abstract persist(snapshot: Portfolio): Promise<void>;

  /** Told once per failed write (not once per rejected change), for the log. Must not throw. */
  protected writeFailed(_error: DomainError, _cause: unknown): void {}

  read(): Portfolio {
    return this.state;
  }

  update<T>(change: (current: Portfolio) => Mutation<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreClosedError());
    let mutation: Mutation<T>;
    try {
      mutation = change(this.state);
    } catch (e) {
      return Promise.reject(e);
    }
    if (mutation.next === this.state) {
      if (this.state === this.durable) return Promise.resolve(mutation.result);
      // Nothing changed, but what the result reports on is still on its way to disk: it succeeds
      // or fails with the batch that carries this state (the queued one if any, else the one under way).
      return new Promise<T>((resolve, reject) => {
        (this.waiting.length > 0 ? this.waiting : this.inFlight).push({ resolve: () => resolve(mutation.result), reject });
      });
    }
    this.state = mutation.next;
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ resolve: () => resolve(mutation.result), reject });
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
        try {
          await this.persist(snapshot);
          this.durable = snapshot;
          this.lastWriteError = undefined;
          for (const w of batch) w.resolve();
        } catch (cause) {
          this.lastWriteError = cause;
          this.state = this.durable;
          const failed = [...batch, ...this.waiting];
          this.waiting = [];
          const error = new DomainError('STORE.WRITE_FAILED', { reason: String((cause as Error)?.message ?? cause) });
          try {
            this.writeFailed(error, cause);
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
