import * as i18n from '../../src/i18n';

/**
 * EXPERIMENT, not Flokk's code: `formatDateTime` with one Intl.DateTimeFormat per locale, made once,
 * instead of a new one on every call (each poll card renders the deadline; constructing the
 * formatter costs about half a millisecond). Loaded into the bots before they start:
 *
 *   BENCH_PRELOAD=bench/experiments/cached-date-format.ts npm run bench -- votes
 *
 * With BENCH_PRELOAD the figures are printed only; bench/results and docs/BENCHMARKS.md are left alone.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
(i18n as { formatDateTime: typeof i18n.formatDateTime }).formatDateTime = (iso, locale) => {
  const tag = locale === 'en' ? 'en-GB' : 'nb-NO';
  let format = formats.get(tag);
  if (!format) formats.set(tag, (format = new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Oslo', dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(new Date(iso));
};
