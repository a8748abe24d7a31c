import { osloYear } from '../time';

/**
 * A year named relative to today («i fjor», «last year», «i år», «i forfjor»), over folded
 * words, resolved by the Oslo calendar: on New Year's Eve in Oslo, «i år» is already the new
 * year while UTC is not. Returns the year and the words that named it, or undefined.
 */
const RELATIVE: ReadonlyArray<readonly [string, number]> = [
  ['the year before last', -2],
  ['i forfjor', -2],
  ['forfjor', -2],
  ['i fjor', -1],
  ['ifjor', -1],
  ['fjor', -1],
  ['forrige ar', -1],
  ['siste ar', -1],
  ['last year', -1],
  ['previous year', -1],
  ['i ar', 0],
  ['iar', 0],
  ['this year', 0],
  ['dette aret', 0],
  ['neste ar', 1],
  ['next year', 1],
];

export function relativeYear(words: readonly string[], now: Date): { year: number; words: string[] } | undefined {
  const text = ` ${words.join(' ')} `;
  for (const [phrase, offset] of RELATIVE) if (text.includes(` ${phrase} `)) return { year: osloYear(now) + offset, words: phrase.split(' ') };
  return undefined;
}
