import { existsSync } from 'node:fs';
import fsp, { mkdir, mkdtemp, open, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DurableJsonFile, writeFileAtomic } from '../../src/store/durable-json-file';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-durable-'));
  file = path.join(dir, 'data.json');
});

afterEach(async () => {
  jest.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** The same temporary name DurableJsonFile uses; tests that plant something there check it was hit. */
function tmpPathOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
}

const sample = { schemaVersion: 1, name: 'Æøå — "quoted"\n', list: [1, 2, 3], nested: { ok: true } };

describe('DurableJsonFile', () => {
  it('reads back exactly what it wrote', async () => {
    const json = new DurableJsonFile<typeof sample>(file);
    await json.write(sample);
    expect(await json.read()).toEqual(sample);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(sample);
    // A fresh instance on the same path sees it too.
    expect(await new DurableJsonFile<typeof sample>(file).read()).toEqual(sample);
  });

  it('replaces the previous content', async () => {
    const json = new DurableJsonFile<{ n: number }>(file);
    await json.write({ n: 1 });
    await json.write({ n: 2 });
    expect(await json.read()).toEqual({ n: 2 });
  });

  it('reports a missing file as undefined / null rather than throwing', async () => {
    const json = new DurableJsonFile(file);
    expect(await json.readText()).toBeUndefined();
    expect(await json.read()).toBeNull();
  });

  it('leaves no temporary file behind after a write', async () => {
    const json = new DurableJsonFile(file);
    await json.write(sample);
    await json.write({ ...sample, name: 'second' });
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('refuses to decode bytes that are not UTF-8 instead of replacing them', async () => {
    await writeFile(file, Buffer.concat([Buffer.from('{"name":"a'), Buffer.from([0xff]), Buffer.from('b"}')]));
    const json = new DurableJsonFile(file);
    await expect(json.readText()).rejects.toThrow(/UTF-8/);
    await expect(json.read()).rejects.toThrow(/UTF-8/);
  });

  it('reads valid multi-byte UTF-8 unchanged', async () => {
    await writeFile(file, Buffer.from('{"name":"Bærum – Ørland 🐑"}', 'utf8'));
    expect(await new DurableJsonFile(file).read()).toEqual({ name: 'Bærum – Ørland 🐑' });
  });

  // A real ENOSPC that works as root too: the temporary file's name is a symlink to /dev/full,
  // so the write fails after the temporary file was opened, in the middle of writing.
  (existsSync('/dev/full') ? it : it.skip)('keeps the old file intact and removes the temporary file when writing fails mid-way', async () => {
    const json = new DurableJsonFile(file);
    await json.write({ version: 'old' });
    const before = await readFile(file);
    const past = new Date('2020-01-01T00:00:00Z');
    await utimes(file, past, past);
    await symlink('/dev/full', tmpPathOf(file));

    await expect(json.write({ version: 'new' })).rejects.toMatchObject({ code: 'ENOSPC' });

    expect((await readFile(file)).equals(before)).toBe(true);
    expect((await stat(file)).mtimeMs).toBe(past.getTime());
    expect(await readdir(dir)).toEqual(['data.json']);
    expect(existsSync('/dev/full')).toBe(true);
  });

  it('rejects a write into a directory that does not exist, creating nothing', async () => {
    const missing = path.join(dir, 'nope', 'data.json');
    await expect(new DurableJsonFile(missing).write(sample)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(path.join(dir, 'nope'))).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes the temporary file when the final rename fails', async () => {
    // The target is a non-empty directory: writing the temporary file works, renaming over it cannot.
    await mkdir(file);
    await writeFile(path.join(file, 'keep'), 'x');

    await expect(new DurableJsonFile(file).write(sample)).rejects.toThrow();

    expect(await readdir(dir)).toEqual(['data.json']);
    expect(await readdir(file)).toEqual(['keep']);
  });

  it('backs the file up byte for byte and leaves the original alone', async () => {
    const json = new DurableJsonFile(file);
    await json.write(sample);
    const before = await readFile(file);
    const backup = await json.backup('schema-v1.bak');
    expect(backup).toBe(`${file}.schema-v1.bak`);
    expect((await readFile(backup)).equals(before)).toBe(true);
    expect((await readFile(file)).equals(before)).toBe(true);
  });
});

describe('writeFileAtomic', () => {
  it('writes the bytes as given, readable by this user only, leaving no temporary file', async () => {
    const bytes = Buffer.from([0x7b, 0xff, 0x00, 0xc3, 0xa6, 0x7d]);
    await writeFileAtomic(file, bytes);
    expect((await readFile(file)).equals(bytes)).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await writeFileAtomic(file, 'Ørland\n');
    expect(await readFile(file, 'utf8')).toBe('Ørland\n');
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('fsyncs the temporary file before renaming it over the target, and the directory after', async () => {
    const steps: string[] = [];
    const probe = await open(path.join(dir, 'probe'), 'w');
    const handleProto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
    await probe.close();
    const sync = handleProto.sync;
    jest.spyOn(handleProto, 'sync').mockImplementation(function (this: unknown) {
      steps.push('sync');
      return sync.call(this);
    });
    const rename = fsp.rename;
    jest.spyOn(fsp, 'rename').mockImplementation((from, to) => {
      steps.push(`rename ${path.basename(String(from))} -> ${path.basename(String(to))}`);
      return rename(from, to);
    });

    await writeFileAtomic(file, 'x');

    expect(steps).toEqual(['sync', `rename .data.json.${process.pid}.tmp -> data.json`, 'sync']);
  });
});
