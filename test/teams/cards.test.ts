import { ActionData, VERB } from '../../src/cards/actions';
import type { AdaptiveCard } from '../../src/cards/card';
import { renderHelpCard, renderOrganisationProjects, renderProjectChoices } from '../../src/cards/lookup.card';
import { PORTFOLIO_PAGE_SIZE } from '../../src/cards/portfolio.card';
import { renderProjectCard } from '../../src/cards/project.card';
import { PortfolioLookup } from '../../src/domain/lookup';
import { filterProjects, projectsForOrganisation, projectsOf } from '../../src/domain/portfolio-queries';
import { Person, StatusReport, type Locale, type Network, type Portfolio, type Project } from '../../src/domain/schema';
import { demoPortfolio } from '../../src/flokk';
import { messages } from '../../src/i18n';
import { renderPortfolio } from '../../src/teams/portfolio-view';
import type { Turn } from '../../src/teams/turn';
import { aTurn } from './turn-builder';
import { aNetwork, anOrganisation, aPortfolio, aProject, NETWORK_ID, ORGANISATION_ID } from '../builders';

const LOCALES: Locale[] = ['nb', 'nn', 'en'];
const MAX_CARD_BYTES = 80 * 1024;
const VERBS = new Set<string>(Object.values(VERB));
const demo = demoPortfolio();

const turnFor = (portfolio: Portfolio, network: Network, locale: Locale): Turn => aTurn(portfolio, { networkId: network.id, locale }).turn;

/** Every object with type Action.Execute anywhere in the card: actions, ActionSets and selectActions. */
function executeActions(node: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(node)) return node.flatMap(executeActions);
  if (!node || typeof node !== 'object') return [];
  const here = (node as { type?: unknown }).type === 'Action.Execute' ? [node as Record<string, unknown>] : [];
  return [...here, ...Object.values(node).flatMap(executeActions)];
}

/** All the text a reader sees: TextBlocks and facts. */
function visibleText(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(visibleText);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.type === 'TextBlock' ? [String(o.text)] : 'title' in o && 'value' in o && !('type' in o) ? [`${o.title}: ${o.value}`] : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => (k === 'fallbackText' ? [] : visibleText(v)))];
}

/** What every card must satisfy: schema version, size, and actions the handlers will accept. */
function expectWellFormed(card: AdaptiveCard): void {
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(MAX_CARD_BYTES);
  expect(card.fallbackText?.trim()).toBeTruthy();
  for (const action of executeActions(card)) {
    expect(VERBS.has(String(action.verb))).toBe(true);
    expect(typeof action.title === 'string' && action.title.length > 0).toBe(true);
    const data = action.data as Record<string, unknown>;
    expect(data).not.toHaveProperty('verb');
    const parsed = ActionData.safeParse({ ...data, verb: action.verb });
    expect(parsed.success ? 'ok' : JSON.stringify(parsed.error.issues)).toBe('ok');
  }
}

describe('expectWellFormed (the checker itself)', () => {
  it('catches an unknown verb and data that ActionData refuses', () => {
    const base = renderHelpCard('nb');
    const withBadVerb = { ...base, actions: [{ type: 'Action.Execute', title: 'x', verb: 'project.delete', data: { projectId: 'p' } }] };
    const withBadData = { ...base, body: [{ type: 'Container', items: [], selectAction: { type: 'Action.Execute', title: 'x', verb: VERB.projectShow, data: {} } }] };
    expect(() => expectWellFormed(withBadVerb)).toThrow();
    expect(() => expectWellFormed(withBadData)).toThrow();
  });
});

