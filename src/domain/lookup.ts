import { NameIndex, type Resolution } from './search';
import { organisationsOf, projectsOf, organisation } from './portfolio-queries';
import type { Organisation, Portfolio, Project } from './schema';

/**
 * Name lookups for projects and organisations in one network. Indexes are rebuilt only when
 * the portfolio's arrays change (the store replaces them on every change, never edits them).
 */
export class PortfolioLookup {
  private projectIndexes = new WeakMap<readonly Project[], WeakMap<readonly Organisation[], Map<string, NameIndex<Project>>>>();
  private organisationIndexes = new WeakMap<readonly Organisation[], Map<string, NameIndex<Organisation>>>();

  project(p: Portfolio, networkId: string, query: string): Resolution<Project> {
    return this.projectIndex(p, networkId).resolve(query);
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

function cached<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}
