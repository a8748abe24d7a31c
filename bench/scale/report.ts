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
  /** One durable append (fdatasync) of a vote-sized record: what the targets for writes are ratios to. */
  appendFloor: LatencySummary;
  sizes: SizeFigures[];
}

/** Targets as ratios (issue 14): writes to the floor of one durable append, start-up and memory to the echo bot. */
export function targets(d: ScaleData): TargetCheck[] {
  const floor = d.appendFloor.p99;
  const e = d.echo;
  const smallest = d.sizes[0]!;
  const ratio = (target: string, value: number, base: number, limit: number, text: (v: number) => string, why: () => string): TargetCheck => {
    const r = value / base;
    const met = r <= limit;
    return {
      target,
      measured: `${text(value)} vs ${text(base)} = ${r.toFixed(2)}×`,
      met,
      margin: met ? `within, ${((1 - r / limit) * 100).toFixed(0)} % to spare` : `missed by ${(r - limit).toFixed(2)}× (${((r / limit - 1) * 100).toFixed(0)} %): ${why()}`,
    };
  };
  const out: TargetCheck[] = [];
  for (const s of d.sizes) {
    const at = `${count(s.projects)} projects / ${count(s.votes)} votes`;
    const w = s.flokkStore;
    const whyWrite = () =>
      `a vote is an audit append (${ms(w.audit.p99)} p99) then a journal append (${ms(s.storeAlone.write.p99)} p99 alone), two fsyncs in a row, ` +
      `against one for the floor; the rest is the shared disk's spread (floor p50 ${ms(d.appendFloor.p50)}, p99 ${ms(floor)})`;
    out.push(ratio(`Durable vote acknowledged p99 ≤ 5× one durable append at ${at}, one at a time (Flokk's store: journal + audit log)`, w.sequential.p99, floor, 5, ms, whyWrite));
    out.push(
      ratio(`Durable vote acknowledged p99 ≤ 5× one durable append at ${at}, ${d.params.burstSize} at once (Flokk's store)`, w.concurrent.p99, floor, 5, ms, () =>
        `a vote that arrives while a write is under way waits for it and then for its own (group commit: ${count(w.write.n)} writes for ${count(w.sequential.n + w.concurrent.n)} votes), so a burst's last vote pays about two writes of two fsyncs each`,
      ),
    );
  }
  const whyRss = (s: SizeFigures) => () =>
    `the modules Flokk loads beyond the echo bot's already cost ${mb(smallest.flokk.rss - e.rss)} at ${count(smallest.projects)} projects ` +
    `(${(smallest.flokk.rss / e.rss).toFixed(2)}× with next to no data); the portfolio itself adds ${mb(s.flokk.rss - smallest.flokk.rss)} ` +
    `(V8 heap ${mb(s.flokk.heapUsed)} vs ${mb(smallest.flokk.heapUsed)}), the whole state held in memory by design`;
  for (const [size, limit] of [[1000, 1.3], [10000, 2]] as const) {
    const s = d.sizes.find((x) => x.projects === size);
    if (s) out.push(ratio(`RSS after start ≤ ${limit}× the echo baseline at ${count(size)} projects`, s.flokk.rss, e.rss, limit, mb, whyRss(s)));
  }
  const big = d.sizes.find((x) => x.projects === 10000) ?? d.sizes.at(-1)!;
  out.push(
    ratio(`Process start → listening ≤ 1.5× the echo baseline at ${count(big.projects)} projects`, big.flokk.sinceProcessStartMs, e.sinceProcessStartMs, 1.5, ms, () =>
      `loading Flokk's modules takes ${ms(big.flokk.importMs)} (echo ${ms(e.importMs)}), and opening the store reads, parses and validates ` +
      `the whole ${mb(big.fileBytes)} portfolio against the schema (${ms(big.open.startMs)} for LowdbStore.open alone)`,
    ),
  );
  return out;
}

export function render(d: ScaleData): string {
  const e = d.echo;
  const f = d.appendFloor;
  const wf = d.floor;
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
    ['**Durable vote** (`store.update(castVote)`, awaited), p50 / p99; brackets: ÷ one durable append', 'append floor', ...col(() => '')],
    ['Flokk\'s store (lowdb + audit log), one at a time', `${ms(f.p50)} / ${ms(f.p99)}`, ...col((s) => pair(s.flokkStore.sequential, f))],
    [`Flokk's store, ${d.params.burstSize} at once`, `${ms(f.p50)} / ${ms(f.p99)}`, ...col((s) => pair(s.flokkStore.concurrent, f))],
    ['`LowdbStore` alone, one at a time', `${ms(f.p50)} / ${ms(f.p99)}`, ...col((s) => pair(s.storeAlone.sequential, f))],
    [`\`LowdbStore\` alone, ${d.params.burstSize} at once`, `${ms(f.p50)} / ${ms(f.p99)}`, ...col((s) => pair(s.storeAlone.concurrent, f))],
    ['One store write (a journal record: diff, append, fdatasync), p50 / p99', `${ms(f.p50)} / ${ms(f.p99)}`, ...col((s) => pair(s.storeAlone.write, f))],
    ['Floor of a durable whole-file write (temp file, fsync, rename, directory fsync), p50 / p99', `${ms(wf.p50)} / ${ms(wf.p99)}`, ...col(() => '—')],
    ['… of which `JSON.stringify(state, null, 1)`, p50', '—', ...col((s) => ms(s.storeAlone.stringify.p50))],
    ['`JSON.stringify(state)` without indentation, p50 (text size vs indented)', '—', ...col((s) => `${ms(s.storeAlone.compact.p50)} (${((s.storeAlone.compactChars / s.storeAlone.indentedChars) * 100).toFixed(0)} %)`)],
    ['One audit-log append (append, fsync), p50 / p99', '—', ...col((s) => pair(s.flokkStore.audit))],
    ['Store writes for the votes (Flokk\'s store / alone)', '—', ...col((s) => `${count(s.flokkStore.write.n)} / ${count(s.storeAlone.write.n)} for ${count(s.flokkStore.sequential.n + s.flokkStore.concurrent.n)} votes`)],
  ];
  return [
    `Generated portfolios (seeded PRNG, bench/scale/generate-portfolio.ts; validated against \`Portfolio\`), each opened in fresh child processes. ` +
      `Baseline column: the echo bot's own start-up and memory; for writes, the floor of one durable append on this disk (a 300-byte record ` +
      `to a file held open, fdatasync; ${d.params.floorWrites} appends). Figures in brackets are Flokk ÷ baseline. Votes are journal records; ` +
      `the journal is folded into the data file after ${count(2000)} records (none of the runs below reaches it) and at close.`,
    '',
    table(['Store scale', 'Baseline', ...d.sizes.map((s) => `${count(s.projects)} projects`)], rows),
  ].join('\n');
}
