import { createRequire } from 'node:module';

/**
 * Checks a card against Adaptive Cards 1.5 as the official JavaScript library (`adaptivecards`,
 * the renderer Microsoft ships) reads it, offline and without a DOM: its UMD bundle parses and
 * validates in plain Node (measured: the package's ES-module build does not load under Node,
 * its dist bundle does, with no jsdom). The official JSON schema is not in any package, so it
 * cannot be had offline; the library is the schema's implementation.
 *
 * What counts as invalid:
 * - any parse warning for 1.5: an unknown element or action type, a property newer than 1.5, an
 *   enum value the version does not have, a malformed value;
 * - any validation failure: inputs without unique ids, duplicate ids, actions missing what they
 *   need (an OpenUrl without a url), an empty choice set, a card version newer than 1.5;
 * - a property the library does not know (dropped when the parsed card is written back), except
 *   the Teams extensions listed in TEAMS_EXTENSIONS;
 * - a Teams chart (Chart.*, outside the 1.5 schema) without a fallback.
 */
const AC = createRequire(__filename)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    toJSON(context: unknown): unknown;
    validateProperties(): { validationEvents: Array<{ message: string }> };
  };
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(i: number): { message: string } };
  Versions: { v1_5: unknown };
}

/** Properties Teams reads that the 1.5 schema does not define. */
const TEAMS_EXTENSIONS = new Set(['msteams', '$schema', 'refresh', 'fallbackText']);
/** Elements only Teams renders; each must carry a fallback for other clients. */
const TEAMS_ELEMENTS = /^Chart\./;

export function validateCard(json: unknown): string[] {
  const problems: string[] = [];
  const card = withoutTeamsElements(json, problems);
  if ((card as { version?: unknown }).version !== '1.5') problems.push(`version is ${String((card as { version?: unknown }).version)}, not 1.5`);
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  problems.push(...unknownProperties(card, parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_5)), '$'));
  return problems;
}

/** The card with each Teams-only element replaced by its fallback (as a 1.5 client renders it). */
function withoutTeamsElements(node: unknown, problems: string[]): unknown {
  if (Array.isArray(node)) return node.flatMap((x) => { const y = withoutTeamsElements(x, problems); return y === undefined ? [] : [y]; });
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  if (typeof o.type === 'string' && TEAMS_ELEMENTS.test(o.type)) {
    if (!o.fallback || typeof o.fallback !== 'object') problems.push(`${o.type} has no fallback for clients without charts`);
    return withoutTeamsElements(o.fallback, problems);
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, withoutTeamsElements(v, problems)]));
}

/** Keys in what was sent that the library did not write back: it does not know them. */
function unknownProperties(sent: unknown, read: unknown, at: string): string[] {
  if (Array.isArray(sent)) {
    const back = Array.isArray(read) ? read : [];
    return sent.flatMap((x, i) => unknownProperties(x, back[i], `${at}[${i}]`));
  }
  if (!sent || typeof sent !== 'object') return [];
  const back = read && typeof read === 'object' ? (read as Record<string, unknown>) : {};
  return Object.entries(sent as Record<string, unknown>).flatMap(([k, v]) => {
    if (TEAMS_EXTENSIONS.has(k) && at === '$') return [];
    // Action and input data are the bot's own: free-form by the schema.
    if (k === 'data' || k === 'msteams') return [];
    if (!(k in back)) return isDefault(k, v) ? [] : [`unknown property ${at}.${k}`];
    return unknownProperties(v, back[k], `${at}.${k}`);
  });
}

/** The library leaves out a property set to its default; that is not an unknown property. */
function isDefault(key: string, value: unknown): boolean {
  if ((key === 'style' && value === 'compact') || (key === 'valueOn' && value === 'true') || (key === 'valueOff' && value === 'false')) return true;
  return value === false || value === '' || value === 'Default' || value === 'default' || value === 'auto' || (key === 'isVisible' && value === true) || (key === 'wrap' && value === true) || (Array.isArray(value) && value.length === 0);
}
