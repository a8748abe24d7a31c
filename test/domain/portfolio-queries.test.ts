import { filterProjects, networkForTenant, paginate, projectsForOrganisation } from '../../src/domain/portfolio-queries';
import type { Project } from '../../src/domain/schema';
import { demoPortfolio } from '../../src/flokk';
import { aNetwork, aPortfolio, aProject, anOrganisation } from '../builders';

const ids = (xs: readonly Project[]) => xs.map((x) => x.id);

describe('networkForTenant', () => {
  const p = aPortfolio({
    networks: [aNetwork({ id: 'trd', tenantIds: ['tenant-trd-a', 'tenant-trd-b'] }), aNetwork({ id: 'vl', tenantIds: ['tenant-vl'] })],
  });

  it('finds the network that lists the tenant', () => {
    expect(networkForTenant(p, 'tenant-trd-b')?.id).toBe('trd');
    expect(networkForTenant(p, 'tenant-vl', 'trd')?.id).toBe('vl');
  });

  it('finds nothing for an unknown or missing tenant when no fallback is given', () => {
    expect(networkForTenant(p, 'tenant-unknown')).toBeUndefined();
    expect(networkForTenant(p, undefined)).toBeUndefined();
  });

  it('uses the fallback network only when it is given and exists', () => {
    expect(networkForTenant(p, 'tenant-unknown', 'vl')?.id).toBe('vl');
    expect(networkForTenant(p, undefined, 'trd')?.id).toBe('trd');
    expect(networkForTenant(p, undefined, 'nowhere')).toBeUndefined();
  });

  it('does not match a network without tenants to an empty tenant id', () => {
    const q = aPortfolio({ networks: [aNetwork({ id: 'no-tenants', tenantIds: [] })] });
    expect(networkForTenant(q, '')).toBeUndefined();
  });
});

describe('projectsForOrganisation', () => {
  const owner = anOrganisation({ id: 'org-owner' });
  const other = anOrganisation({ id: 'org-other' });
  const owned = aProject({ id: 'owned', ownerOrganisationId: owner.id, participantOrganisationIds: [owner.id, other.id] });
  const joined = aProject({ id: 'joined', ownerOrganisationId: other.id, participantOrganisationIds: [other.id, owner.id] });
  const unrelated = aProject({ id: 'unrelated', ownerOrganisationId: other.id, participantOrganisationIds: [other.id] });
  const p = aPortfolio({ organisations: [owner, other], projects: [owned, joined, unrelated] });

  it('separates owned projects from those it takes part in, listing each once', () => {
    expect(projectsForOrganisation(p, owner.id)).toEqual({ owns: [owned], takesPartIn: [joined] });
    expect(projectsForOrganisation(p, other.id)).toEqual({ owns: [joined, unrelated], takesPartIn: [owned] });
  });

  it('gives two empty lists for an organisation with no projects', () => {
    expect(projectsForOrganisation(p, 'org-nobody')).toEqual({ owns: [], takesPartIn: [] });
  });

  it('never lists a demo project twice although owners are listed among participants', () => {
    const demo = demoPortfolio();
    const { owns, takesPartIn } = projectsForOrganisation(demo, 'kommune-5001');
    expect(ids(owns).sort()).toEqual(['p-felles-sak-arkiv', 'p-ki-arkiv-saksbehandling']);
    for (const id of ids(owns)) expect(ids(takesPartIn)).not.toContain(id);
    expect(ids(takesPartIn)).toContain('p-depot-digitalt-arkiv');
    const involved = demo.projects.filter((x) => x.ownerOrganisationId === 'kommune-5001' || x.participantOrganisationIds.includes('kommune-5001'));
    expect(owns.length + takesPartIn.length).toBe(involved.length);
  });
});

describe('filterProjects', () => {
  const projects = [
    aProject({ id: 'b-completed', title: 'Bølge', status: 'completed', area: 'helse', horizon: 'H1', ownerOrganisationId: 'org-a' }),
    aProject({ id: 'z-active', title: 'Zeta', status: 'active', area: 'oppvekst', horizon: 'H2', ownerOrganisationId: 'org-b' }),
    aProject({ id: 'a-proposed', title: 'Alfa', status: 'proposed', area: 'helse', horizon: 'H3', ownerOrganisationId: 'org-a' }),
    aProject({ id: 'ae-active', title: 'Ærlig', status: 'active', area: 'helse', horizon: 'H1', ownerOrganisationId: 'org-b' }),
    aProject({ id: 'a-active', title: 'Alfa aktiv', status: 'active', area: 'helse', horizon: 'H1', ownerOrganisationId: 'org-a' }),
    aProject({ id: 'approved', title: 'Aaa', status: 'approved', area: 'oppvekst', horizon: 'H1', ownerOrganisationId: 'org-a' }),
  ];

  it('with no filter keeps everything: active first, then approved … completed, by Norwegian title order within a status', () => {
    expect(ids(filterProjects(projects, {}))).toEqual(['a-active', 'z-active', 'ae-active', 'approved', 'a-proposed', 'b-completed']);
  });

  it('filters by status', () => {
    expect(ids(filterProjects(projects, { status: 'active' }))).toEqual(['a-active', 'z-active', 'ae-active']);
    expect(filterProjects(projects, { status: 'withdrawn' })).toEqual([]);
  });

  it('filters by area', () => {
    expect(ids(filterProjects(projects, { area: 'oppvekst' }))).toEqual(['z-active', 'approved']);
  });

  it('filters by horizon', () => {
    expect(ids(filterProjects(projects, { horizon: 'H3' }))).toEqual(['a-proposed']);
  });

  it('filters by owner', () => {
    expect(ids(filterProjects(projects, { ownerOrganisationId: 'org-b' }))).toEqual(['z-active', 'ae-active']);
  });

  it('combines filters with and', () => {
    expect(ids(filterProjects(projects, { status: 'active', area: 'helse', ownerOrganisationId: 'org-a' }))).toEqual(['a-active']);
    expect(filterProjects(projects, { status: 'active', horizon: 'H3' })).toEqual([]);
  });

  it('does not reorder the array it was given', () => {
    const before = ids(projects);
    filterProjects(projects, {});
    expect(ids(projects)).toEqual(before);
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 17 }, (_, i) => i + 1);

  it('slices the requested page and counts the pages', () => {
    expect(paginate(items, 1, 8)).toEqual({ items: [1, 2, 3, 4, 5, 6, 7, 8], page: 1, pages: 3, total: 17 });
    expect(paginate(items, 3, 8)).toEqual({ items: [17], page: 3, pages: 3, total: 17 });
  });

  it('clamps a page below 1 to the first page', () => {
    expect(paginate(items, 0, 8).page).toBe(1);
    expect(paginate(items, -5, 8).items[0]).toBe(1);
  });

  it('clamps a page above the last to the last page', () => {
    expect(paginate(items, 99, 8)).toEqual({ items: [17], page: 3, pages: 3, total: 17 });
  });

  it('rounds a fractional page down', () => {
    expect(paginate(items, 2.9, 8).page).toBe(2);
  });

  it('gives one empty page for an empty list', () => {
    expect(paginate([], 1, 8)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
    expect(paginate([], 4, 8)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
  });

  it('has exactly the pages needed when the list fills them', () => {
    expect(paginate(items.slice(0, 16), 2, 8)).toMatchObject({ pages: 2, items: [9, 10, 11, 12, 13, 14, 15, 16] });
  });
});
