import {
  addBodyMember,
  boardRolesOf,
  currentLeaderId,
  currentMembers,
  defaultTermEnd,
  endBodyTerm,
  isCurrentLeader,
  makeBodyLeader,
  setBodyDeputy,
} from '../../src/domain/bodies';
import { servesOn } from '../../src/domain/body-terms';
import type { DomainError } from '../../src/domain/errors';
import type { Actor } from '../../src/domain/people';
import { eligibleVoters } from '../../src/domain/polls';
import { Body, Person, type BodyMember } from '../../src/domain/schema';
import { aPortfolio, NETWORK_ID } from '../builders';

// 00:30 on 11 March in Oslo, still 10 March in UTC; and 23:30 on 10 March in Oslo, the same day in UTC.
const JUST_AFTER_MIDNIGHT = new Date('2026-03-10T23:30:00Z');
const LATE_EVENING = new Date('2026-03-10T22:30:00Z');

const aBody = (members: Array<Partial<BodyMember> & Pick<BodyMember, 'personId'>>, id = 'board') =>
  Body.parse({
    id,
    networkId: NETWORK_ID,
    kind: 'programme_board',
    name: 'Programstyret',
    casePrefix: 'PS',
    members: members.map((m) => ({ role: 'member', from: '2025-01-01', ...m })),
  });

const ids = (members: BodyMember[]) => members.map((m) => m.personId);

describe('a body on a given day', () => {
  // Named as seen at JUST_AFTER_MIDNIGHT, when it is 11 March in Oslo.
  const body = aBody([
    { personId: 'ended-yesterday-in-oslo', to: '2026-03-10' },
    { personId: 'ends-today-in-oslo', to: '2026-03-11' },
    { personId: 'ends-tomorrow-in-oslo', to: '2026-03-12' },
    { personId: 'starts-today-in-oslo', from: '2026-03-11' },
    { personId: 'starts-tomorrow-in-oslo', from: '2026-03-12' },
    { personId: 'open-ended' },
    { personId: 'secretary', role: 'secretary' },
  ]);

  it('counts terms by the date in Oslo, where it is already the next day', () => {
    // In UTC it is still 10 March: a UTC date would keep the first and drop 'starts-today-in-oslo'.
    expect(ids(currentMembers(body, JUST_AFTER_MIDNIGHT))).toEqual([
      'ends-today-in-oslo',
      'ends-tomorrow-in-oslo',
      'starts-today-in-oslo',
      'open-ended',
      'secretary',
    ]);
  });

  it('counts a term on its last day until midnight in Oslo', () => {
    expect(ids(currentMembers(body, LATE_EVENING))).toEqual(['ended-yesterday-in-oslo', 'ends-today-in-oslo', 'ends-tomorrow-in-oslo', 'open-ended', 'secretary']);
    expect(ids(currentMembers(body, new Date('2026-03-10T22:59:59.999Z')))).toContain('ended-yesterday-in-oslo');
    expect(ids(currentMembers(body, new Date('2026-03-10T23:00:00Z')))).not.toContain('ended-yesterday-in-oslo');
  });

  it('turns at 22:00 UTC in summer time', () => {
    const summer = aBody([{ personId: 'ends-1-july', to: '2026-07-01' }, { personId: 'starts-2-july', from: '2026-07-02' }]);
    expect(ids(currentMembers(summer, new Date('2026-07-01T21:59:00Z')))).toEqual(['ends-1-july']);
    expect(ids(currentMembers(summer, new Date('2026-07-01T22:00:00Z')))).toEqual(['starts-2-july']);
  });

  it('lets the voters be the current members, secretaries excepted', () => {
    const p = aPortfolio({ bodies: [body] });
    expect(eligibleVoters(p, 'board', JUST_AFTER_MIDNIGHT)).toEqual(['ends-today-in-oslo', 'ends-tomorrow-in-oslo', 'starts-today-in-oslo', 'open-ended']);
    expect(eligibleVoters(p, 'no-such-body', JUST_AFTER_MIDNIGHT)).toEqual([]);
  });
});

