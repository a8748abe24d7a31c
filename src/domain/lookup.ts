import { NameIndex, type Resolution } from './search';
import { projectQueryVariants } from './understanding/project-query';
import { organisationsOf, projectsOf, organisation } from './portfolio-queries';
import type { Organisation, Portfolio, Project } from './schema';

/**
 * Name lookups for projects and organisations in one network. Indexes are rebuilt only when
 * the portfolio's arrays change (the store replaces them on every change, never edits them).
 */
export class PortfolioLookup {
  private projectIndexes = new WeakMap<readonly Project[], WeakMap<readonly Organisation[], Map<string, NameIndex<Project>>>>();
  private organisationIndexes = new WeakMap<readonly Organisation[], Map<string, NameIndex<Organisation>>>();

  /**
   * The project a question names, trying the ways it may be written (see `projectQueryVariants`).
   * Rejected and withdrawn projects are found when named, but are never offered as a guess
   * while a living one fits.
   */
  project(p: Portfolio, networkId: string, query: string): Resolution<Project> {
    const index = this.projectIndex(p, networkId);
    let first: Resolution<Project> | undefined;
    for (const variant of projectQueryVariants(query)) {
      const r = index.resolve(variant);
      if (r.kind === 'found') return r;
      if (!first || (first.kind === 'none' && (r.kind === 'ambiguous' || (first.suggestions.length === 0 && r.suggestions.length > 0)))) first = r;
    }
    return withoutClosed(first ?? { kind: 'none', suggestions: [] });
  }

  searchProjects(p: Portfolio, networkId: string, query: string, limit?: number): Project[] {
    return this.projectIndex(p, networkId).search(query, limit);
  }

  organisation(p: Portfolio, networkId: string, query: string): Resolution<Organisation> {
    return this.organisationIndex(p, networkId).resolve(query);
  }

  private projectIndex(p: Portfolio, networkId: string): NameIndex<Project> {
    // Owner names are indexed, so the index must follow both arrays.
    const byOrganisations = cached(this.projectIndexes, p.projects, () => new WeakMap());
    const byNetwork = cached(byOrganisations, p.organisations, () => new Map<string, NameIndex<Project>>());
    let index = byNetwork.get(networkId);
    if (!index) {
      index = new NameIndex(projectsOf(p, networkId), (x) => ({
        id: x.id,
        name: x.title,
        extra: `${x.area} ${organisation(p, x.ownerOrganisationId)?.name ?? ''}`,
      }));
      byNetwork.set(networkId, index);
    }
    return index;
  }

  private organisationIndex(p: Portfolio, networkId: string): NameIndex<Organisation> {
    const byNetwork = cached(this.organisationIndexes, p.organisations, () => new Map());
    let index = byNetwork.get(networkId);
    if (!index) {
      index = new NameIndex(organisationsOf(p, networkId), (o) => ({ id: o.id, name: o.name, extra: o.kommunenummer }));
      byNetwork.set(networkId, index);
    }
    return index;
  }
}

const CLOSED = new Set(['rejected', 'withdrawn']);

function withoutClosed(r: Resolution<Project>): Resolution<Project> {
  if (r.kind === 'none') return { kind: 'none', suggestions: r.suggestions.filter((x) => !CLOSED.has(x.status)) };
  if (r.kind !== 'ambiguous') return r;
  const open = r.candidates.filter((x) => !CLOSED.has(x.status));
  if (open.length === 1) return { kind: 'found', item: open[0]! };
  return open.length > 1 ? { kind: 'ambiguous', candidates: open } : r;
}

function cached<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}
