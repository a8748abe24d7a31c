import { ratio, type LatencySummary } from './stats';

/** Number formatting for the Markdown tables: few digits, units spelled out once. */
export function ms(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '—';
  if (v < 0.1) return `${(v * 1000).toFixed(0)} µs`;
  if (v < 10) return `${v.toFixed(2)} ms`;
  if (v < 100) return `${v.toFixed(1)} ms`;
  return `${Math.round(v).toLocaleString('en-US')} ms`;
}

export const perSecond = (v: number | undefined): string => (v === undefined || Number.isNaN(v) ? '—' : `${Math.round(v).toLocaleString('en-US')}/s`);
export const mb = (bytes: number | undefined): string => (bytes === undefined || Number.isNaN(bytes) ? '—' : `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`);
export const count = (v: number | undefined): string => (v === undefined ? '—' : v.toLocaleString('en-US'));

export function times(flokk: number | undefined, baseline: number | undefined): string {
  const r = ratio(flokk, baseline);
  return Number.isNaN(r) ? '—' : `${r < 10 ? r.toFixed(2) : r.toFixed(0)}×`;
}

/** A value with its ratio to the baseline, for tables with several Flokk columns. */
export const withRatio = (text: string, flokk: number | undefined, baseline: number | undefined): string => {
  const r = times(flokk, baseline);
  return r === '—' ? text : `${text} (${r})`;
};

export function table(header: string[], rows: string[][], align: ('l' | 'r')[] = header.map((_, i) => (i === 0 ? 'l' : 'r'))): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(align.map((a) => (a === 'l' ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** p50 / p95 / p99 rows of two latency summaries side by side, with their ratio. */
export function latencyRows(label: string, flokk: LatencySummary, baseline: LatencySummary, which: ('p50' | 'p95' | 'p99')[] = ['p50', 'p95', 'p99']): string[][] {
  return which.map((p) => [`${label} ${p}`, ms(flokk[p]), ms(baseline[p]), times(flokk[p], baseline[p])]);
}
