import { count, ms, perSecond, table, times } from '../lib/format';
import type { TargetCheck } from '../lib/bench';
import type { LatencySummary } from '../lib/stats';

/** The votes benchmark's figures, the targets they are checked against, and its Markdown table. */
export interface VotesParams {
  /** Voters per poll, for each size run. */
  voters: number[];
  /** How many polls of each size, the two bots alternating; their figures are pooled. */
  reps: number[];
  maxInFlight: number;
  warmup: number;
}

export interface Side {
  latency: LatencySummary;
  throughput: number;
  /** Invoke answers that were HTTP 200 with a card (the voter's own view of the poll). */
  cards: number;
  cpuPerVoteMs: number;
}

export interface VoteRun {
  /** Voters per poll, and how many such polls (each a fresh one, every vote new). */
  voters: number;
  reps: number;
  inFlight: number;
  flokk: Side & {
    countedInMemory: number;
    countedOnDisk: number;
    sharedCardUpdates: number;
    /** The store's writes during the run (group commits), and their mean duration. */
    writes: number;
    writeMeanMs: number;
    /** Audit-log appends (each fsynced, one at a time), and their mean duration. */
    audits: number;
    auditMeanMs: number;
    /** Warnings Flokk logged during the run, by message (e.g. invokes over their time budget). */
    logged: Record<string, number>;
    /** What the invokes that did not get a card were answered with. */
    otherAnswers: Record<string, number>;
  };
  echo: Side;
}

export interface VotesData {
  params: VotesParams;
  runs: VoteRun[];
}

export function targets(d: VotesData): TargetCheck[] {
  return d.runs
    .filter((r) => r.voters === 200 || d.runs.length === 1 || r === d.runs[0])
    .map((r) => {
      const share = r.flokk.throughput / r.echo.throughput;
      const sent = r.voters * r.reps;
      const allCounted = r.flokk.countedInMemory === sent && r.flokk.countedOnDisk === sent && r.flokk.cards === sent;
      const met = allCounted && share >= 0.7;
      return {
        target: `${r.voters} concurrent voters all counted, at ≥ 0.7× the baseline's invoke throughput`,
        measured: `${count(r.flokk.countedOnDisk)}/${count(sent)} on disk (${r.reps} polls); ${perSecond(r.flokk.throughput)} vs ${perSecond(r.echo.throughput)} = ${share.toFixed(2)}×`,
        met,
        margin: !allCounted ? 'votes lost' : share >= 0.7 ? `within, ${((share / 0.7 - 1) * 100).toFixed(0)} % to spare` : `missed: ${((1 - share / 0.7) * 100).toFixed(0)} % short of 0.7×`,
      };
    });
}

export function render(d: VotesData): string {
  const rows = d.runs.flatMap((r) => {
    const head = `${count(r.voters)} voters${r.reps > 1 ? ` (×${r.reps} polls)` : ''}, ${r.inFlight} in flight:`;
    const sent = r.voters * r.reps;
    return [
      [`${head} throughput`, perSecond(r.flokk.throughput), perSecond(r.echo.throughput), times(r.flokk.throughput, r.echo.throughput)],
      [`${head} invoke answer p50`, ms(r.flokk.latency.p50), ms(r.echo.latency.p50), times(r.flokk.latency.p50, r.echo.latency.p50)],
      [`${head} invoke answer p99`, ms(r.flokk.latency.p99), ms(r.echo.latency.p99), times(r.flokk.latency.p99, r.echo.latency.p99)],
      [`${head} bot CPU per vote`, ms(r.flokk.cpuPerVoteMs), ms(r.echo.cpuPerVoteMs), times(r.flokk.cpuPerVoteMs, r.echo.cpuPerVoteMs)],
      [`${head} answered with a card`, `${count(r.flokk.cards)} / ${count(sent)}`, `${count(r.echo.cards)} / ${count(sent)}`, ''],
      ...Object.entries(r.flokk.otherAnswers).map(([what, n]) => [`${head} answered instead with ${what}`, count(n), '', '']),
      ...Object.entries(r.flokk.logged).map(([what, n]) => [`${head} Flokk logged «${what}»`, count(n), '', '']),
      [`${head} counted (in memory / on disk after stop)`, `${count(r.flokk.countedInMemory)} / ${count(r.flokk.countedOnDisk)}`, 'n/a', ''],
      [`${head} shared-card updates sent`, count(r.flokk.sharedCardUpdates), 'n/a', ''],
      [`${head} store writes (group commits), mean`, `${count(r.flokk.writes)}, ${ms(r.flokk.writeMeanMs)}`, 'n/a', ''],
      [`${head} audit-log appends (fsync each), mean`, `${count(r.flokk.audits)}, ${ms(r.flokk.auditMeanMs)}`, 'n/a', ''],
    ];
  });
  return [
    `Flokk (demo portfolio plus ${count(Math.max(...d.params.voters, d.params.warmup))} registered voters, temp data file) and the echo baseline in child processes; ` +
      `all voters of a poll are released at once, at most ${d.params.maxInFlight} requests in flight; where a size runs on several polls, the bots ` +
      `alternate and the figures are pooled. Each poll is a fresh anonymous consensus poll ` +
      `in one group chat (eligible: everyone in the conversation), so every vote is a new one. ${d.params.warmup} warm-up votes on another poll first. ` +
      `Flokk answers each invoke after the vote is on disk (fsync), then updates the shared card through the connector, collapsing bursts.`,
    '',
    table(['Votes', 'Flokk', 'Echo baseline', 'Flokk ÷ baseline'], rows),
  ].join('\n');
}
