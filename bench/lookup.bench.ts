import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { message, SECRETARIAT } from '../test/fixtures/activities';
import { profiled, SMOKE_LIMIT_MS, withHardLimit, type BenchOptions, type BenchResult, type TargetCheck } from './lib/bench';
import type { Usage } from './lib/child-protocol';
import { spawnBot, type BotProcess } from './lib/bot-process';
import { startCountingConnector, type CountingConnector } from './lib/fake-connector';
import { count, latencyRows, ms, perSecond, table, times } from './lib/format';
import { BotClient, runLoad, type LoadRun } from './lib/http-load';
import { summarise, type LatencySummary } from './lib/stats';

/**
 * A lookup turn over HTTP: «hvem eier felles sak-/arkivsystem?» in a personal chat, answered
 * through the connector, against Flokk on the demo portfolio and against the echo baseline.
 * Sequential turns give the cost of one turn; 20 in flight give throughput and tail latency.
 */
export const QUESTION = 'hvem eier felles sak-/arkivsystem?';
export const LOOKUP_LIMIT_MS = 120_000;

/** The measured turns run in short rounds, the two bots alternating, so background load hits both alike. */
const FULL = { warmup: 200, sequential: 500, concurrent: 1000, inFlight: 20, rounds: { sequential: 20, concurrent: 5 } };
const SMOKE = { warmup: 5, sequential: 10, concurrent: 20, inFlight: 4, rounds: { sequential: 2, concurrent: 2 } };

interface Phase {
  latency: LatencySummary;
  throughput: number;
  /** CPU time the bot's process used per answered turn (user + system, all threads), ms. */
  cpuPerTurnMs: number;
  sent: number;
  ok: number;
  skipped: number;
}

/** Several rounds of one phase, as one: all samples, and answers per second of the rounds' wall time. */
function toPhase(runs: LoadRun[], cpuMs: number): Phase {
  const answers = runs.flatMap((r) => r.answers);
  const wallMs = runs.reduce((t, r) => t + r.wallMs, 0);
  return {
    latency: summarise(runs.flatMap((r) => r.samples)),
    throughput: (answers.length / wallMs) * 1000,
    cpuPerTurnMs: cpuMs / Math.max(1, answers.length),
    sent: answers.length + runs.reduce((t, r) => t + r.skipped, 0),
    ok: answers.filter((a) => a.status === 200).length,
    skipped: runs.reduce((t, r) => t + r.skipped, 0),
  };
}

interface BotFigures {
  sequential: Phase;
  concurrent: Phase;
  replies: number;
  lastReply: string;
}

export interface LookupData {
  params: typeof FULL;
  flokk: BotFigures;
  echo: BotFigures;
}

export async function runLookupBench(o: BenchOptions = {}): Promise<BenchResult> {
  const params = o.smoke ? SMOKE : FULL;
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-bench-lookup-'));
  const connectors: CountingConnector[] = [];
  const bots: BotProcess[] = [];
  try {
    const data = await withHardLimit('lookup', o.smoke ? SMOKE_LIMIT_MS : LOOKUP_LIMIT_MS, async (deadline) => {
      const [flokkConnector, echoConnector] = await Promise.all([startCountingConnector(), startCountingConnector()]);
      connectors.push(flokkConnector, echoConnector);
      const [flokk, echo] = await Promise.all([
        spawnBot({ mode: 'flokk', dataFile: path.join(dir, 'flokk.json'), seedDemo: true }),
        spawnBot({ mode: 'echo' }),
      ]);
      bots.push(flokk, echo);
      const subjects = [
        { name: 'flokk' as const, bot: flokk, connector: flokkConnector },
        { name: 'echo' as const, bot: echo, connector: echoConnector },
      ].map((s) => ({ ...s, client: new BotClient(s.bot.ready.url!, params.inFlight) }));
      const ask = (connector: CountingConnector) => () => message(QUESTION, { serviceUrl: connector.serviceUrl, from: SECRETARIAT });

      // Warm both up (JIT, sockets, Flokk's name index) before anything is measured.
      for (const s of subjects) await runLoad(s.client, params.warmup, params.inFlight, ask(s.connector), deadline);
      // The bots take turns in rounds, alternating who goes first, so neither gets a quieter machine.
      const runs = { flokk: { sequential: [] as LoadRun[], concurrent: [] as LoadRun[] }, echo: { sequential: [] as LoadRun[], concurrent: [] as LoadRun[] } };
      const cpu = { flokk: { sequential: 0, concurrent: 0 }, echo: { sequential: 0, concurrent: 0 } };
      await profiled(o.cpuProfDir, subjects, 'lookup', async () => {
        for (const phase of ['sequential', 'concurrent'] as const) {
          const rounds = params.rounds[phase];
          for (let round = 0; round < rounds; round++) {
            for (const s of round % 2 === 0 ? subjects : [...subjects].reverse()) {
              o.progress?.(`lookup: ${phase}, round ${round + 1}/${rounds}, ${s.name}`);
              const n = Math.ceil(params[phase] / rounds);
              const before = await s.bot.request<Usage>('usage');
              runs[s.name][phase].push(await runLoad(s.client, n, phase === 'sequential' ? 1 : params.inFlight, ask(s.connector), deadline));
              cpu[s.name][phase] += (await s.bot.request<Usage>('usage')).cpuMs - before.cpuMs;
            }
          }
        }
      });
      for (const s of subjects) s.client.close();
      const result = {} as Record<'flokk' | 'echo', BotFigures>;
      for (const s of subjects) {
        result[s.name] = {
          sequential: toPhase(runs[s.name].sequential, cpu[s.name].sequential),
          concurrent: toPhase(runs[s.name].concurrent, cpu[s.name].concurrent),
          replies: s.connector.counts().POST ?? 0,
          lastReply: String(s.connector.lastPosted()?.text ?? ''),
        };
      }
      await Promise.all(bots.map((b) => b.stop()));
      return { params, ...result } satisfies LookupData;
    });
    return { name: 'lookup', title: 'Lookup turn over HTTP', startedAt, durationMs: performance.now() - t0, markdown: render(data), targets: targets(data), data };
  } finally {
    await Promise.all(connectors.map((c) => c.close()));
    await rm(dir, { recursive: true, force: true });
  }
}

