import type { TargetCheck } from '../lib/bench';
import type { LookupReport, ReadyReport } from '../lib/child-protocol';
import { count, mb, ms, table, withRatio } from '../lib/format';
import type { LatencySummary } from '../lib/stats';

/** The store-scale benchmark's figures, the targets they are checked against, and its Markdown table. */
export interface Params {
  sizes: number[];
  lookups: number;
  mutations: Record<number, { sequential: number; bursts: number }>;
  burstSize: number;
  maxMutateMs: number;
  floorWrites: number;
}

export interface Writes {
  sequential: LatencySummary;
  concurrent: LatencySummary;
  write: LatencySummary;
  audit: LatencySummary;
  stringify: LatencySummary;
  compact: LatencySummary;
  indentedChars: number;
  compactChars: number;
}

export interface SizeFigures {
  projects: number;
  statusReports: number;
  votes: number;
  people: number;
  polls: number;
  generateMs: number;
  fileBytes: number;
  open: ReadyReport;
  flokk: ReadyReport;
  exact: LookupReport & { latency: LatencySummary };
  fuzzy: LookupReport & { latency: LatencySummary };
  storeAlone: Writes;
  flokkStore: Writes;
  rssAfterWrites: number;
}

export interface ScaleData {
  params: Params;
  echo: ReadyReport;
  floor: LatencySummary;
  sizes: SizeFigures[];
}

const AT = 1000;

export function targets(d: ScaleData): TargetCheck[] {
  const s = d.sizes.find((x) => x.projects === AT) ?? d.sizes.at(-1)!;
  const at = `${count(s.projects)} projects / ${count(s.votes)} votes`;
  const under = (target: string, value: number, limit: number, text: (v: number) => string): TargetCheck => ({
    target,
    measured: text(value),
    met: value < limit,
    margin: value < limit ? `within, ${((1 - value / limit) * 100).toFixed(0)} % to spare` : `missed by ${text(value - limit)} (${((value / limit - 1) * 100).toFixed(0)} %)`,
  });
  return [
    under(`Durable vote acknowledged p99 < 50 ms at ${at}, one at a time (Flokk's store: lowdb + audit log)`, s.flokkStore.sequential.p99, 50, ms),
    under(`Durable vote acknowledged p99 < 50 ms at ${at}, ${d.params.burstSize} at once (Flokk's store)`, s.flokkStore.concurrent.p99, 50, ms),
    under(`Start-up < 1 s at ${count(s.projects)} projects: LowdbStore.open + first lookup`, s.open.startMs + (s.open.firstLookupMs ?? 0), 1000, ms),
    under(`Start-up < 1 s at ${count(s.projects)} projects: startFlokk to listening`, s.flokk.startMs, 1000, ms),
    under(`Start-up < 1 s at ${count(s.projects)} projects: process start to listening (incl. loading modules)`, s.flokk.sinceProcessStartMs, 1000, ms),
    under(`RSS < 150 MB at ${count(s.projects)} projects, after start`, s.flokk.rss / 2 ** 20, 150, (v) => `${v.toFixed(0)} MB`),
  ];
}

