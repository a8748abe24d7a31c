import { performance } from 'node:perf_hooks';
import { killAllBots } from './bot-process';

/** What every benchmark returns: its figures as Markdown, the targets it checks, and its raw data. */
export interface BenchResult {
  name: string;
  title: string;
  startedAt: string;
  durationMs: number;
  /** The benchmark's section of docs/BENCHMARKS.md (without its heading). */
  markdown: string;
  targets: TargetCheck[];
  data: unknown;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
  /** By how much it is missed (or the margin it is met by). */
  margin: string;
}

export interface BenchOptions {
  /** A tiny run for the smoke tests: same code, a handful of requests. */
  smoke?: boolean;
  /**
   * Write V8 CPU profiles of the bots into this directory: of the measured part only for the HTTP
   * benchmarks (lookup, votes), of the whole process (start-up included) for the scale benchmark.
   */
  cpuProfDir?: string;
  progress?: (line: string) => void;
}

/** Profiles the measured part of a benchmark in the bots, if asked to (BenchOptions.cpuProfDir). */
export async function profiled<T>(
  dir: string | undefined,
  bots: Array<{ name: string; bot: { request<R>(cmd: string, args?: Record<string, unknown>): Promise<R> } }>,
  label: string,
  body: () => Promise<T>,
): Promise<T> {
  if (!dir) return body();
  await Promise.all(bots.map((b) => b.bot.request('profile', { start: true })));
  const result = await body();
  await Promise.all(bots.map((b) => b.bot.request('profile', { start: false, file: `${dir}/${label}-${b.name}.cpuprofile` })));
  return result;
}

/** The smoke versions (npm test) stop well before jest's own timeout would. */
export const SMOKE_LIMIT_MS = 18_000;

/**
 * Runs `body` under a hard time limit: the load loops get a soft deadline (80 % of the limit)
 * after which they send nothing more; at the limit itself every bot this process started is
 * killed and the benchmark fails.
 */
export async function withHardLimit<T>(name: string, limitMs: number, body: (softDeadline: number) => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      killAllBots();
      reject(new Error(`benchmark ${name} exceeded its hard limit of ${Math.round(limitMs / 1000)} s; its bots were killed`));
    }, limitMs);
  });
  try {
    return await Promise.race([body(performance.now() + limitMs * 0.8), limit]);
  } finally {
    clearTimeout(timer);
  }
}
