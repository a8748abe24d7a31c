import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { castVote, openPoll } from '../../src/domain/polls';
import { Portfolio } from '../../src/domain/schema';
import { auditFileFor } from '../../src/flokk';
import { JsonlAuditLog, type AuditEntry } from '../../src/store/audit-log';
import { LowdbStore, readPortfolioFile } from '../../src/store/lowdb-store';
import { PostgresStore } from '../../src/store/postgres/postgres-store';
import { freshDatabase } from '../store/postgres/database';

/** `npm run store -- copy …` end to end: the CLI in a child process, data files in a temp dir, a database on the test cluster. */
const PROJECT_ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'store.ts');
const NOW = new Date('2026-03-10T09:00:00.000Z');
const SECRETARIAT = { personId: 'person-sekretariat', aadObjectId: 'x', name: 'x', networkId: 'digitrondelag', roles: ['secretariat' as const] };

jest.setTimeout(120_000);

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-store-copy-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, NODE_OPTIONS: '' };
  const child = spawn(TSX, [SCRIPT, ...args], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const entries = (file: string): AuditEntry[] =>
  readFileSync(auditFileFor(file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as AuditEntry);

/** The demo portfolio written through the store, with a poll and an anonymous vote, each change with its audit entry. */
async function sourceFile(): Promise<{ file: string; portfolio: Portfolio; audit: AuditEntry[] }> {
  const file = path.join(dir, 'source', 'flokk.json');
  const demo = Portfolio.parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data', 'demo-portfolio.json'), 'utf8')));
  const store = await LowdbStore.open(file, { seed: () => demo, audit: new JsonlAuditLog(auditFileFor(file)) });
  const input = { kind: 'consensus' as const, question: 'Felles innkjøp?', options: [], multiple: false, eligibleMode: 'board' as const, deadline: '2026-03-20T12:00:00.000Z', anonymous: true, hideResultsUntilClosed: false };
  await store.update((p) => ({
    ...openPoll(p, SECRETARIAT, input, { pollId: 'poll-1' }, NOW),
    auditEntry: { at: NOW.toISOString(), networkId: 'digitrondelag', actor: 'x', personId: 'person-sekretariat', action: 'poll.open', objects: { pollId: 'poll-1' } },
  }));
  await store.update((p) => ({
    ...castVote(p, 'poll-1', { personId: 'person-ola-demodal' }, { stance: 'agree', reason: '' }, NOW, 'copy-test-secret-copy-test-secret'),
    auditEntry: { at: '2026-03-10', networkId: 'digitrondelag', action: 'poll.vote', objects: { pollId: 'poll-1' } },
  }));
  const portfolio = store.read();
  await store.close();
  return { file, portfolio, audit: entries(file) };
}

async function database(url: string): Promise<{ portfolio: Portfolio; audit: AuditEntry[] }> {
  const store = await PostgresStore.open(url);
  try {
    return { portfolio: store.read(), audit: (await store.audit.recent(1000)).reverse() };
  } finally {
    await store.close();
  }
}

it('copies a data file to PostgreSQL and back, with its audit log in order', async () => {
  const source = await sourceFile();
  expect(source.audit.map((e) => e.action)).toEqual(['poll.open', 'poll.vote']);
  const url = await freshDatabase();

  const there = await run('copy', '--from', source.file, '--to', url);
  expect(there.stderr).toBe('');
  expect(there.code).toBe(0);
  expect(there.stdout).toMatch(/copied \d+ projects, 1 polls, 1 votes and 2 audit entries/);
  expect(await database(url)).toEqual({ portfolio: source.portfolio, audit: source.audit });

  const back = path.join(dir, 'back', 'copy.json');
  const again = await run('copy', '--from', url, '--to', back);
  expect(again.stderr).toBe('');
  expect(again.code).toBe(0);
  expect(await readPortfolioFile(back)).toEqual(source.portfolio);
  expect(entries(back)).toEqual(source.audit);
});

it('refuses a target that is not empty unless told --force, and then replaces it', async () => {
  const source = await sourceFile();
  const url = await freshDatabase();
  expect((await run('copy', '--from', source.file, '--to', url)).code).toBe(0);

  const other = path.join(dir, 'other.json');
  const store = await LowdbStore.open(other, { seed: () => ({ ...source.portfolio, polls: [], votes: [] }) });
  await store.close();
  const refused = await run('copy', '--from', other, '--to', url);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/the database holds a portfolio; nothing was copied\. Give --force/);
  expect(await database(url)).toEqual({ portfolio: source.portfolio, audit: source.audit });

  const fileTarget = await run('copy', '--from', url, '--to', source.file);
  expect(fileTarget.code).toBe(1);
  expect(fileTarget.stderr).toMatch(/the data file .*flokk\.json exists; nothing was copied/);

  const forced = await run('copy', '--from', other, '--to', url, '--force');
  expect(forced.stderr).toBe('');
  expect(forced.code).toBe(0);
  const replaced = await database(url);
  expect(replaced.portfolio.polls).toEqual([]);
  expect(replaced.audit).toEqual([]);
});

it('explains wrong arguments and exits 2', async () => {
  const missing = await run('copy', '--from', 'data/flokk.json');
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/^--to is missing\nusage:/);
  const password = await run('copy', '--from', 'mysql://u:secret@h/db', '--to', 'x.json');
  expect(password.code).toBe(2);
  expect(password.stderr).not.toContain('secret');
  expect((await run('move')).stderr).toMatch(/unknown command move/);
  expect(existsSync(path.join(PROJECT_ROOT, 'x.json'))).toBe(false);
});
