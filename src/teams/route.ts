import type { z } from 'zod/v4';
import type { Permission } from '../domain/people';
import type { Reply } from './reply';
import type { Turn } from './turn';

/**
 * What a route needs before its handler runs. Checked by app.ts from the activity's sender, so a
 * handler is never reached by someone the table says may not.
 */
export type Access =
  /** Every admitted user: lookups. */
  | { kind: 'anyone' }
  /** A person Flokk knows (it asks who they represent otherwise); the domain decides the rest. */
  | { kind: 'registered' }
  /** This permission, whatever the object. */
  | { kind: 'permission'; permission: Permission }
  /** This permission on the object the input names; the handler checks it once it has the object. */
  | { kind: 'perObject'; permission: Permission };

export const anyone: Access = { kind: 'anyone' };
export const registered: Access = { kind: 'registered' };
export const needs = (permission: Permission): Access => ({ kind: 'permission', permission });
export const needsOn = (permission: Permission): Access => ({ kind: 'perObject', permission });

export type Handler<I> = (turn: Turn, input: I) => Promise<Reply>;

/** A phrasing of a chat intent: a pattern over the cleaned text, and the input it yields. */
export interface Phrase {
  pattern: RegExp;
  input: (m: RegExpMatchArray) => Record<string, unknown>;
  /** Match against the text with its closing punctuation (a poll's question keeps its question mark). */
  keepPunctuation?: boolean;
}

export interface ChatRoute<S extends z.ZodType = z.ZodType> {
  phrases: readonly Phrase[];
  input: S;
  access: Access;
  handler: Handler<z.infer<S>>;
}

export interface VerbRoute<S extends z.ZodType = z.ZodType> {
  input: S;
  access: Access;
  handler: Handler<z.infer<S>>;
}

/** Typed constructors, so each entry's handler is checked against its own input schema. */
export const chat = <S extends z.ZodType>(route: ChatRoute<S>): ChatRoute<S> => route;
export const verb = <S extends z.ZodType>(route: VerbRoute<S>): VerbRoute<S> => route;

/** `phrase(/…(?<q>.+)/, (m) => ({ query: m.groups!.q }))` */
export const phrase = (pattern: RegExp, input: Phrase['input'] = () => ({}), options: Pick<Phrase, 'keepPunctuation'> = {}): Phrase => ({ pattern, input, ...options });
