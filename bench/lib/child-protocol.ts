/**
 * What the benchmark and a bot child (bot-child.ts) say to each other over IPC: the child's
 * arguments, its ready report, the commands it answers and what they return.
 */
export type ChildArgs =
  | { mode: 'echo' }
  | { mode: 'flokk'; dataFile: string; seedDemo: boolean }
  | { mode: 'open'; dataFile: string; networkId: string; query: string };

export interface ReadyReport {
  type: 'ready';
  pid: number;
  url?: string;
  /** Loading the bot's modules, ms. */
  importMs: number;
  /** `startFlokk` / `startEchoBot` until listening; in `open` mode, `LowdbStore.open`. */
  startMs: number;
  /** `open` mode: the first `PortfolioLookup.project` (builds the name index). */
  firstLookupMs?: number;
  /** From the start of the process (performance.timeOrigin) to ready. */
  sinceProcessStartMs: number;
  rss: number;
  heapUsed: number;
  /** After a full garbage collection (the children run with --expose-gc): what start-up left behind. */
  rssAfterGc: number;
  heapUsedAfterGc: number;
}

/** Memory, CPU time (user + system, all threads, ms) and the store's and audit log's work so far. */
export interface Usage {
  rss: number;
  heapUsed: number;
  cpuMs: number;
  writes: number;
  writeMs: number;
  audits: number;
  auditMs: number;
  /** Warnings and errors Flokk logged, by message. */
  logged: Record<string, number>;
}

export interface MutateReport {
  /** Each vote's latency, from `store.update` to its promise resolving (durable), ms. */
  sequential: number[];
  concurrent: number[];
  /** Each write of the store's single writer (serialise, write, fsync, rename, directory fsync), ms. */
  writeMs: number[];
  /** Each audit-log append (append, fsync), ms. */
  auditMs: number[];
  /** `JSON.stringify(state, null, 1)` alone, as DurableJsonFile.write does it, ms. */
  stringifyMs: number[];
  /** `JSON.stringify(state)`, without indentation, ms; and the sizes of both texts, characters. */
  compactMs: number[];
  indentedChars: number;
  compactChars: number;
}

export interface LookupReport {
  query: string;
  kind: string;
  firstMs: number;
  samples: number[];
}

export type Command =
  | { id: number; cmd: 'stop' }
  | { id: number; cmd: 'usage' }
  | { id: number; cmd: 'profile'; start: true }
  | { id: number; cmd: 'profile'; start: false; file: string }
  | { id: number; cmd: 'countVotes'; pollId: string }
  | { id: number; cmd: 'findPoll'; cardActivityId: string }
  | { id: number; cmd: 'lookup'; networkId: string; queries: string[]; n: number }
  | { id: number; cmd: 'mutate'; pollId: string; sequential: number; bursts: number; burstSize: number; maxMs: number };
