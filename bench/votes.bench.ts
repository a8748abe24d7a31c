import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { VERB } from '../src/cards/actions';
import { Portfolio, type Person } from '../src/domain/schema';
import { execute, SECRETARIAT, type User } from '../test/fixtures/activities';
import { profiled, SMOKE_LIMIT_MS, withHardLimit, type BenchOptions, type BenchResult } from './lib/bench';
import type { Usage } from './lib/child-protocol';
import { spawnBot, type BotProcess } from './lib/bot-process';
import { startCountingConnector, type CountingConnector } from './lib/fake-connector';
import { BotClient, runLoad, type LoadRun } from './lib/http-load';
import { PROJECT_ROOT } from './lib/runtime';
import { summarise } from './lib/stats';
import { render, targets, type Side, type VoteRun, type VotesData, type VotesParams } from './votes/report';

export type { VoteRun, VotesData } from './votes/report';

/**
 * Votes under load, over HTTP: distinct voters pressing «Enig» on one conversation-mode
 * consensus poll in a group chat at once, as test/e2e/votes-under-load.test.ts does (people
 * added to the data file first). Each vote is acknowledged only once it is on disk. The echo
 * baseline answers the same invokes with a small card and stores nothing.
 */
export const VOTES_LIMIT_MS = 120_000;
const FULL: VotesParams = { voters: [200, 1000], reps: [3, 1], maxInFlight: 200, warmup: 200 };
const SMOKE: VotesParams = { voters: [8, 20], reps: [2, 1], maxInFlight: 10, warmup: 4 };
const CHAT = { where: 'groupChat' as const, conversationId: '19:bench-votes@thread.v2' };
const CARD = 'application/vnd.microsoft.card.adaptive';

export const voter = (i: number): User => ({ id: `29:bench-${i}`, name: `Velger ${i}`, aadObjectId: `cccccccc-0000-4000-8000-${String(i).padStart(12, '0')}` });

