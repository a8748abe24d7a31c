import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import type { ChildArgs, Command, LookupReport, ReadyReport, Usage } from './child-protocol';
import { instrumentStore, load, mutate, timings } from './store-probe';

/**
 * One bot under test in a process of its own, started by `bot-process.ts` (see runtime.ts for
 * how: compiled JavaScript by default, or through tsx). Flokk and the echo baseline start the
 * same way, so their start-up times and resident memory compare like for like.
 *
 * It reports `{type:'ready', …}` over IPC once listening (in `open` mode: once the store is open
 * and the first lookup answered), then answers the benchmark's commands until `stop`.
 *
 * The messages are in child-protocol.ts; the store's instrumentation in store-probe.ts.
 */
const send = (message: unknown) => process.send?.(message);

const logged: Record<string, number> = {};

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Memory right after start, then after a full collection. */
function memoryAtReady(): Pick<ReadyReport, 'rss' | 'heapUsed' | 'rssAfterGc' | 'heapUsedAfterGc'> {
  const { rss, heapUsed } = process.memoryUsage();
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage();
  return { rss, heapUsed, rssAfterGc: after.rss, heapUsedAfterGc: after.heapUsed };
}
const usage = (): Usage => {
  const m = process.memoryUsage();
  const cpu = process.cpuUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    cpuMs: (cpu.user + cpu.system) / 1000,
    writes: timings.writeMs.length,
    writeMs: sum(timings.writeMs),
    audits: timings.auditMs.length,
    auditMs: sum(timings.auditMs),
    logged: { ...logged },
  };
};

/** A CPU profile of just the measured part of a benchmark, through the inspector (no --cpu-prof). */
let profiler: Session | undefined;
async function profile(c: Extract<Command, { cmd: 'profile' }>): Promise<string | undefined> {
  if (c.start) {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    return undefined;
  }
  if (!profiler) throw new Error('no profile was started');
  const { profile: taken } = await profiler.post('Profiler.stop');
  profiler.disconnect();
  profiler = undefined;
  writeFileSync(c.file, JSON.stringify(taken));
  return c.file;
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('bot-child runs under bench/lib/bot-process.ts, with an IPC channel');
  // The benchmark is gone: so is this process.
  process.on('disconnect', () => process.exit(1));
  const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs;
  if (args.mode === 'echo') return serveEcho();
  if (args.mode === 'open') return openOnly(args);
  return serveFlokk(args);
}

async function serveEcho(): Promise<void> {
  const t0 = performance.now();
  const { startEchoBot } = load<typeof import('../baseline/echo-bot')>('../baseline/echo-bot');
  const t1 = performance.now();
  const bot = await startEchoBot(0);
  const t2 = performance.now();
  send({ type: 'ready', pid: process.pid, url: bot.url, importMs: t1 - t0, startMs: t2 - t1, sinceProcessStartMs: t2, ...memoryAtReady() } satisfies ReadyReport);
  onCommands(async (c) => {
    if (c.cmd === 'stop') return bot.close();
    if (c.cmd === 'usage') return usage();
    if (c.cmd === 'profile') return profile(c);
    throw new Error(`the echo bot has no ${c.cmd}`);
  });
}

async function openOnly(args: Extract<ChildArgs, { mode: 'open' }>): Promise<void> {
  const t0 = performance.now();
  const { LowdbStore } = load<typeof import('../../src/store/lowdb-store')>('../../src/store/lowdb-store');
  const { PortfolioLookup } = load<typeof import('../../src/domain/lookup')>('../../src/domain/lookup');
  const { castVote } = load<typeof import('../../src/domain/polls')>('../../src/domain/polls');
  instrumentStore();
  const t1 = performance.now();
  const store = await LowdbStore.open(args.dataFile);
  const t2 = performance.now();
  const found = new PortfolioLookup().project(store.read(), args.networkId, args.query);
  const t3 = performance.now();
  if (found.kind !== 'found') throw new Error(`the first lookup found ${found.kind}`);
  send({ type: 'ready', pid: process.pid, importMs: t1 - t0, startMs: t2 - t1, firstLookupMs: t3 - t2, sinceProcessStartMs: t3, ...memoryAtReady() } satisfies ReadyReport);
  onCommands(async (c) => {
    if (c.cmd === 'stop') return store.close();
    if (c.cmd === 'usage') return usage();
    if (c.cmd === 'mutate') return mutate(store, castVote, c);
    throw new Error(`open mode has no ${c.cmd}`);
  });
}