export function render(d: ScaleData): string {
  const e = d.echo;
  const f = d.floor;
  const col = (fn: (s: SizeFigures) => string) => d.sizes.map(fn);
  const pair = (a: LatencySummary, b?: LatencySummary) =>
    b ? `${withRatio(ms(a.p50), a.p50, b.p50)} / ${withRatio(ms(a.p99), a.p99, b.p99)}` : `${ms(a.p50)} / ${ms(a.p99)}`;
  const rows: string[][] = [
    ['Projects / status reports / votes', '—', ...col((s) => `${count(s.projects)} / ${count(s.statusReports)} / ${count(s.votes)}`)],
    ['People / polls', '—', ...col((s) => `${count(s.people)} / ${count(s.polls)}`)],
    ['Data file size', '—', ...col((s) => mb(s.fileBytes))],
    ['**Start-up**', '', ...col(() => '')],
    ['Loading modules (require)', ms(e.importMs), ...col((s) => withRatio(ms(s.flokk.importMs), s.flokk.importMs, e.importMs))],
    ['`LowdbStore.open` (read, parse, migrate, validate)', '—', ...col((s) => ms(s.open.startMs))],
    ['First lookup (builds the name index)', '—', ...col((s) => ms(s.open.firstLookupMs))],
    ['`LowdbStore.open` + first lookup', '—', ...col((s) => ms(s.open.startMs + (s.open.firstLookupMs ?? 0)))],
    ['`startFlokk` → listening (echo: `startEchoBot`)', ms(e.startMs), ...col((s) => withRatio(ms(s.flokk.startMs), s.flokk.startMs, e.startMs))],
    ['Process start → listening', ms(e.sinceProcessStartMs), ...col((s) => withRatio(ms(s.flokk.sinceProcessStartMs), s.flokk.sinceProcessStartMs, e.sinceProcessStartMs))],
    ['RSS after start', mb(e.rss), ...col((s) => withRatio(mb(s.flokk.rss), s.flokk.rss, e.rss))],
    ['V8 heap used after start', mb(e.heapUsed), ...col((s) => withRatio(mb(s.flokk.heapUsed), s.flokk.heapUsed, e.heapUsed))],
    ['RSS / heap used after a full GC', `${mb(e.rssAfterGc)} / ${mb(e.heapUsedAfterGc)}`, ...col((s) => `${withRatio(mb(s.flokk.rssAfterGc), s.flokk.rssAfterGc, e.rssAfterGc)} / ${mb(s.flokk.heapUsedAfterGc)}`)],
    ['RSS after `LowdbStore.open` + first lookup alone (no bot)', '—', ...col((s) => mb(s.open.rss))],
    ['RSS after the writes below', '—', ...col((s) => mb(s.rssAfterWrites))],
    ['**Lookup** (`PortfolioLookup.project`, in process)', '', ...col(() => '')],
    ['Exact title «felles sak-/arkivsystem» p50 / p99', '—', ...col((s) => `${pair(s.exact.latency)} (${s.exact.kind})`)],
    ['Partial «sak arkiv» p50 / p99', '—', ...col((s) => `${pair(s.fuzzy.latency)} (${s.fuzzy.kind})`)],
    ['First partial lookup (index already built)', '—', ...col((s) => ms(s.fuzzy.firstMs))],
    ['**Durable vote** (`store.update(castVote)`, awaited), p50 / p99', 'floor', ...col(() => '')],
    ['Flokk\'s store (lowdb + audit log), one at a time', `${ms(f.p50)} / ${ms(f.p99)}`, ...col((s) => pair(s.flokkStore.sequential, f))],
    [`Flokk's store, ${d.params.burstSize} at once`, `${ms(f.p50)} / ${ms(f.p99)}`, ...col((s) => pair(s.flokkStore.concurrent, f))],
    ['`LowdbStore` alone, one at a time', `${ms(f.p50)} / ${ms(f.p99)}`, ...col((s) => pair(s.storeAlone.sequential, f))],
    [`\`LowdbStore\` alone, ${d.params.burstSize} at once`, `${ms(f.p50)} / ${ms(f.p99)}`, ...col((s) => pair(s.storeAlone.concurrent, f))],
    ['One store write (serialise, write, fsync, rename), p50 / p99', `${ms(f.p50)} / ${ms(f.p99)}`, ...col((s) => pair(s.storeAlone.write, f))],
    ['… of which `JSON.stringify(state, null, 1)`, p50', '—', ...col((s) => ms(s.storeAlone.stringify.p50))],
    ['`JSON.stringify(state)` without indentation, p50 (text size vs indented)', '—', ...col((s) => `${ms(s.storeAlone.compact.p50)} (${((s.storeAlone.compactChars / s.storeAlone.indentedChars) * 100).toFixed(0)} %)`)],
    ['One audit-log append (append, fsync), p50 / p99', '—', ...col((s) => pair(s.flokkStore.audit))],
    ['Store writes for the votes (Flokk\'s store / alone)', '—', ...col((s) => `${count(s.flokkStore.write.n)} / ${count(s.storeAlone.write.n)} for ${count(s.flokkStore.sequential.n + s.flokkStore.concurrent.n)} votes`)],
  ];
  return [
    `Generated portfolios (seeded PRNG, bench/scale/generate-portfolio.ts; validated against \`Portfolio\`), each opened in fresh child processes. ` +
      `Baseline column: the echo bot's own start-up and memory; for writes, the floor of a durable write on this disk (a few bytes through ` +
      `DurableJsonFile: temp file, fsync, rename, directory fsync; ${d.params.floorWrites} writes). Figures in brackets are Flokk ÷ baseline.`,
    '',
    table(['Store scale', 'Baseline', ...d.sizes.map((s) => `${count(s.projects)} projects`)], rows),
  ].join('\n');
}
