import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MigrationSteps } from '../../src/domain/migrations';
import { DurableJsonFile, tempPathFor } from '../../src/store/durable-json-file';
import { LowdbStore, type StoreEvent } from '../../src/store/lowdb-store';
import { StoreLoadError } from '../../src/store/portfolio-store';
import { aPortfolio, aProject } from '../builders';

/**
 * Flokk's schema is at version 1, so these tests fabricate a version 2 in which a project's title,
 * called `tittel` in version 1, became `title`, and run the real open path with that step.
 */
type Data = Record<string, unknown>;
const toV2 = (data: Data): Data => ({
  ...data,
  schemaVersion: 2,
  projects: (data.projects as Data[]).map(({ tittel, ...rest }) => ({ ...rest, title: tittel })),
});
const migrations = (steps: MigrationSteps) => ({ steps, target: 2 });

let dir: string;
let file: string;
let original: Buffer;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-migrate-'));
  file = path.join(dir, 'flokk.json');
  const v1 = aPortfolio({ projects: [aProject({ id: 'prj-1', title: 'Felles sak-/arkiv' })] });
  const projects = v1.projects.map(({ title, ...rest }) => ({ ...rest, tittel: title }));
  original = Buffer.from(JSON.stringify({ ...v1, projects }, null, 1));
  await writeFile(file, original);
  const past = new Date('2020-01-01T00:00:00Z');
  await utimes(file, past, past);
});

afterEach(async () => {
  jest.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function expectUntouched(): Promise<void> {
  expect((await readFile(file)).equals(original)).toBe(true);
  expect((await stat(file)).mtimeMs).toBe(new Date('2020-01-01T00:00:00Z').getTime());
  expect(await readdir(dir)).toEqual(['flokk.json']); // no backup, no lock, no temporary file
}

describe('opening a file of an older schemaVersion', () => {
  it('writes the backups first, then the migrated file, and says so', async () => {
    const write = DurableJsonFile.prototype.write;
    const seenAtWrite: string[][] = [];
    jest.spyOn(DurableJsonFile.prototype, 'write').mockImplementation(async function (this: DurableJsonFile<unknown>, data) {
      // At the moment the migrated file is written, both backups are complete and the file is still the old one.
      seenAtWrite.push((await readdir(dir)).sort());
      expect((await readFile(`${file}.schema-v1.bak`)).equals(original)).toBe(true);
      expect((await readFile(file)).equals(original)).toBe(true);
      return write.call(this, data);
    });
    const events: Array<[StoreEvent, Record<string, unknown>]> = [];

    const store = await LowdbStore.open(file, { migrations: migrations({ 1: toV2 }), backups: { keep: 3, everyMinutes: 60 }, onEvent: (e, d) => events.push([e, d]) });

    expect(seenAtWrite).toEqual([['backups', 'flokk.json', 'flokk.json.lock', 'flokk.json.schema-v1.bak']]);
    const [rotating] = await store.backups!.list();
    expect((await readFile(rotating!)).equals(original)).toBe(true);
    expect(events.map(([e]) => e)).toEqual(['backed-up', 'migrated']);
    expect(events[1]![1]).toEqual({ file, fromVersion: 1, toVersion: 2, backup: `${file}.schema-v1.bak` });
    expect(store.read()).toMatchObject({ schemaVersion: 2, projects: [{ id: 'prj-1', title: 'Felles sak-/arkiv' }] });
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { schemaVersion: number; projects: Data[] };
    expect(onDisk.schemaVersion).toBe(2);
    expect(onDisk.projects[0]).toMatchObject({ title: 'Felles sak-/arkiv' });
    expect(onDisk.projects[0]).not.toHaveProperty('tittel');
    await store.close();

    // Once migrated, it opens without migrating again.
    jest.restoreAllMocks();
    const again: StoreEvent[] = [];
    const reopened = await LowdbStore.open(file, { migrations: migrations({ 1: toV2 }), onEvent: (e) => again.push(e) });
    expect(again).toEqual([]);
    await reopened.close();
  });

  it('leaves the file untouched, and writes nothing, when a step throws', async () => {
    const failing = () => {
      throw new Error('boom');
    };
    const error = await LowdbStore.open(file, { migrations: migrations({ 1: failing }), backups: { keep: 3, everyMinutes: 60 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLoadError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/migration from schemaVersion 1 failed: boom/);
    await expectUntouched();
  });

  it('leaves the file untouched when the migrated data does not match the schema', async () => {
    const forgetful = (data: Data): Data => ({ ...data, schemaVersion: 2 }); // keeps `tittel`: no title
    const error = await LowdbStore.open(file, { migrations: migrations({ 1: forgetful }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLoadError);
    expect((error as Error).message).toMatch(/schema at projects\.0\.title/);
    await expectUntouched();
  });

  it('leaves the file untouched when there is no step from its version', async () => {
    const error = await LowdbStore.open(file, { migrations: migrations({}) }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/no migration from schemaVersion 1/);
    await expectUntouched();
  });

  (existsSync('/dev/full') ? it : it.skip)('keeps the old file and its backup when the migrated file cannot be written', async () => {
    await symlink('/dev/full', tempPathFor(file, process.pid));
    const error = await LowdbStore.open(file, { migrations: migrations({ 1: toV2 }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLoadError);
    expect((error as Error).message).toMatch(/migrated data could not be written \(ENOSPC/);
    expect((error as Error).message).toContain(`${file}.schema-v1.bak`);
    expect((await readFile(file)).equals(original)).toBe(true);
    expect((await readFile(`${file}.schema-v1.bak`)).equals(original)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['flokk.json', 'flokk.json.schema-v1.bak']);
  });
});
