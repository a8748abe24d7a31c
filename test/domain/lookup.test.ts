import { PortfolioLookup } from '../../src/domain/lookup';
import type { Resolution } from '../../src/domain/search';
import type { Organisation, Project } from '../../src/domain/schema';
import { demoPortfolio } from '../../src/flokk';
import { aProject } from '../builders';

const NET = 'digitrondelag';
const demo = demoPortfolio();

const label = (r: Resolution<Project | Organisation>): string => {
  if (r.kind === 'found') return 'title' in r.item ? r.item.title : r.item.name;
  return r.kind;
};
const titles = (xs: Project[]) => xs.map((x) => x.title);

describe('PortfolioLookup.organisation (demo portfolio)', () => {
  const lookup = new PortfolioLookup();
  const org = (q: string) => lookup.organisation(demo, NET, q);

  it.each([
    ['Orland', 'Ørland'],
    ['ørland', 'Ørland'],
    ['Orkland', 'Orkland'],
    ['Aafjord', 'Åfjord'],
    ['naeroysund', 'Nærøysund'],
    ['Trondheim kommune', 'Trondheim'],
    ['trondhiem', 'Trondheim'],
    ['5001', 'Trondheim'],
  ])('%s finds %s', (query, name) => {
    expect(label(org(query))).toBe(name);
  });

  it('keeps to the network: Bergen is in Digi Vestland, not DigiTrøndelag', () => {
    expect(org('Bergen').kind).toBe('none');
    expect(label(lookup.organisation(demo, 'digi-vestland', 'Bergen'))).toBe('Bergen');
    expect(label(lookup.organisation(demo, 'digi-vestland', 'Bomlo'))).toBe('Bømlo');
  });

  it('suggests Namsos for the near miss "Namsso" without claiming a match', () => {
    const r = org('Namsso');
    expect(r.kind).toBe('none');
    if (r.kind === 'none') expect(r.suggestions.map((o) => o.name)).toContain('Namsos');
  });

  it('answers none without suggestions for nonsense and for nothing', () => {
    expect(org('xyzzy')).toEqual({ kind: 'none', suggestions: [] });
    expect(org('')).toEqual({ kind: 'none', suggestions: [] });
  });
});

describe('PortfolioLookup.project (demo portfolio)', () => {
  const lookup = new PortfolioLookup();
  const project = (q: string) => lookup.project(demo, NET, q);

  it.each([
    ['Felles sak-/arkivsystem', 'Felles sak-/arkivsystem'],
    ['sak arkiv', 'Felles sak-/arkivsystem'],
    ['arkiv sak', 'Felles sak-/arkivsystem'],
    ['arkivsytem', 'Felles sak-/arkivsystem'],
    ['barnevern', 'Felles fagsystem for barnevern'],
    ['barnevren', 'Felles fagsystem for barnevern'],
    ['velferdsteknologi', 'Velferdsteknologi i hjemmetjenesten'],
    ['hjemmeoppfolging', 'Digital hjemmeoppfølging av kronisk syke'],
    ['depotlosning', 'Depotløsning for digitalt arkiv'],
  ])('%s finds %s', (query, title) => {
    expect(label(project(query))).toBe(title);
  });

  it.each(['felles', 'digital'])('calls "%s" ambiguous and offers at most five projects that all match it', (word) => {
    const r = project(word);
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    expect(r.candidates.length).toBeGreaterThan(1);
    expect(r.candidates.length).toBeLessThanOrEqual(5);
    for (const c of r.candidates) expect(c.title.toLowerCase()).toContain(word);
    expect(new Set(r.candidates.map((c) => c.id)).size).toBe(r.candidates.length);
  });

  it('suggests the closest project for a near miss it will not accept', () => {
    const r = project('kronsik');
    expect(r.kind).toBe('none');
    if (r.kind === 'none') expect(titles(r.suggestions)).toContain('Digital hjemmeoppfølging av kronisk syke');
  });

  it('answers none without suggestions for nonsense and an empty query', () => {
    expect(project('xyzzy')).toEqual({ kind: 'none', suggestions: [] });
    expect(project('')).toEqual({ kind: 'none', suggestions: [] });
    expect(project('   ')).toEqual({ kind: 'none', suggestions: [] });
  });

  it('searches only the given network', () => {
    expect(label(lookup.project(demo, 'digi-vestland', 'barnevern'))).toBe('Nytt fagsystem for barnevern');
    expect(project('Nytt fagsystem').kind).not.toBe('found');
  });

  it('searchProjects lists every match in the network, best first', () => {
    const hits = lookup.searchProjects(demo, NET, 'arkiv');
    expect(titles(hits)).toEqual(expect.arrayContaining(['Felles sak-/arkivsystem', 'Depotløsning for digitalt arkiv']));
    expect(hits.every((x) => x.networkId === NET)).toBe(true);
    expect(lookup.searchProjects(demo, NET, 'arkiv', 1)).toHaveLength(1);
  });
});

describe('PortfolioLookup follows changes to the portfolio', () => {
  it('finds a project added by replacing the projects array', () => {
    const lookup = new PortfolioLookup();
    expect(lookup.project(demo, NET, 'Skyplattform').kind).toBe('none'); // builds and caches the index
    const added = aProject({ id: 'p-sky', networkId: NET, title: 'Felles skyplattform', ownerOrganisationId: 'kommune-5001', area: 'arkivering' });
    const changed = { ...demo, projects: [...demo.projects, added] };
    expect(lookup.project(changed, NET, 'Skyplattform')).toEqual({ kind: 'found', item: added });
    // The old portfolio still answers from its own arrays.
    expect(lookup.project(demo, NET, 'Skyplattform').kind).toBe('none');
  });

  it('follows a renamed organisation, in both organisation and project (owner) lookups', () => {
    const lookup = new PortfolioLookup();
    expect(lookup.organisation(demo, NET, 'Nyby').kind).toBe('none');
    const organisations = demo.organisations.map((o) => (o.id === 'kommune-5037' ? { ...o, name: 'Nyby' } : o));
    const changed = { ...demo, organisations };
    expect(label(lookup.organisation(changed, NET, 'Nyby'))).toBe('Nyby');
    // Levanger owns barnevern and byggesak; the owner's new name is indexed with its projects.
    const byOwner = lookup.searchProjects(changed, NET, 'Nyby');
    expect(titles(byOwner).sort()).toEqual(['Digital byggesaksbehandling', 'Felles fagsystem for barnevern']);
  });
});
