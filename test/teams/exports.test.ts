import { Exports } from '../../src/teams/exports';

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
