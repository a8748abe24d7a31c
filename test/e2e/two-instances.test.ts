import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { VERB } from '../../src/cards/actions';
import type { Person, Poll } from '../../src/domain/schema';
import { demoPortfolio, PROJECT_ROOT } from '../../src/flokk';
import { SCHEDULER_LOCK } from '../../src/store/postgres/postgres-shared';
import { PostgresStore } from '../../src/store/postgres/postgres-store';
import { execute, message, SECRETARIAT, type User } from '../fixtures/activities';
import { freshDatabase } from '../store/postgres/database';
import { startFakeConnector, type FakeConnector } from './fake-connector';

/**
 * Two real Flokk processes (`node --import tsx src/index.ts`, each on its own port) on one real
 * PostgreSQL, as two instances behind one bot registration would run, with the fake connector
 * receiving what both send. The test's own PostgresStore on the same database seeds the voters
 * and reads what the instances wrote.
 */
const VOTERS = 200;
const voter = (i: number): User => ({ id: `29:two-${i}`, name: `Velger ${i}`, aadObjectId: `dddddddd-0000-4000-8000-${String(i).padStart(12, '0')}` });
const CHAT = { where: 'groupChat' as const };
const SMALL_CHAT = { where: 'groupChat' as const, conversationId: '19:small@thread.v2' };

interface Instance {
  url: string;
  child: ChildProcess;
  output: string[];
  post(activity: unknown): Promise<{ status: number; body: any }>;
}

let connector: FakeConnector;
let db: string;
let setup: PostgresStore;
let dir: string;
let a: Instance;
let b: Instance;
const timings: Record<string, number> = {};

beforeAll(async () => {
  db = await freshDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-two-'));
  connector = await startFakeConnector();
  const people: Person[] = Array.from({ length: VOTERS }, (_, i) => ({
    id: `person-two-${i}`,
    aadObjectId: voter(i).aadObjectId,
    name: voter(i).name,
    organisationId: 'kommune-5001',
    networkId: 'digitrondelag',
    roles: [],
    example: false,
  }));
  setup = await PostgresStore.open(db, { seed: () => demoPortfolio(), pollMs: 100 });
  await setup.update((p) => ({ next: { ...p, people: [...p.people, ...people] }, result: undefined }));
  const roster = [SECRETARIAT, ...Array.from({ length: VOTERS }, (_, i) => voter(i))];
  connector.setMembers('19:group@thread.v2', roster.map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId })));
  connector.setMembers(SMALL_CHAT.conversationId, roster.slice(0, 4).map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId })));
  const started = Date.now();
  [a, b] = await Promise.all([startInstance('a'), startInstance('b')]);
  timings.startMs = Date.now() - started;
}, 90_000);

afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map(stopInstance));
  await setup?.close();
  await connector?.close();
  await rm(dir, { recursive: true, force: true });
  process.stdout.write(`two instances: ${JSON.stringify(timings)}\n`);
}, 30_000);

const opts = (o: object) => ({ serviceUrl: connector.serviceUrl, ...o });
const pollsNow = async () => (await setup.catchUp(), setup.read().polls);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let pollId: string;

