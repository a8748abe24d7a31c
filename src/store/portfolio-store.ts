import type { Mutation } from '../domain/mutation';
import type { Portfolio } from '../domain/schema';
import type { AuditEntry } from './audit-log';

export type { Mutation };

/**
 * A change as the store takes it: the domain's mutation and, for a change to be accounted for, its
 * audit entry. The entry rides on the mutation rather than beside it, so that whatever passes a
 * change on to the store (a wrapper, a test's slow disk) passes the entry on with it.
 */
export interface AuditedMutation<T> extends Mutation<T> {
  /** Appended to the audit log, and fsynced, before the data file that holds `next` is written. */
  auditEntry?: AuditEntry;
}

/**
 * The one way Flokk reaches its data. Reads see the current in-memory state; every change goes
 * through `update`, which applies it synchronously (so no change is computed from stale data)
 * and resolves only once the state that includes it is durable.
 */
export interface PortfolioStore {
  /** The current state. Treat it as immutable: changes go through `update`. */
  read(): Portfolio;
  /**
   * Applies `change` to the current state at once, then resolves with its result after the
   * state is durable, and the change's audit entry, if it has one, durable before it.
   * If `change` throws, nothing changes. If the write fails, or the append of an audit entry
   * it carries, the state returns to the last durable one and every change not yet durable is
   * rejected. A change that returns the same state writes nothing, and no audit entry.
   */
  update<T>(change: (current: Portfolio) => AuditedMutation<T>): Promise<T>;
  /** Resolves once every accepted change is durable. */
  flush(): Promise<void>;
  /** Flushes, then refuses further changes. */
  close(): Promise<void>;
  health(): Promise<StoreHealth>;
}

/**
 * The first step of every store's `update`: refused once the store is closed, else `change` applied
 * to `current` at once; a change that throws changes nothing, and its error is the rejection.
 */
export function applyChange<T>(closed: boolean, current: Portfolio, change: (current: Portfolio) => AuditedMutation<T>): { mutation: AuditedMutation<T> } | { refused: Promise<never> } {
  if (closed) return { refused: Promise.reject(new StoreClosedError()) };
  try {
    return { mutation: change(current) };
  } catch (e) {
    return { refused: Promise.reject(e) };
  }
}

export interface StoreHealth {
  ok: boolean;
  detail?: string;
}

/** The data file could not be used; start-up stops and the file is left untouched. */
export class StoreLoadError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`Cannot load the data file ${file}: ${reason}. The file was left untouched.`);
    this.name = 'StoreLoadError';
  }
}

/** Another process is using the data file; two writers would overwrite each other's changes. */
export class StoreLockedError extends StoreLoadError {
  constructor(
    file: string,
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(file, `another process (pid ${pid}) is using it; stop that process first, or delete ${lockFile} if no such process runs`);
    this.name = 'StoreLockedError';
  }
}

export class StoreClosedError extends Error {
  constructor() {
    super('The portfolio store is closed');
    this.name = 'StoreClosedError';
  }
}