function targets(d: LookupData): TargetCheck[] {
  const check = (which: 'sequential' | 'concurrent', p: 'p50' | 'p99', limit: number): TargetCheck => {
    const r = d.flokk[which].latency[p] / d.echo[which].latency[p];
    return {
      target: `Lookup turn ${p} ≤ ${limit}× echo baseline (${which})`,
      measured: `${ms(d.flokk[which].latency[p])} vs ${ms(d.echo[which].latency[p])} = ${r.toFixed(2)}×`,
      met: r <= limit,
      margin: r <= limit ? `within, ${((1 - r / limit) * 100).toFixed(0)} % to spare` : `missed by ${((r / limit - 1) * 100).toFixed(0)} %`,
    };
  };
  return [check('sequential', 'p50', 1.3), check('sequential', 'p99', 2), check('concurrent', 'p50', 1.3), check('concurrent', 'p99', 2)];
}

function render(d: LookupData): string {
  const { params: p, flokk: f, echo: e } = d;
  const all = (x: BotFigures) => x.sequential.sent + x.concurrent.sent + p.warmup;
  const rows = [
    ...latencyRows(`Sequential (${p.sequential}):`, f.sequential.latency, e.sequential.latency),
    [`Sequential: throughput`, perSecond(f.sequential.throughput), perSecond(e.sequential.throughput), times(f.sequential.throughput, e.sequential.throughput)],
    [`Sequential: bot CPU per turn`, ms(f.sequential.cpuPerTurnMs), ms(e.sequential.cpuPerTurnMs), times(f.sequential.cpuPerTurnMs, e.sequential.cpuPerTurnMs)],
    ...latencyRows(`Concurrent (${count(p.concurrent)}, ${p.inFlight} in flight):`, f.concurrent.latency, e.concurrent.latency),
    [`Concurrent: throughput`, perSecond(f.concurrent.throughput), perSecond(e.concurrent.throughput), times(f.concurrent.throughput, e.concurrent.throughput)],
    [`Concurrent: bot CPU per turn`, ms(f.concurrent.cpuPerTurnMs), ms(e.concurrent.cpuPerTurnMs), times(f.concurrent.cpuPerTurnMs, e.concurrent.cpuPerTurnMs)],
    ['HTTP 200 answers', `${count(f.sequential.ok + f.concurrent.ok)} / ${count(f.sequential.sent + f.concurrent.sent)}`, `${count(e.sequential.ok + e.concurrent.ok)} / ${count(e.sequential.sent + e.concurrent.sent)}`, ''],
    ['Replies received by the connector (incl. warm-up)', `${count(f.replies)} / ${count(all(f))}`, `${count(e.replies)} / ${count(all(e))}`, ''],
  ];
  const skipped = f.sequential.skipped + f.concurrent.skipped + e.sequential.skipped + e.concurrent.skipped;
  return [
    `Flokk on the demo portfolio (temp data file, \`startFlokk\` on 127.0.0.1, replies to a counting fake connector on loopback) and the echo baseline, ` +
      `each in its own child process; the client and the connectors run in the benchmark process. ${p.warmup} warm-up turns each are not counted; ` +
      `the measured turns run in short rounds (${p.rounds.sequential} sequential, ${p.rounds.concurrent} concurrent), the two bots alternating. ` +
      `Latency is from the request leaving the client to the end of the HTTP answer, which comes after the bot's reply reached the connector.`,
    '',
    table(['Lookup turn', 'Flokk', 'Echo baseline', 'Flokk ÷ baseline'], rows),
    '',
    `Flokk's reply: «${f.lastReply}»${skipped ? ` — ${skipped} requests were not sent before the deadline.` : ''}`,
  ].join('\n');
}

if (require.main === module) {
  runLookupBench({ progress: (l) => process.stderr.write(`${l}\n`), cpuProfDir: process.env.BENCH_CPU_PROF || undefined }).then(
    (r) => console.log(`## ${r.title}\n\n${r.markdown}\n\n${r.targets.map((t) => `- ${t.met ? 'met' : 'MISSED'}: ${t.target} — ${t.measured} (${t.margin})`).join('\n')}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