export async function runVotesBench(o: BenchOptions = {}): Promise<BenchResult> {
  const params = o.smoke ? SMOKE : FULL;
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-bench-votes-'));
  const dataFile = path.join(dir, 'flokk.json');
  const connectors: CountingConnector[] = [];
  try {
    const data = await withHardLimit('votes', o.smoke ? SMOKE_LIMIT_MS : VOTES_LIMIT_MS, async (deadline) => {
      const most = Math.max(...params.voters, params.warmup);
      await writeFile(dataFile, JSON.stringify(withVoters(most), null, 1) + '\n');
      const [flokkConnector, echoConnector] = await Promise.all([startCountingConnector(), startCountingConnector()]);
      connectors.push(flokkConnector, echoConnector);
      const [flokk, echo] = await Promise.all([
        spawnBot({ mode: 'flokk', dataFile, seedDemo: false }),
        spawnBot({ mode: 'echo' }),
      ]);
      const flokkClient = new BotClient(flokk.ready.url!, params.maxInFlight);
      const echoClient = new BotClient(echo.ready.url!, params.maxInFlight);
      const polls = new Map<string, string>();
      const labels = ['warmup', ...params.voters.flatMap((voters, k) => Array.from({ length: params.reps[k] ?? 1 }, (_, rep) => `${voters}-${rep}`))];
      for (const label of labels) polls.set(label, await openPoll(flokkClient, flokk, flokkConnector, `bench-poll-${label}`));
      const vote = (connector: CountingConnector, label: string) => (i: number) =>
        execute(VERB.pollVote, { pollId: polls.get(label)!, stance: i % 10 === 0 ? 'abstain' : 'agree', reason: '' }, {
          serviceUrl: connector.serviceUrl,
          ...CHAT,
          from: voter(i),
          replyToId: `bench-poll-${label}`,
        });

      await runLoad(flokkClient, params.warmup, params.maxInFlight, vote(flokkConnector, 'warmup'), deadline);
      await runLoad(echoClient, params.warmup, params.maxInFlight, vote(echoConnector, 'warmup'), deadline);

      const runs: VoteRun[] = [];
      for (const [k, voters] of params.voters.entries()) {
        const reps = params.reps[k] ?? 1;
        const inFlight = Math.min(voters, params.maxInFlight);
        const updatesBefore = flokkConnector.counts().PUT ?? 0;
        const f: Measured[] = [];
        const e: Measured[] = [];
        const bots = [
          { name: 'flokk', bot: flokk },
          { name: 'echo', bot: echo },
        ];
        await profiled(o.cpuProfDir, bots, `votes-${voters}`, async () => {
          for (let rep = 0; rep < reps; rep++) {
            o.progress?.(`votes: ${voters} voters, ${inFlight} in flight, poll ${rep + 1} of ${reps}`);
            const label = `${voters}-${rep}`;
            const flokkRun = () => measured(flokk, () => runLoad(flokkClient, voters, inFlight, vote(flokkConnector, label), deadline)).then((m) => f.push(m));
            const echoRun = () => measured(echo, () => runLoad(echoClient, voters, inFlight, vote(echoConnector, label), deadline)).then((m) => e.push(m));
            for (const run of rep % 2 === 0 ? [flokkRun, echoRun] : [echoRun, flokkRun]) await run();
          }
        });
        const mine = labels.filter((l) => l.startsWith(`${voters}-`)).map((l) => polls.get(l)!);
        let countedInMemory = 0;
        for (const pollId of mine) countedInMemory += await flokk.request<number>('countVotes', { pollId });
        const pooledFlokk = pool(f);
        runs.push({
          voters,
          reps,
          inFlight,
          flokk: {
            ...side(pooledFlokk.run, pooledFlokk.used.cpuMs),
            countedInMemory,
            countedOnDisk: 0,
            sharedCardUpdates: (flokkConnector.counts().PUT ?? 0) - updatesBefore,
            writes: pooledFlokk.used.writes,
            writeMeanMs: pooledFlokk.used.writeMs / Math.max(1, pooledFlokk.used.writes),
            audits: pooledFlokk.used.audits,
            auditMeanMs: pooledFlokk.used.auditMs / Math.max(1, pooledFlokk.used.audits),
            logged: pooledFlokk.used.logged,
            otherAnswers: otherAnswers(pooledFlokk.run),
          },
          echo: side(pool(e).run, pool(e).used.cpuMs),
        });
      }
      flokkClient.close();
      echoClient.close();
      // A clean stop flushes the store; then the file itself says what was counted.
      await Promise.all([flokk.stop(), echo.stop()]);
      const onDisk = Portfolio.parse(JSON.parse(await readFile(dataFile, 'utf8')));
      for (const run of runs) {
        const mine = new Set(labels.filter((l) => l.startsWith(`${run.voters}-`)).map((l) => polls.get(l)!));
        run.flokk.countedOnDisk = onDisk.votes.filter((v) => mine.has(v.pollId)).length;
      }
      return { params, runs } satisfies VotesData;
    });
    return { name: 'votes', title: 'Votes under load', startedAt, durationMs: performance.now() - t0, markdown: render(data), targets: targets(data), data };
  } finally {
    await Promise.all(connectors.map((c) => c.close()));
    await rm(dir, { recursive: true, force: true });
  }
}

/** The demo portfolio with `n` more people of DigiTrøndelag, the voters. */
function withVoters(n: number): Portfolio {
  const demo = Portfolio.parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data', 'demo-portfolio.json'), 'utf8')));
  const people: Person[] = Array.from({ length: n }, (_, i) => ({
    id: `person-bench-${i}`,
    aadObjectId: voter(i).aadObjectId,
    name: voter(i).name,
    organisationId: 'kommune-5001',
    networkId: 'digitrondelag',
    roles: [],
    example: true,
  }));
  return Portfolio.parse({ ...demo, people: [...demo.people, ...people] });
}

