import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { VERB } from '../src/cards/actions';
import { Portfolio, type Person } from '../src/domain/schema';
import { execute, SECRETARIAT } from '../test/fixtures/activities';
import type { BotProcess } from './lib/bot-process';
import type { Usage } from './lib/child-protocol';
import type { CountingConnector } from './lib/fake-connector';
import type { BotClient, LoadRun } from './lib/http-load';
import { PROJECT_ROOT } from './lib/runtime';
import { summarise } from './lib/stats';
import type { Side } from './postgres-report';
import { voter } from './votes.bench';

/** The PostgreSQL benchmark's portfolio, polls and load helpers (bench/postgres.bench.ts). */
export const CHAT = { where: 'groupChat' as const, conversationId: '19:bench-postgres@thread.v2' };
const CARD = 'application/vnd.microsoft.card.adaptive';

/** The demo portfolio with `n` more people of DigiTrøndelag, the voters (bench/votes.bench.ts's `voter`). */
export function withVoters(n: number): Portfolio {
  const demo = Portfolio.parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data', 'demo-portfolio.json'), 'utf8')));
  const people: Person[] = range(n).map((i) => ({
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
export async function openPoll(client: BotClient, bot: BotProcess, connector: CountingConnector, label: string): Promise<string> {
  const cardActivityId = `bench-pg-poll-${label}`;
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

export const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Asks until `probe` gives an answer, every 20 ms, until `deadline` (performance.now()). */
export async function until<T>(probe: () => Promise<T | undefined>, deadline: number): Promise<T> {
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (performance.now() > deadline) throw new Error('gave up waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Two loads at once, as one: their answers together, over the wall time of both. */
export async function both(first: Promise<LoadRun>, second: Promise<LoadRun>): Promise<LoadRun> {
  const started = performance.now();
  const runs = await Promise.all([first, second]);
  return joined(runs, performance.now() - started);
}

export function joined(runs: LoadRun[], wallMs: number): LoadRun {
  const answers = runs.flatMap((r) => r.answers);
  return { answers, samples: answers.map((x) => x.ms), skipped: runs.reduce((t, r) => t + r.skipped, 0), wallMs, throughput: (answers.length / wallMs) * 1000 };
}

export interface Measured {
  run: LoadRun;
  cpuMs: number;
}

/** A load, with the CPU time the bots spent on it. */
export async function measured(bots: BotProcess[], load: () => Promise<LoadRun>): Promise<Measured> {
  const cpu = async () => (await Promise.all(bots.map((bot) => bot.request<Usage>('usage')))).reduce((t, u) => t + u.cpuMs, 0);
  const before = await cpu();
  const run = await load();
  return { run, cpuMs: (await cpu()) - before };
}

/** Several runs pooled: all answers, throughput over their summed wall time. */
export function pool(runs: Measured[]): Measured {
  return { run: joined(runs.map((m) => m.run), runs.reduce((t, m) => t + m.run.wallMs, 0)), cpuMs: runs.reduce((t, m) => t + m.cpuMs, 0) };
}

export function side({ run, cpuMs }: Measured): Side {
  const cards = run.answers.filter((x) => x.status === 200 && isCard(x.body)).length;
  return { latency: summarise(run.samples), throughput: run.throughput, answered: run.answers.length, cards, cpuPerVoteMs: cpuMs / Math.max(1, run.answers.length) };
}

export function isCard(body: string): boolean {
  try {
    return (JSON.parse(body) as { type?: string }).type === CARD;
  } catch {
    return false;
  }
}
