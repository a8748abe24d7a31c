import type { Locale } from '../../src/domain/schema';
import { messages } from '../../src/i18n';

/**
 * Finds what, in a text meant to be in one language, belongs to another of Flokk's languages:
 * a fixed sentence or label of another catalogue that this one does not have (a bokmål «Stem»
 * button on a nynorsk card), or a word only another language uses («ikke» on a nynorsk card,
 * «ikkje» on a bokmål one, «the» on either). What users typed (a question, a reason) is not
 * Flokk's text: pass only Flokk's parts, or leave the user's words out.
 */

/** Words that occur in one of the languages and in neither of the others' catalogues. */
const ONLY_IN: Record<Locale, readonly string[]> = {
  nb: ['ikke', 'hvem', 'hva', 'hvordan', 'jeg', 'avstemning', 'avstemningen', 'lederen', 'avgjør', 'avgjørelse', 'stemme', 'stemmer', 'stemt', 'ennå', 'enig', 'uenig', 'fra', 'noen', 'bare'],
  nn: ['ikkje', 'kven', 'kva', 'korleis', 'eg', 'avstemming', 'avstemminga', 'leiaren', 'avgjer', 'avgjerd', 'avgjerda', 'røyst', 'røyste', 'røyster', 'røysta', 'enno', 'samd', 'usamd', 'frå', 'nokon', 'berre', 'òg'],
  en: ['the', 'and', 'not', 'who', 'what', 'vote', 'votes', 'voted', 'poll', 'decision', 'leader', 'deadline', 'only', 'yet'],
};

function leaves(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) value.forEach((v) => leaves(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => leaves(v, out));
  return out;
}

const LOCALES: readonly Locale[] = ['nb', 'nn', 'en'];
const fixed = new Map(LOCALES.map((l) => [l, leaves(messages(l), new Set())] as const));

/** The parts of `texts` (each one card element's text) that are not in `locale`, with the language they are in. */
export function foreignParts(texts: readonly string[], locale: Locale): string[] {
  const own = fixed.get(locale)!;
  const ownWords = new Set(ONLY_IN[locale]);
  const found: string[] = [];
  for (const text of texts) {
    for (const other of LOCALES.filter((l) => l !== locale)) {
      if (fixed.get(other)!.has(text) && !own.has(text) && text.length >= 3) found.push(`${other} «${text}»`);
      const words = text.toLocaleLowerCase('nb').split(/[^\p{L}]+/u);
      for (const w of ONLY_IN[other]) if (!ownWords.has(w) && words.includes(w)) found.push(`${other} word «${w}» in «${text}»`);
    }
  }
  return [...new Set(found)];
}

/** Every text of a card (TextBlocks, facts, buttons, inputs' labels and placeholders, choices), one part per element. */
export function cardParts(card: unknown, leaveOut: readonly string[] = []): string[] {
  const parts: string[] = [];
  const walk = (node: unknown, inFacts = false): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, inFacts));
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'label', 'placeholder', 'fallbackText', 'errorMessage']) if (typeof n[key] === 'string') parts.push(n[key] as string);
    if (inFacts && typeof n.value === 'string') parts.push(n.value);
    for (const [k, v] of Object.entries(n)) if (k !== 'data' && typeof v === 'object') walk(v, k === 'facts');
  };
  walk(card);
  // Longest first, so a title is left out whole before any shorter name inside it.
  const out = [...leaveOut].filter((x) => x.length >= 3).sort((a, b) => b.length - a.length);
  return parts.map((p) => out.reduce((s, x) => (s.includes(x) ? s.split(x).join(' ') : s), p)).filter((p) => /\p{L}/u.test(p));
}

/** Every text of a portfolio (titles, names, summaries, reasons): what people wrote, in whatever language they wrote it. */
export function writtenByPeople(p: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key = ''): void => {
    if (typeof v === 'string') {
      if (!['id', 'status', 'kind', 'role', 'stance', 'locale', 'networkId'].includes(key) && /\p{L}{3}/u.test(v)) out.add(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(p);
  return [...out];
}
