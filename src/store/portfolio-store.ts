import type { Mutation } from '../domain/mutation';
import type { Portfolio } from '../domain/schema';

export type { Mutation };

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
   * state is durable. If `change` throws, nothing changes. If the write fails, the state
   * returns to the last durable one and every change not yet durable is rejected.
   */
  update<T>(change: (current: Portfolio) => Mutation<T>): Promise<T>;
  /** Resolves once every accepted change is durable. */
  flush(): Promise<void>;
  /** Flushes, then refuses further changes. */
  close(): Promise<void>;
  health(): Promise<StoreHealth>;
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
