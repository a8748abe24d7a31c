import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { tempPathFor } from '../../src/store/durable-json-file';
import { FileLock } from '../../src/store/file-lock';
import { LowdbStore, type StoreEvent } from '../../src/store/lowdb-store';
import { StoreLoadError, StoreLockedError } from '../../src/store/portfolio-store';
import { aPortfolio } from '../builders';

const PROJECT_ROOT = path.resolve(__dirname, '../..');
const linux = existsSync('/proc/self/stat');

let dir: string;
let file: string;
let lockFile: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-lock-'));
  file = path.join(dir, 'flokk.json');
  lockFile = `${file}.lock`;
  await writeFile(file, JSON.stringify(aPortfolio()));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pid no process has any more. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const plantLock = (owner: Record<string, unknown>) => writeFile(lockFile, JSON.stringify({ token: 'someone-else', since: '2026-01-01T00:00:00.000Z', ...owner }));

async function openRecording(): Promise<{ store: LowdbStore; events: Array<[StoreEvent, Record<string, unknown>]> }> {
  const events: Array<[StoreEvent, Record<string, unknown>]> = [];
  const store = await LowdbStore.open(file, { onEvent: (e, d) => events.push([e, d]) });
  return { store, events };
}

describe('the lock on the data file', () => {
  it('is held while the store is open and released on close', async () => {
    const store = await LowdbStore.open(file);
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
    expect(await readdir(dir)).toEqual(['flokk.json']);
    await store.close(); // twice is harmless
  });

  it('keeps a second process out while the first runs, and lets it in once the first was killed', async () => {
    const holder = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', 'hold-store.ts'), file], { cwd: PROJECT_ROOT });
    let out = '';
    holder.stdout.on('data', (c: Buffer) => (out += c.toString()));
    holder.stderr.on('data', (c: Buffer) => (out += c.toString()));
    for (let i = 0; i < 400 && !out.includes('ready'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(out).toBe('ready\n');
    const before = await readFile(file);

    const error = await LowdbStore.open(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect(error).toBeInstanceOf(StoreLoadError); // so start-up reports it in one line, like a broken file
    expect(error).toMatchObject({ pid: holder.pid, lockFile, file });
    expect((error as Error).message).toContain(`pid ${holder.pid}`);
    expect((error as Error).message).toContain(lockFile);
    expect((await readFile(file)).equals(before)).toBe(true);

    const exited = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const { store, events } = await openRecording();
    expect(events).toEqual([['recovered', { file, staleLockPid: holder.pid, removed: [] }]]);
    await store.close();
  });

  it('takes over a lock whose process is gone', async () => {
    const pid = deadPid();
    await plantLock({ pid });
    const { store, events } = await openRecording();
    expect(events[0]).toEqual(['recovered', { file, staleLockPid: pid, removed: [] }]);
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
  });

  (linux ? it : it.skip)('takes over a lock whose pid now belongs to a process that started later (a reused pid)', async () => {
    await plantLock({ pid: process.ppid, started: 1 });
    const { store, events } = await openRecording();
    expect(events[0]![1]).toMatchObject({ staleLockPid: process.ppid });
    await store.close();
  });

  it('refuses a lock of a live process whose start it cannot tell', async () => {
    await plantLock({ pid: process.ppid });
    await expect(LowdbStore.open(file)).rejects.toBeInstanceOf(StoreLockedError);
  });

  it('takes over a lock left by an earlier run with its own pid (pid 1 in a container), and a torn lock', async () => {
    await plantLock({ pid: process.pid });
    await (await LowdbStore.open(file)).close();
    await writeFile(lockFile, '');
    await (await LowdbStore.open(file)).close();
    expect(await readdir(dir)).toEqual(['flokk.json']);
  });

  it('does not remove a lock someone else has taken over meanwhile', async () => {
    const lock = await FileLock.acquire(file);
    await plantLock({ pid: process.ppid });
    await lock.release();
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ token: 'someone-else' });
  });

  it('clears temporary files of dead writers on open, and leaves those of live ones', async () => {
    const dead = tempPathFor(file, deadPid());
    const live = tempPathFor(file, process.ppid);
    await writeFile(dead, '{"half');
    await writeFile(live, '{"busy');
    const { store, events } = await openRecording();
    expect(events).toEqual([['recovered', { file, staleLockPid: undefined, removed: [path.basename(dead)] }]]);
    expect((await readdir(dir)).sort()).toEqual([path.basename(live), 'flokk.json', 'flokk.json.lock'].sort());
    await store.close();
  });
});
