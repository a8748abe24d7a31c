/**
 * Norwegian-aware folding for matching: lower case, æ → ae, ø → o, å → a (and the old
 * spelling aa → a), other diacritics dropped, so "Orland" finds "Ørland" and "Aafjord" "Åfjord".
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/aa/g, 'a');
}

/** Folded and with punctuation turned into single spaces: for comparing whole names. */
export function foldKey(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