it('opens a poll once when Teams delivers the same press to both instances', async () => {
  const open = execute(
    VERB.pollOpen,
    { kind: 'consensus', question: 'Felles skyavtale for to instanser?', eligibleMode: 'conversation', quorum: '10', anonymous: 'true', deadlineDate: '2099-12-31', deadlineTime: '12:00' },
    opts({ ...CHAT, from: SECRETARIAT, replyToId: 'two-poll-card' }),
  );
  const [first, second] = await Promise.all([a.post(open), b.post(open)]);
  expect(first.status).toBe(200);
  expect(first.body.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(second.body).toEqual(first.body);
  const opened = (await pollsNow()).filter((x) => x.cardActivityId === 'two-poll-card');
  expect(opened).toHaveLength(1);
  pollId = opened[0]!.id;
});

it(`counts ${VOTERS} voters spread over both instances exactly once, also with every fourth vote re-delivered to the other`, async () => {
  const started = Date.now();
  const deliveries = Array.from({ length: VOTERS }, (_, i) => {
    const vote = execute(VERB.pollVote, { pollId, stance: i % 10 === 0 ? 'abstain' : 'agree', reason: '' }, opts({ ...CHAT, from: voter(i), replyToId: 'two-poll-card' }));
    const [here, there] = i % 2 === 0 ? [a, b] : [b, a];
    return Promise.all(i % 4 === 0 ? [here.post(vote), there.post(vote)] : [here.post(vote)]);
  });
  const answers = await Promise.all(deliveries);
  timings.votesMs = Date.now() - started;
  expect(answers.flat().map((x) => x.status)).toEqual(Array(VOTERS + VOTERS / 4).fill(200));
  expect(answers.flat().every((x) => x.body.type === 'application/vnd.microsoft.card.adaptive')).toBe(true);
  for (const pair of answers.filter((x) => x.length === 2)) expect(pair[1]!.body).toEqual(pair[0]!.body);
  await setup.catchUp();
  const votes = setup.read().votes.filter((v) => v.pollId === pollId);
  expect(votes).toHaveLength(VOTERS);
  expect(new Set(votes.map((v) => v.voterKey)).size).toBe(VOTERS);
  // A re-delivery did nothing again: one audit entry per voter.
  expect(await auditCount('poll.vote')).toBe(VOTERS);
  // Both instances bring the shared card up to date; the last update to arrive has every vote.
  await sleep(1500);
  const updates = connector.take().filter((s) => s.method === 'PUT' && s.path.endsWith('/activities/two-poll-card'));
  timings.sharedCardUpdates = updates.length;
  expect(JSON.stringify(updates.at(-1)!.activity)).toContain(`${VOTERS} av ${VOTERS + 1} har stemt`);
});

it('shows a poll opened through one instance through the other within 1 s', async () => {
  const { body } = await a.post(
    execute(VERB.pollOpen, { kind: 'consensus', question: 'Sees den på den andre?', eligibleMode: 'conversation', deadlineDate: '2099-12-31', deadlineTime: '12:00' }, opts({ ...SMALL_CHAT, from: SECRETARIAT, replyToId: 'seen-card' })),
  );
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  const opened = Date.now();
  const id = (await pollsNow()).find((x) => x.cardActivityId === 'seen-card')!.id;
  let seen: { body: any } | undefined;
  while (Date.now() - opened < 1000) {
    seen = await b.post(execute(VERB.pollRefresh, { pollId: id }, opts({ ...SMALL_CHAT, from: SECRETARIAT })));
    if (seen.body?.type === 'application/vnd.microsoft.card.adaptive') break;
    await sleep(10);
  }
  timings.seenOnOtherMs = Date.now() - opened;
  expect(seen?.body?.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(JSON.stringify(seen!.body)).toContain('Sees den på den andre?');
});

it('downloads a link handed out by one instance from the other', async () => {
  connector.take();
  expect((await a.post(message('referat', opts({ from: SECRETARIAT })))).status).toBe(200);
  const reply = connector.take().find((s) => s.method === 'POST' && /\/exports\//.test(JSON.stringify(s.activity)))!;
  const link = /"(http[^"]+\/exports\/[^"]+)"/.exec(JSON.stringify(reply.activity))![1]!;
  expect(link.startsWith(a.url)).toBe(true);
  // Asked of the other instance first, the moment the link arrives. It is handed out as its row is
  // written: the other instance serves it once the row's notification has reached it.
  const handedOut = Date.now();
  let fromB = await fetch(link.replace(a.url, b.url));
  let misses = 0;
  while (fromB.status === 404 && Date.now() - handedOut < 1000) fromB = (misses++, await sleep(5), await fetch(link.replace(a.url, b.url)));
  timings.downloadOnOtherMs = Date.now() - handedOut;
  timings.downloadMisses = misses;
  expect(fromB.status).toBe(200);
  const fromA = await fetch(link);
  expect(fromA.status).toBe(200);
  const original = await fromA.text();
  expect(fromB.headers.get('content-disposition')).toBe(fromA.headers.get('content-disposition'));
  expect(await fromB.text()).toBe(original);
});

it('closes a poll at its deadline and reminds its voters once, with both instances checking every second', async () => {
  await closesAndRemindsOnce(b, 'Påminnes én gang?');
}, 30_000);

it('hands the scheduler to the other instance when the one holding its lease is killed', async () => {
  const holder = await leaseHolder();
  const [leader, other] = holder === a.child.pid ? [a, b] : [b, a];
  expect(holder).toBe(leader.child.pid);
  const killed = new Promise((resolve) => leader.child.once('exit', resolve));
  leader.child.kill('SIGKILL');
  await killed;
  await closesAndRemindsOnce(other, 'Påminnes etter overtakelsen?');
  expect(await leaseHolder()).toBe(other.child.pid);
}, 30_000);

it('stops cleanly on SIGTERM, letting go of the scheduler', async () => {
  const running = [a, b].filter((x) => x.child.exitCode === null && x.child.signalCode === null);
  expect(running).toHaveLength(1);
  const started = Date.now();
  await stopInstance(running[0]!);
  timings.stopMs = Date.now() - started;
  expect(running[0]!.child.exitCode).toBe(0);
  expect(await leaseHolder()).toBeUndefined();
});

/** Opens a conversation poll through `through`, brings its reminder and deadline near, and checks each happens once. */
async function closesAndRemindsOnce(through: Instance, question: string): Promise<void> {
  const replyToId = `due-${question.length}`;
  const { body } = await through.post(
    execute(
      VERB.pollOpen,
      { kind: 'consensus', question, eligibleMode: 'conversation', reminder: '1', deadlineDate: '2099-12-31', deadlineTime: '12:00' },
      opts({ ...SMALL_CHAT, from: SECRETARIAT, replyToId }),
    ),
  );
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  const due = (await pollsNow()).find((x) => x.cardActivityId === replyToId)!;
  const scheduledBefore = await auditCount('flokk.scheduled');
  connector.take();
  // Its reminder in a moment, its deadline two seconds later.
  const now = Date.now();
  const soon: Poll = { ...due, reminderAt: new Date(now + 500).toISOString(), deadline: new Date(now + 2500).toISOString() };
  await setup.update((p) => ({ next: { ...p, polls: p.polls.map((x) => (x.id === due.id ? soon : x)) }, result: undefined }));
  const until = Date.now() + 10_000;
  while ((await pollsNow()).find((x) => x.id === due.id)!.status === 'open' && Date.now() < until) await sleep(100);
  timings[`closedAfterDeadlineMs${Object.keys(timings).filter((k) => k.startsWith('closed')).length || ''}`] = Date.now() - (now + 2500);
  // Long enough for the other instance's next check, had it been going to act too.
  await sleep(2500);
  expect((await pollsNow()).find((x) => x.id === due.id)!.status).not.toBe('open');
  // One scheduled change for the reminder, one for the close.
  expect(await auditCount('flokk.scheduled')).toBe(scheduledBefore + 2);
  const sent = connector.take().filter((s) => s.method === 'POST');
  expect(sent.filter((s) => String(s.activity.text ?? '').includes(question))).toHaveLength(1);
  const texts = sent.map((s) => `${s.conversationId}\n${JSON.stringify(s.activity.text ?? s.activity.attachments)}`);
  expect(new Set(texts).size).toBe(texts.length);
}

/** The process id of the instance whose session holds the scheduler's advisory lock. */
async function leaseHolder(): Promise<number | undefined> {
  const c = new Client({ connectionString: db });
  await c.connect();
  try {
    const rows = (
      await c.query<{ name: string }>(
        `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted`,
        [SCHEDULER_LOCK],
      )
    ).rows;
    return rows[0] ? Number(rows[0].name.replace('flokk-lease-', '')) : undefined;
  } finally {
    await c.end();
  }
}

async function auditCount(action: string): Promise<number> {
  const c = new Client({ connectionString: db });
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM flokk_audit WHERE entry->>'action' = $1`, [action])).rows[0]!.n);
  } finally {
    await c.end();
  }
}

async function startInstance(name: string): Promise<Instance> {
  const port = await freePort();
  const output: string[] = [];
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FLOKK_') && !k.startsWith('Microsoft')));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'index.ts')], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      NODE_OPTIONS: '',
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      FLOKK_DATABASE_URL: db,
      FLOKK_DATA_FILE: path.join(dir, `${name}.json`),
      FLOKK_POLL_CHECK_SECONDS: '1',
      FLOKK_LOG_LEVEL: 'warn',
      FLOKK_VOTE_SECRET: 'two-instances-vote-secret-0123',
    },
  });
  child.stdout!.on('data', (d) => output.push(String(d)));
  child.stderr!.on('data', (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 75_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance ${name} exited (${child.exitCode}): ${output.join('')}`);
    const up = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`instance ${name} did not start: ${output.join('')}`);
    }
    await sleep(100);
  }
  const post = async (activity: unknown) => {
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return { url, child, output, post };
}

async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => instance.child.once('exit', () => resolve()));
  instance.child.kill('SIGTERM');
  const timer = setTimeout(() => instance.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}
