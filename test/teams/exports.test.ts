import { Exports } from '../../src/teams/exports';
import type { ExportReplica, SharedExport } from '../../src/store/shared-state';

const tokenOf = (link: string) => link.split('/exports/')[1]!.split('/')[0]!;
const file = (n: number) => ({ name: `f-${n}.csv`, contentType: 'text/csv', body: `body ${n}` });

describe('download links', () => {
  it('cap each person separately: one person asking for many files never evicts another’s', () => {
    const exports = new Exports(() => 'https://flokk.example', Date.now, 3_600_000, 20);
    const secretariat = tokenOf(exports.put(file(0), 'aad-secretariat'));
    const flood = Array.from({ length: 500 }, (_, i) => tokenOf(exports.put(file(i + 1), 'aad-attacker')));
    expect(exports.get(secretariat)?.body).toBe('body 0');
    // The flood keeps only its own latest 20.
    expect(flood.filter((t) => exports.get(t)).length).toBe(20);
    expect(exports.get(flood.at(-1)!)?.body).toBe('body 500');
    expect(exports.get(flood[0]!)).toBeUndefined();
  });

  it('expire after their time', () => {
    let now = 0;
    const exports = new Exports(() => 'https://flokk.example', () => now, 1000);
    const t = tokenOf(exports.put(file(1), 'a'));
    now = 999;
    expect(exports.get(t)).toBeDefined();
    now = 1000;
    expect(exports.get(t)).toBeUndefined();
  });
});

describe('download links shared with other instances', () => {
  /** What a database does for the instances: every file published reaches every follower. */
  const bus = () => {
    const followers: Array<(f: SharedExport) => void> = [];
    const replica = (): ExportReplica => ({
      publish: async (f) => followers.forEach((receive) => receive(f)),
      follow: async (receive) => void followers.push(receive),
    });
    return { replica };
  };

  it('download from the instance that did not hand them out, within the same per-person limit', async () => {
    const shared = bus();
    const a = new Exports(() => 'https://a.example', Date.now, 3_600_000, 3);
    const b = new Exports(() => 'https://b.example', Date.now, 3_600_000, 3);
    await a.shareThrough(shared.replica(), () => undefined);
    await b.shareThrough(shared.replica(), () => undefined);
    const t = tokenOf(a.put(file(1), 'x'));
    expect(b.get(t)).toEqual(file(1));
    const more = [2, 3, 4].map((n) => tokenOf(b.put(file(n), 'x')));
    // Both apply the same per-person limit: the oldest of x's four is gone on both.
    for (const e of [a, b]) {
      expect(e.get(t)).toBeUndefined();
      expect(more.map((m) => e.get(m)?.body)).toEqual(['body 2', 'body 3', 'body 4']);
    }
  });

  it('still hand out a link when sharing fails, and report it', async () => {
    const errors: unknown[] = [];
    const a = new Exports(() => 'https://a.example');
    await a.shareThrough({ publish: () => Promise.reject(new Error('database down')), follow: async () => undefined }, (e) => errors.push(e));
    const t = tokenOf(a.put(file(1), 'x'));
    expect(a.get(t)?.body).toBe('body 1');
    await new Promise((r) => setImmediate(r));
    expect(errors).toHaveLength(1);
  });
});
