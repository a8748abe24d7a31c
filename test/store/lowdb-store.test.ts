import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '../../src/domain/errors';
import { migrate, MigrationError } from '../../src/domain/migrations';
import { Portfolio, type Project } from '../../src/domain/schema';
import { DurableJsonFile } from '../../src/store/durable-json-file';
import { LowdbStore, readPortfolioFile } from '../../src/store/lowdb-store';
import { StoreClosedError, StoreLoadError, type PortfolioStore } from '../../src/store/portfolio-store';
import { aPortfolio, aProject, ORGANISATION_ID } from '../builders';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-lowdb-'));
  file = path.join(dir, 'flokk.json');
});

afterEach(async () => {
  jest.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

function addProject(store: PortfolioStore, project: Project): Promise<string> {
  return store.update((current) => ({
    next: { ...current, projects: [...current.projects, project] },
    result: project.id,
  }));
}

/** What a new open would find: the data file and its journal. */
async function onDisk(): Promise<Portfolio> {
  return readPortfolioFile(file);
}

/** The tests of the whole-file write (what a compaction does, and every write with `journal: false`) spy on DurableJsonFile.write. */
const WHOLE_FILE = { journal: false } as const;

/** The same temporary name DurableJsonFile uses; tests that plant something there check it was hit. */
function tmpPathOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
}

async function expectLoadError(promise: Promise<unknown>, target: string): Promise<StoreLoadError> {
  const error = await promise.then(
    () => {
      throw new Error('expected LowdbStore.open to reject');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreLoadError);
  expect((error as StoreLoadError).message).toContain(target);
  expect((error as StoreLoadError).file).toBe(target);
  return error as StoreLoadError;
}

describe('LowdbStore.open', () => {
  it('creates a missing file from the seed, and the file parses back to the seed', async () => {
    const nested = path.join(dir, 'not', 'yet', 'there.json');
    const events: string[] = [];
    const store = await LowdbStore.open(nested, { seed: aPortfolio, onEvent: (e) => events.push(e) });

    expect(events).toEqual(['created']);
    expect(store.read()).toEqual(aPortfolio());
    const parsed = Portfolio.parse(JSON.parse(await readFile(nested, 'utf8')));
    expect(parsed).toEqual(aPortfolio());
    await store.close();

    // And a second open, now without a seed, reads it back.
    const again = await LowdbStore.open(nested);
    expect(again.read()).toEqual(aPortfolio());
    await again.close();
  });

  it('refuses a missing file without a seed, naming the file, and creates nothing', async () => {
    const error = await expectLoadError(LowdbStore.open(file), file);
    expect(error.message).toMatch(/does not exist/);
    expect(existsSync(file)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('does not overwrite an existing valid file with the seed', async () => {
    const existing = aPortfolio({ projects: [aProject({ title: 'Already here' })] });
    await writeFile(file, JSON.stringify(existing));
    const store = await LowdbStore.open(file, { seed: aPortfolio });
    expect(store.read().projects.map((p) => p.title)).toEqual(['Already here']);
    await store.close();
  });
});

describe('LowdbStore.update', () => {
  it('keeps all of 500 concurrent updates, in memory and on disk, each exactly once', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio });
    const projects = Array.from({ length: 500 }, (_, i) => aProject({ title: `Prosjekt ${i}` }));

    const results = await Promise.all(projects.map((p) => addProject(store, p)));

    expect(results).toEqual(projects.map((p) => p.id));
    expect(store.read().projects).toHaveLength(500);
    expect(new Set(store.read().projects.map((p) => p.id))).toEqual(new Set(projects.map((p) => p.id)));
    await store.close();

    const reopened = await LowdbStore.open(file);
    const ids = reopened.read().projects.map((p) => p.id);
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
    expect([...ids].sort()).toEqual(projects.map((p) => p.id).sort());
    await reopened.close();
  });

  it('resolves an update only once its state is on disk', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio });
    const project = aProject();
    await addProject(store, project);
    // No flush or close: the resolved update alone must mean the file holds it.
    expect((await onDisk()).projects.map((p) => p.id)).toEqual([project.id]);
    await store.close();
  });

  it('leaves the state unchanged and rejects when the change throws', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio });
    await addProject(store, aProject());
    const before = store.read();
    const bytesBefore = await readFile(file);
    const boom = new Error('validation failed');

    await expect(
      store.update((current) => {
        // A change that has already built part of its next state when it throws.
        const half = { ...current, projects: [...current.projects, aProject()] };
        void half;
        throw boom;
      }),
    ).rejects.toBe(boom);

    expect(store.read()).toBe(before);
    expect(store.read().projects).toHaveLength(1);
    await store.flush();
    expect(await readFile(file)).toEqual(bytesBefore);
    // The store still works afterwards.
    await addProject(store, aProject());
    expect((await onDisk()).projects).toHaveLength(2);
    await store.close();
  });

  it('resolves a no-op change (same object back) with its result, without writing', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio });
    const before = store.read();
    const write = jest.spyOn(DurableJsonFile.prototype, 'write');

    await expect(store.update((current) => ({ next: current, result: 'nothing to do' }))).resolves.toBe('nothing to do');

    expect(store.read()).toBe(before);
    expect(write).not.toHaveBeenCalled();
    await store.close();
  });

  it('refuses changes after close', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio });
    await store.close();
    await expect(addProject(store, aProject())).rejects.toBeInstanceOf(StoreClosedError);
    expect((await onDisk()).projects).toHaveLength(0);
  });
});

