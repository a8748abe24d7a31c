import { DomainError } from './errors';
import type { Mutation } from './mutation';
import { assertMay, type Actor } from './people';
import type { FieldErrors, FormResult } from './forms';
import type { Network, Portfolio } from './schema';
import { normaliseText } from './text';

/** At most this many areas per network, each at most 100 characters (as a project's area). */
export const MAX_AREAS = 50;
export const MAX_AREA_LENGTH = 100;

/** Why a list of areas cannot be saved: empty, too many, or one too long. */
export type AreasProblem = 'required' | 'tooMany' | 'tooLong';

/** One area per line, trimmed, blank lines and repeats (ignoring case) dropped, in the order written. */
export function parseAreas(text: string): { areas: string[]; problem?: AreasProblem } {
  const seen = new Set<string>();
  const areas: string[] = [];
  for (const line of normaliseText(text, { multiline: true }).split('\n')) {
    const area = line.trim().replace(/\s+/g, ' ');
    const key = area.toLocaleLowerCase('nb');
    if (!area || seen.has(key)) continue;
    seen.add(key);
    areas.push(area);
  }
  if (areas.length === 0) return { areas, problem: 'required' };
  if (areas.length > MAX_AREAS) return { areas, problem: 'tooMany' };
  if (areas.some((a) => a.length > MAX_AREA_LENGTH)) return { areas, problem: 'tooLong' };
  return { areas };
}

/**
 * The secretariat sets the network's list of areas, offered in the proposal and initiative forms
 * (with «annet» for anything else). Projects keep the area they have, listed or not.
 */
export function setNetworkAreas(p: Portfolio, actor: Actor, areas: readonly string[]): Mutation<Network> {
  assertMay(actor, 'areas.manage');
  const network = p.networks.find((n) => n.id === actor.networkId);
  if (!network) throw new DomainError('NETWORK.NOT_CONFIGURED');
  const next: Network = { ...network, areas: [...areas] };
  return { next: { ...p, networks: p.networks.map((n) => (n === network ? next : n)) }, result: next };
}

/** The area choice that means «annet»: the area is the text typed beside it. */
export const OTHER_AREA = '~other';

/**
 * A form's area: one of the network's own, or, with «annet», the text typed in `areaOther`. A
 * field error on the area moves to the text when «annet» was chosen; an area outside the
 * network's list is refused only when it came from the list.
 */
export function withChosenArea<T>(
  p: Portfolio,
  networkId: string,
  data: Record<string, unknown>,
  validate: (data: Record<string, unknown>) => FormResult<T>,
): FormResult<T> {
  const other = data.area === OTHER_AREA;
  const text = typeof data.areaOther === 'string' ? data.areaOther : '';
  const result = validate(other ? { ...data, area: text } : data);
  const listed = p.networks.find((n) => n.id === networkId)?.areas ?? [];
  const area = typeof data.area === 'string' ? data.area.trim() : '';
  const unlisted = !other && area !== '' && !listed.includes(area);
  if (result.ok && !unlisted) return result;
  const errors: FieldErrors = result.ok ? {} : { ...result.errors };
  if (other && errors.area) {
    errors.areaOther = errors.area;
    delete errors.area;
  }
  if (unlisted) errors.area ??= 'unknownArea';
  return Object.keys(errors).length === 0 ? result : { ok: false, errors };
}

/** The values a form shows: an area outside the network's list is shown as «annet» with its text. */
export function areaValues(areas: readonly string[], values: Record<string, unknown>): Record<string, unknown> {
  const area = typeof values.area === 'string' ? values.area : '';
  if (!area || area === OTHER_AREA || areas.includes(area)) return values;
  return { ...values, area: OTHER_AREA, areaOther: area };
}
