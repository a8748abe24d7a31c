import { mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DurableJsonFile } from '../src/store/durable-json-file';
import { SMOKE_LIMIT_MS, withHardLimit, type BenchOptions, type BenchResult } from './lib/bench';
import type { LookupReport, MutateReport, Usage } from './lib/child-protocol';
import { spawnBot } from './lib/bot-process';
import { count } from './lib/format';
import { summarise, type LatencySummary } from './lib/stats';
import { generatePortfolio } from './scale/generate-portfolio';
import { render, targets, type Params, type ScaleData, type SizeFigures, type Writes } from './scale/report';

export type { ScaleData, SizeFigures } from './scale/report';

/**
 * The store as the portfolio grows: 100, 1,000 and 10,000 projects with ten times as many status
 * reports and votes, generated (seeded) into a temp data file. Each size is opened in fresh child
 * processes, so start-up time and resident memory are that process's own:
 * - `open`: `LowdbStore.open` + the first `PortfolioLookup.project`, then votes through the store alone;
 * - `flokk`: the whole of `startFlokk` to listening, lookups, then votes through Flokk's store
 *   (the lowdb store wrapped by the audit log), as a vote is acknowledged in Teams.
 * The baseline is the echo bot (start-up, memory) and, for writes, the floor of one durable append on
 * this disk (a vote-sized record, fdatasynced); the floor of a durable whole-file write (DurableJsonFile
 * writing a few bytes: temp file, fsync, rename, directory fsync) is shown beside it.
 */
export const SCALE_LIMIT_MS = 240_000;

const FULL: Params = {
  sizes: [100, 1000, 10000],
  lookups: 300,
  mutations: { 100: { sequential: 100, bursts: 3 }, 1000: { sequential: 100, bursts: 3 }, 10000: { sequential: 8, bursts: 2 } },
  burstSize: 50,
  maxMutateMs: 30_000,
  floorWrites: 100,
};
const SMOKE: Params = { sizes: [40], lookups: 5, mutations: { 40: { sequential: 3, bursts: 1 } }, burstSize: 5, maxMutateMs: 5_000, floorWrites: 5 };

export async function runScaleBench(o: BenchOptions = {}): Promise<BenchResult> {
  const params = o.smoke ? SMOKE : FULL;
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-bench-scale-'));
  try {
    const data = await withHardLimit('scale', o.smoke ? SMOKE_LIMIT_MS : SCALE_LIMIT_MS, async () => {
      o.progress?.('scale: echo baseline start-up, durable-write floor');
      const echoBot = await spawnBot({ mode: 'echo' }, { cpuProfDir: o.cpuProfDir });
      await echoBot.stop();
      const floor = await durableWriteFloor(path.join(dir, 'floor.json'), params.floorWrites);
      const appendFloor = await durableAppendFloor(path.join(dir, 'floor.jsonl'), params.floorWrites);
      const sizes: SizeFigures[] = [];
      for (const size of params.sizes) sizes.push(await measureSize(size, params, dir, o));
      return { params, echo: echoBot.ready, floor, appendFloor, sizes } satisfies ScaleData;
    });
    return { name: 'scale', title: 'Store scale', startedAt, durationMs: performance.now() - t0, markdown: render(data), targets: targets(data), data };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function measureSize(size: number, params: Params, dir: string, o: BenchOptions): Promise<SizeFigures> {
  o.progress?.(`scale: ${count(size)} projects: generating`);
  const g0 = performance.now();
  const g = generatePortfolio(size);
  const generateMs = performance.now() - g0;
  const dataFile = path.join(dir, `portfolio-${size}.json`);
  // As the store writes it (DurableJsonFile: indented by one space, newline at the end). Each child
  // gets the file as generated, so its votes are new ones, not the previous child's again.
  const text = JSON.stringify(g.portfolio, null, 1) + '\n';
  await writeFile(dataFile, text);
  const fileBytes = (await stat(dataFile)).size;
  const p = g.portfolio;
  const m = params.mutations[size] ?? { sequential: 10, bursts: 1 };
  const mutate = { pollId: g.openPollId, sequential: m.sequential, bursts: m.bursts, burstSize: params.burstSize, maxMs: params.maxMutateMs };

  o.progress?.(`scale: ${count(size)} projects: LowdbStore.open + first lookup, writes through the store alone`);
  const opened = await spawnBot({ mode: 'open', dataFile, networkId: g.networkId, query: g.exactQuery }, { readyTimeoutMs: 120_000, cpuProfDir: o.cpuProfDir });
  const alone = await opened.request<MutateReport>('mutate', mutate, params.maxMutateMs + 60_000);
  await opened.stop();

  o.progress?.(`scale: ${count(size)} projects: startFlokk, lookups, writes through Flokk's store`);
  await writeFile(dataFile, text);
  const flokk = await spawnBot({ mode: 'flokk', dataFile, seedDemo: false }, { readyTimeoutMs: 120_000, cpuProfDir: o.cpuProfDir });
  const [exact, fuzzy] = await flokk.request<LookupReport[]>('lookup', { networkId: g.networkId, queries: [g.exactQuery, g.fuzzyQuery], n: params.lookups });
  const full = await flokk.request<MutateReport>('mutate', mutate, params.maxMutateMs + 60_000);
  const after = await flokk.request<Usage>('usage');
  await flokk.stop();

  const writes = (r: MutateReport): Writes => ({
    sequential: summarise(r.sequential),
    concurrent: summarise(r.concurrent),
    write: summarise(r.writeMs),
    audit: summarise(r.auditMs),
    stringify: summarise(r.stringifyMs),
    compact: summarise(r.compactMs),
    indentedChars: r.indentedChars,
    compactChars: r.compactChars,
  });
  return {
    projects: p.projects.length,
    statusReports: p.projects.reduce((n, x) => n + x.statusReports.length, 0),
    votes: p.votes.length,
    people: p.people.length,
    polls: p.polls.length,
    generateMs,
    fileBytes,
    open: opened.ready,
    flokk: flokk.ready,
    exact: { ...exact!, latency: summarise(exact!.samples), samples: [] },
    fuzzy: { ...fuzzy!, latency: summarise(fuzzy!.samples), samples: [] },
    storeAlone: writes(alone),
    flokkStore: writes(full),
    rssAfterWrites: after.rss,
  };
}

/** What durability costs on this disk at the least: DurableJsonFile writing a tiny file, one write at a time. */
async function durableWriteFloor(file: string, n: number): Promise<LatencySummary> {
  const durable = new DurableJsonFile<{ n: number }>(file);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await durable.write({ n: i });
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/**
 * The least a durable append costs on this disk: a record of about a vote's size (300 bytes) written
 * to a file held open and fdatasynced, one at a time. The journal opens its segment for each record
 * and Flokk's store fsyncs the audit log first, so a durable vote costs at least two of these.
 */
async function durableAppendFloor(file: string, n: number): Promise<LatencySummary> {
  const handle = await open(file, 'a', 0o600);
  const record = Buffer.from(`${'x'.repeat(299)}\n`);
  const samples: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      await handle.write(record);
      await handle.datasync();
      samples.push(performance.now() - started);
    }
  } finally {
    await handle.close();
  }
  return summarise(samples);
}

if (require.main === module) {
  runScaleBench({ progress: (l) => process.stderr.write(`${l}\n`), cpuProfDir: process.env.BENCH_CPU_PROF || undefined }).then(
    (r) => console.log(`## ${r.title}\n\n${r.markdown}\n\n${r.targets.map((t) => `- ${t.met ? 'met' : 'MISSED'}: ${t.target} — ${t.measured} (${t.margin})`).join('\n')}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
