import { plain } from '../cards/escape';
import type { Person } from '../domain/schema';

/** A Teams mention entity; the message text must contain `text` for Teams to render it. */
export interface Mention {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/**
 * The mention of a person who has a Teams identity, and the text that shows it; others are named
 * plainly. The name is escaped (it goes into message text); the entity repeats the same text.
 */
export function mentionOf(person: Pick<Person, 'name' | 'aadObjectId'>): { text: string; entity?: Mention } {
  if (!person.aadObjectId) return { text: plain(person.name) };
  const text = `<at>${plain(person.name)}</at>`;
  return { text, entity: { type: 'mention', text, mentioned: { id: person.aadObjectId, name: person.name } } };
}

/** Several people in one sentence: their texts joined, and every entity. */
export function mentionAll(people: ReadonlyArray<Pick<Person, 'name' | 'aadObjectId'>>): { text: string; entities: Mention[] } {
  const each = people.map(mentionOf);
  return { text: each.map((m) => m.text).join(', '), entities: each.flatMap((m) => (m.entity ? [m.entity] : [])) };
}
