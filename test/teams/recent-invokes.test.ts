import type { InvokeLedger, InvokeOutcome } from '../../src/store/shared-state';
import { InvokeUnansweredError, RecentInvokes } from '../../src/teams/recent-invokes';

const key = (activityId: string, senderId = '29:a') => ({ senderId, activityId, verb: 'poll.open' });

/** A ledger as the database keeps it, shared by every RecentInvokes given it. */
function memoryLedger(): InvokeLedger {
  const rows = new Map<string, InvokeOutcome | null>();
  return {
    claim: async (k) => (rows.has(k) ? false : (rows.set(k, null), true)),
    settle: async (k, o) => void rows.set(k, o),
    outcomeOf: async (k, waitMs) => {
      const until = Date.now() + waitMs;
      while (Date.now() < until) {
        const o = rows.get(k);
        if (o) return o;
        await new Promise((r) => setTimeout(r, 5));
      }
      return rows.get(k) ?? undefined;
    },
  };
}

describe('re-delivered invokes', () => {
  it('run once in one process: the second delivery gets the first answer', async () => {
    const recent = new RecentInvokes<string>();
    let runs = 0;
    const run = async () => `answer ${++runs}`;
    expect(await Promise.all([recent.once(key('1'), run), recent.once(key('1'), run)])).toEqual(['answer 1', 'answer 1']);
    expect(await recent.once(key('1', '29:b'), run)).toBe('answer 2');
  });

  it('run once across instances sharing a ledger, the later delivery waiting for the first answer', async () => {
    const ledger = memoryLedger();
    const [a, b] = [new RecentInvokes<string>(10, ledger), new RecentInvokes<string>(10, ledger)];
    let runs = 0;
    const slow = async () => (await new Promise((r) => setTimeout(r, 50)), `answer ${++runs}`);
    expect(await Promise.all([a.once(key('2'), slow), b.once(key('2'), slow)])).toEqual(['answer 1', 'answer 1']);
    expect(await b.once(key('2'), slow)).toBe('answer 1');
    expect(runs).toBe(1);
  });

  it('share a failure, and refuse rather than run again when the first delivery never answers', async () => {
    const ledger = memoryLedger();
    const [a, b] = [new RecentInvokes<string>(10, ledger), new RecentInvokes<string>(10, ledger, 50)];
    await expect(a.once(key('3'), () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(b.once(key('3'), async () => 'ran again')).rejects.toThrow('failed');
    await ledger.claim(JSON.stringify(['29:a', '4', 'poll.open'])); // an instance that stopped mid-turn
    await expect(b.once(key('4'), async () => 'ran again')).rejects.toBeInstanceOf(InvokeUnansweredError);
  });
});
