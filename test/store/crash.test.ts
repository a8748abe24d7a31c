import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LowdbStore, type StoreEvent } from '../../src/store/lowdb-store';

const PROJECT_ROOT = path.resolve(__dirname, '../..');
const STORM = path.join(__dirname, 'fixtures', 'write-storm.ts');
const RUNS = 20;

let dir: string;
let file: string;
let auditFile: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-crash-'));
  file = path.join(dir, 'flokk.json');
  auditFile = path.join(dir, 'flokk.audit.jsonl');
});

/** The audit log's lines, each parsed, or undefined for a line that is not JSON (torn by a kill). */
async function auditLines(): Promise<Array<{ objects?: { markerId?: string } } | undefined>> {
  const text = await readFile(auditFile, 'utf8').catch(() => '');
  return text.split('\n').slice(0, -1).map((line) => {
    try {
      return JSON.parse(line) as { objects?: { markerId?: string } };
    } catch {
      return undefined;
    }
  });
}

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts the storm, kills it with SIGKILL 20–300 ms after it opened the store, and returns the numbers it acknowledged. */
async function stormThenKill(): Promise<{ first: number; acknowledged: number[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', STORM, file, auditFile], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  for (let i = 0; i < 400 && !stdout.includes('\n'); i++) await new Promise((r) => setTimeout(r, 25));
  if (!/^ready \d+\n/.test(stdout)) {
    child.kill('SIGKILL');
    throw new Error(`the storm did not start: ${stdout}${stderr}`);
  }
  await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 281)));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  // Only whole lines count: a number is printed after its change resolved, a torn line proves nothing.
  const lines = stdout.slice(0, stdout.lastIndexOf('\n')).split('\n');
  return { first: Number(lines[0]!.split(' ')[1]), acknowledged: lines.slice(1).map(Number) };
}

describe('a writer killed with SIGKILL at random moments', () => {
  it(`keeps every acknowledged change, and a valid file, and every change on disk has its audit entry, through ${RUNS} kills in a row`, async () => {
    let durableBefore = 0;
    let acknowledgedTotal = 0;
    let recoveries = 0;
    let tempFilesLeft = 0;
    let linesBefore = 0;
    let entriesWithoutChange = 0;
    let tornLines = 0;
    for (let run = 0; run < RUNS; run++) {
      const { first, acknowledged } = await stormThenKill();
      // Each restart continues from what the file holds.
      expect(first).toBe(durableBefore + 1);
      acknowledgedTotal += acknowledged.length;
      const left = await readdir(dir);
      expect(left).toContain('flokk.json.lock'); // the killed writer could not release it
      if (left.some((name) => name.endsWith('.tmp'))) tempFilesLeft += 1;

      const events: StoreEvent[] = [];
      // Opening parses and validates the whole file against the schema, and takes over the stale lock.
      const store = await LowdbStore.open(file, { onEvent: (event) => events.push(event) });
      if (events.includes('recovered')) recoveries += 1;
      const p = store.read();
      const onDisk = new Set([...p.organisations.map((o) => o.id), ...p.projects.map((x) => x.id)]);
      const idOf = (n: number) => (n % 3 === 0 ? `project-${n}` : `org-${n}`);
      for (const n of acknowledged) expect(onDisk.has(idOf(n))).toBe(true);
      // Changes are applied in order, so what is durable is always a prefix: 1…n, no gaps, no duplicates.
      const durable = onDisk.size;
      expect(p.organisations.length + p.projects.length).toBe(durable);
      for (let n = 1; n <= durable; n++) expect(onDisk.has(idOf(n))).toBe(true);
      expect(durable).toBeGreaterThanOrEqual(Math.max(durableBefore, ...acknowledged));
      // The audit entry is durable before the change: every change on disk has its entry, whenever the kill came.
      const lines = await auditLines();
      const audited = new Set(lines.map((l) => l?.objects?.markerId));
      const unaudited = [...onDisk].filter((id) => !audited.has(id));
      expect(unaudited).toEqual([]);
      // What this run appended: entries beyond what reached the data file are changes the kill cut off.
      const appended = lines.slice(linesBefore);
      tornLines += appended.filter((l) => l === undefined).length;
      entriesWithoutChange += appended.filter((l) => l?.objects?.markerId && !onDisk.has(l.objects.markerId)).length;
      linesBefore = lines.length;
      // No temporary file of the dead writer survives the open to trouble a later one.
      expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      await store.close();
      expect((await readdir(dir)).sort()).toEqual(['flokk.audit.jsonl', 'flokk.json']);
      durableBefore = durable;
    }
    expect(acknowledgedTotal).toBeGreaterThan(RUNS);
    expect(recoveries).toBe(RUNS);
    // For the record: how many kills landed while a write was under way.
    process.stdout.write(
      `crash test: ${acknowledgedTotal} changes acknowledged, ${durableBefore} durable, all with their audit entry; ` +
        `${entriesWithoutChange} entries for changes the kills cut off before the data write, ${tornLines} torn audit lines; ${tempFilesLeft}/${RUNS} kills mid-write\n`,
    );
  }, 180_000);
});
