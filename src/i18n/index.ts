import type { Locale } from '../domain/schema';
import { en } from './en';
import { nb, type Messages } from './nb';
import { nn } from './nn';

export type { Messages };
const CATALOGUES: Record<Locale, Messages> = { nb, nn, en };

/** What a network calls its programme board, in the definite form a sentence uses: «programstyret», «styringsgruppa». */
export const DEFAULT_BOARD_WORD = 'programstyret';

const BOARD = /\{styret\}/g;
const BOARD_CAPITALISED = /\{Styret\}/g;
const built = new Map<string, Messages>();
const HIDDEN_BRACE = '\uE000';

/**
 * A language's sentences for one network. The Norwegian catalogues write the programme board as
 * «{styret}» (and «{Styret}» at the start of a sentence), so every sentence uses the network's
 * own word for it (`boardWordOf`): DigiTrøndelag's «programstyret», Digi Vestland's «styringsgruppa».
 */
export function messages(locale: Locale, board: string = DEFAULT_BOARD_WORD): Messages {
  const key = `${locale}\u0000${board}`;
  let found = built.get(key);
  if (!found) {
    const capitalised = board.charAt(0).toLocaleUpperCase('nb') + board.slice(1);
    const fill = (s: string) => s.replace(BOARD, board).replace(BOARD_CAPITALISED, capitalised);
    found = withWords(CATALOGUES[locale], fill) as Messages;
    built.set(key, found);
  }
  return found;
}

/** The catalogue with every sentence, and every sentence a function returns, passed through `fill`. */
function withWords(value: unknown, fill: (s: string) => string): unknown {
  if (typeof value === 'string') return fill(value);
  if (typeof value === 'function') {
    // An argument (a title, a name) is the user's text and keeps its braces.
    const f = value as (...args: unknown[]) => unknown;
    const hide = (a: unknown) => (typeof a === 'string' ? a.replaceAll('{', HIDDEN_BRACE) : a);
    const show = (r: unknown): unknown => (typeof r === 'string' ? r.replaceAll(HIDDEN_BRACE, '{') : Array.isArray(r) ? r.map(show) : r);
    const filled = (...args: unknown[]) => show(withWords(f(...args.map(hide)), fill));
    return Object.defineProperty(filled, 'length', { value: f.length });
  }
  if (Array.isArray(value)) return value.map((v) => withWords(v, fill));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withWords(v, fill)]));
  return value;
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
