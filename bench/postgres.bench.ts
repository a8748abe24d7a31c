import { existsSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { VERB } from '../src/cards/actions';
import { PostgresStore } from '../src/store/postgres/postgres-store';
import { execute } from '../test/fixtures/activities';
import { freshDatabase } from '../test/store/postgres/database';
import { startCluster, stopCluster, type TestCluster } from '../test/store/postgres/server';
import { SMOKE_LIMIT_MS, withHardLimit, type BenchOptions, type BenchResult } from './lib/bench';
import { botRuntime, spawnBot, type BotProcess } from './lib/bot-process';
import { startCountingConnector, type CountingConnector } from './lib/fake-connector';
import { BotClient, runLoad } from './lib/http-load';
import { PROJECT_ROOT } from './lib/runtime';
import { both, CHAT, measured, openPoll, pool, range, side, until, withVoters, type Measured } from './postgres-load';
import { render, type PostgresData, type PostgresParams, type PostgresRun, type Side } from './postgres-report';
import { voter } from './votes.bench';

export type { PostgresData, PostgresRun } from './postgres-report';

/**
 * Votes through Flokk on PostgreSQL, over HTTP: durable votes one at a time through one instance,
 * and a poll's voters released at once through one instance and then spread over two instances on
 * the same database, each next to the echo baseline in the same run. The database is a throwaway
 * cluster started as the test suite's (test/store/postgres/server.ts), or the test suite's own
 * when FLOKK_TEST_PG_URL names it (under jest).
 */
export const POSTGRES_LIMIT_MS = 150_000;
const FULL: PostgresParams = { sequential: 200, rounds: 2, voters: 200, polls: 3, maxInFlight: 200, warmup: 100 };
const SMOKE: PostgresParams = { sequential: 6, rounds: 1, voters: 10, polls: 1, maxInFlight: 4, warmup: 4 };

export async function runPostgresBench(o: BenchOptions = {}): Promise<BenchResult> {
  const params = o.smoke ? SMOKE : FULL;
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  let cluster: TestCluster | undefined;
  const connectors: CountingConnector[] = [];
  try {
    const data = await withHardLimit('postgres', o.smoke ? SMOKE_LIMIT_MS : POSTGRES_LIMIT_MS, async (deadline) => {
      o.progress?.('postgres: starting the database');
      const ownCluster = !process.env.FLOKK_TEST_PG_URL;
      if (ownCluster) {
        cluster = await startCluster();
        process.env.FLOKK_TEST_PG_URL = cluster.url();
      }
      const url = await freshDatabase();
      const serverVersion = await versionOf(url);
      const seeded = await PostgresStore.open(url, { seed: () => withVoters(Math.max(params.sequential, params.voters, params.warmup)) });
      await seeded.close();

      const [connector, echoConnector] = await Promise.all([startCountingConnector(), startCountingConnector()]);
      connectors.push(connector, echoConnector);
      const [a, b, echo] = await Promise.all([spawnOnPostgres(url), spawnOnPostgres(url), spawnBot({ mode: 'echo' })]);
      const clientA = new BotClient(a.ready.url!, params.maxInFlight);
      const clientB = new BotClient(b.ready.url!, params.maxInFlight);
      const echoClient = new BotClient(echo.ready.url!, params.maxInFlight);

      const polls = new Map<string, string>();
      const vote = (c: CountingConnector, label: string, who: (i: number) => number = (i) => i) => (i: number) =>
        execute(VERB.pollVote, { pollId: polls.get(label) ?? 'echo', stance: who(i) % 10 === 0 ? 'abstain' : 'agree', reason: '' }, {
          serviceUrl: c.serviceUrl,
          ...CHAT,
          from: voter(who(i)),
          replyToId: `bench-pg-poll-${label}`,
        });
      const labels = ['warmup-a', 'warmup-b', ...range(params.rounds).map((r) => `seq-${r}`), ...range(params.polls).flatMap((p) => [`one-${p}`, `two-${p}`])];
      for (const label of labels) polls.set(label, await openPoll(clientA, a, connector, label));
      // Every poll is voted on through the second instance too: wait until it has taken them in.
      for (const label of labels) await until(() => b.request<string | undefined>('findPoll', { cardActivityId: `bench-pg-poll-${label}` }), deadline);

      o.progress?.('postgres: warm-up');
      await runLoad(clientA, params.warmup, params.maxInFlight, vote(connector, 'warmup-a'), deadline);
      await runLoad(clientB, params.warmup, params.maxInFlight, vote(connector, 'warmup-b'), deadline);
      await runLoad(echoClient, params.warmup, params.maxInFlight, vote(echoConnector, 'warmup-a'), deadline);

      const echoRun = (total: number, inFlight: number, label: string) => measured([echo], () => runLoad(echoClient, total, inFlight, vote(echoConnector, label), deadline));
      const runs: Array<Omit<PostgresRun, 'flokk'> & { flokk: Side; labels: string[] }> = [];
      const alternate = async (kind: PostgresRun['kind'], n: number, votes: number, inFlight: number, flokkRun: (label: string) => Promise<Measured>) => {
        const f: Measured[] = [];
        const e: Measured[] = [];
        const mine = range(n).map((k) => `${kind === 'sequential' ? 'seq' : kind === 'one-instance' ? 'one' : 'two'}-${k}`);
        for (const [k, label] of mine.entries()) {
          o.progress?.(`postgres: ${kind}, ${votes} votes, ${inFlight} in flight, poll ${k + 1} of ${n}`);
          const order = [async () => f.push(await flokkRun(label)), async () => e.push(await echoRun(votes, inFlight, label))];
          for (const run of k % 2 === 0 ? order : order.reverse()) await run();
        }
        runs.push({ kind, votes, polls: n, inFlight, flokk: side(pool(f)), echo: side(pool(e)), labels: mine });
      };
      await alternate('sequential', params.rounds, params.sequential, 1, (label) => measured([a], () => runLoad(clientA, params.sequential, 1, vote(connector, label), deadline)));
      await alternate('one-instance', params.polls, params.voters, params.maxInFlight, (label) =>
        measured([a], () => runLoad(clientA, params.voters, params.maxInFlight, vote(connector, label), deadline)),
      );
      const half = Math.ceil(params.voters / 2);
      await alternate('two-instances', params.polls, params.voters, params.maxInFlight, (label) =>
        measured([a, b], () =>
          both(
            runLoad(clientA, half, Math.ceil(params.maxInFlight / 2), vote(connector, label, (i) => 2 * i), deadline),
            runLoad(clientB, params.voters - half, Math.floor(params.maxInFlight / 2), vote(connector, label, (i) => 2 * i + 1), deadline),
          ),
        ),
      );

      const finished: PostgresRun[] = [];
      for (const { labels: mine, ...run } of runs) {
        const ids = mine.map((l) => polls.get(l)!);
        const expected = run.votes * run.polls;
        const countedInMemory = [];
        for (const bot of run.kind === 'two-instances' ? [a, b] : [a]) {
          const countOn = async () => (await Promise.all(ids.map((pollId) => bot.request<number>('countVotes', { pollId })))).reduce((x, y) => x + y, 0);
          // The other instance takes in the last votes within a second (LISTEN/NOTIFY, or the poll).
          countedInMemory.push(await until(async () => ((await countOn()) >= expected ? expected : undefined), Math.min(deadline, performance.now() + 3000)).catch(countOn));
        }
        finished.push({ ...run, flokk: { ...run.flokk, countedInMemory, countedInDatabase: 0 } });
      }
      for (const c of [clientA, clientB, echoClient]) c.close();
      await Promise.all([a.stop(), b.stop(), echo.stop()]);
      const stored = await PostgresStore.open(url);
      const inDatabase = stored.read().votes;
      await stored.close();
      for (const [k, run] of finished.entries()) {
        const ids = new Set(runs[k]!.labels.map((l) => polls.get(l)!));
        run.flokk.countedInDatabase = inDatabase.filter((v) => ids.has(v.pollId)).length;
      }
      return { params, cluster: ownCluster ? 'own' : 'test suite', serverVersion, runs: finished } satisfies PostgresData;
    });
    return { name: 'postgres', title: 'Votes on PostgreSQL', startedAt, durationMs: performance.now() - t0, markdown: render(data), targets: [], data };
  } finally {
    await Promise.all(connectors.map((c) => c.close()));
    if (cluster) {
      stopCluster(cluster.dir);
      delete process.env.FLOKK_TEST_PG_URL;
    }
  }
}

/**
 * A Flokk bot child on the database: bench/postgres-preload.ts gives its configuration
 * FLOKK_DATABASE_URL. spawnBot reads BENCH_PRELOAD and copies the environment when it is called,
 * so both are set for that call only.
 */
function spawnOnPostgres(url: string): Promise<BotProcess> {
  const runtime = botRuntime();
  if (runtime.kind !== 'js') throw new Error('the postgres benchmark runs its bots as compiled JavaScript only; unset BENCH_RUNTIME');
  // The compiled tree holds the transpiled .ts files only; the store reads its SQL migrations beside its own module.
  const migrations = runtime.resolve('src/store/postgres/migrations');
  if (!existsSync(migrations)) symlinkSync(path.join(PROJECT_ROOT, 'src', 'store', 'postgres', 'migrations'), migrations);
  const saved = { preload: process.env.BENCH_PRELOAD, url: process.env.FLOKK_BENCH_DATABASE_URL };
  process.env.BENCH_PRELOAD = [saved.preload, 'bench/postgres-preload.ts'].filter(Boolean).join(',');
  process.env.FLOKK_BENCH_DATABASE_URL = url;
  try {
    return spawnBot({ mode: 'flokk', dataFile: path.join(PROJECT_ROOT, 'data', 'unused-on-postgres.json'), seedDemo: false });
  } finally {
    restore('BENCH_PRELOAD', saved.preload);
    restore('FLOKK_BENCH_DATABASE_URL', saved.url);
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

async function versionOf(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version.split(' ')[0]!;
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  runPostgresBench({ progress: (l) => process.stderr.write(`${l}\n`) }).then(
    (r) => console.log(`## ${r.title}\n\n${r.markdown}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
