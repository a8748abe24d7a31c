import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MigrationSteps } from '../../src/domain/migrations';
import { SCHEMA_VERSION } from '../../src/domain/schema';
import { DurableJsonFile, tempPathFor } from '../../src/store/durable-json-file';
import { LowdbStore, type StoreEvent } from '../../src/store/lowdb-store';
import { StoreLoadError } from '../../src/store/portfolio-store';
import { aPortfolio, aProject, NETWORK_ID } from '../builders';

/**
 * These tests fabricate their own step from version 1 to 2, in which a project's title, called
 * `tittel` in version 1, became `title`, and run the real open path with that step. The last test
 * opens a version 1 file with Flokk's own steps.
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
  original = Buffer.from(JSON.stringify({ ...v1, schemaVersion: 1, projects }, null, 1));
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

  it('coarsens the votes of anonymous polls to their Oslo date (step 1 → 2), and leaves the other votes their time', async () => {
    const poll = (id: string, anonymous: boolean) => ({
      id, networkId: NETWORK_ID, kind: 'consensus', question: 'Vedta?', eligibleMode: 'board', eligiblePersonIds: ['p-1', 'p-2'], quorum: 1,
      deadline: '2026-03-20T12:00:00.000Z', anonymous, status: 'open', createdBy: 'p-1', createdAt: '2026-03-01T09:00:00.000Z',
    });
    const vote = (pollId: string, voterKey: string, at: string) => ({ pollId, voterKey, stance: 'agree', optionIds: [], at });
    const v1 = {
      ...aPortfolio(),
      schemaVersion: 1,
      polls: [poll('poll-secret', true), poll('poll-open', false)],
      votes: [
        // 23:30 UTC on 10 March is already 11 March in Oslo.
        vote('poll-secret', 'a'.repeat(64), '2026-03-10T23:30:12.345Z'),
        vote('poll-secret', 'b'.repeat(64), '2026-03-11T08:01:02.003Z'),
        vote('poll-open', 'p-1', '2026-03-11T08:01:02.004Z'),
      ],
    };
    const text = JSON.stringify(v1, null, 1);
    await writeFile(file, text);
    const events: StoreEvent[] = [];

    const store = await LowdbStore.open(file, { onEvent: (e) => events.push(e) });

    expect(events).toEqual(['migrated']);
    expect(store.read().votes.map((v) => [v.voterKey.slice(0, 3), v.at])).toEqual([
      ['aaa', '2026-03-11'],
      ['bbb', '2026-03-11'],
      ['p-1', '2026-03-11T08:01:02.004Z'],
    ]);
    const onDisk = await readFile(file, 'utf8');
    expect(JSON.parse(onDisk).schemaVersion).toBe(SCHEMA_VERSION);
    expect(onDisk).not.toContain('2026-03-10T23:30');
    expect(onDisk).not.toContain('08:01:02.003');
    // The copy kept before migrating still has the times: the operator deletes it once the migration is checked.
    expect(await readFile(`${file}.schema-v1.bak`, 'utf8')).toBe(text);
    await store.close();
  });
});
