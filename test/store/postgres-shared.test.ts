import { Client } from 'pg';
import { PostgresSharedState } from '../../src/store/postgres/postgres-shared';
import type { SharedExport } from '../../src/store/shared-state';
import { freshDatabase } from './postgres/database';

/** Links, answered invokes and the scheduler's lease, as two instances on one database share them. */
let url: string;
let a: PostgresSharedState;
let b: PostgresSharedState;
beforeAll(async () => {
  url = await freshDatabase();
  [a, b] = await Promise.all([PostgresSharedState.open(url, { pollMs: 100 }), PostgresSharedState.open(url, { pollMs: 100 })]);
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

const file = (n: number, owner = 'x', expires = Date.now() + 60_000): SharedExport => ({ token: `t-${n}-${owner}`, owner, name: `f${n}.csv`, contentType: 'text/csv', body: `body ${n}`, expires });
const until = async (done: () => boolean, ms = 1000) => {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  return done();
};

describe('download links in PostgreSQL', () => {
  it('reach the other instance at once by notification, and a late follower gets the live ones', async () => {
    const seenByB: string[] = [];
    await b.exports.follow((f) => seenByB.push(f.token));
    await a.exports.follow(() => undefined);
    const started = Date.now();
    await a.exports.publish(file(1));
    expect(await until(() => seenByB.includes('t-1-x'))).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);
    await a.exports.publish(file(2, 'x', Date.now() - 1)); // already expired: nobody gets it
    const late = await PostgresSharedState.open(url);
    const seenLate: SharedExport[] = [];
    await late.exports.follow((f) => seenLate.push(f));
    await late.close();
    expect(seenLate.map((f) => f.token)).toEqual(['t-1-x']);
    expect(seenLate[0]).toMatchObject({ owner: 'x', name: 'f1.csv', contentType: 'text/csv', body: 'body 1' });
  });

  it('keep each person’s newest 20 in the table, and expired ones are swept', async () => {
    for (let n = 0; n < 25; n++) await a.exports.publish(file(100 + n, 'flood'));
    await a.exports.publish(file(999, 'gone', Date.now() - 1));
    await a.sweep();
    const c = new Client({ connectionString: url });
    await c.connect();
    const rows = (await c.query<{ owner: string; n: string }>('SELECT owner, count(*) AS n FROM flokk_export GROUP BY owner ORDER BY owner')).rows;
    await c.end();
    expect(rows).toEqual([
      { owner: 'flood', n: '20' },
      { owner: 'x', n: '1' },
    ]);
  });
});

describe('answered invokes in PostgreSQL', () => {
  it('are claimed by one delivery only, and the other reads its outcome', async () => {
    const claims = await Promise.all([a.invokes.claim('k1'), b.invokes.claim('k1'), b.invokes.claim('k1')]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const waiting = b.invokes.outcomeOf('k1', 2000);
    await new Promise((r) => setTimeout(r, 50));
    await a.invokes.settle('k1', { ok: true, value: { type: 'AdaptiveCard', body: [] } });
    expect(await waiting).toEqual({ ok: true, value: { type: 'AdaptiveCard', body: [] } });
    expect(await b.invokes.outcomeOf('never-claimed', 30)).toBeUndefined();
  });
});

describe('the scheduler lease', () => {
  it('is held by one instance at a time, and passes to the other when the holder lets go', async () => {
    const [la, lb] = [a.lease(4242), b.lease(4242)];
    expect(await la.acquire()).toBe(true);
    expect(await lb.acquire()).toBe(false);
    expect(await la.acquire()).toBe(true);
    await la.release();
    expect(await lb.acquire()).toBe(true);
    expect(await la.acquire()).toBe(false);
  });

  it('passes on when the holder’s session ends without a release (a killed instance)', async () => {
    const [la, lb] = [a.lease(4343), b.lease(4343)];
    expect(await la.acquire()).toBe(true);
    const c = new Client({ connectionString: url });
    await c.connect();
    await c.query(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = 4343 AND granted`);
    await c.end();
    await new Promise((r) => setTimeout(r, 50));
    expect(await lb.acquire()).toBe(true);
    expect(await la.acquire()).toBe(false);
  });
});
