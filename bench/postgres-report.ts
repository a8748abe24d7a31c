import { count, ms, perSecond, table, times } from './lib/format';
import type { LatencySummary } from './lib/stats';

/** The PostgreSQL benchmark's figures and its Markdown table (bench/postgres.bench.ts measures them). */
export interface PostgresParams {
  /** Votes one at a time through one instance, per round; the bots alternate rounds. */
  sequential: number;
  rounds: number;
  /** Voters per poll released at once, and how many such polls (a fresh one each, bots alternating). */
  voters: number;
  polls: number;
  maxInFlight: number;
  warmup: number;
}

export interface Side {
  latency: LatencySummary;
  throughput: number;
  answered: number;
  /** Answers that were HTTP 200 with a card (the voter's own view of the poll). */
  cards: number;
  /** CPU time of the bot processes (all instances) per vote. */
  cpuPerVoteMs: number;
}

export interface PostgresRun {
  kind: 'sequential' | 'one-instance' | 'two-instances';
  /** Votes per poll and polls, the bots alternating. */
  votes: number;
  polls: number;
  inFlight: number;
  flokk: Side & {
    /** Votes of this run's polls as each instance holds them in memory afterwards. */
    countedInMemory: number[];
    /** …and in the database after every instance stopped. */
    countedInDatabase: number;
  };
  echo: Side;
}

export interface PostgresData {
  params: PostgresParams;
  /** `initdb`/`pg_ctl` of a cluster of its own, or the test suite's cluster (FLOKK_TEST_PG_URL). */
  cluster: 'own' | 'test suite';
  serverVersion: string;
  runs: PostgresRun[];
}

const HEAD: Record<PostgresRun['kind'], (r: PostgresRun) => string> = {
  sequential: (r) => `Durable vote, one at a time, one instance (${count(r.votes * r.polls)} votes):`,
  'one-instance': (r) => `${count(r.votes)} voters${r.polls > 1 ? ` (×${r.polls} polls)` : ''}, ${r.inFlight} in flight, one instance:`,
  'two-instances': (r) => `${count(r.votes)} voters${r.polls > 1 ? ` (×${r.polls} polls)` : ''}, ${r.inFlight} in flight over two instances:`,
};

export function render(d: PostgresData): string {
  const rows = d.runs.flatMap((r) => {
    const head = HEAD[r.kind](r);
    const sent = r.votes * r.polls;
    const ratio = (f: number, e: number) => times(f, e);
    return [
      ...(r.kind === 'sequential' ? [] : [[`${head} throughput`, perSecond(r.flokk.throughput), perSecond(r.echo.throughput), ratio(r.flokk.throughput, r.echo.throughput)]]),
      [`${head} invoke answer p50`, ms(r.flokk.latency.p50), ms(r.echo.latency.p50), ratio(r.flokk.latency.p50, r.echo.latency.p50)],
      [`${head} invoke answer p99`, ms(r.flokk.latency.p99), ms(r.echo.latency.p99), ratio(r.flokk.latency.p99, r.echo.latency.p99)],
      [`${head} bot CPU per vote`, ms(r.flokk.cpuPerVoteMs), ms(r.echo.cpuPerVoteMs), ratio(r.flokk.cpuPerVoteMs, r.echo.cpuPerVoteMs)],
      [`${head} answered with a card`, `${count(r.flokk.cards)} / ${count(sent)}`, `${count(r.echo.cards)} / ${count(sent)}`, ''],
      [
        `${head} counted (in memory${r.flokk.countedInMemory.length > 1 ? ', each instance' : ''} / in the database after stop)`,
        `${r.flokk.countedInMemory.map(count).join(' and ')} / ${count(r.flokk.countedInDatabase)}`,
        'n/a',
        '',
      ],
    ];
  });
  return [
    `Flokk on PostgreSQL ${d.serverVersion} (${d.cluster === 'own' ? 'a throwaway cluster started for the run' : "the test suite's throwaway cluster"}, ` +
      `as test/store/postgres/server.ts starts it: Unix socket, fsync on, on this machine), configured through \`loadConfig\` with ` +
      `\`FLOKK_DATABASE_URL\` as production is, and the echo baseline, each in child processes started the same way as for the other benchmarks. ` +
      `A vote is answered once its transaction (the change and its audit entry) is committed. ` +
      `The database holds the demo portfolio plus ${count(Math.max(d.params.sequential, d.params.voters, d.params.warmup))} registered voters; ` +
      `each poll is a fresh anonymous consensus poll in one group chat, opened through the first instance. ` +
      `Over two instances, the voters alternate between them (half the requests in flight each) and throughput is all votes over the wall time of both; ` +
      `the baseline is one echo process at the same number in flight. Warm-up votes on other polls first.`,
    '',
    table(['PostgreSQL', 'Flokk', 'Echo baseline', 'Flokk ÷ baseline'], rows),
  ].join('\n');
}
