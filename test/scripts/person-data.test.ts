import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PersonalData } from '../../src/domain/personal-data';
import { castVote, openPoll } from '../../src/domain/polls';
import { Portfolio } from '../../src/domain/schema';
import { LowdbStore } from '../../src/store/lowdb-store';

/** `npm run person-data -- …` end to end, on a copy of the demo portfolio in a temporary directory. */
const PROJECT_ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'person-data.ts');
const OLA = 'person-ola-demodal';
const OLA_AAD = '00000000-0000-4000-8000-000000000002';
const NOW = new Date('2026-03-10T09:00:00.000Z');

let dir: string;
let file: string;

/** The demo portfolio, plus a poll that is not anonymous in which Ola voted. */
function portfolio(): Portfolio {
  let p = Portfolio.parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data', 'demo-portfolio.json'), 'utf8')));
  const secretariat = { personId: 'person-sekretariat', aadObjectId: 'x', name: 'x', networkId: 'digitrondelag', roles: ['secretariat' as const] };
  const input = { kind: 'consensus' as const, question: 'Felles innkjøp?', options: [], multiple: false, eligibleMode: 'board' as const, deadline: '2026-03-20T12:00:00.000Z', anonymous: false, hideResultsUntilClosed: false };
  p = openPoll(p, secretariat, input, { pollId: 'poll-1' }, NOW).next;
  return castVote(p, 'poll-1', { personId: OLA }, { stance: 'disagree', reason: 'For tidlig.' }, NOW, 'unused-secret-unused-secret').next;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-person-data-'));
  file = path.join(dir, 'flokk.json');
  await writeFile(file, JSON.stringify(portfolio(), null, 1));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('person-data export', () => {
  it('prints everything about the person as JSON, found by id or by object id', async () => {
    const byId = await run('export', OLA, '--file', file);
    expect(byId.stderr).toBe('');
    expect(byId.code).toBe(0);
    const out = JSON.parse(byId.stdout) as { file: string; people: PersonalData[] };
    expect(out.file).toBe(file);
    expect(out.people).toHaveLength(1);
    const [ola] = out.people;
    expect(ola!.person).toMatchObject({ id: OLA, name: 'Ola Demodal', aadObjectId: OLA_AAD });
    expect(ola!.decisionsMade).toHaveLength(3);
    expect(ola!.historyEntries.length).toBeGreaterThan(0);
    expect(ola!.votes).toEqual([{ question: 'Felles innkjøp?', vote: expect.objectContaining({ pollId: 'poll-1', voterKey: OLA, stance: 'disagree' }) }]);

    const byAad = await run('export', OLA_AAD.toUpperCase(), `--file=${file}`);
    expect(byAad.code).toBe(0);
    expect((JSON.parse(byAad.stdout) as typeof out).people).toEqual(out.people);
  });

  it('reads while Flokk holds the file', async () => {
    const store = await LowdbStore.open(file);
    try {
      const result = await run('export', OLA, '--file', file);
      expect(result.code).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('says so when nobody matches, and on a bad command line', async () => {
    const nobody = await run('export', 'person-nobody', '--file', file);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('no person with id or aadObjectId person-nobody');
    expect((await run('exprot', OLA)).code).toBe(2);
    expect((await run('export', OLA, '--frobnicate')).stderr).toContain('unknown option --frobnicate');
  });

  it('names the file when it cannot be read', async () => {
    const missing = await run('export', OLA, '--file', path.join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(path.join(dir, 'nope.json'));
  });
});

describe('person-data erase', () => {
  it('refuses without --yes, and changes nothing', async () => {
    const before = await readFile(file);
    const result = await run('erase', OLA, '--file', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--yes');
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('refuses while Flokk holds the file, and changes nothing', async () => {
    const before = await readFile(file);
    const store = await LowdbStore.open(file);
    try {
      const result = await run('erase', OLA, '--yes', '--file', file);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`pid ${process.pid}`);
      expect(result.stderr).toContain(`${file}.lock`);
    } finally {
      await store.close();
    }
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('erases the person durably from the data file and the rotating backups, and lists copies it cannot rewrite', async () => {
    // A rotating backup and a migration copy, both still holding Ola.
    await (await LowdbStore.open(file, { backups: { keep: 3, everyMinutes: 60 } })).close();
    const [backup] = await readdir(path.join(dir, 'backups'));
    await copyFile(file, `${file}.schema-v0.bak`);

    const result = await run('erase', OLA_AAD, '--yes', '--file', file);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { erased: Array<{ personId: string; replacementId: string; references: number }>; backups: { rewritten: string[]; untouched: string[] } };
    expect(summary.erased).toHaveLength(1);
    const { replacementId, references } = summary.erased[0]!;
    expect(replacementId).toMatch(/^person-erased-[0-9a-f-]{36}$/);
    expect(references).toBeGreaterThanOrEqual(14);
    expect(summary.backups.rewritten).toEqual([path.join(dir, 'backups', backup!)]);
    expect(summary.backups.untouched).toEqual([`${file}.schema-v0.bak`]);

    // The data file: valid, and nothing left of Ola but a tombstone; the lock is gone.
    const store = await LowdbStore.open(file);
    const p = store.read();
    await store.close();
    const text = await readFile(file, 'utf8');
    for (const trace of [OLA, 'Ola Demodal', OLA_AAD]) expect(text).not.toContain(trace);
    expect(p.people.find((x) => x.id === replacementId)).toMatchObject({ name: 'Slettet person' });
    expect(p.votes.find((v) => v.pollId === 'poll-1')!.voterKey).toBe(replacementId);
    expect(p.decisions.filter((d) => d.decidedBy === replacementId)).toHaveLength(3);
    expect(await readdir(dir)).not.toContain('flokk.json.lock');

    // The rotating backup: the same erasure, the same tombstone.
    const backedUp = await readFile(path.join(dir, 'backups', backup!), 'utf8');
    for (const trace of [OLA, 'Ola Demodal', OLA_AAD]) expect(backedUp).not.toContain(trace);
    expect(backedUp).toContain(replacementId);

    // Done is done: a second erase finds nobody.
    expect((await run('erase', OLA, '--yes', '--file', file)).code).toBe(2);
  });

  it('leaves the backups alone with --keep-backups, and lists them', async () => {
    await (await LowdbStore.open(file, { backups: { keep: 3, everyMinutes: 60 } })).close();
    const [backup] = await readdir(path.join(dir, 'backups'));
    const result = await run('erase', OLA, '--yes', '--keep-backups', '--file', file);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).backups).toEqual({ rewritten: [], untouched: [path.join(dir, 'backups', backup!)] });
    expect(await readFile(path.join(dir, 'backups', backup!), 'utf8')).toContain(OLA);
  });
});