describe('group commit', () => {
  it('writes once per awaited update, but far fewer times than 500 for 500 concurrent ones', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio, ...WHOLE_FILE });
    const write = jest.spyOn(DurableJsonFile.prototype, 'write');

    // The spy counts real writes: five updates one after another are five writes.
    for (let i = 0; i < 5; i++) await addProject(store, aProject());
    expect(write).toHaveBeenCalledTimes(5);

    write.mockClear();
    await Promise.all(Array.from({ length: 500 }, () => addProject(store, aProject())));

    expect(write.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(write.mock.calls.length).toBeLessThan(50);
    // The last write carried everything.
    const lastWritten = write.mock.calls.at(-1)![0] as Portfolio;
    expect(lastWritten.projects).toHaveLength(505);
    await store.close();
    expect((await onDisk()).projects).toHaveLength(505);
  });
});

describe('corrupt data files', () => {
  const valid = aPortfolio({ projects: [aProject()] });
  const withoutTitle = JSON.parse(JSON.stringify(valid)) as { projects: Record<string, unknown>[] };
  delete withoutTitle.projects[0]!.title;
  const validText = JSON.stringify(valid);
  // A valid portfolio whose network name holds a byte that is not UTF-8 (0xFF).
  const nameAt = validText.indexOf('Testnettverket');
  const badUtf8InString = Buffer.concat([
    Buffer.from(validText.slice(0, nameAt), 'utf8'),
    Buffer.from([0xff]),
    Buffer.from(validText.slice(nameAt), 'utf8'),
  ]);

  const cases: [string, Buffer, RegExp][] = [
    ['null', Buffer.from('null'), /portfolio object/],
    ['an empty file', Buffer.alloc(0), /empty/],
    ['a file of whitespace', Buffer.from('  \n\t\n'), /empty/],
    ['truncated JSON', Buffer.from('{"schemaVersion":1,"networks":['), /not valid JSON/],
    ['an array', Buffer.from('[]'), /portfolio object/],
    ['a newer schemaVersion', Buffer.from(JSON.stringify({ ...valid, schemaVersion: 99 })), /schemaVersion 99 is newer/],
    ['no schemaVersion', Buffer.from(JSON.stringify({ ...valid, schemaVersion: undefined })), /schemaVersion is missing/],
    ['a project missing its title', Buffer.from(JSON.stringify(withoutTitle)), /schema at projects\.0\.title/],
    ['garbage bytes', Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28, 0x7b, 0x0a]), /./],
    ['valid JSON with invalid UTF-8 inside a string', badUtf8InString, /UTF-8/],
  ];

  it.each(cases)('refuses %s and leaves it byte-for-byte untouched', async (_name, bytes, reason) => {
    await writeFile(file, bytes);
    // An old mtime, so any rewrite would show even on a coarse-grained filesystem clock.
    const past = new Date('2020-01-01T00:00:00Z');
    await utimes(file, past, past);
    const before = await stat(file);

    // Even with a seed at hand, a file that exists but is broken must not be replaced.
    const error = await expectLoadError(LowdbStore.open(file, { seed: aPortfolio }), file);
    expect(error.message).toMatch(reason);

    expect((await readFile(file)).equals(bytes)).toBe(true);
    const after = await stat(file);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.size).toBe(bytes.length);
    expect(await readdir(dir)).toEqual(['flokk.json']);
  });

  it('refuses a path that is a directory', async () => {
    await mkdir(file);
    const error = await expectLoadError(LowdbStore.open(file, { seed: aPortfolio }), file);
    expect(error.message).toMatch(/cannot be read/);
    expect(await readdir(file)).toEqual([]);
  });
});

