import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDemoPortfolio } from '../../src/demo/demo-portfolio';
import { Portfolio, ProjectStatus } from '../../src/domain/schema';

const dataDir = path.join(__dirname, '../../data');
const csv = readFileSync(path.join(dataDir, 'reference/municipalities.csv'), 'utf8');
const fileText = readFileSync(path.join(dataDir, 'demo-portfolio.json'), 'utf8');
const demo = Portfolio.parse(JSON.parse(fileText));

const inNetwork = <T extends { networkId: string }>(items: T[], networkId: string) => items.filter((x) => x.networkId === networkId);

describe('demo portfolio', () => {
  it('is what buildDemoPortfolio makes from the reference CSV', () => {
    const built = buildDemoPortfolio(csv);
    expect(built).toEqual(demo);
    expect(JSON.stringify(built, null, 1) + '\n').toBe(fileText);
  });

  it('holds every municipality of both counties and the regional organisations', () => {
    const kommuner = (networkId: string) => inNetwork(demo.organisations, networkId).filter((o) => o.kind === 'kommune');
    expect(kommuner('digitrondelag')).toHaveLength(38);
    expect(kommuner('digi-vestland')).toHaveLength(43);
    expect(demo.organisations.find((o) => o.id === 'kommune-5001')).toMatchObject({ name: 'Trondheim', kommunenummer: '5001' });
    expect(demo.organisations.find((o) => o.id === 'kommune-5057')?.name).toBe('Ørland');
    expect(
      inNetwork(demo.organisations, 'digitrondelag')
        .filter((o) => o.kind !== 'kommune')
        .map((o) => [o.id, o.kind]),
    ).toEqual([
      ['trondelag-fylkeskommune', 'fylkeskommune'],
      ['ks-trondelag', 'ks'],
      ['statsforvalteren-trondelag', 'statsforvalter'],
    ]);
    expect(new Set(demo.organisations.map((o) => o.id)).size).toBe(demo.organisations.length);
  });

  it('resolves every id it refers to', () => {
    const ids = (items: { id: string }[]) => new Set(items.map((x) => x.id));
    const networks = ids(demo.networks);
    const orgs = ids(demo.organisations);
    const people = ids(demo.people);
    const bodies = ids(demo.bodies);
    const projects = ids(demo.projects);
    const initiatives = ids(demo.initiatives);
    const refs: [string, string | undefined, Set<string>][] = [];
    const ref = (where: string, id: string | undefined, set: Set<string>) => refs.push([where, id, set]);

    for (const n of demo.networks) n.sharesWith.forEach((id) => ref(`network ${n.id}`, id, networks));
    for (const x of [...demo.organisations, ...demo.people, ...demo.bodies, ...demo.projects, ...demo.initiatives, ...demo.decisions]) {
      ref(`${x.id}.networkId`, x.networkId, networks);
    }
    for (const p of demo.people) ref(`${p.id}.organisationId`, p.organisationId, orgs);
    for (const b of demo.bodies) {
      for (const m of b.members) {
        ref(`${b.id} member`, m.personId, people);
        if (m.organisationId) ref(`${b.id} member org`, m.organisationId, orgs);
      }
    }
    for (const p of demo.projects) {
      ref(`${p.id}.ownerOrganisationId`, p.ownerOrganisationId, orgs);
      p.participantOrganisationIds.forEach((id) => ref(`${p.id} participant`, id, orgs));
      ref(`${p.id}.projectLeadId`, p.projectLeadId, people);
      ref(`${p.id}.createdBy`, p.createdBy, people);
      p.statusReports.forEach((r) => ref(`${r.id}.reportedBy`, r.reportedBy, people));
      p.history.forEach((h) => ref(`${p.id} history`, h.by, people));
      if (p.initiativeId) ref(`${p.id}.initiativeId`, p.initiativeId, initiatives);
    }
    for (const i of demo.initiatives) {
      ref(`${i.id}.createdBy`, i.createdBy, people);
      if (i.sourceOrganisationId) ref(`${i.id}.sourceOrganisationId`, i.sourceOrganisationId, orgs);
      if (i.projectId) ref(`${i.id}.projectId`, i.projectId, projects);
      for (const x of i.interest) {
        ref(`${i.id} interest org`, x.organisationId, orgs);
        ref(`${i.id} interest person`, x.personId, people);
      }
    }
    for (const d of demo.decisions) {
      ref(`${d.id}.bodyId`, d.bodyId, bodies);
      ref(`${d.id}.decidedBy`, d.decidedBy, people);
      if (d.projectId) ref(`${d.id}.projectId`, d.projectId, projects);
      d.dissent.forEach((x) => x.personId && ref(`${d.id} dissent`, x.personId, people));
    }

    const dangling = refs.filter(([, id, set]) => id === undefined || !set.has(id)).map(([where, id]) => `${where} → ${id}`);
    expect(dangling).toEqual([]);
    expect(refs.length).toBeGreaterThan(300);
  });

  it('keeps each project inside its own network', () => {
    const orgNetwork = new Map(demo.organisations.map((o) => [o.id, o.networkId]));
    const personNetwork = new Map(demo.people.map((p) => [p.id, p.networkId]));
    for (const p of demo.projects) {
      expect([p.id, orgNetwork.get(p.ownerOrganisationId)]).toEqual([p.id, p.networkId]);
      expect([p.id, p.participantOrganisationIds.every((id) => orgNetwork.get(id) === p.networkId)]).toEqual([p.id, true]);
      expect([p.id, p.projectLeadId && personNetwork.get(p.projectLeadId)]).toEqual([p.id, p.networkId]);
    }
  });

  it('has a realistic, clearly labelled project portfolio', () => {
    const trondelag = inNetwork(demo.projects, 'digitrondelag');
    expect(trondelag.length).toBeGreaterThanOrEqual(10);
    expect(trondelag.length).toBeLessThanOrEqual(15);
    expect(trondelag.map((p) => p.title)).toContain('Felles sak-/arkivsystem');
    expect(new Set(demo.projects.map((p) => p.status))).toEqual(new Set(ProjectStatus.options));
    for (const x of [...demo.networks, ...demo.people, ...demo.projects, ...demo.initiatives]) {
      expect([x.id, x.example]).toEqual([x.id, true]);
    }
    for (const p of demo.projects) {
      const financed = p.financing.reduce((sum, f) => sum + f.amountNok, 0);
      expect([p.id, financed <= (p.budgetNok ?? 0)]).toEqual([p.id, true]);
      expect([p.id, p.startDate !== undefined && p.endDate !== undefined && p.endDate > p.startDate]).toEqual([p.id, true]);
      expect(p.participantOrganisationIds.length).toBeGreaterThanOrEqual(3);
      expect(p.participantOrganisationIds.length).toBeLessThanOrEqual(15);
      expect(networkAreas(p.networkId)).toContain(p.area);
      if (['active', 'approved', 'completed'].includes(p.status)) expect([p.id, p.statusReports.length > 0]).toEqual([p.id, true]);
    }
  });

  it('gives everyone a distinct fake aadObjectId and makes person-sekretariat an admin', () => {
    const aad = demo.people.map((p) => p.aadObjectId);
    expect(new Set(aad).size).toBe(demo.people.length);
    for (const id of aad) expect(id).toMatch(/^00000000-0000-4000-8000-0000000000\d\d$/);
    const secretariat = demo.people.find((p) => p.aadObjectId === '00000000-0000-4000-8000-000000000001');
    expect(secretariat).toMatchObject({ id: 'person-sekretariat', networkId: 'digitrondelag' });
    expect(secretariat?.roles).toEqual(expect.arrayContaining(['secretariat', 'admin']));
  });

  it('gives each network a programme board with a leader and five to seven members', () => {
    for (const networkId of ['digitrondelag', 'digi-vestland']) {
      const board = inNetwork(demo.bodies, networkId).find((b) => b.kind === 'programme_board');
      expect(board?.casePrefix).toBe('PS');
      expect(board?.members.filter((m) => m.role === 'leader')).toHaveLength(1);
      const members = board?.members.filter((m) => m.role === 'member') ?? [];
      expect(members.length).toBeGreaterThanOrEqual(5);
      expect(members.length).toBeLessThanOrEqual(7);
    }
  });
});

function networkAreas(networkId: string): string[] {
  return demo.networks.find((n) => n.id === networkId)?.areas ?? [];
}
