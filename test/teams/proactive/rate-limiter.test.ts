import { ConversationRateLimiter } from '../../../src/teams/proactive/rate-limiter';

/** A fake clock: sleeping advances time, so the test measures spacing, not wall time. */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

describe('ConversationRateLimiter', () => {
  it('lets at most 7 sends into any one-second window of one conversation', async () => {
    const clock = fakeClock();
    const limiter = new ConversationRateLimiter(7, 1000, clock.now, clock.sleep);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      await limiter.acquire('c1');
      times.push(clock.now());
    }
    for (let i = 0; i + 7 < times.length; i++) expect(times[i + 7]! - times[i]!).toBeGreaterThanOrEqual(1000);
    expect(times.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(times[7]).toBe(1000);
  });

  it('keeps conversations apart', async () => {
    const clock = fakeClock();
    const limiter = new ConversationRateLimiter(7, 1000, clock.now, clock.sleep);
    for (let i = 0; i < 7; i++) await limiter.acquire('c1');
    await limiter.acquire('c2');
    expect(clock.sleeps).toEqual([]);
  });
});