/** Opens a consensus poll for everyone in the group chat, from the secretariat, as Teams would. */
async function openPoll(client: BotClient, bot: BotProcess, connector: CountingConnector, cardActivityId: string): Promise<string> {
  const answer = await client.post(
    execute(
      VERB.pollOpen,
      { kind: 'consensus', question: 'Felles innkjøp av skyplattform?', eligibleMode: 'conversation', quorum: '10', anonymous: 'true', deadlineDate: '2099-12-31', deadlineTime: '12:00' },
      { serviceUrl: connector.serviceUrl, ...CHAT, from: SECRETARIAT, replyToId: cardActivityId },
    ),
  );
  const pollId = await bot.request<string | undefined>('findPoll', { cardActivityId });
  if (answer.status !== 200 || !pollId) throw new Error(`opening the poll failed: ${answer.status} ${answer.body.slice(0, 300)}`);
  return pollId;
}

interface Measured {
  run: LoadRun;
  used: Usage;
}

/** Several runs as one: all answers and samples, throughput over their summed wall time, usage added up. */
function pool(runs: Measured[]): Measured {
  const answers = runs.flatMap((m) => m.run.answers);
  const wallMs = runs.reduce((t, m) => t + m.run.wallMs, 0);
  const used = { ...runs[0]!.used, logged: {} as Record<string, number> };
  for (const k of ['cpuMs', 'writes', 'writeMs', 'audits', 'auditMs'] as const) used[k] = runs.reduce((t, m) => t + m.used[k], 0);
  for (const m of runs) for (const [msg, n] of Object.entries(m.used.logged)) used.logged[msg] = (used.logged[msg] ?? 0) + n;
  return {
    run: { answers, samples: answers.map((a) => a.ms), skipped: runs.reduce((t, m) => t + m.run.skipped, 0), wallMs, throughput: (answers.length / wallMs) * 1000 },
    used,
  };
}

async function measured(bot: BotProcess, load: () => Promise<LoadRun>): Promise<Measured> {
  const before = await bot.request<Usage>('usage');
  const run = await load();
  const after = await bot.request<Usage>('usage');
  const used = { ...after };
  for (const k of ['cpuMs', 'writes', 'writeMs', 'audits', 'auditMs'] as const) used[k] -= before[k];
  used.logged = Object.fromEntries(Object.entries(after.logged).map(([m, n]) => [m, n - (before.logged[m] ?? 0)]).filter(([, n]) => Number(n) > 0));
  return { run, used };
}

function side(run: LoadRun, cpuMs: number): Side {
  const cards = run.answers.filter((a) => a.status === 200 && isCard(a.body)).length;
  return { latency: summarise(run.samples), throughput: run.throughput, cards, cpuPerVoteMs: cpuMs / Math.max(1, run.answers.length) };
}

function otherAnswers(run: LoadRun): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of run.answers) {
    if (a.status === 200 && isCard(a.body)) continue;
    let what = `HTTP ${a.status}`;
    try {
      const value = (JSON.parse(a.body) as { value?: unknown }).value;
      if (typeof value === 'string') what = `«${value}»`;
    } catch {
      // not JSON: the status says it
    }
    out[what] = (out[what] ?? 0) + 1;
  }
  return out;
}

function isCard(body: string): boolean {
  try {
    return (JSON.parse(body) as { type?: string }).type === CARD;
  } catch {
    return false;
  }
}

if (require.main === module) {
  runVotesBench({ progress: (l) => process.stderr.write(`${l}\n`), cpuProfDir: process.env.BENCH_CPU_PROF || undefined }).then(
    (r) => console.log(`## ${r.title}\n\n${r.markdown}\n\n${r.targets.map((t) => `- ${t.met ? 'met' : 'MISSED'}: ${t.target} — ${t.measured} (${t.margin})`).join('\n')}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
