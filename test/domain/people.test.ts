import { DomainError, type ErrorCode } from '../../src/domain/errors';
import { migrate } from '../../src/domain/migrations';
import { organisationForTenant } from '../../src/domain/networks';
import {
  actorFor,
  approveMembership,
  ASSIGNABLE_ROLES,
  assertMay,
  may,
  pendingMemberships,
  registerPerson,
  rejectMembership,
  setRoles,
  type Actor,
} from '../../src/domain/people';
import { Body, Person, Portfolio, SCHEMA_VERSION, type BodyMember } from '../../src/domain/schema';
import { aNetwork, anOrganisation, aPortfolio, aProject, NETWORK_ID } from '../builders';

const NOW = new Date('2026-03-10T12:00:00Z');
const OWN_TENANT = '11111111-0000-4000-8000-000000000001';

const orland = anOrganisation({ id: 'org-orland', name: 'Ørland', tenantIds: [OWN_TENANT] });
const trondheim = anOrganisation({ id: 'org-trondheim', name: 'Trondheim' });
const person = (id: string, extra: Partial<Person> = {}) => Person.parse({ id, aadObjectId: `aad-${id}`, name: id, networkId: NETWORK_ID, ...extra });
const board = (members: Array<Partial<BodyMember> & Pick<BodyMember, 'personId'>>) =>
  Body.parse({ id: 'board', networkId: NETWORK_ID, kind: 'programme_board', name: 'Programstyret', casePrefix: 'PS', members: members.map((m) => ({ role: 'member', from: '2025-01-01', ...m })) });

const base = (people: Person[], members: Array<Partial<BodyMember> & Pick<BodyMember, 'personId'>> = []) =>
  aPortfolio({ networks: [aNetwork()], organisations: [orland, trondheim], people, bodies: [board(members)] });

const actorOf = (p: Portfolio, id: string, on = NOW, admins: string[] = []) => actorFor(p, NETWORK_ID, { aadObjectId: `aad-${id}`, name: id }, admins, on)!;

function code(run: () => unknown): ErrorCode | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

const secretariat = person('kari', { organisationId: trondheim.id, roles: ['secretariat'] });

describe('actorFor: board roles follow from the programme board’s terms', () => {
  const p = base(
    [person('ola'), person('ingrid', { roles: ['project_lead'] }), person('nils', { roles: ['board_member', 'board_leader', 'resource_group'] }), person('sec')],
    [{ personId: 'ola', role: 'leader' }, { personId: 'ingrid', to: '2026-03-10' }, { personId: 'nils', to: '2024-12-31' }, { personId: 'sec', role: 'secretary' }],
  );

  it('makes the current leader board_leader and a member board_member, beside their other roles', () => {
    expect(actorOf(p, 'ola').roles).toEqual(['board_leader']);
    expect(actorOf(p, 'ingrid').roles).toEqual(['board_member', 'project_lead']);
  });

  it('ignores a board role stored on the person: an ended term gives none, the secretary none', () => {
    expect(actorOf(p, 'nils').roles).toEqual(['resource_group']);
    expect(actorOf(p, 'sec').roles).toEqual([]);
  });

  it('reads the term by the date in Oslo: a term ending today counts until midnight there', () => {
    expect(actorOf(p, 'ingrid', new Date('2026-03-10T22:59:00Z')).roles).toContain('board_member');
    expect(actorOf(p, 'ingrid', new Date('2026-03-10T23:00:00Z')).roles).not.toContain('board_member');
  });

  it('adds admin for a bootstrap admin, once, in the usual order', () => {
    expect(actorOf(p, 'ola', NOW, ['aad-ola']).roles).toEqual(['board_leader', 'admin']);
  });

  it('gives no board role in a network without a programme board', () => {
    const none = { ...p, bodies: [] };
    expect(actorOf(none, 'ola').roles).toEqual([]);
  });
});

describe('actorFor: the organisation only once confirmed', () => {
  const p = base([person('confirmed', { organisationId: orland.id }), person('waiting', { requestedOrganisationId: orland.id })]);

  it('exposes a confirmed organisation', () => {
    expect(actorOf(p, 'confirmed')).toMatchObject({ organisationId: orland.id });
    expect(actorOf(p, 'confirmed')).not.toHaveProperty('requestedOrganisationId');
  });

  it('exposes a request as a request, never as the organisation', () => {
    expect(actorOf(p, 'waiting')).not.toHaveProperty('organisationId');
    expect(actorOf(p, 'waiting')).toMatchObject({ requestedOrganisationId: orland.id });
  });
});

