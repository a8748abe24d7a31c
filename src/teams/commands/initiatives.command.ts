import type { TurnContext } from 'botbuilder';
import { renderInitiativeList } from '../../cards/initiative.card';
import { filterInitiatives, type InitiativeFilter } from '../../domain/initiatives';
import { InitiativeLevel } from '../../domain/schema';
import { fold, foldKey } from '../../domain/text';
import { messages } from '../../i18n';
import { sendCard, type Turn } from '../turn';

const KEYS: Record<string, 'level' | 'area' | 'organisation' | 'status'> = {
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
export async function initiatives(context: TurnContext, turn: Turn, text: string): Promise<void> {
  const firstKey = text.search(/[\p{L}]+\s*:/u);
  const free = (firstKey === -1 ? text : text.slice(0, firstKey)).trim();
  const filter: InitiativeFilter = { text: free || undefined };
  const problems: string[] = [];
  const pairs = firstKey === -1 ? [] : text.slice(firstKey).matchAll(/([\p{L}]+)\s*:\s*(.*?)(?=\s+[\p{L}]+\s*:|$)/gu);
  for (const r of pairs) {
    const key = KEYS[fold(r[1]!)];
    const value = r[2]!.trim();
    if (!key) problems.push(turn.t.portfolio.unknownFilter(r[1]!));
    else if (!applyFilter(turn, filter, key, value)) problems.push(turn.t.portfolio.unknownValue(r[1]!, value));
  }
  const list = filterInitiatives(turn.portfolio, turn.network.id, filter);
  await sendCard(context, renderInitiativeList(turn.portfolio, list, turn.locale, problems.join(' ') || undefined));
}

function applyFilter(turn: Turn, filter: InitiativeFilter, key: 'level' | 'area' | 'organisation' | 'status', value: string): boolean {
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
      const r = turn.deps.lookup.organisation(turn.portfolio, turn.network.id, value);
      if (r.kind === 'found') filter.organisationId = r.item.id;
      return r.kind === 'found';
    }
  }
}