describe('write failures', () => {
  it('rolls back to the last durable state, rejects every pending change, and recovers', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio, ...WHOLE_FILE });
    const durable = aProject({ title: 'Durable' });
    await addProject(store, durable);
    const durableState = store.read();
    const bytesBefore = await readFile(file);
    expect(await store.health()).toEqual({ ok: true });

    const write = jest
      .spyOn(DurableJsonFile.prototype, 'write')
      .mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));

    // Two changes in the same tick: the first starts the failing write, the second waits behind it.
    const first = addProject(store, aProject({ title: 'Lost 1' }));
    const second = addProject(store, aProject({ title: 'Lost 2' }));
    expect(store.read().projects).toHaveLength(3); // applied at once, before the write

    for (const p of [first, second]) {
      const error = await p.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('STORE.WRITE_FAILED');
      expect(String((error as DomainError).params.reason)).toContain('ENOSPC');
    }

    expect(store.read()).toBe(durableState);
    expect(store.read().projects.map((p) => p.title)).toEqual(['Durable']);
    expect(await readFile(file)).toEqual(bytesBefore);
    expect(await readdir(dir)).toEqual(['flokk.json', 'flokk.json.lock']); // no temporary file; the store's lock while it is open
    const health = await store.health();
    expect(health.ok).toBe(false);
    expect(health.detail).toBeTruthy();

    // The next change goes through, and health recovers.
    const next = aProject({ title: 'After' });
    await addProject(store, next);
    expect(write).toHaveBeenCalledTimes(2);
    expect(await store.health()).toEqual({ ok: true });
    expect((await onDisk()).projects.map((p) => p.title)).toEqual(['Durable', 'After']);
    await store.close();

    const reopened = await LowdbStore.open(file);
    expect(reopened.read().projects.map((p) => p.id)).toEqual([durable.id, next.id]);
    await reopened.close();
  });

  it('rejects a no-op whose result reported on a change that then failed to persist', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio, ...WHOLE_FILE });
    jest
      .spyOn(DurableJsonFile.prototype, 'write')
      .mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    const project = aProject();

    const added = addProject(store, project);
    // "Is it there?" — answered from the applied, not yet durable state: yes, nothing to change.
    const alreadyThere = store.update((current) => ({ next: current, result: current.projects.some((p) => p.id === project.id) }));

    await expect(added).rejects.toMatchObject({ code: 'STORE.WRITE_FAILED' });
    await expect(alreadyThere).rejects.toMatchObject({ code: 'STORE.WRITE_FAILED' });
    expect(store.read().projects).toEqual([]);
    await store.close();
  });

  it('resolves a no-op that reported on a pending change once that change is durable, without an extra write', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio, ...WHOLE_FILE });
    const write = jest.spyOn(DurableJsonFile.prototype, 'write');
    const project = aProject();

    const added = addProject(store, project);
    const later = addProject(store, aProject());
    const seen = store.update((current) => ({ next: current, result: current.projects.length }));

    await expect(seen).resolves.toBe(2);
    expect((await onDisk()).projects).toHaveLength(2);
    await Promise.all([added, later]);
    expect(write).toHaveBeenCalledTimes(2); // the first change alone, then the second; none for the no-op
    await store.close();
  });

  // A real ENOSPC that works as root too: the temporary file's name is a symlink to /dev/full.
  (existsSync('/dev/full') ? it : it.skip)('survives a real ENOSPC mid-write with the old file intact', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio, ...WHOLE_FILE });
    await addProject(store, aProject({ title: 'Durable' }));
    const bytesBefore = await readFile(file);
    await symlink('/dev/full', tmpPathOf(file));

    const error = await addProject(store, aProject({ title: 'Lost' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('STORE.WRITE_FAILED');
    // Proves the write really went through the planted /dev/full link.
    expect(String((error as DomainError).params.reason)).toContain('ENOSPC');

    expect(store.read().projects.map((p) => p.title)).toEqual(['Durable']);
    expect((await readFile(file)).equals(bytesBefore)).toBe(true);
    expect(await readdir(dir)).toEqual(['flokk.json', 'flokk.json.lock']); // the link was cleaned up
    expect((await store.health()).ok).toBe(false);

    await addProject(store, aProject({ title: 'After' }));
    expect((await onDisk()).projects.map((p) => p.title)).toEqual(['Durable', 'After']);
    expect((await store.health()).ok).toBe(true);
    await store.close();
  });

  (existsSync('/dev/full') ? it : it.skip)('tells onWriteError once per failed write, for the log, and the file stays intact', async () => {
    const failures: Array<[DomainError, Record<string, unknown>]> = [];
    const store = await LowdbStore.open(file, { seed: aPortfolio, ...WHOLE_FILE, onWriteError: (error, detail) => failures.push([error, detail]) });
    await addProject(store, aProject({ title: 'Durable' }));
    const bytesBefore = await readFile(file);
    await symlink('/dev/full', tmpPathOf(file));

    // Three changes, one write: all three rejected, one failure told.
    const outcomes = await Promise.allSettled([addProject(store, aProject()), addProject(store, aProject()), addProject(store, aProject())]);

    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(failures.length).toBeGreaterThanOrEqual(1);
    const [error, detail] = failures[0]!;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('STORE.WRITE_FAILED');
    expect(detail).toEqual({ file, part: 'data', reason: expect.stringContaining('ENOSPC'), errno: 'ENOSPC' });
    expect(failures.length).toBeLessThanOrEqual(2); // the first change alone, then the other two together at most
    expect((await readFile(file)).equals(bytesBefore)).toBe(true);
    await store.close();
  });

  it('rejects with STORE.WRITE_FAILED even when the onWriteError hook itself throws', async () => {
    const store = await LowdbStore.open(file, {
      seed: aPortfolio,
      ...WHOLE_FILE,
      onWriteError: () => {
        throw new Error('the logger is broken too');
      },
    });
    jest.spyOn(DurableJsonFile.prototype, 'write').mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }));
    await expect(addProject(store, aProject())).rejects.toMatchObject({ code: 'STORE.WRITE_FAILED' });
    await addProject(store, aProject());
    expect((await onDisk()).projects).toHaveLength(1);
    await store.close();
  });

  it('fails a write whose directory vanished, reports unhealthy, and rewrites everything once it is back', async () => {
    const sub = path.join(dir, 'data');
    const target = path.join(sub, 'flokk.json');
    const store = await LowdbStore.open(target, { seed: aPortfolio });
    const durable = aProject({ title: 'Durable' });
    await addProject(store, durable);

    await rm(sub, { recursive: true });

    const error = await addProject(store, aProject({ title: 'Lost' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('STORE.WRITE_FAILED');
    expect(store.read().projects.map((p) => p.title)).toEqual(['Durable']);
    expect((await store.health()).ok).toBe(false);
    expect(existsSync(sub)).toBe(false); // nothing recreated it behind our back

    await mkdir(sub);
    const next = aProject({ title: 'After' });
    await addProject(store, next);
    await store.close();
    expect(await readdir(sub)).toEqual(['flokk.json']);
    const reopened = await LowdbStore.open(target);
    expect(reopened.read().projects.map((p) => p.id)).toEqual([durable.id, next.id]);
    expect(reopened.read().organisations.map((o) => o.id)).toEqual([ORGANISATION_ID]);
    await reopened.close();
  });
});

describe('migrate', () => {
  type Data = Record<string, unknown>;
  const toV2 = (data: Data): Data => ({ ...data, schemaVersion: 2, renamed: data.old, old: undefined });
  const toV3 = (data: Data): Data => ({ ...data, schemaVersion: 3, extra: [data.renamed] });

  it('upgrades v1 data to v2 with a custom step', () => {
    const { data, fromVersion } = migrate({ schemaVersion: 1, old: 'value' }, { 1: toV2 }, 2);
    expect(fromVersion).toBe(1);
    expect(data).toEqual({ schemaVersion: 2, renamed: 'value', old: undefined });
  });

  it('applies steps in order across several versions', () => {
    const { data, fromVersion } = migrate({ schemaVersion: 1, old: 'x' }, { 1: toV2, 2: toV3 }, 3);
    expect(fromVersion).toBe(1);
    expect(data).toMatchObject({ schemaVersion: 3, renamed: 'x', extra: ['x'] });
  });

  it('leaves data already at the target alone', () => {
    const raw = { schemaVersion: 2, keep: true };
    const step = jest.fn(toV2);
    const { data, fromVersion } = migrate(raw, { 1: step }, 2);
    expect(fromVersion).toBe(2);
    expect(data).toBe(raw);
    expect(step).not.toHaveBeenCalled();
  });

  it('refuses a version newer than the target', () => {
    expect(() => migrate({ schemaVersion: 3 }, { 1: toV2 }, 2)).toThrow(MigrationError);
    expect(() => migrate({ schemaVersion: 3 }, { 1: toV2 }, 2)).toThrow(/newer/);
  });

  it('refuses a gap in the steps', () => {
    expect(() => migrate({ schemaVersion: 1 }, { 2: toV3 }, 3)).toThrow(/no migration from schemaVersion 1/);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'portfolio'],
    ['a number', 1],
    ['undefined', undefined],
  ])('refuses %s as input', (_name, raw) => {
    expect(() => migrate(raw, { 1: toV2 }, 2)).toThrow(MigrationError);
    expect(() => migrate(raw, { 1: toV2 }, 2)).toThrow(/portfolio object/);
  });

  it.each([
    ['missing', {}],
    ['a string', { schemaVersion: '1' }],
    ['zero', { schemaVersion: 0 }],
    ['fractional', { schemaVersion: 1.5 }],
  ])('refuses a schemaVersion that is %s', (_name, raw) => {
    expect(() => migrate(raw, { 1: toV2 }, 2)).toThrow(/schemaVersion is missing or not a positive integer/);
  });
});
