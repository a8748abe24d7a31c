import { currentLeaderId, currentMembers, isCurrentLeader } from '../../src/domain/bodies';
import { eligibleVoters } from '../../src/domain/polls';
import { Body, type BodyMember } from '../../src/domain/schema';
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
