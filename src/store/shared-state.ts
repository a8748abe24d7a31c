/**
 * What several Flokk instances behind one bot must share besides the portfolio. With the
 * PostgreSQL store these live in the database (src/store/postgres/postgres-shared.ts); with a
 * single process (the data file, or memory) nothing is shared and the callers keep them in memory.
 */

/** The file behind a download link, as every instance keeps it. */
export interface SharedExport {
  token: string;
  owner: string;
  name: string;
  contentType: string;
  body: string;
  /** Milliseconds since the epoch. */
  expires: number;
}

export interface ExportReplica {
  /** Makes a file this instance handed out known to the others; resolves once they can see it. */
  publish(file: SharedExport): Promise<void>;
  /** Calls `receive` with each live file another instance publishes, the ones already there first. */
  follow(receive: (file: SharedExport) => void): Promise<void>;
}

/** How the first delivery of an invoke ended: its answer, or a failure the later ones share. */
export type InvokeOutcome = { ok: true; value: unknown } | { ok: false };

export interface InvokeLedger {
  /** True for the first delivery with this key, which runs the turn and then `settle`s it. */
  claim(key: string): Promise<boolean>;
  settle(key: string, outcome: InvokeOutcome): Promise<void>;
  /** The first delivery's outcome, waiting for it at most `waitMs`; undefined if it did not come. */
  outcomeOf(key: string, waitMs: number): Promise<InvokeOutcome | undefined>;
}

/** At most one instance holds a lease at a time; it is lost when that instance stops or loses the database. */
export interface Lease {
  /** Whether this instance holds the lease now, taking it if nobody does. */
  acquire(): Promise<boolean>;
  release(): Promise<void>;
}

/** The lease of a process that shares nothing: always its own. */
export const soleLease: Lease = { acquire: () => Promise.resolve(true), release: () => Promise.resolve() };
