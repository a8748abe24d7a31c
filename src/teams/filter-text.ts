import { fold } from '../domain/text';

/**
 * The `key:value` filter grammar typed after a list command: "status:i gang område:arkivering".
 * Keys are folded (område = omrade) and mapped through `keys`; unknown keys are reported.
 * Also returns each key as typed (for the sentence naming it) and the free text before the first key ("initiativer journal nivå:nasjonal").
 */
export function parseFilterText<K extends string>(text: string, keys: Readonly<Record<string, K>>): { free: string; values: Partial<Record<K, string>>; typed: Partial<Record<K, string>>; unknownKeys: string[] } {
  const firstKey = text.search(/[\p{L}]+\s*:/u);
  const free = (firstKey === -1 ? text : text.slice(0, firstKey)).trim();
  const values: Partial<Record<K, string>> = {};
  const typed: Partial<Record<K, string>> = {};
  const unknownKeys: string[] = [];
  if (firstKey !== -1) {
    for (const m of text.slice(firstKey).matchAll(/([\p{L}]+)\s*:\s*(.*?)(?=\s+[\p{L}]+\s*:|$)/gu)) {
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
