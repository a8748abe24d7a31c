import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { JsonlAuditLog } from '../../src/store/audit-log';

describe('JsonlAuditLog', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-audit-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps every one of 300 concurrent entries, each once, as one JSON object per line', async () => {
    const log = new JsonlAuditLog(path.join(dir, 'a.audit.jsonl'));
    await Promise.all(Array.from({ length: 300 }, (_, i) => log.append({ at: new Date(0).toISOString(), actor: `a-${i}`, action: 'poll.vote', objects: { pollId: 'p1' } })));
    const lines = (await readFile(log.file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(300);
    expect(new Set(lines.map((l) => JSON.parse(l).actor)).size).toBe(300);
  });

  it('reads the newest first, per network, and skips a torn last line', async () => {
    const log = new JsonlAuditLog(path.join(dir, 'b.audit.jsonl'));
    await log.append({ at: '2026-01-01T00:00:00.000Z', networkId: 'n1', actor: 'x', action: 'first', objects: {} });
    await log.append({ at: '2026-01-02T00:00:00.000Z', networkId: 'n2', actor: 'y', action: 'other', objects: {} });
    await log.append({ at: '2026-01-03T00:00:00.000Z', networkId: 'n1', actor: 'z', action: 'second', objects: {} });
    const { appendFile } = await import('node:fs/promises');
    await appendFile(log.file, '{"at":"2026-01-04');
    expect((await log.recent(10, 'n1')).map((e) => e.action)).toEqual(['second', 'first']);
    expect(await new JsonlAuditLog(path.join(dir, 'missing.jsonl')).recent(10)).toEqual([]);
  });

  it('ends a torn last line before appending, so the next entry is not lost with it', async () => {
    const log = new JsonlAuditLog(path.join(dir, 'c.audit.jsonl'));
    await log.append({ at: '2026-01-01T00:00:00.000Z', actor: 'x', action: 'first', objects: {} });
    const { appendFile } = await import('node:fs/promises');
    await appendFile(log.file, '{"at":"2026-01-02'); // what a process killed mid-append leaves
    await log.append({ at: '2026-01-03T00:00:00.000Z', actor: 'y', action: 'second', objects: {} }, { at: '2026-01-03T00:00:01.000Z', action: 'third', objects: {} });
    expect((await log.recent(10)).map((e) => e.action)).toEqual(['third', 'second', 'first']);
    expect((await readFile(log.file, 'utf8')).split('\n')).toHaveLength(5); // four lines, the torn one on its own, and the final newline
  });
});
