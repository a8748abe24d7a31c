import { runPostgresBench, type PostgresData } from '../../bench/postgres.bench';

/** Keeps the PostgreSQL benchmark working: two instances on the test cluster, a few voters, every one counted, no timing assertions. */
it('runs the PostgreSQL benchmark and counts every vote on each instance and in the database', async () => {
  const result = await runPostgresBench({ smoke: true });
  const data = result.data as PostgresData;
  expect(data.runs.map((r) => r.kind)).toEqual(['sequential', 'one-instance', 'two-instances']);
  for (const run of data.runs) {
    const sent = run.votes * run.polls;
    expect(run.flokk.countedInMemory).toEqual(run.kind === 'two-instances' ? [sent, sent] : [sent]);
    expect(run.flokk.countedInDatabase).toBe(sent);
    expect(run.flokk.cards).toBe(sent);
    expect(run.echo.cards).toBe(sent);
    expect(run.flokk.latency.p99).toBeGreaterThan(0);
    expect(run.echo.throughput).toBeGreaterThan(0);
  }
  expect(result.markdown).toContain('over two instances: throughput');
}, 25_000);