describe('what someone waiting for the secretariat may do', () => {
  const project = aProject({ ownerOrganisationId: orland.id, status: 'active' });
  const p = base([person('waiting', { requestedOrganisationId: orland.id }), person('member', { organisationId: orland.id })]);
  const waiting = actorOf(p, 'waiting');

  it('may neither report on, nor move, nor mark interest for the organisation they asked for', () => {
    expect(may(waiting, 'project.report', project)).toBe(false);
    expect(may(waiting, 'project.progress', project)).toBe(false);
    expect(may(waiting, 'initiative.interest')).toBe(false);
    expect(may(actorOf(p, 'member'), 'project.report', project)).toBe(true);
  });

  it('is told it waits for the secretariat, where confirmation would have been enough', () => {
    expect(code(() => assertMay(waiting, 'project.report', project))).toBe('MEMBERSHIP.PENDING');
    expect(code(() => assertMay(waiting, 'project.progress', project))).toBe('MEMBERSHIP.PENDING');
  });

  it('is refused as anyone else would be where confirmation would not help', () => {
    expect(code(() => assertMay(waiting, 'project.report', { ...project, ownerOrganisationId: trondheim.id }))).toBe('ACCESS.DENIED');
    expect(code(() => assertMay(waiting, 'project.propose'))).toBe('ACCESS.DENIED');
    expect(code(() => assertMay(waiting, 'bodies.manage'))).toBe('ACCESS.DENIED');
  });
});

describe('registerPerson', () => {
  const input = { id: 'new', networkId: NETWORK_ID, aadObjectId: 'aad-new', name: 'Ny Person' };

  it('records an organisation picked from an unmapped tenant as a request, which grants nothing', () => {
    const p = base([]);
    const { next, result } = registerPerson(p, { ...input, organisationId: trondheim.id, tenantId: 'some-other-tenant' });
    expect(result.outcome).toBe('requested');
    expect(result.person).toEqual({ id: 'new', aadObjectId: 'aad-new', name: 'Ny Person', requestedOrganisationId: trondheim.id, networkId: NETWORK_ID, roles: [], example: false });
    expect(actorOf(next, 'new')).not.toHaveProperty('organisationId');
    expect(pendingMemberships(next, NETWORK_ID).map((x) => x.id)).toEqual(['new']);
  });

  it('confirms the organisation whose own tenant the activity comes from, whatever was picked', () => {
    const { next, result } = registerPerson(base([]), { ...input, organisationId: trondheim.id, tenantId: OWN_TENANT });
    expect(result).toMatchObject({ outcome: 'confirmed', organisation: { id: orland.id } });
    expect(result.person.organisationId).toBe(orland.id);
    expect(result.person).not.toHaveProperty('requestedOrganisationId');
    expect(pendingMemberships(next, NETWORK_ID)).toEqual([]);
  });

  it('confirms from the tenant without any pick at all, but needs a pick otherwise', () => {
    expect(registerPerson(base([]), { ...input, tenantId: OWN_TENANT }).result.outcome).toBe('confirmed');
    expect(code(() => registerPerson(base([]), input))).toBe('ORGANISATION.NOT_FOUND');
  });

  it('leaves someone confirmed, or waiting, as they are', () => {
    const p = base([person('new', { aadObjectId: 'aad-new', organisationId: trondheim.id }), person('waiting', { requestedOrganisationId: trondheim.id })]);
    expect(registerPerson(p, { ...input, organisationId: orland.id, tenantId: OWN_TENANT })).toEqual({ next: p, result: expect.objectContaining({ outcome: 'unchanged' }) });
    const again = registerPerson(p, { ...input, aadObjectId: 'aad-waiting', organisationId: orland.id });
    expect(again.next).toBe(p);
    expect(again.result).toMatchObject({ outcome: 'unchanged', organisation: { id: trondheim.id } });
  });

  it('identifies no organisation by a tenant two of them claim', () => {
    const p = { ...base([]), organisations: [orland, { ...trondheim, tenantIds: [OWN_TENANT] }] };
    expect(organisationForTenant(p, NETWORK_ID, OWN_TENANT)).toBeUndefined();
    expect(organisationForTenant(base([]), 'another-network', OWN_TENANT)).toBeUndefined();
    expect(registerPerson(p, { ...input, organisationId: trondheim.id, tenantId: OWN_TENANT }).result.outcome).toBe('requested');
  });
});

