import { fold } from '../domain/text';

/**
 * The `key:value` filter grammar typed after a list command: "status:i gang område:arkivering".
 * Keys are folded (område = omrade) and mapped through `keys`; unknown keys are reported.
 * Also returns each key as typed (for the sentence naming it) and the free text before the first key ("initiativer journal nivå:nasjonal").
 */
// Linear: a key is tried only where a word starts (?<!\p{L}), and the look for the next key only where a run of blanks starts (?<!\s).
// Without those, a long word with no colon, or a long run of blanks, is scanned again from each of its characters.
const KEY = /(?<!\p{L})\p{L}+\s*:/u;
const KEY_VALUE = /(?<!\p{L})(\p{L}+)\s*:\s*(.*?)(?=(?<!\s)\s+\p{L}+\s*:|$)/gu;

export function parseFilterText<K extends string>(text: string, keys: Readonly<Record<string, K>>): { free: string; values: Partial<Record<K, string>>; typed: Partial<Record<K, string>>; unknownKeys: string[] } {
  const firstKey = text.search(KEY);
  const free = (firstKey === -1 ? text : text.slice(0, firstKey)).trim();
  const values: Partial<Record<K, string>> = {};
  const typed: Partial<Record<K, string>> = {};
  const unknownKeys: string[] = [];
  if (firstKey !== -1) {
    for (const m of text.slice(firstKey).matchAll(KEY_VALUE)) {
      const key = keys[fold(m[1]!)];
      if (key) {
        values[key] = m[2]!.trim();
        typed[key] = m[1]!;
      }
      else unknownKeys.push(m[1]!);
    }
  }
  return { free, values, typed, unknownKeys };
}
