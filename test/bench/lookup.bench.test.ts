import { runLookupBench, type LookupData } from '../../bench/lookup.bench';

/** Keeps the lookup benchmark working: a handful of turns, no timing assertions. */
it('runs the lookup benchmark against Flokk and the echo baseline and produces figures', async () => {
  const result = await runLookupBench({ smoke: true });
  const data = result.data as LookupData;
  for (const bot of [data.flokk, data.echo]) {
    for (const phase of [bot.sequential, bot.concurrent]) {
      expect(phase.ok).toBe(phase.sent);
      expect(phase.latency.n).toBe(phase.sent);
      expect(phase.latency.p50).toBeGreaterThan(0);
      expect(phase.throughput).toBeGreaterThan(0);
    }
    expect(bot.replies).toBe(bot.sequential.sent + bot.concurrent.sent + data.params.warmup);
  }
  expect(data.flokk.lastReply).toContain('Trondheim');
  expect(result.markdown).toContain('| Sequential');
  expect(result.targets.length).toBeGreaterThan(0);
}, 20_000);