describe('project card', () => {
  it.each(LOCALES)('is well formed for every demo project (%s)', (locale) => {
    for (const project of demo.projects) expectWellFormed(renderProjectCard(demo, project, locale));
  });

  it.each(LOCALES)('shows owner, lead, status label and the latest report date (%s)', (locale) => {
    const t = messages(locale);
    const project = demo.projects.find((x) => x.id === 'p-felles-sak-arkiv')!;
    expect(project.statusReports.length).toBeGreaterThan(1);
    const latest = [...project.statusReports].map((r) => r.date).sort().at(-1)!;
    const text = visibleText(renderProjectCard(demo, project, locale)).join('\n');
    expect(text).toContain(`${t.project.owner}: Trondheim`);
    const lead = demo.people.find((x) => x.id === project.projectLeadId)!;
    expect(text).toContain(`${t.project.lead}: ${lead.name}`);
    expect(text).toContain(`${t.project.status}: ${t.labels.status[project.status]}`);
    expect(text).toContain(`${t.project.latestReport} (${latest})`);
    expect(text).not.toContain(t.project.noReport);
  });

  it('shows the status label in each language', () => {
    const project = demo.projects.find((x) => x.id === 'p-depot-digitalt-arkiv')!;
    const statusLine = (locale: Locale) => visibleText(renderProjectCard(demo, project, locale)).find((s) => s.startsWith('Status:'));
    expect(statusLine('nb')).toBe('Status: Til behandling');
    expect(statusLine('nn')).toBe('Status: Til handsaming');
    expect(statusLine('en')).toBe('Status: Under consideration');
  });

  it('picks the latest report by date, not by position', () => {
    const report = (id: string, date: string, level: 'green' | 'red') =>
      StatusReport.parse({
        id,
        date,
        overall: { level },
        time: { level },
        budget: { level },
        quality: { level, comment: `kvalitet ${date}` },
        reportedBy: 'person-lead',
      });
    const lead = Person.parse({ id: 'person-lead', name: 'Kari Eksempel', networkId: NETWORK_ID });
    const project = aProject({
      status: 'active',
      projectLeadId: lead.id,
      statusReports: [report('r2', '2026-03-01', 'red'), report('r1', '2026-01-01', 'green'), report('r0', '2025-11-01', 'green')],
    });
    const p = aPortfolio({ people: [lead], projects: [project] });
    const text = visibleText(renderProjectCard(p, project, 'nb')).join('\n');
    expect(text).toContain('Siste statusrapport (2026-03-01)');
    expect(text).toContain('kvalitet 2026-03-01');
    expect(text).not.toContain('kvalitet 2026-01-01');
    expect(text).toContain('Prosjektleder: Kari Eksempel');
    expect(text).toContain('Eier: Eierkommunen');
  });

  it.each(LOCALES)('says there is no report yet when there is none (%s)', (locale) => {
    const t = messages(locale);
    const project = demo.projects.find((x) => x.statusReports.length === 0)!;
    const text = visibleText(renderProjectCard(demo, project, locale));
    expect(text).toContain(t.project.noReport);
    expect(text.join('\n')).not.toContain(`${t.project.latestReport} (`);
  });

  it('says "not set" for a missing lead and an unknown owner rather than failing', () => {
    const project = aProject({ ownerOrganisationId: 'org-gone' });
    const text = visibleText(renderProjectCard(aPortfolio({ projects: [project] }), project, 'en')).join('\n');
    expect(text).toContain('Owner: not set');
    expect(text).toContain('Project lead: not set');
  });
});

