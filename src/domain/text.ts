/**
 * Norwegian-aware folding for matching: lower case, æ → ae, ø → o, å → a (and the old
 * spelling aa → a, before å is folded), other diacritics dropped, so "Orland" finds "Ørland" and "Aafjord" "Åfjord".
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    // The old spelling first: «aa» written for «å», never the «å» + «a» of a nynorsk word («pågåande»).
    .replace(/aa/g, 'a')
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Folded and with punctuation turned into single spaces: for comparing whole names. */
export function foldKey(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Characters that hide or reorder what a reader sees: zero-width, bidi controls, the soft hyphen and other invisible formatting. */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** C0 and C1 control characters, except tab, line feed and carriage return (handled on their own). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;

/**
 * Text as Flokk keeps it, applied where text enters: NFC, without zero-width, bidi or control
 * characters, so a look-alike cannot pass for another title. A multi-line field keeps its line
 * breaks (as \n) and tabs; in a one-line field each becomes a space. Every expression here is a
 * single character class or a fixed string, so the cost is linear in the length.
 */
export function normaliseText(text: string, { multiline = false }: { multiline?: boolean } = {}): string {
  const visible = text.replace(INVISIBLE, '').replace(LINE_BREAK, '\n');
  return (multiline ? visible : visible.replace(/[\t\n]/g, ' ')).replace(CONTROL, '').normalize('NFC');
}

/** What two titles are compared by: normalised, then folded (case, æøå, diacritics, punctuation). */
export const titleKey = (title: string): string => foldKey(normaliseText(title));
