import type { Locale, Network, Organisation, Portfolio, Project } from '../domain/schema';
import { Horizon, ProjectStatus } from '../domain/schema';
import { organisation, type Page, type PortfolioFilter } from '../domain/portfolio-queries';
import { messages } from '../i18n';
import { ANY_CHOICE, VERB } from './actions';
import { card, heading, paragraph, type AdaptiveCard } from './card';
import { plain } from './escape';

export const PORTFOLIO_PAGE_SIZE = 8;

export interface PortfolioView {
  network: Network;
  /** Organisations that own at least one project: the owner filter's choices. */
  owners: readonly Organisation[];
  filter: PortfolioFilter;
  page: Page<Project>;
  /** The caller's sentence, any user text in it already escaped. */
  notice?: string;
}

/** The portfolio as a paged list with filters; paging and filtering re-render this card. */
export function renderPortfolioCard(p: Portfolio, view: PortfolioView, locale: Locale): AdaptiveCard {
  const t = messages(locale);
  const { filter, page } = view;
  const choice = (id: string, label: string, value: string | undefined, choices: Array<[string, string]>) => ({
    type: 'Input.ChoiceSet',
    id,
    label,
    style: 'compact',
    value: value ?? ANY_CHOICE,
    choices: [{ title: t.portfolio.any, value: ANY_CHOICE }, ...choices.map(([v, title]) => ({ title, value: v }))],
  });
  const rows = page.items.map((x) => ({
    type: 'Container',
    spacing: 'Small',
    separator: true,
    selectAction: { type: 'Action.Execute', verb: VERB.projectShow, data: { projectId: x.id }, title: x.title },
    items: [
      paragraph(`**${plain(x.title)}**`),
      paragraph(`${plain(organisation(p, x.ownerOrganisationId)?.name ?? '?')} · ${t.labels.status[x.status]} · ${plain(x.area)} · ${x.horizon}`, {
        isSubtle: true,
        spacing: 'None',
      }),
    ],
  }));
  const pageData = (n: number) => ({ page: n });
  const actions: unknown[] = [{ type: 'Action.Execute', title: t.portfolio.filter, verb: VERB.portfolioPage, data: pageData(1) }];
  if (page.page > 1) actions.push({ type: 'Action.Execute', title: t.portfolio.previous, verb: VERB.portfolioPage, data: pageData(page.page - 1) });
  if (page.page < page.pages) actions.push({ type: 'Action.Execute', title: t.portfolio.next, verb: VERB.portfolioPage, data: pageData(page.page + 1) });

  return card(
    [
      heading(`${t.portfolio.title} – ${plain(view.network.name)}`),
      ...(view.notice ? [paragraph(view.notice, { weight: 'Bolder' })] : []),
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: [choice('status', t.project.status, filter.status, ProjectStatus.options.map((s) => [s, t.labels.status[s]]))] },
          { type: 'Column', width: 'stretch', items: [choice('horizon', t.project.horizon, filter.horizon, Horizon.options.map((h) => [h, h]))] },
        ],
      },
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: [choice('area', t.project.area, filter.area, view.network.areas.map((a) => [a, a]))] },
          {
            type: 'Column',
            width: 'stretch',
            items: [choice('owner', t.project.owner, filter.ownerOrganisationId, view.owners.map((o) => [o.id, o.name]))],
          },
        ],
      },
      paragraph(`${t.portfolio.count(page.total)} · ${t.portfolio.page(page.page, page.pages)}`, { isSubtle: true }),
      ...(rows.length > 0 ? rows : [paragraph(t.portfolio.empty)]),
    ],
    actions,
    `${t.portfolio.title}: ${t.portfolio.count(page.total)}`,
  );
}
