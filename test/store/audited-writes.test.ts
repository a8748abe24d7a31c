import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DomainError } from '../../src/domain/errors';
import type { Project } from '../../src/domain/schema';
import { JsonlAuditLog, type AuditEntry } from '../../src/store/audit-log';
import { DurableJsonFile } from '../../src/store/durable-json-file';
import { JournalWriter } from '../../src/store/journal';
import { LowdbStore } from '../../src/store/lowdb-store';
import { MemoryStore } from '../../src/store/memory-store';
import type { PortfolioStore } from '../../src/store/portfolio-store';
import { aPortfolio, aProject } from '../builders';

/**
 * The audit entry travels with its change through the store's one write path: appended and fsynced
 * before the data file, and the change is acknowledged only if both are durable.
 */
let dir: string;
let file: string;
let auditFile: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-audited-'));
  file = path.join(dir, 'flokk.json');
  auditFile = path.join(dir, 'flokk.audit.jsonl');
});

afterEach(async () => {
  jest.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const entryFor = (project: Project): AuditEntry => ({ at: '2026-03-11T09:00:00.000Z', actor: 'aad-1', action: 'project.propose', objects: { projectId: project.id } });

function addProject(store: PortfolioStore, project: Project, audit = true): Promise<string> {
  return store.update((current) => ({
    next: { ...current, projects: [...current.projects, project] },
    result: project.id,
    ...(audit ? { auditEntry: entryFor(project) } : {}),
  }));
}

async function auditLines(): Promise<AuditEntry[]> {
  if (!existsSync(auditFile)) return [];
  return (await readFile(auditFile, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditEntry);
}

const open = (options: Parameters<typeof LowdbStore.open>[1] = {}) => LowdbStore.open(file, { seed: aPortfolio, audit: new JsonlAuditLog(auditFile), ...options });

/** Both ways a change reaches the disk: the whole data file (`journal: false`, and every compaction), or a journal record. */
const WRITERS = [
  ['the data file', { journal: false }, DurableJsonFile.prototype, 'write'],
  ['the journal record', {}, JournalWriter.prototype, 'append'],
] as const;

describe('an audited change', () => {
  it.each(WRITERS)('has its entry on disk before %s that holds it is written', async (_name, options, proto, method) => {
    const store = await open(options);
    const project = aProject({ title: 'Audited' });
    const seenAtWrite: AuditEntry[][] = [];
    const target = proto as unknown as Record<string, (...args: unknown[]) => Promise<void>>;
    const write = target[method]!;
    jest.spyOn(target, method).mockImplementation(async function (this: unknown, ...args: unknown[]) {
      seenAtWrite.push(await auditLines());
      return write.apply(this, args);
    });

    await addProject(store, project);

    expect(seenAtWrite).toEqual([[entryFor(project)]]);
    expect(await auditLines()).toEqual([entryFor(project)]);
    await store.close();
  });

  it('shares one append with the changes of the same write, in the order they were made', async () => {
    const store = await open();
    const projects = Array.from({ length: 50 }, (_, i) => aProject({ title: `Prosjekt ${i}` }));
    await Promise.all(projects.map((p) => addProject(store, p)));
    expect((await auditLines()).map((e) => e.objects.projectId)).toEqual(projects.map((p) => p.id));
    await store.close();
  });

  it('writes no entry for a change that changes nothing', async () => {
    const store = await open();
    await store.update((current) => ({ next: current, result: 0, auditEntry: entryFor(aProject()) }));
    await store.flush();
    expect(existsSync(auditFile)).toBe(false);
    await store.close();
  });

  it('is refused, changing nothing, by a store that keeps no audit log', async () => {
    const store = await LowdbStore.open(file, { seed: aPortfolio });
    const before = store.read();
    await expect(addProject(store, aProject())).rejects.toThrow(/no audit log/);
    expect(store.read()).toBe(before);
    // A change without an entry (an operator's script, say) is written as before.
    await addProject(store, aProject(), false);
    expect(store.read().projects).toHaveLength(1);
    await store.close();
  });

  it('is kept in memory by the memory store', async () => {
    const store = new MemoryStore(aPortfolio());
    const project = aProject();
    await addProject(store, project);
    expect(store.auditEntries).toEqual([entryFor(project)]);
  });
});

const unwritable: Array<[string, () => Promise<void>]> = [
  ['a directory', async () => void (await mkdir(auditFile))],
  ...(existsSync('/dev/full') ? [['a full disk (/dev/full)', () => symlink('/dev/full', auditFile)] as [string, () => Promise<void>]] : []),
];

describe('an audit log that cannot be written', () => {
  it.each(unwritable)('as %s: the change is rolled back and rejected, the data file untouched, health not ok until an append succeeds', async (_name, breakIt) => {
    const failures: Array<[DomainError, Record<string, unknown>]> = [];
    const store = await open({ onWriteError: (error, detail) => failures.push([error, detail]) });
    await addProject(store, aProject({ title: 'Durable' }), false);
    const state = store.read();
    const bytes = await readFile(file);
    await breakIt();

    const outcomes = await Promise.allSettled([addProject(store, aProject({ title: 'Lost 1' })), addProject(store, aProject({ title: 'Lost 2' }))]);

    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    for (const o of outcomes) expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'STORE.WRITE_FAILED', params: { part: 'audit' } });
    expect(store.read()).toBe(state);
    expect((await readFile(file)).equals(bytes)).toBe(true);
    expect(failures[0]![1]).toMatchObject({ file: auditFile, part: 'audit' });
    expect(await store.health()).toEqual({ ok: false, detail: 'the last append to the audit log failed' });
    // A write without entries proves nothing about the audit log: still not ok.
    await addProject(store, aProject({ title: 'Unaudited' }), false);
    expect((await store.health()).ok).toBe(false);

    await rm(auditFile, { recursive: true, force: true });
    const after = aProject({ title: 'After' });
    await addProject(store, after);
    expect(await store.health()).toEqual({ ok: true });
    expect(await auditLines()).toEqual([entryFor(after)]);
    await store.close();
  });

  it.each(WRITERS)('when the write of %s fails after the append, keeps the entry and rejects the change (the log over-records, never under-records)', async (_name, options, proto, method) => {
    const store = await open(options);
    jest.spyOn(proto as unknown as Record<string, () => Promise<void>>, method).mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    const project = aProject();
    await expect(addProject(store, project)).rejects.toMatchObject({ code: 'STORE.WRITE_FAILED', params: { part: 'data' } });
    expect(store.read().projects).toEqual([]);
    expect(await auditLines()).toEqual([entryFor(project)]);
    expect(await store.health()).toEqual({ ok: false, detail: 'the last write failed' });
    await store.close();
    expect((await readdir(dir)).sort()).toEqual(['flokk.audit.jsonl', 'flokk.json']);
  });

});
