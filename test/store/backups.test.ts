import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Project } from '../../src/domain/schema';
import { Backups } from '../../src/store/backups';
import { LowdbStore, type StoreEvent } from '../../src/store/lowdb-store';
import type { PortfolioStore } from '../../src/store/portfolio-store';
import { aPortfolio, aProject } from '../builders';

let dir: string;
let file: string;
let backupDir: string;
let now: Date;
const clock = () => now;
const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-backups-'));
  file = path.join(dir, 'flokk.json');
  backupDir = path.join(dir, 'backups');
  now = new Date('2026-03-10T09:00:00.000Z');
});

afterEach(async () => {
  jest.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

function addProject(store: PortfolioStore, project: Project): Promise<string> {
  return store.update((current) => ({ next: { ...current, projects: [...current.projects, project] }, result: project.id }));
}

async function openWithBackups(keep: number, everyMinutes = 60, events: Array<[StoreEvent, Record<string, unknown>]> = []) {
  const store = await LowdbStore.open(file, { seed: aPortfolio, backups: { keep, everyMinutes }, clock, onEvent: (e, d) => events.push([e, d]) });
  return store;
}

const titlesIn = async (backup: string) => (JSON.parse(await readFile(backup, 'utf8')) as { projects: Project[] }).projects.map((p) => p.title);

describe('rotating backups', () => {
  it('snapshots on open and then at most every N minutes after a write, keeping the newest N', async () => {
    await (await LowdbStore.open(file, { seed: aPortfolio })).close();
    const events: Array<[StoreEvent, Record<string, unknown>]> = [];
    const store = await openWithBackups(3, 60, events);
    expect(await readdir(backupDir)).toEqual(['flokk.2026-03-10T09-00-00.000Z.json']);

    // Within the hour: writes, but no snapshot.
    later(10);
    await addProject(store, aProject({ title: 'A' }));
    later(10);
    await addProject(store, aProject({ title: 'B' }));
    await store.backups!.idle();
    expect(await readdir(backupDir)).toHaveLength(1);

    // An hour after the last one, the next write takes one; and so on, keeping three.
    for (const title of ['C', 'D', 'E', 'F']) {
      later(60);
      await addProject(store, aProject({ title }));
      await store.backups!.idle();
    }
    const kept = await store.backups!.list();
    expect(kept.map((b) => path.basename(b))).toEqual([
      'flokk.2026-03-10T13-20-00.000Z.json',
      'flokk.2026-03-10T12-20-00.000Z.json',
      'flokk.2026-03-10T11-20-00.000Z.json',
    ]);
    expect(await readdir(backupDir)).toHaveLength(3);
    // Each is the durable file as it was just after the write that took it.
    expect(await titlesIn(kept[0]!)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(await titlesIn(kept[2]!)).toEqual(['A', 'B', 'C', 'D']);
    expect(events.filter(([e]) => e === 'backed-up')).toHaveLength(5);
    await store.close();
  });

  it('takes no backups with a count of 0, and by default', async () => {
    const off = await openWithBackups(0);
    await addProject(off, aProject());
    await off.close();
    const plain = await LowdbStore.open(file);
    await addProject(plain, aProject());
    await plain.close();
    expect(existsSync(backupDir)).toBe(false);
  });

  it('copies atomically: a snapshot that fails leaves no partial file, keeps the older ones, and fails no write', async () => {
    await (await LowdbStore.open(file, { seed: aPortfolio })).close();
    const events: Array<[StoreEvent, Record<string, unknown>]> = [];
    const store = await openWithBackups(5, 60, events);
    const first = await store.backups!.list();
    expect(first).toHaveLength(1);
    const firstBytes = await readFile(first[0]!);

    // The next snapshot's temporary file is a link to /dev/full: writing it fails with ENOSPC.
    later(61);
    const name = `flokk.${now.toISOString().replace(/:/g, '-')}.json`;
    await symlink('/dev/full', path.join(backupDir, `.${name}.${process.pid}.tmp`));
    await expect(addProject(store, aProject({ title: 'Still saved' }))).resolves.toBeDefined();
    await store.backups!.idle();

    const failed = events.find(([e]) => e === 'backup-failed');
    expect(failed?.[1]).toMatchObject({ file, error: expect.objectContaining({ code: 'ENOSPC' }) });
    expect(await readdir(backupDir)).toEqual([path.basename(first[0]!)]);
    expect((await readFile(first[0]!)).equals(firstBytes)).toBe(true);

    // The next write tries again at once and succeeds.
    later(1);
    await addProject(store, aProject({ title: 'Again' }));
    await store.backups!.idle();
    const now2 = await store.backups!.list();
    expect(now2).toHaveLength(2);
    expect(await titlesIn(now2[0]!)).toEqual(['Still saved', 'Again']);
    await store.close();
  });

  it('clears half-written snapshots a killed process left behind', async () => {
    await mkdir(backupDir);
    const dead = path.join(backupDir, '.flokk.2026-03-01T00-00-00.000Z.json.999999999.tmp');
    await writeFile(dead, '{"half');
    await writeFile(file, JSON.stringify(aPortfolio()));
    await (await openWithBackups(2)).close();
    expect(await readdir(backupDir)).toEqual(['flokk.2026-03-10T09-00-00.000Z.json']);
  });

  it('ignores other files in the backup directory', async () => {
    await mkdir(backupDir);
    await writeFile(path.join(backupDir, 'notes.txt'), 'keep me');
    await writeFile(path.join(backupDir, 'other.2026-01-01T00-00-00.000Z.json'), '{}');
    const backups = new Backups(file, { keep: 1, everyMinutes: 60 }, clock);
    await writeFile(file, JSON.stringify(aPortfolio()));
    await backups.snapshot();
    later(1);
    await backups.snapshot();
    expect((await readdir(backupDir)).sort()).toEqual(['flokk.2026-03-10T09-01-00.000Z.json', 'notes.txt', 'other.2026-01-01T00-00-00.000Z.json']);
  });

  it('restores: a backup opens as the store, and copied over the data file brings that state back', async () => {
    const store = await openWithBackups(3);
    await addProject(store, aProject({ title: 'Before the backup' }));
    later(61);
    await addProject(store, aProject({ title: 'In the backup' }));
    await store.backups!.idle();
    const [backup] = await store.backups!.list();
    later(5);
    await addProject(store, aProject({ title: 'After the backup' }));
    await store.close();

    // Opened as it is, where it is: valid, the state of its time.
    const asStore = await LowdbStore.open(backup!);
    expect(asStore.read().projects.map((p) => p.title)).toEqual(['Before the backup', 'In the backup']);
    await asStore.close();

    // The restore procedure: with Flokk stopped, copy the backup over the data file, start again.
    await copyFile(backup!, file);
    const restored = await LowdbStore.open(file);
    expect(restored.read().projects.map((p) => p.title)).toEqual(['Before the backup', 'In the backup']);
    await restored.close();
  });
});
