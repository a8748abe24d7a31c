import { Portfolio } from '../../src/domain/schema';
import { runScaleBench, type ScaleData } from '../../bench/scale.bench';
import { generatePortfolio } from '../../bench/scale/generate-portfolio';

/** Keeps the store-scale benchmark working: one tiny portfolio, no timing assertions. */
it('generates the same valid portfolio for the same seed, with ten times as many votes and status reports', () => {
  const a = generatePortfolio(60, 7);
  const b = generatePortfolio(60, 7);
  expect(JSON.stringify(a.portfolio)).toBe(JSON.stringify(b.portfolio));
  expect(() => Portfolio.parse(a.portfolio)).not.toThrow();
  expect(a.portfolio.projects).toHaveLength(60);
  expect(a.portfolio.votes).toHaveLength(600);
  expect(a.portfolio.projects.reduce((n, p) => n + p.statusReports.length, 0)).toBe(600);
  expect(a.portfolio.polls.find((p) => p.id === a.openPollId)?.status).toBe('open');
});

it('runs the store-scale benchmark and produces figures', async () => {
  const result = await runScaleBench({ smoke: true });
  const data = result.data as ScaleData;
  expect(data.echo.rss).toBeGreaterThan(0);
  expect(data.floor.n).toBe(data.params.floorWrites);
  const [size] = data.sizes;
  expect(size!.fileBytes).toBeGreaterThan(0);
  expect(size!.open.startMs).toBeGreaterThan(0);
  expect(size!.flokk.rss).toBeGreaterThan(0);
  expect(size!.exact.kind).toBe('found');
  const { sequential, bursts } = data.params.mutations[data.params.sizes[0]!]!;
  for (const writes of [size!.flokkStore, size!.storeAlone]) {
    expect(writes.sequential.n).toBe(sequential);
    expect(writes.concurrent.n).toBe(bursts * data.params.burstSize);
    expect(writes.write.n).toBeGreaterThan(0);
  }
  expect(result.targets.length).toBeGreaterThan(0);
}, 20_000);
