import type { Locale } from '../domain/schema';
import { en } from './en';
import { nb, type Messages } from './nb';
import { nn } from './nn';

export type { Messages };
const CATALOGUES: Record<Locale, Messages> = { nb, nn, en };

export function messages(locale: Locale): Messages {
  return CATALOGUES[locale];
}

/**
 * The locale for a turn: the activity's own (Teams sends the user's client language, e.g.
 * "nb-NO", "nn-NO", "en-US"), else the network's setting, else the configured default.
 */
export function chooseLocale(activityLocale: string | undefined, fallback: Locale): Locale {
  const tag = (activityLocale ?? '').toLowerCase();
  if (/^(nb|no)\b/.test(tag)) return 'nb';
  if (/^nn\b/.test(tag)) return 'nn';
  if (/^en\b/.test(tag)) return 'en';
  return fallback;
}

/** Norwegian number formatting with a narrow no-break space as the thousands separator. */
export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nb-NO').format(n);
}

/** A moment as Norwegian users read it: Oslo time, in their language. Formatters are costly to build, so one per language. */
const DATE_TIME: Record<Locale, Intl.DateTimeFormat> = {
  nb: new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'medium', timeStyle: 'short' }),
  nn: new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', dateStyle: 'medium', timeStyle: 'short' }),
};

export function formatDateTime(iso: string, locale: Locale): string {
  return DATE_TIME[locale].format(new Date(iso));
}
