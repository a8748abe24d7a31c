import { plain } from '../../cards/escape';
import { renderInitiativeList } from '../../cards/initiative.card';
import { filterInitiatives, type InitiativeFilter } from '../../domain/initiatives';
import { InitiativeLevel } from '../../domain/schema';
import { foldKey } from '../../domain/text';
import { parseFilterText } from '../filter-text';
import { show, type Reply } from '../reply';
import { messages } from '../../i18n';
import type { Turn } from '../turn';
import { readQuestion } from '../understanding/list-answer';
import { tokenise } from '../../domain/understanding/list-question';

type FilterKey = 'level' | 'area' | 'organisation' | 'status';
const KEYS: Record<string, FilterKey> = {
  niva: 'level',
  level: 'level',
  omrade: 'area',
  area: 'area',
  organisasjon: 'organisation',
  organisation: 'organisation',
  org: 'organisation',
  status: 'status',
};

/** "initiativer journal nivå:nasjonal område:eHelse" → matching initiatives, newest first. */
export async function initiatives(turn: Turn, { filters }: { filters: string }): Promise<Reply> {
  const { free, values, typed, unknownKeys } = parseFilterText(filters, KEYS);
  const filter: InitiativeFilter = { ...readWords(turn, free) };
  const problems = unknownKeys.map((k) => turn.t.understanding.initiativeUnknownFilter(plain(k)));
  for (const [key, value] of Object.entries(values) as Array<[FilterKey, string]>) {
    if (!applyFilter(turn, filter, key, value)) problems.push(turn.t.portfolio.unknownValue(plain(typed[key] ?? key), plain(value)));
  }
  const list = filterInitiatives(turn.portfolio, turn.network.id, filter);
  return show(renderInitiativeList(turn.portfolio, list, turn.locale, problems.join(' ') || undefined));
}

function applyFilter(turn: Turn, filter: InitiativeFilter, key: FilterKey, value: string): boolean {
  const k = foldKey(value);
  const labels = (pick: (locale: 'nb' | 'nn' | 'en') => Record<string, string>) =>
    Object.entries({ ...pick('en'), ...pick('nn'), ...pick('nb') }).flatMap(([code]) =>
      (['nb', 'nn', 'en'] as const).some((l) => foldKey(pick(l)[code]!) === k || foldKey(code) === k) ? [code] : [],
    );
  switch (key) {
    case 'level': {
      const found = labels((l) => messages(l).initiative.levels).find((c) => InitiativeLevel.safeParse(c).success);
      if (found) filter.level = found as InitiativeFilter['level'];
      return !!found;
    }
    case 'status': {
      const found = labels((l) => messages(l).initiative.statuses)[0];
      if (found) filter.status = found as InitiativeFilter['status'];
      return !!found;
    }
    case 'area': {
      const found = turn.network.areas.find((a) => foldKey(a) === k) ?? turn.network.areas.find((a) => foldKey(a).includes(k));
      if (found) filter.area = found;
      return !!found;
    }
    case 'organisation': {
      const r = turn.lookup.organisation(turn.portfolio, turn.network.id, value);
      if (r.kind === 'found') filter.organisationId = r.item.id;
      return r.kind === 'found';
    }
  }
}

const LEVEL_WORDS: ReadonlyArray<readonly [RegExp, InitiativeFilter['level']]> = [
  [/^(?:nasjonal\p{L}*|national\p{L}*|statlig\p{L}*)$/u, 'national'],
  [/^(?:regional\p{L}*)$/u, 'regional'],
  [/^(?:kommunal\p{L}*|municipal\p{L}*|lokal\p{L}*|local)$/u, 'municipal'],
];
const INITIATIVE_WORDS = /^(?:initiativ\p{L}*|initiatives?|finnes|fins|finst|delt|delte|shared|open|opne|apne|nettverket|network)$/u;

/**
 * An initiative question in words («nasjonale initiativer innen eHelse», «initiatives in e-health»):
 * the level, area and organisation it names; any other words search the initiatives' text.
 */
function readWords(turn: Turn, free: string): InitiativeFilter {
  if (!free) return {};
  const filter: InitiativeFilter = {};
  const rest: string[] = [];
  for (const w of tokenise(free)) {
    const level = LEVEL_WORDS.find(([pattern]) => pattern.test(w))?.[1];
    if (level) filter.level = level;
    else if (/^(?:andre|other)$/.test(w)) filter.level = 'other_network';
    else if (!INITIATIVE_WORDS.test(w)) rest.push(w);
  }
  const q = readQuestion(turn, rest.join(' '));
  if (q.areas.length === 1) filter.area = q.areas[0];
  else if (q.areas.length > 1) filter.area = q.areas.find((a) => turn.portfolio.initiatives.some((i) => i.area === a)) ?? q.areas[0];
  if (q.organisations[0]) filter.organisationId = q.organisations[0].organisation.id;
  const text = q.unused.filter((w) => !/^(?:nettverk\p{L}*|networks?)$/u.test(w)).join(' ');
  if (text) filter.text = text;
  return filter;
}
