import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { BenchOptions, BenchResult } from './lib/bench';
import { botRuntime } from './lib/bot-process';
import { loadResults, machine, ORDER, renderResults, saveResult, writeDoc, DOC } from './lib/report';
import { runLookupBench } from './lookup.bench';
import { runPostgresBench } from './postgres.bench';
import { runScaleBench } from './scale.bench';
import { runUnderstandingBench } from './understanding.bench';
import { runVotesBench } from './votes.bench';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- lookup votes` only those. Each result is
 * saved in bench/results/, and docs/BENCHMARKS.md is rebuilt from the latest result of each.
 * BENCH_CPU_PROF=<dir> writes a CPU profile of every bot process (see bench/lib/profile-summary.ts);
 * BENCH_RUNTIME=tsx runs the bots through tsx instead of as compiled JavaScript;
 * BENCH_PRELOAD=bench/experiments/<x>.ts,… loads experiments into the bots, and then the figures
 * are printed only, never saved: they are not Flokk's.
 */
const BENCHES: Record<string, (o: BenchOptions) => Promise<BenchResult>> = {
  lookup: runLookupBench,
  votes: runVotesBench,
  scale: runScaleBench,
  understanding: runUnderstandingBench,
  postgres: runPostgresBench,
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((n) => !(n in BENCHES));
  if (unknown.length > 0) throw new Error(`no benchmark named ${unknown.join(', ')}; there are: ${ORDER.join(', ')}`);
  const names = asked.length > 0 ? ORDER.filter((n) => asked.includes(n)) : ORDER;
  const started = performance.now();
  const runtime = botRuntime();
  if (runtime.prepareMs > 500) console.error(`bots transpiled to JavaScript in ${Math.round(runtime.prepareMs)} ms`);
  const options: BenchOptions = { cpuProfDir: process.env.BENCH_CPU_PROF || undefined, progress: (line) => console.error(`  ${line}`) };
  const experiment = process.env.BENCH_PRELOAD;
  for (const name of names) {
    console.error(`${name}…`);
    const loadBefore = os.loadavg()[0]!;
    const result = await BENCHES[name]!(options);
    for (const t of result.targets) console.error(`  ${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.measured} (${t.margin})`);
    if (experiment) console.log(`## ${result.title} (with ${experiment})\n\n${result.markdown}\n`);
    else saveResult({ ...result, machine: machine(runtime.kind, loadBefore) });
  }
  const totalMs = performance.now() - started;
  if (experiment) {
    console.error(`experiment ${experiment}: figures printed only (${Math.round(totalMs / 1000)} s)`);
    return;
  }
  writeDoc(renderResults(loadResults(), { totalMs, names }));
  console.error(`wrote ${DOC} (${Math.round(totalMs / 1000)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
