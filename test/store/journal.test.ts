import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Portfolio, Project } from '../../src/domain/schema';
import { DurableJsonFile } from '../../src/store/durable-json-file';
import { JournalWriter, segmentsOf } from '../../src/store/journal';
import { decode, diff, apply } from '../../src/store/journal-record';
import { LowdbStore, readPortfolioFile, type StoreEvent } from '../../src/store/lowdb-store';
import { StoreLoadError, type PortfolioStore } from '../../src/store/portfolio-store';
import { aPortfolio, aProject } from '../builders';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-journal-'));
  file = path.join(dir, 'flokk.json');
});

afterEach(async () => {
  jest.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

function addProject(store: PortfolioStore, project: Project): Promise<string> {
  return store.update((current) => ({ next: { ...current, projects: [...current.projects, project] }, result: project.id }));
}

function retitle(store: PortfolioStore, id: string, title: string): Promise<void> {
  return store.update((current) => ({ next: { ...current, projects: current.projects.map((p) => (p.id === id ? { ...p, title } : p)) }, result: undefined }));
}

/**
 * The files of `from` copied to a fresh directory: the disk as a crash at this moment would leave it
 * (this process's temporary files aside: the test plants a dead process's where it wants one).
 */
async function image(from = dir): Promise<string> {
  const to = await mkdtemp(path.join(os.tmpdir(), 'flokk-journal-image-'));
  for (const name of await readdir(from)) {
    if (name.endsWith('.lock') || name.endsWith('.tmp')) continue;
    await cp(path.join(from, name), path.join(to, name)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e; // removed by a compaction meanwhile
    });
  }
  return to;
}

const titles = (p: Portfolio) => p.projects.map((x) => x.title);

describe('journal records', () => {
  it('hold only what a change touched, and replay to the same state', () => {
    const before = aPortfolio({ projects: Array.from({ length: 200 }, (_, i) => aProject({ title: `P${i}` })) });
    const changed = { ...before, projects: before.projects.map((p, i) => (i === 17 ? { ...p, title: 'Changed' } : p)) };
    const grown = { ...changed, projects: [...changed.projects, aProject({ title: 'New' })] };
    const shrunk = { ...grown, projects: grown.projects.filter((_, i) => i !== 3) };
    // A vote changed: removed where it was, the new one appended (castVote).
    const moved = { ...shrunk, projects: [...shrunk.projects.filter((_, i) => i !== 40), { ...shrunk.projects[40]!, title: 'Moved' }] };
    for (const [from, to] of [[before, changed], [changed, grown], [grown, shrunk], [shrunk, moved]] as const) {
      const ops = diff(from, to);
      expect(JSON.stringify(ops).length).toBeLessThan(JSON.stringify(to).length / 20);
      expect(apply(JSON.parse(JSON.stringify(from)), ops)).toEqual(JSON.parse(JSON.stringify(to)));
    }
    expect(diff(before, before)).toEqual([]);
  });
});

describe('the journal', () => {
  it('appends one record per write, folds into the data file at close, and leaves only the data file', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio });
    const append = jest.spyOn(JournalWriter.prototype, 'append');
    const write = jest.spyOn(DurableJsonFile.prototype, 'write');
    for (let i = 0; i < 5; i++) await addProject(store, aProject({ title: `P${i}` }));
    expect(append).toHaveBeenCalledTimes(5);
    append.mockClear();
    await Promise.all(Array.from({ length: 500 }, (_, i) => addProject(store, aProject({ title: `Q${i}` }))));
    expect(append.mock.calls.length).toBeLessThan(50); // group commit
    expect(write).not.toHaveBeenCalled(); // nothing rewrote the data file
    expect((await readPortfolioFile(file)).projects).toHaveLength(505);
    await store.close();
    expect(write).toHaveBeenCalledTimes(1);
    expect(await readdir(dir)).toEqual(['flokk.json']);
    const reopened = await LowdbStore.open(file);
    expect(reopened.read().projects).toHaveLength(505);
    await reopened.close();
  });

  it('recovers exactly the acknowledged changes when cut at every byte offset of its last records', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio });
    const first = aProject({ title: 'First' });
    await addProject(store, first);
    await addProject(store, aProject({ title: 'Second' }));
    const [segment] = await segmentsOf(file);
    const sizes = [(await stat(segment!.path)).size];
    // The last three records: a new project (æøå in it), a change in place, another new one.
    await addProject(store, aProject({ title: 'Tredje — æøå' }));
    sizes.push((await stat(segment!.path)).size);
    await retitle(store, first.id, 'First, renamed');
    sizes.push((await stat(segment!.path)).size);
    await addProject(store, aProject({ title: 'Fourth' }));
    sizes.push((await stat(segment!.path)).size);
    const crashed = await image();
    await store.close();
    const full = await readFile(path.join(crashed, path.basename(segment!.path)));
    const expected = [
      ['First', 'Second'],
      ['First', 'Second', 'Tredje — æøå'],
      ['First, renamed', 'Second', 'Tredje — æøå'],
      ['First, renamed', 'Second', 'Tredje — æøå', 'Fourth'],
    ];
    try {
      const at = await image(crashed);
      const target = path.join(at, 'flokk.json');
      const segmentAt = path.join(at, path.basename(segment!.path));
      for (let cut = sizes[0]!; cut <= full.length; cut++) {
        await writeFile(segmentAt, full.subarray(0, cut));
        const whole = sizes.filter((s) => s <= cut).length - 1;
        // What start-up reads (the same load as open's, without the lock and the repair), at every offset.
        expect([cut, titles(await readPortfolioFile(target))]).toEqual([cut, expected[whole]]);
        // The whole open, its repair of the torn tail, and a change after it: around each record's
        // end and at every seventh offset (each costs a few fsyncs).
        if (!sizes.some((s) => Math.abs(s - cut) <= 1) && cut % 7 !== 0) continue;
        const events: StoreEvent[] = [];
        const opened = await LowdbStore.open(target, { onEvent: (e) => events.push(e) });
        expect(titles(opened.read())).toEqual(expected[whole]);
        expect(events.includes('recovered')).toBe(!sizes.includes(cut));
        await addProject(opened, aProject({ title: 'After' }));
        const crashedAgain = await image(at);
        await opened.close();
        const again = await LowdbStore.open(path.join(crashedAgain, 'flokk.json'));
        expect(titles(again.read())).toEqual([...expected[whole]!, 'After']);
        await again.close();
        await rm(crashedAgain, { recursive: true, force: true });
        // Back to the crash image: the snapshot as it was, the journal rewritten on the next turn.
        await cp(path.join(crashed, 'flokk.json'), target);
      }
      await rm(at, { recursive: true, force: true });
    } finally {
      await rm(crashed, { recursive: true, force: true });
    }
  }, 60_000);

  it('treats a tail of zeros (a filesystem that grew the file but lost its data) as torn', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio });
    await addProject(store, aProject({ title: 'Kept' }));
    const crashed = await image();
    await store.close();
    const [segment] = await segmentsOf(path.join(crashed, 'flokk.json'));
    await writeFile(segment!.path, Buffer.concat([await readFile(segment!.path), Buffer.alloc(4096)]));
    const opened = await LowdbStore.open(path.join(crashed, 'flokk.json'));
    expect(titles(opened.read())).toEqual(['Kept']);
    await opened.close();
    await rm(crashed, { recursive: true, force: true });
  });

  it('refuses a damaged record with whole records after it, naming the segment, and leaves every file untouched', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio });
    for (const t of ['A', 'B', 'C']) await addProject(store, aProject({ title: t }));
    const crashed = await image();
    await store.close();
    const target = path.join(crashed, 'flokk.json');
    const [segment] = await segmentsOf(target);
    const bytes = await readFile(segment!.path);
    const firstEnd = bytes.indexOf(0x0a);
    bytes[firstEnd - 3] = bytes[firstEnd - 3]! ^ 0x01; // one bit of the first record
    await writeFile(segment!.path, bytes);
    const error = await LowdbStore.open(target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLoadError);
    expect((error as StoreLoadError).file).toBe(segment!.path);
    expect((error as Error).message).toMatch(/damaged/);
    expect((await readFile(segment!.path)).equals(bytes)).toBe(true);
    await rm(crashed, { recursive: true, force: true });
  });

  it('refuses a journal that does not continue the data file (an older data file copied over it)', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio, journal: { maxRecords: 2, maxBytes: 1e9 } });
    for (const t of ['A', 'B', 'C']) await addProject(store, aProject({ title: t }));
    await new Promise((r) => setTimeout(r, 50)); // the background compaction after two records
    const crashed = await image();
    await store.close();
    const target = path.join(crashed, 'flokk.json');
    await writeFile(target, JSON.stringify(aPortfolio()));
    await expect(LowdbStore.open(target)).rejects.toThrow(/does not continue the data file/);
    await rm(crashed, { recursive: true, force: true });
  });

  it('refuses to start afresh from the seed when the data file is gone but its journal is not', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio });
    await addProject(store, aProject());
    const crashed = await image();
    await store.close();
    await rm(path.join(crashed, 'flokk.json'));
    await expect(LowdbStore.open(path.join(crashed, 'flokk.json'), { seed: aPortfolio })).rejects.toThrow(/its journal does/);
    await rm(crashed, { recursive: true, force: true });
  });

  it('recovers the acknowledged changes at every step of a background compaction, while writes go on', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio, journal: { maxRecords: 3, maxBytes: 1e9 } });
    const images: Array<[string, string]> = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const write = DurableJsonFile.prototype.write;
    // The first compaction only: the one held at the gate.
    let writes = 0;
    let removes = 0;
    jest.spyOn(DurableJsonFile.prototype, 'write').mockImplementation(async function (this: DurableJsonFile<unknown>, data) {
      if (writes++ > 0) return write.call(this, data);
      images.push(['sealed, before the snapshot is written', await image()]);
      await gate;
      return write.call(this, data);
    });
    const remove = JournalWriter.remove;
    jest.spyOn(JournalWriter, 'remove').mockImplementation(async (segments) => {
      if (removes++ > 0) return remove(segments);
      images.push(['snapshot renamed, old segments not yet removed', await image()]);
      await remove(segments);
      images.push(['old segments removed', await image()]);
    });
    for (const t of ['A', 'B', 'C']) await addProject(store, aProject({ title: t }));
    // The compaction is under way (held at the gate); changes go on into the next segment.
    await addProject(store, aProject({ title: 'D' }));
    await addProject(store, aProject({ title: 'E' }));
    images.push(['new segment written during the compaction', await image()]);
    // A crash while the snapshot's temporary file was half written (a pid no process has).
    const half = await image();
    await writeFile(path.join(half, '.flokk.json.999999999.tmp'), '{"schemaVersion":');
    images.push(['temporary snapshot half written', half]);
    release();
    await store.flush();
    await new Promise((r) => setTimeout(r, 50));
    await addProject(store, aProject({ title: 'F' }));
    images.push(['after the compaction', await image()]);
    jest.restoreAllMocks();
    await store.close();
    const expected = (n: number) => ['A', 'B', 'C', 'D', 'E', 'F'].slice(0, n);
    expect(images.map(([step]) => step)).toEqual([
      'sealed, before the snapshot is written',
      'new segment written during the compaction',
      'temporary snapshot half written',
      'snapshot renamed, old segments not yet removed',
      'old segments removed',
      'after the compaction',
    ]);
    for (const [step, at] of images) {
      const opened = await LowdbStore.open(path.join(at, 'flokk.json'));
      // Everything acknowledged before the image was taken, in order; a change in flight while it was copied may be there too.
      const atLeast = step.startsWith('sealed') ? 3 : step === 'after the compaction' ? 6 : 5;
      const got = titles(opened.read());
      expect([step, got]).toEqual([step, expected(Math.max(atLeast, got.length))]);
      await opened.close();
      expect(await readdir(at)).toEqual(['flokk.json']);
      await rm(at, { recursive: true, force: true });
    }
    const final = await LowdbStore.open(file);
    expect(titles(final.read())).toEqual(expected(6));
    await final.close();
  });

  (existsSync('/dev/full') ? it : it.skip)('rejects a change whose record cannot be written (a real ENOSPC), then writes the whole file, and nothing refused comes back', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio });
    await addProject(store, aProject({ title: 'Durable' }));
    await store.close();
    const reopened = await LowdbStore.open(file);
    // The next segment's name is a link to /dev/full.
    await symlink('/dev/full', `${file}.journal.${String(2).padStart(12, '0')}`);
    const error = await addProject(reopened, aProject({ title: 'Lost' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STORE.WRITE_FAILED', params: { reason: expect.stringContaining('ENOSPC') } });
    expect(titles(reopened.read())).toEqual(['Durable']);
    expect((await reopened.health()).ok).toBe(false);
    const write = jest.spyOn(DurableJsonFile.prototype, 'write');
    await addProject(reopened, aProject({ title: 'After' }));
    expect(write).toHaveBeenCalledTimes(1); // the whole file, which seals the failed segment
    expect((await reopened.health()).ok).toBe(true);
    await addProject(reopened, aProject({ title: 'Then a record again' }));
    expect(write).toHaveBeenCalledTimes(1);
    const crashed = await image();
    await reopened.close();
    const again = await LowdbStore.open(path.join(crashed, 'flokk.json'));
    expect(titles(again.read())).toEqual(['Durable', 'After', 'Then a record again']);
    await again.close();
    await rm(crashed, { recursive: true, force: true });
  });

  it('an erasure reaches the journal: after the store that erased closes, no file beside the data holds what was erased', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio });
    await addProject(store, aProject({ title: 'Kari Nordmanns hemmelige prosjekt' }));
    await store.close();
    // A crash left the name in the journal.
    const writer = await LowdbStore.open(file);
    await retitle(writer, writer.read().projects[0]!.id, 'Kari Nordmanns andre hemmelighet');
    const crashed = await image();
    await writer.close();
    const target = path.join(crashed, 'flokk.json');
    expect((await segmentsOf(target)).length).toBe(1);
    const eraser = await LowdbStore.open(target);
    await retitle(eraser, eraser.read().projects[0]!.id, '(slettet)');
    await eraser.close();
    for (const name of await readdir(crashed)) expect(await readFile(path.join(crashed, name), 'utf8')).not.toMatch(/Kari/);
    await rm(crashed, { recursive: true, force: true });
  });

  it('decodes what it encodes and stops at the first record that is not whole', () => {
    const bytes = Buffer.from('00000000 2 {}\n');
    expect(decode(bytes)).toMatchObject({ records: [], validBytes: 0, tornBytes: bytes.length });
  });
});