async function serveFlokk(args: Extract<ChildArgs, { mode: 'flokk' }>): Promise<void> {
  const t0 = performance.now();
  const { startFlokk } = load<typeof import('../../src/flokk')>('../../src/flokk');
  const { loadConfig } = load<typeof import('../../src/config')>('../../src/config');
  const { createLogger } = load<typeof import('../../src/log')>('../../src/log');
  const { PortfolioLookup } = load<typeof import('../../src/domain/lookup')>('../../src/domain/lookup');
  const { castVote } = load<typeof import('../../src/domain/polls')>('../../src/domain/polls');
  instrumentStore();
  const t1 = performance.now();
  // The production path: the configuration as src/index.ts reads it, from an environment of our own.
  const config = loadConfig(
    {
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      FLOKK_DATA_FILE: args.dataFile,
      FLOKK_SEED_DEMO: String(args.seedDemo),
      FLOKK_LOG_LEVEL: 'warn',
      FLOKK_VOTE_SECRET: 'bench-vote-secret-0123456789',
      FLOKK_POLL_CHECK_SECONDS: '3600',
    },
    'bench',
  );
  // Warnings and errors are counted by message; the first of each kind goes to stderr.
  const log = createLogger('warn', (line: string) => {
    const msg = String((JSON.parse(line) as { msg?: string }).msg);
    logged[msg] = (logged[msg] ?? 0) + 1;
    if (logged[msg] === 1 && !msg.startsWith('local development mode')) process.stderr.write(`flokk (first of its kind): ${line}\n`);
  });
  const flokk = await startFlokk(config, { log });
  const t2 = performance.now();
  send({ type: 'ready', pid: process.pid, url: flokk.url, importMs: t1 - t0, startMs: t2 - t1, sinceProcessStartMs: t2, ...memoryAtReady() } satisfies ReadyReport);

  onCommands(async (c) => {
    switch (c.cmd) {
      case 'stop':
        return flokk.close();
      case 'usage':
        return usage();
      case 'profile':
        return profile(c);
      case 'countVotes':
        return flokk.store.read().votes.filter((v) => v.pollId === c.pollId).length;
      case 'findPoll':
        return flokk.store.read().polls.find((p) => p.cardActivityId === c.cardActivityId)?.id;
      case 'lookup': {
        const lookup = new PortfolioLookup();
        return c.queries.map((query): LookupReport => {
          let started = performance.now();
          const first = lookup.project(flokk.store.read(), c.networkId, query);
          const firstMs = performance.now() - started;
          const samples: number[] = [];
          for (let i = 0; i < c.n; i++) {
            started = performance.now();
            lookup.project(flokk.store.read(), c.networkId, query);
            samples.push(performance.now() - started);
          }
          return { query, kind: first.kind, firstMs, samples };
        });
      }
      case 'mutate':
        return mutate(flokk.store, castVote, c);
    }
  });
}

/** Answers `{id, cmd}` messages with `{id, ok, result}` or `{id, ok:false, error}`; exits after `stop`. */
function onCommands(handle: (c: Command) => Promise<unknown>): void {
  process.on('message', (c: Command) => {
    handle(c).then(
      (result) => {
        if (c.cmd === 'stop') process.send!({ id: c.id, ok: true, result }, () => process.exit(0));
        else send({ id: c.id, ok: true, result });
      },
      (error: Error) => send({ id: c.id, ok: false, error: error?.stack ?? String(error) }),
    );
  });
}

main().catch((error: Error) => {
  process.stderr.write(`bot-child failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