describe('the leader of a body', () => {
  const handover = aBody([
    { personId: 'p-old', role: 'leader', to: '2026-03-10' },
    { personId: 'p-new', role: 'leader', from: '2026-03-11' },
    { personId: 'p-m1' },
  ]);
  const p = aPortfolio({ bodies: [handover, aBody([{ personId: 'p-m1' }], 'leaderless')] });

  it('is the leader whose term runs on the day in Oslo', () => {
    expect(currentLeaderId(p, 'board', LATE_EVENING)).toBe('p-old');
    expect(currentLeaderId(p, 'board', JUST_AFTER_MIDNIGHT)).toBe('p-new');
    expect(isCurrentLeader(p, 'board', 'p-new', JUST_AFTER_MIDNIGHT)).toBe(true);
    expect(isCurrentLeader(p, 'board', 'p-old', JUST_AFTER_MIDNIGHT)).toBe(false);
    expect(isCurrentLeader(p, 'board', 'p-m1', JUST_AFTER_MIDNIGHT)).toBe(false);
  });

  it('is the one listed first when two leader terms share a day', () => {
    const overlap = aPortfolio({
      bodies: [aBody([{ personId: 'p-old', role: 'leader', to: '2026-03-11' }, { personId: 'p-new', role: 'leader', from: '2026-03-11' }])],
    });
    expect(currentLeaderId(overlap, 'board', JUST_AFTER_MIDNIGHT)).toBe('p-old');
    expect(isCurrentLeader(overlap, 'board', 'p-new', JUST_AFTER_MIDNIGHT)).toBe(false);
  });

  it('is nobody for a body without a current leader, or no such body', () => {
    expect(currentLeaderId(p, 'leaderless', JUST_AFTER_MIDNIGHT)).toBeUndefined();
    expect(currentLeaderId(p, 'no-such-body', JUST_AFTER_MIDNIGHT)).toBeUndefined();
    expect(isCurrentLeader(p, 'no-such-body', 'p-new', JUST_AFTER_MIDNIGHT)).toBe(false);
  });
});

