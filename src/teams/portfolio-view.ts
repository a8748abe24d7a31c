import { PORTFOLIO_PAGE_SIZE, renderPortfolioCard } from '../cards/portfolio.card';
import type { AdaptiveCard } from '../cards/card';
import { plain } from '../cards/escape';
import { filterProjects, organisation, paginate, projectsOf, type PortfolioFilter } from '../domain/portfolio-queries';
import { Horizon, ProjectStatus, type Organisation } from '../domain/schema';
import { foldKey } from '../domain/text';
import { parseFilterText as parseKeyValues } from './filter-text';
import { messages } from '../i18n';
import type { Turn } from './turn';

/** Filter values as a user or a card gives them: labels, codes or names, in any of our languages. */
export interface RawFilter {
  status?: string;
  area?: string;
  horizon?: string;
  owner?: string;
}

export interface ResolvedFilter {
  filter: PortfolioFilter;
  /** Sentences for the card's notice, the user's values in them escaped. */
  problems: string[];
}

export function resolveFilter(turn: Turn, raw: RawFilter): ResolvedFilter {
  const { t } = turn;
  const filter: PortfolioFilter = {};
  const problems: string[] = [];
  const blank = (v: string | undefined) => v === undefined || v.trim() === '';
  if (!blank(raw.status)) {
    const status = matchStatus(raw.status!);
    if (status) filter.status = status;
    else problems.push(t.portfolio.unknownValue(t.project.status.toLowerCase(), plain(raw.status!)));
  }
  if (!blank(raw.horizon)) {
    const h = raw.horizon!.trim().toUpperCase().replace(/^(\d)$/, 'H$1');
    if (Horizon.safeParse(h).success) filter.horizon = h as Horizon;
    else problems.push(t.portfolio.unknownValue(t.project.horizon.toLowerCase(), plain(raw.horizon!)));
  }
  if (!blank(raw.area)) {
    const key = foldKey(raw.area!);
    const areas = turn.network.areas;
    const area = areas.find((a) => foldKey(a) === key) ?? unique(areas.filter((a) => foldKey(a).includes(key)));
    if (area) filter.area = area;
    else problems.push(t.portfolio.unknownValue(t.project.area.toLowerCase(), plain(raw.area!)));
  }
  if (!blank(raw.owner)) {
    const byId = organisation(turn.portfolio, raw.owner);
    const found = byId?.networkId === turn.network.id ? byId : resolvedOrganisation(turn, raw.owner!);
    if (found) filter.ownerOrganisationId = found.id;
    else problems.push(t.portfolio.unknownValue(t.project.owner.toLowerCase(), plain(raw.owner!)));
  }
  return { filter, problems };
}

export function renderPortfolio(turn: Turn, filter: PortfolioFilter, page: number, notice?: string): AdaptiveCard {
  const projects = projectsOf(turn.portfolio, turn.network.id);
  const ownerIds = new Set(projects.map((x) => x.ownerOrganisationId));
  const owners = turn.portfolio.organisations
    .filter((o) => ownerIds.has(o.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const view = { network: turn.network, owners, filter, page: paginate(filterProjects(projects, filter), page, PORTFOLIO_PAGE_SIZE), notice };
  return renderPortfolioCard(turn.portfolio, view, turn.locale);
}

function matchStatus(value: string): ProjectStatus | undefined {
  const key = foldKey(value);
  for (const s of ProjectStatus.options) {
    if (foldKey(s) === key) return s;
    for (const locale of ['nb', 'nn', 'en'] as const) if (foldKey(messages(locale).labels.status[s]) === key) return s;
  }
  return undefined;
}

function resolvedOrganisation(turn: Turn, query: string): Organisation | undefined {
  const r = turn.lookup.organisation(turn.portfolio, turn.network.id, query);
  return r.kind === 'found' ? r.item : undefined;
}

const unique = <T>(xs: T[]): T | undefined => (xs.length === 1 ? xs[0] : undefined);

const FILTER_KEYS: Record<string, keyof RawFilter> = {
  status: 'status',
  omrade: 'area',
  area: 'area',
  horisont: 'horizon',
  horizon: 'horizon',
  eier: 'owner',
  eigar: 'owner',
  owner: 'owner',
};

/** "status:i gang område:arkivering eier:Trondheim" → raw filter; unknown keys are reported. */
export function parseFilterText(text: string): { raw: RawFilter; unknownKeys: string[] } {
  const { values, unknownKeys } = parseKeyValues(text, FILTER_KEYS);
  return { raw: values, unknownKeys };
}
