import type { AdaptiveCard } from '../../src/cards/card';
import { Person, type Portfolio } from '../../src/domain/schema';
import type { Reply } from '../../src/teams/reply';

/**
 * Reading a handler's Reply the way a person reads the message: the card's heading, its text,
 * its inputs and buttons. Shared by the command, search and event tests.
 */

/** The reply's card; fails the test if the handler answered without one. */
export function cardOf(reply: Reply): AdaptiveCard {
  if (!reply.card) throw new Error(`expected a card, got ${JSON.stringify({ text: reply.text, download: reply.download?.file.name })}`);
  return reply.card;
}

/** The first large TextBlock: what the card is about. */
export function headingOf(card: AdaptiveCard): string | undefined {
  const first = card.body.find((b) => (b as { size?: string }).size === 'Large') as { text?: string } | undefined;
  return first?.text;
}

/** All the text a reader sees: TextBlocks, facts as "title: value", input labels and choice titles. */
export function visibleText(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(visibleText);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  if (o.type === 'TextBlock') return [String(o.text)];
  if (o.type === 'FactSet') return ((o.facts ?? []) as Array<{ title: string; value: string }>).map((f) => `${f.title}: ${f.value}`);
  if (typeof o.type === 'string' && o.type.startsWith('Input.')) {
    const choices = ((o.choices ?? []) as Array<{ title: string }>).map((c) => c.title);
    return [...(typeof o.label === 'string' ? [o.label] : []), ...choices];
  }
  return Object.entries(o).flatMap(([k, v]) => (k === 'fallbackText' ? [] : visibleText(v)));
}

/** The facts of every FactSet on the card, title → value. */
export function factsOf(card: AdaptiveCard): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'FactSet') for (const f of (o.facts ?? []) as Array<{ title: string; value: string }>) out[f.title] = f.value;
    else Object.values(o).forEach(walk);
  };
  walk(card.body);
  return out;
}

export const textOf = (card: AdaptiveCard): string => visibleText(card.body).join('\n');

/** Every input on the card, by id. */
export function inputsOf(card: AdaptiveCard): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') out[o.id] = o;
    Object.values(o).forEach(walk);
  };
  walk(card.body);
  return out;
}

/** Every Action.Execute on the card (actions, ActionSets, selectActions): verb and data. */
export function executesOf(card: AdaptiveCard): Array<{ verb: string; data: Record<string, unknown>; title?: string }> {
  const out: Array<{ verb: string; data: Record<string, unknown>; title?: string }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute') out.push({ verb: String(o.verb), data: (o.data ?? {}) as Record<string, unknown>, title: o.title as string | undefined });
    Object.values(o).forEach(walk);
  };
  walk([card.body, card.actions ?? []]);
  return out;
}

/** The portfolio with one more person in it (e.g. someone registered but holding no role). */
export function withPerson(p: Portfolio, person: Partial<Person> & Pick<Person, 'id' | 'networkId' | 'name'>): Portfolio {
  return { ...p, people: [...p.people, Person.parse(person)] };
}