describe('the secretariat keeps a body’s terms', () => {
  // 10 March 2026 in Oslo.
  const NOW = new Date('2026-03-10T12:00:00Z');
  const kari: Actor = { personId: 'kari', aadObjectId: 'aad-kari', name: 'Kari', networkId: NETWORK_ID, roles: ['secretariat'] };
  const member: Actor = { ...kari, personId: 'p-m1', roles: ['board_member'] };
  const people = ['kari', 'p-lead', 'p-m1', 'p-new', 'p-deputy'].map((id) => Person.parse({ id, name: id, networkId: NETWORK_ID, organisationId: id === 'p-new' ? 'org-new' : undefined }));
  const start = () =>
    aPortfolio({
      people,
      bodies: [aBody([{ personId: 'p-lead', role: 'leader', from: '2024-01-01' }, { personId: 'p-m1', to: '2027-12-31' }, { personId: 'kari', role: 'secretary' }])],
    });
  const board = (p: ReturnType<typeof start>) => p.bodies[0]!;
  const codeOf = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      return (e as DomainError).code;
    }
    return undefined;
  };

  it('adds a member for three years from today by default, for their organisation, counted as voter and board member', () => {
    const { next, result } = addBodyMember(start(), kari, 'board', { personId: 'p-new', role: 'member' }, NOW);
    expect(result.members.at(-1)).toEqual({ personId: 'p-new', role: 'member', organisationId: 'org-new', from: '2026-03-10', to: '2029-03-09' });
    expect(eligibleVoters(next, 'board', NOW)).toContain('p-new');
    expect(boardRolesOf(next, NETWORK_ID, 'p-new', NOW)).toEqual(['board_member']);
  });

  it('adds a term with the dates given, and refuses one that ends before it begins, or overlaps the person’s own', () => {
    const { result } = addBodyMember(start(), kari, 'board', { personId: 'p-new', role: 'member', from: '2026-04-01', to: '2027-03-31' }, NOW);
    expect(result.members.at(-1)).toMatchObject({ from: '2026-04-01', to: '2027-03-31' });
    expect(codeOf(() => addBodyMember(start(), kari, 'board', { personId: 'p-new', role: 'member', from: '2026-04-01', to: '2026-03-31' }, NOW))).toBe('BODY.TERM_INVALID');
    expect(codeOf(() => addBodyMember(start(), kari, 'board', { personId: 'p-m1', role: 'member' }, NOW))).toBe('BODY.ALREADY_MEMBER');
    expect(codeOf(() => addBodyMember(start(), kari, 'board', { personId: 'p-new', role: 'member', from: '10.03.2026' }, NOW))).toBe('INPUT.INVALID');
  });

  it('has one leader at a time: a new leader’s predecessor serves on as member, their leader term ended the day before', () => {
    const { next, result } = addBodyMember(start(), kari, 'board', { personId: 'p-new', role: 'leader' }, NOW);
    expect(result.members.filter((m) => m.personId === 'p-lead')).toEqual([
      { personId: 'p-lead', role: 'leader', from: '2024-01-01', to: '2026-03-09' },
      { personId: 'p-lead', role: 'member', from: '2026-03-10' },
    ]);
    expect(currentLeaderId(next, 'board', NOW)).toBe('p-new');
    expect(currentLeaderId(next, 'board', new Date('2026-03-09T12:00:00Z'))).toBe('p-lead');
    expect(boardRolesOf(next, NETWORK_ID, 'p-lead', NOW)).toEqual(['board_member']);
    expect(boardRolesOf(next, NETWORK_ID, 'p-new', NOW)).toEqual(['board_leader']);
  });

  it('makes a member the leader from today, keeping who led before on the record', () => {
    const { next, result } = makeBodyLeader(start(), kari, 'board', 'p-m1', NOW);
    expect(result.members.filter((m) => m.personId === 'p-m1')).toEqual([
      { personId: 'p-m1', role: 'member', from: '2025-01-01', to: '2026-03-09' },
      { personId: 'p-m1', role: 'leader', from: '2026-03-10', to: '2027-12-31' },
    ]);
    expect(currentLeaderId(next, 'board', NOW)).toBe('p-m1');
    expect(result.members.filter((m) => m.role === 'leader' && servesOn('2026-03-10')(m)).map((m) => m.personId)).toEqual(['p-m1']);
    expect(makeBodyLeader(next, kari, 'board', 'p-m1', NOW).next).toBe(next);
    expect(codeOf(() => makeBodyLeader(start(), kari, 'board', 'kari', NOW))).toBe('BODY.NOT_A_MEMBER');
    expect(codeOf(() => makeBodyLeader(start(), kari, 'board', 'p-new', NOW))).toBe('BODY.NOT_A_MEMBER');
  });

  it('ends a term yesterday by default, so the person counts no more from today', () => {
    const { next, result } = endBodyTerm(start(), kari, 'board', 'p-m1', undefined, NOW);
    expect(result.lastDay).toBe('2026-03-09');
    expect(result.removed).toBe(false);
    expect(board(next).members.find((m) => m.personId === 'p-m1')).toMatchObject({ from: '2025-01-01', to: '2026-03-09' });
    expect(eligibleVoters(next, 'board', NOW)).toEqual(['p-lead']);
    expect(boardRolesOf(next, NETWORK_ID, 'p-m1', NOW)).toEqual([]);
  });

  it('ends a term on the day given, takes away a term that never began, and refuses to extend one', () => {
    expect(board(endBodyTerm(start(), kari, 'board', 'p-m1', '2026-06-30', NOW).next).members.find((m) => m.personId === 'p-m1')?.to).toBe('2026-06-30');
    const added = addBodyMember(start(), kari, 'board', { personId: 'p-new', role: 'member' }, NOW).next;
    const { next, result } = endBodyTerm(added, kari, 'board', 'p-new', undefined, NOW);
    expect(result.removed).toBe(true);
    expect(board(next).members.some((m) => m.personId === 'p-new')).toBe(false);
    expect(codeOf(() => endBodyTerm(start(), kari, 'board', 'p-m1', '2028-01-01', NOW))).toBe('BODY.TERM_INVALID');
    expect(codeOf(() => endBodyTerm(start(), kari, 'board', 'p-new', undefined, NOW))).toBe('BODY.NOT_A_MEMBER');
  });

  it('names a member’s deputy, and takes the deputy away', () => {
    const { next, result } = setBodyDeputy(start(), kari, 'board', 'p-m1', 'p-deputy', NOW);
    expect(result.members.find((m) => m.personId === 'p-m1')).toMatchObject({ deputyPersonId: 'p-deputy' });
    expect(eligibleVoters(next, 'board', NOW)).not.toContain('p-deputy');
    const cleared = setBodyDeputy(next, kari, 'board', 'p-m1', undefined, NOW).result.members.find((m) => m.personId === 'p-m1');
    expect(cleared).not.toHaveProperty('deputyPersonId');
    expect(codeOf(() => setBodyDeputy(start(), kari, 'board', 'p-m1', 'p-m1', NOW))).toBe('INPUT.INVALID');
    expect(codeOf(() => setBodyDeputy(start(), kari, 'board', 'p-m1', 'stranger', NOW))).toBe('PERSON.NOT_FOUND');
    expect(codeOf(() => setBodyDeputy(start(), kari, 'board', 'p-new', 'p-deputy', NOW))).toBe('BODY.NOT_A_MEMBER');
  });

  it('is the secretariat’s alone, for its own network’s bodies and people', () => {
    expect(codeOf(() => addBodyMember(start(), member, 'board', { personId: 'p-new', role: 'member' }, NOW))).toBe('ACCESS.DENIED');
    expect(codeOf(() => endBodyTerm(start(), member, 'board', 'p-m1', undefined, NOW))).toBe('ACCESS.DENIED');
    expect(codeOf(() => makeBodyLeader(start(), member, 'board', 'p-m1', NOW))).toBe('ACCESS.DENIED');
    expect(codeOf(() => setBodyDeputy(start(), member, 'board', 'p-m1', 'p-deputy', NOW))).toBe('ACCESS.DENIED');
    expect(codeOf(() => addBodyMember(start(), { ...kari, networkId: 'another' }, 'board', { personId: 'p-new', role: 'member' }, NOW))).toBe('BODY.NOT_FOUND');
    expect(codeOf(() => addBodyMember(start(), kari, 'board', { personId: 'stranger', role: 'member' }, NOW))).toBe('PERSON.NOT_FOUND');
  });
});
