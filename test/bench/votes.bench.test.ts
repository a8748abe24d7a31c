import { runVotesBench, type VotesData } from '../../bench/votes.bench';

/** Keeps the votes benchmark working: a few voters, every one counted, no timing assertions. */
it('runs the votes benchmark and counts every vote, in memory and on disk', async () => {
  const result = await runVotesBench({ smoke: true });
  const data = result.data as VotesData;
  expect(data.runs.map((r) => r.voters)).toEqual(data.params.voters);
  for (const run of data.runs) {
    const sent = run.voters * run.reps;
    expect(run.flokk.countedInMemory).toBe(sent);
    expect(run.flokk.countedOnDisk).toBe(sent);
    expect(run.flokk.cards).toBe(sent);
    expect(run.echo.cards).toBe(sent);
    expect(run.flokk.throughput).toBeGreaterThan(0);
    expect(run.echo.latency.p99).toBeGreaterThan(0);
    expect(run.flokk.writes).toBeGreaterThan(0);
  }
  expect(result.markdown).toContain('voters');
}, 20_000);
