import { runUnderstandingBench, type UnderstandingData } from '../../bench/understanding.bench';

/** Keeps the understanding benchmark working: one round, a small generated portfolio, no timing assertions. */
it('understands every corpus question on the demo and a generated portfolio and produces figures', async () => {
  const result = await runUnderstandingBench({ smoke: true });
  const data = result.data as UnderstandingData;
  expect(data.questions).toBeGreaterThanOrEqual(400);
  for (const f of [data.demo, data.large]) {
    expect(f.latency.n).toBe(data.questions * data.params.rounds);
    expect(f.latency.p50).toBeGreaterThan(0);
  }
  expect(result.markdown).toContain('| Demo');
  expect(result.targets).toHaveLength(2);
}, 30_000);