describe('portfolio card', () => {
  it.each(LOCALES)('is well formed on every page of both demo networks (%s)', (locale) => {
    for (const network of demo.networks) {
      const pages = Math.ceil(projectsOf(demo, network.id).length / PORTFOLIO_PAGE_SIZE);
      expect(pages).toBeGreaterThanOrEqual(1);
      for (let page = 1; page <= pages; page += 1) expectWellFormed(renderPortfolio(turnFor(demo, network, locale), {}, page));
    }
  });

  it('pages with portfolio.page actions that carry the neighbouring page numbers', () => {
    const network = demo.networks.find((n) => n.id === 'digitrondelag')!;
    const card = renderPortfolio(turnFor(demo, network, 'nb'), {}, 2);
    const paging = executeActions(card.actions).map((a) => [a.verb, (a.data as { page: number }).page]);
    expect(paging).toEqual([
      [VERB.portfolioPage, 1],
      [VERB.portfolioPage, 1],
    ]);
    const rows = executeActions(card.body).map((a) => (a.data as { projectId: string }).projectId);
    const sorted = filterProjects(projectsOf(demo, network.id), {}).map((x) => x.id);
    expect(rows).toEqual(sorted.slice(PORTFOLIO_PAGE_SIZE, 2 * PORTFOLIO_PAGE_SIZE));
  });

  it('stays under 80 KB on its biggest page with maximal names and a notice', () => {
    const long = (prefix: string, n: number) => `${prefix} ${'æøå '.repeat(n)}`.slice(0, n);
    const areas = Array.from({ length: 30 }, (_, i) => long(`område ${i}`, 100));
    const network = aNetwork({ areas });
    const organisations = Array.from({ length: 60 }, (_, i) => anOrganisation({ id: `org-${i}`, name: long(`Kommune ${i}`, 200) }));
    const projects: Project[] = Array.from({ length: 60 }, (_, i) =>
      aProject({ id: `project-${i}`.padEnd(100, 'x'), title: long(`Prosjekt ${i}`, 200), ownerOrganisationId: `org-${i}`, area: areas[i % 30]!, status: 'active' }),
    );
    const p = aPortfolio({ networks: [network], organisations, projects });
    for (const locale of LOCALES) {
      const card = renderPortfolio(turnFor(p, network, locale), {}, 1, long('Merk', 500));
      expect(executeActions(card.body)).toHaveLength(PORTFOLIO_PAGE_SIZE);
      expectWellFormed(card);
    }
  });

  it('says so when nothing matches the filter', () => {
    const network = demo.networks.find((n) => n.id === 'digitrondelag')!;
    const card = renderPortfolio(turnFor(demo, network, 'nn'), { status: 'active', horizon: 'H3' }, 1);
    expectWellFormed(card);
    expect(visibleText(card)).toContain(messages('nn').portfolio.empty);
    expect(executeActions(card.body)).toEqual([]);
  });
});

describe('help, choices and organisation cards', () => {
  it.each(LOCALES)('help card is well formed and lists every example (%s)', (locale) => {
    const card = renderHelpCard(locale);
    expectWellFormed(card);
    const text = visibleText(card).join('\n');
    for (const [example] of messages(locale).help.examples) expect(text).toContain(example);
  });

  it.each(LOCALES)('project choices offer one project.show button per candidate (%s)', (locale) => {
    const r = new PortfolioLookup().project(demo, 'digitrondelag', 'felles');
    expect(r.kind).toBe('ambiguous');
    const candidates = r.kind === 'ambiguous' ? r.candidates : [];
    const card = renderProjectChoices(demo, messages(locale).lookup.didYouMean, candidates, locale);
    expectWellFormed(card);
    expect(executeActions(card).map((a) => (a.data as { projectId: string }).projectId)).toEqual(candidates.map((x) => x.id));
  });

  it.each(LOCALES)('organisation card lists owned and joined projects as project.show rows (%s)', (locale) => {
    const org = demo.organisations.find((o) => o.id === 'kommune-5001')!;
    const found = projectsForOrganisation(demo, org.id);
    const card = renderOrganisationProjects(org, found, locale);
    expectWellFormed(card);
    expect(executeActions(card).map((a) => (a.data as { projectId: string }).projectId)).toEqual([...found.owns, ...found.takesPartIn].map((x) => x.id));
  });

  it('organisation card says "none" under both headings for an organisation without projects', () => {
    const org = anOrganisation({ id: ORGANISATION_ID, name: 'Tomkommune' });
    const card = renderOrganisationProjects(org, { owns: [], takesPartIn: [] }, 'en');
    expectWellFormed(card);
    expect(visibleText(card).filter((s) => s === 'None')).toHaveLength(2);
  });
});
