import type { Horizon, Network, Organisation, Person, Portfolio, Project, ProjectStatus } from './schema';

/** Pure questions about one network's part of the portfolio. */

/** The network a Teams tenant belongs to; `fallbackId` is used in local development only. */
export function networkForTenant(p: Portfolio, tenantId: string | undefined, fallbackId?: string): Network | undefined {
  const byTenant = tenantId ? p.networks.find((n) => n.tenantIds.includes(tenantId)) : undefined;
  return byTenant ?? (fallbackId ? p.networks.find((n) => n.id === fallbackId) : undefined);
}

export const projectsOf = (p: Portfolio, networkId: string): Project[] => p.projects.filter((x) => x.networkId === networkId);

export const organisationsOf = (p: Portfolio, networkId: string): Organisation[] =>
  p.organisations.filter((o) => o.networkId === networkId);

export const organisation = (p: Portfolio, id: string | undefined): Organisation | undefined =>
  id ? p.organisations.find((o) => o.id === id) : undefined;

export const person = (p: Portfolio, id: string | undefined): Person | undefined =>
  id ? p.people.find((x) => x.id === id) : undefined;

export const project = (p: Portfolio, networkId: string, id: string): Project | undefined =>
  p.projects.find((x) => x.id === id && x.networkId === networkId);

export interface OrganisationProjects {
  owns: Project[];
  takesPartIn: Project[];
}

export function projectsForOrganisation(p: Portfolio, organisationId: string): OrganisationProjects {
  const owns: Project[] = [];
  const takesPartIn: Project[] = [];
  for (const x of p.projects) {
    if (x.ownerOrganisationId === organisationId) owns.push(x);
    else if (x.participantOrganisationIds.includes(organisationId)) takesPartIn.push(x);
  }
  return { owns, takesPartIn };
}

export interface PortfolioFilter {
  status?: ProjectStatus;
  area?: string;
  horizon?: Horizon;
  ownerOrganisationId?: string;
  /** Any of these statuses (a question may name several: «avviste eller trukne»). */
  statuses?: readonly ProjectStatus[];
  /** Any of these areas («arkiv» names both arkivering and felles sak-/arkivsystem). */
  areas?: readonly string[];
  /** Each of these takes part (the owner counts as taking part). */
  participantOrganisationIds?: readonly string[];
  /** Each of these owns or takes part. */
  involvedOrganisationIds?: readonly string[];
  projectLeadId?: string;
  /** Leave out rejected and withdrawn projects: a question that did not ask for them. */
  onlyLiving?: boolean;
}

const takesPart = (x: Project, id: string) => x.ownerOrganisationId === id || x.participantOrganisationIds.includes(id);

/** Statuses that are still part of the living portfolio, shown first. */
const STATUS_ORDER: ProjectStatus[] = [
  'active',
  'approved',
  'under_consideration',
  'proposed',
  'paused',
  'completed',
  'rejected',
  'withdrawn',
];

export function filterProjects(projects: readonly Project[], f: PortfolioFilter): Project[] {
  return projects
    .filter(
      (x) =>
        (!f.status || x.status === f.status) &&
        (!f.area || x.area === f.area) &&
        (!f.horizon || x.horizon === f.horizon) &&
        (!f.ownerOrganisationId || x.ownerOrganisationId === f.ownerOrganisationId) &&
        (!f.statuses?.length || f.statuses.includes(x.status)) &&
        (!f.areas?.length || f.areas.includes(x.area)) &&
        (f.participantOrganisationIds ?? []).every((id) => takesPart(x, id)) &&
        (f.involvedOrganisationIds ?? []).every((id) => takesPart(x, id)) &&
        (!f.projectLeadId || x.projectLeadId === f.projectLeadId) &&
        (!f.onlyLiving || (x.status !== 'rejected' && x.status !== 'withdrawn')),
    )
    .sort(
      (a, b) =>
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.title.localeCompare(b.title, 'nb'),
    );
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

export function paginate<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  return { items: items.slice((current - 1) * size, current * size), page: current, pages, total: items.length };
}
