import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PortfolioLookup } from '../src/domain/lookup';
import { Portfolio } from '../src/domain/schema';
import { understand } from '../src/teams/understanding/understand';
import type { BenchOptions, BenchResult, TargetCheck } from './lib/bench';
import { count, ms, table } from './lib/format';
import { generatePortfolio } from './scale/generate-portfolio';
import { summarise, type LatencySummary } from './lib/stats';

/**
 * Understanding one message (src/teams/understanding/understand.ts: the route table's intent,
 * then the entities read against the portfolio), for every question of the corpus
 * (test/fixtures/corpus/), in-process, on the demo portfolio and on a generated one of 1,000
 * projects. The lookup's indexes are built once per portfolio, as in the running bot; the first
 * pass (building them) is reported apart. Targets: p99 ≤ 2 ms on the demo, ≤ 10 ms at 1,000.
 */
const ROOT = path.resolve(__dirname, '..');
const FULL = { rounds: 20, large: 1000 };
const SMOKE = { rounds: 1, large: 60 };

interface Figures {
  projects: number;
  coldMs: number;
  latency: LatencySummary;
}

export interface UnderstandingData {
  params: typeof FULL;
  questions: number;
  demo: Figures;
  large: Figures;
}

function corpus(): string[] {
  return (['tune', 'holdout'] as const).flatMap((half) =>
    (JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/corpus', `${half}.json`), 'utf8')) as Array<{ text: string }>).map((e) => e.text),
  );
}

function measure(portfolio: Portfolio, questions: string[], rounds: number): Figures {
  const lookup = new PortfolioLookup();
  const networkId = 'digitrondelag';
  const c0 = performance.now();
  for (const q of questions) understand(lookup, portfolio, networkId, q);
  const coldMs = performance.now() - c0;
  const samples: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (const q of questions) {
      const t0 = performance.now();
      understand(lookup, portfolio, networkId, q);
      samples.push(performance.now() - t0);
    }
  }
  return { projects: portfolio.projects.length, coldMs, latency: summarise(samples) };
}

export async function runUnderstandingBench(o: BenchOptions = {}): Promise<BenchResult> {
  const params = o.smoke ? SMOKE : FULL;
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const questions = corpus();
  const demo = Portfolio.parse(JSON.parse(readFileSync(path.join(ROOT, 'data/demo-portfolio.json'), 'utf8')));
  o.progress?.(`understanding: ${questions.length} questions × ${params.rounds} on the demo portfolio`);
  const demoFigures = measure(demo, questions, params.rounds);
  o.progress?.(`understanding: the same at ${params.large} projects`);
  const largeFigures = measure(generatePortfolio(params.large).portfolio, questions, params.rounds);
  const data: UnderstandingData = { params, questions: questions.length, demo: demoFigures, large: largeFigures };
  const row = (label: string, f: Figures) => [label, count(f.projects), ms(f.latency.p50), ms(f.latency.p95), ms(f.latency.p99), ms(f.latency.max), ms(f.coldMs)];
  const markdown = [
    `Every corpus question (${count(questions.length)}) understood ${params.rounds} times in-process: intent and input from the route table, then the entities it names read against the portfolio. Cold = the first pass over all questions, building the lookup's indexes.`,
    '',
    table(['Portfolio', 'Projects', 'p50', 'p95', 'p99', 'max', 'cold (all questions)'], [row('Demo', demoFigures), row(`Generated`, largeFigures)]),
    '',
    `p99 at ${count(largeFigures.projects)} projects is ${(largeFigures.latency.p99 / demoFigures.latency.p99).toFixed(1)}× the demo's.`,
  ].join('\n');
  const target = (label: string, f: Figures, limit: number): TargetCheck => ({
    target: `${label}: understanding one message p99 ≤ ${limit} ms`,
    measured: ms(f.latency.p99),
    met: f.latency.p99 <= limit,
    margin: `${(limit / f.latency.p99).toFixed(1)}× under the limit`,
  });
  return {
    name: 'understanding',
    title: 'Understanding a message',
    startedAt,
    durationMs: performance.now() - t0,
    markdown,
    targets: [target('demo portfolio', demoFigures, 2), target(`${count(largeFigures.projects)} projects`, largeFigures, 10)],
    data,
  };
}

if (require.main === module) {
  runUnderstandingBench({ progress: (l) => console.error(l) }).then((r) => console.log(`## ${r.title}\n\n${r.markdown}`));
}
