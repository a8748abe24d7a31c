import { performance } from 'node:perf_hooks';
import type { Portfolio } from '../../src/domain/schema';
import type { PortfolioStore } from '../../src/store/portfolio-store';
import type { Command, MutateReport } from './child-protocol';

/**
 * Inside a bot child: times the store's writes and the audit log's appends by wrapping their
 * prototypes' methods before anything is started (instrumentation only, src/ is not changed), and
 * votes through a store for the durable-mutation benchmark.
 */

/** `require`, typed, so that loading the bot's modules can be timed on its own. */
export const load = <T>(id: string): T => require(id) as T;

export const timings = { writeMs: [] as number[], auditMs: [] as number[] };

/** Wraps `proto[method]` (an async method) to record how long each call takes. */
function timeMethod(proto: unknown, method: string, into: number[]): void {
  const target = proto as Record<string, unknown>;
  const original = target[method];
  if (typeof original !== 'function') return;
  target[method] = async function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    try {
      return await (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    } finally {
      into.push(performance.now() - started);
    }
  };
}

export function instrumentStore(): void {
  timeMethod(load<typeof import('../../src/store/lowdb-store')>('../../src/store/lowdb-store').LowdbStore.prototype, 'persist', timings.writeMs);
  try {
    timeMethod(load<Record<string, { prototype: unknown }>>('../../src/store/audit-log').JsonlAuditLog?.prototype, 'append', timings.auditMs);
  } catch {
    // No audit log in this version of Flokk.
  }
}

export type CastVote = (typeof import('../../src/domain/polls'))['castVote'];

/**
 * Votes through `store.update`, each awaited until durable: first one at a time, then in bursts of
 * `burstSize` at once. A new vote each time, or a changed one once every voter has voted, so
 * every update is a real change that must be written.
 */
export async function mutate(store: Pick<PortfolioStore, 'read' | 'update'>, castVote: CastVote, c: Extract<Command, { cmd: 'mutate' }>): Promise<MutateReport> {
  const poll = store.read().polls.find((p) => p.id === c.pollId);
  if (!poll) throw new Error(`no poll ${c.pollId}`);
  const voters = store.read().people.filter((p) => p.networkId === poll.networkId).map((p) => p.id);
  let round = 0;
  const vote = async (i: number): Promise<number> => {
    const personId = voters[i % voters.length]!;
    const stance = Math.floor(i / voters.length) % 2 === 0 ? 'agree' : 'abstain';
    const started = performance.now();
    await store.update((p) => castVote(p, poll.id, { personId }, { stance }, new Date(), 'bench-vote-secret-0123456789'));
    return performance.now() - started;
  };
  const firstWrite = timings.writeMs.length;
  const firstAudit = timings.auditMs.length;
  const until = performance.now() + c.maxMs;
  const sequential: number[] = [];
  for (let i = 0; i < c.sequential && performance.now() < until; i++) sequential.push(await vote(round++));
  const concurrent: number[] = [];
  for (let b = 0; b < c.bursts && performance.now() < until; b++) {
    concurrent.push(...(await Promise.all(Array.from({ length: c.burstSize }, () => vote(round++)))));
  }
  // Serialisation alone, after the timed runs so it does not slow them down.
  const stringifyMs: number[] = [];
  const compactMs: number[] = [];
  let indentedChars = 0;
  let compactChars = 0;
  for (let i = 0; i < 3; i++) {
    let started = performance.now();
    indentedChars = JSON.stringify(store.read() satisfies Portfolio, null, 1).length;
    stringifyMs.push(performance.now() - started);
    started = performance.now();
    compactChars = JSON.stringify(store.read()).length;
    compactMs.push(performance.now() - started);
  }
  return { sequential, concurrent, writeMs: timings.writeMs.slice(firstWrite), auditMs: timings.auditMs.slice(firstAudit), stringifyMs, compactMs, indentedChars, compactChars };
}
