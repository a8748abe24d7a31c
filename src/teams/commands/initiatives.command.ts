import { renderInitiativeList } from '../../cards/initiative.card';
import { filterInitiatives, type InitiativeFilter } from '../../domain/initiatives';
import { InitiativeLevel } from '../../domain/schema';
import { foldKey } from '../../domain/text';
import { parseFilterText } from '../filter-text';
import { show, type Reply } from '../reply';
import { messages } from '../../i18n';
import type { Turn } from '../turn';

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
  const filter: InitiativeFilter = { text: free || undefined };
  const problems = unknownKeys.map((k) => turn.t.portfolio.unknownFilter(k));
  for (const [key, value] of Object.entries(values) as Array<[FilterKey, string]>) {
    if (!applyFilter(turn, filter, key, value)) problems.push(turn.t.portfolio.unknownValue(typed[key] ?? key, value));
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