describe('the secretariat answers a request', () => {
  const p = base([secretariat, person('waiting', { requestedOrganisationId: orland.id, roles: ['resource_group'] }), person('member', { organisationId: orland.id })]);
  const kari = actorOf(p, 'kari');

  it('approves: the organisation is confirmed, the request gone, the roles kept', () => {
    const { next, result } = approveMembership(p, kari, 'waiting', orland.id);
    expect(result).toEqual(person('waiting', { organisationId: orland.id, roles: ['resource_group'] }));
    expect(actorOf(next, 'waiting')).toMatchObject({ organisationId: orland.id });
    expect(pendingMemberships(next, NETWORK_ID)).toEqual([]);
  });

  it('rejects: the person stays, with no organisation and no request', () => {
    const { next, result } = rejectMembership(p, kari, 'waiting', orland.id);
    expect(result).toEqual(person('waiting', { roles: ['resource_group'] }));
    expect(next.people).toHaveLength(p.people.length);
  });

  it('checks the card’s ids against the request in the store', () => {
    expect(code(() => approveMembership(p, kari, 'waiting', trondheim.id))).toBe('MEMBERSHIP.NOT_PENDING');
    expect(code(() => approveMembership(p, kari, 'member', orland.id))).toBe('MEMBERSHIP.NOT_PENDING');
    expect(code(() => rejectMembership(p, kari, 'nobody', orland.id))).toBe('PERSON.NOT_FOUND');
    const answered = approveMembership(p, kari, 'waiting', orland.id).next;
    expect(code(() => approveMembership(answered, kari, 'waiting', orland.id))).toBe('MEMBERSHIP.NOT_PENDING');
  });

  it('is the secretariat’s alone, and only in its own network', () => {
    const member: Actor = actorOf(p, 'member');
    expect(code(() => approveMembership(p, member, 'waiting', orland.id))).toBe('ACCESS.DENIED');
    expect(code(() => approveMembership(p, { ...kari, networkId: 'another' }, 'waiting', orland.id))).toBe('PERSON.NOT_FOUND');
  });
});

describe('setRoles', () => {
  it('sets the roles the secretariat gives, never a board role, and drops one stored from before', () => {
    const p = base([secretariat, person('nils', { roles: ['board_member'] })]);
    const { result } = setRoles(p, actorOf(p, 'kari'), 'nils', ['board_leader', 'board_member', 'resource_group']);
    expect(result.roles).toEqual(['resource_group']);
    expect(ASSIGNABLE_ROLES).toEqual(['resource_group', 'secretariat', 'project_lead', 'admin']);
  });
});

describe('the migration to schema version 3', () => {
  it('takes the stored board roles away, keeping every other role and each organisation as confirmed', () => {
    const v2 = {
      schemaVersion: 2,
      people: [
        { id: 'a', name: 'A', networkId: NETWORK_ID, organisationId: 'org', roles: ['board_leader', 'secretariat'] },
        { id: 'b', name: 'B', networkId: NETWORK_ID, roles: ['board_member'] },
      ],
    };
    const { data } = migrate(v2);
    expect(SCHEMA_VERSION).toBe(3);
    expect(data).toEqual({
      schemaVersion: 3,
      people: [
        { id: 'a', name: 'A', networkId: NETWORK_ID, organisationId: 'org', roles: ['secretariat'] },
        { id: 'b', name: 'B', networkId: NETWORK_ID, roles: [] },
      ],
    });
  });

  it('gives an organisation of an older file no tenant, so nobody is confirmed by one until the network says so', () => {
    const { tenantIds: _, ...old } = orland;
    const parsed = Portfolio.parse({ ...aPortfolio(), organisations: [old] });
    expect(parsed.organisations[0]!.tenantIds).toEqual([]);
  });
});
