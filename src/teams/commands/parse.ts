import type { z } from 'zod/v4';
import { INTENTS, type Intent } from '../routes';
import { cleanQuestion, stripMentions } from '../understanding/clean';

export { stripMentions };

/**
 * What a chat message asks for. Pure: text in, the first intent of the route table whose
 * phrase matches, with its input. Bokmål, nynorsk and English phrasings are all understood
 * whatever the turn's locale, since people mix them.
 */
export type Command = { [K in Intent]: { kind: K } & Fields<z.infer<(typeof INTENTS)[K]['input']>> }[Intent];
/** An intent without input (z.object({}) infers an open record) adds no fields. */
type Fields<T> = string extends keyof T ? unknown : T;

export const MAX_COMMAND_LENGTH = 500;

export function parseCommand(raw: string): Command {
  const full = stripMentions(raw);
  // The question without emoji, greetings and politeness, in the phrases' word forms (see cleanQuestion).
  const text = cleanQuestion(trimEnd(full, '?!. ').trim());
  if (text.length === 0) return { kind: 'help' };
  for (const [kind, route] of Object.entries(INTENTS) as Array<[Intent, (typeof INTENTS)[Intent]]>) {
    for (const { pattern, input, keepPunctuation } of route.phrases) {
      const m = (keepPunctuation ? full : text).match(pattern);
      if (!m) continue;
      const parsed = (route.input as z.ZodType).safeParse(unquote(input(m)));
      if (parsed.success) return { kind, ...(parsed.data as object) } as Command;
    }
  }
  return { kind: 'freeText', text };
}

/** A name in quotes («barnevern», "barnevern") is the name without them. */
function unquote(input: Record<string, unknown>): Record<string, unknown> {
  const q = input.query;
  return typeof q === 'string' ? { ...input, query: trimEnd(q.replace(/^[«"'“]+/u, ''), '»"\'”').trim() } : input;
}

/**
 * The text without any of `chars` at its end. A loop, not /[…]+$/: on a long run of them that is
 * not at the end («?.?.?.…x») such an expression retries from every position, quadratic in the run.
 */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}
