import { pollResultsCsv, recordDecision, leaderDecides } from '../../src/domain/decisions';
import { DomainError } from '../../src/domain/errors';
import { personByAad, type Actor } from '../../src/domain/people';
import { ERASED_NAME, erasePerson, exportPerson } from '../../src/domain/personal-data';
import { castVote, closePoll, openPoll, outcomeOf, tally, voterKeyFor, type PollInput } from '../../src/domain/polls';
import { Body, Initiative, Person, Portfolio, type Role } from '../../src/domain/schema';
import { aPortfolio, anOrganisation, aProject, NETWORK_ID, ORGANISATION_ID } from '../builders';

const NOW = new Date('2026-03-10T09:00:00.000Z');
const DEADLINE = '2026-03-12T15:00:00.000Z';
const AFTER = new Date(Date.parse(DEADLINE) + 1000);
const SECRET = 'a-test-secret-that-is-long-enough';

// The person's id carries their name, as the demo portfolio's ids do: erasure must rewrite it too.
const KARI = 'person-kari-nordmann';
const KARI_AAD = '6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5';
const KARI_EMAIL = 'kari.nordmann@orkland.kommune.no';
const TOMBSTONE = 'person-erased-1';
const ORG_2 = 'org-2';

const person = (id: string, name: string, roles: Role[], extra: Partial<Person> = {}) =>
  Person.parse({ id, name, networkId: NETWORK_ID, organisationId: ORGANISATION_ID, roles, ...extra });
const actor = (personId: string, roles: Role[]): Actor => ({ personId, aadObjectId: `aad-${personId}`, name: personId, networkId: NETWORK_ID, organisationId: ORGANISATION_ID, roles });
const LEADER = actor('p-leader', ['board_leader']);
const KARI_ACTOR = actor(KARI, ['board_member', 'secretariat']);

const pollInput = (overrides: Partial<PollInput>): PollInput => ({
  kind: 'consensus',
  question: 'Skal styret godkjenne mandatet?',
  options: [],
  multiple: false,
  eligibleMode: 'board',
  deadline: DEADLINE,
  anonymous: false,
  hideResultsUntilClosed: false,
  ...overrides,
});

/**
 * A network where Kari has done a bit of everything: sits on the board, shared an initiative and
 * marked interest, proposed and leads a project and reported on it, opened an anonymous poll,
 * voted in three polls, dissented in a decision and made one; and others wrote her name in texts.
 */
function world(): Portfolio {
  let p = aPortfolio({
    organisations: [anOrganisation({ id: ORGANISATION_ID, name: 'Orkland' }), anOrganisation({ id: ORG_2, name: 'Trondheim' })],
    people: [
      person(KARI, 'Kari Nordmann', ['board_member', 'secretariat'], { aadObjectId: KARI_AAD, email: KARI_EMAIL }),
      person('p-leader', 'Lea Leder', ['board_leader'], { aadObjectId: '11111111-2222-4333-8444-555555555555' }),
      person('p-m2', 'Mons Medlem', ['board_member']),
      person('p-m3', 'Mia Medlem', ['board_member']),
    ],
    bodies: [
      Body.parse({
        id: 'board',
        networkId: NETWORK_ID,
        kind: 'programme_board',
        name: 'Programstyret',
        casePrefix: 'PS',
        members: [
          { personId: 'p-leader', role: 'leader', from: '2025-01-01' },
          { personId: KARI, role: 'member', from: '2025-01-01', organisationId: ORGANISATION_ID },
          { personId: 'p-m2', role: 'member', from: '2025-01-01' },
          { personId: 'p-m3', role: 'member', from: '2025-01-01' },
        ],
      }),
    ],
    initiatives: [
      Initiative.parse({
        id: 'i-1',
        networkId: NETWORK_ID,
        title: 'Felles chatbot',
        description: `Foreslått av Kari Nordmann (${KARI_EMAIL}).`,
        level: 'municipal',
        area: 'helse',
        interest: [
          { organisationId: ORGANISATION_ID, personId: KARI, at: '2026-02-01T10:00:00Z' },
          { organisationId: ORG_2, personId: 'p-leader', at: '2026-02-02T10:00:00Z' },
        ],
        createdBy: KARI,
        createdAt: '2026-02-01T09:00:00Z',
      }),
    ],
    projects: [
      aProject({
        id: 'prj-1',
        title: 'Digital innbyggerdialog',
        status: 'under_consideration',
        createdBy: KARI,
        projectLeadId: KARI,
        summary: 'Kontakt: kari nordmann.',
        statusReports: [
          {
            id: 'sr-1',
            date: '2026-03-01',
            overall: { level: 'yellow', comment: 'Kari Nordmanns vurdering: litt forsinket' },
            time: { level: 'yellow', comment: '' },
            budget: { level: 'green', comment: '' },
            quality: { level: 'green', comment: '' },
            reportedBy: KARI,
          },
        ],
        history: [
          { at: '2026-02-10T10:00:00Z', by: KARI, change: 'created', to: 'proposed' },
          { at: '2026-02-20T10:00:00Z', by: 'p-leader', change: 'status', from: 'proposed', to: 'under_consideration' },
        ],
      }),
      aProject({ id: 'prj-2', title: 'Velferdsteknologi', createdBy: 'p-leader' }),
    ],
  });
  // A consensus poll on the project, not anonymous: Kari disagrees, Mia blocks naming her; the leader decides.
  p = openPoll(p, LEADER, pollInput({ projectId: 'prj-1' }), { pollId: 'poll-a' }, NOW).next;
  p = castVote(p, 'poll-a', { personId: KARI }, { stance: 'disagree', reason: 'For dyrt.' }, NOW, SECRET).next;
  p = castVote(p, 'poll-a', { personId: 'p-m2' }, { stance: 'agree' }, NOW, SECRET).next;
  p = castVote(p, 'poll-a', { personId: 'p-m3' }, { stance: 'block', reason: 'Kari Nordmann har rett.' }, NOW, SECRET).next;
  p = castVote(p, 'poll-a', { personId: 'p-leader' }, { stance: 'agree' }, NOW, SECRET).next;
  p = closePoll(p, 'deadline', 'poll-a', { decisionId: 'd-unused' }, AFTER).next;
  p = leaderDecides(p, LEADER, 'poll-a', 'approve', 'Vedtatt mot stemmene til Kari Nordmann og Mia Medlem.', { decisionId: 'd-a' }, AFTER).next;
  // An anonymous consent poll Kari opened; she objects.
  p = openPoll(p, KARI_ACTOR, pollInput({ kind: 'consent', anonymous: true, question: 'Nytt møtetidspunkt?' }), { pollId: 'poll-b' }, NOW).next;
  p = castVote(p, 'poll-b', { personId: KARI }, { stance: 'object', reason: 'Passer ikke.' }, NOW, SECRET).next;
  p = castVote(p, 'poll-b', { personId: 'p-m2' }, { stance: 'agree' }, NOW, SECRET).next;
  // A choice poll, not anonymous, decided by majority.
  p = openPoll(p, LEADER, pollInput({ kind: 'choice', options: ['Teams', 'E-post'], question: 'Hvor varsler vi?' }), { pollId: 'poll-c' }, NOW).next;
  for (const voter of [KARI, 'p-m2', 'p-m3']) p = castVote(p, 'poll-c', { personId: voter }, { optionIds: ['o1'] }, NOW, SECRET).next;
  p = closePoll(p, 'deadline', 'poll-c', { decisionId: 'd-c' }, AFTER).next;
  // A decision Kari made herself.
  p = recordDecision(
    p,
    { networkId: NETWORK_ID, bodyId: 'board', question: 'Innkalling til ekstraordinært møte', method: 'leader', outcome: 'approved', decidedBy: KARI },
    { decisionId: 'd-k' },
    AFTER,
  ).next;
  return Portfolio.parse(p);
}

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return 'no error';
};

/** What erasure should turn `value` into: Kari's id to the tombstone, her name, e-mail and object id to «Slettet person». */
function anonymised<T>(value: T): T {
  const text = JSON.stringify(value)
    .replaceAll(JSON.stringify(KARI), JSON.stringify(TOMBSTONE))
    .replace(/Kari\s+Nordmann|kari\.nordmann@orkland\.kommune\.no|6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5/gi, ERASED_NAME);
  return JSON.parse(text) as T;
}

describe('exportPerson', () => {
  const p = world();
  const data = exportPerson(p, KARI);

  it('has the person record with everything Flokk knows of them', () => {
    expect(data.person).toEqual(p.people.find((x) => x.id === KARI));
    expect(data.person).toMatchObject({ aadObjectId: KARI_AAD, email: KARI_EMAIL });
    expect(data.roles).toEqual(['board_member', 'secretariat']);
    expect(data.organisation).toEqual({ id: ORGANISATION_ID, name: 'Orkland' });
    expect(data.network).toEqual({ id: NETWORK_ID, name: 'Testnettverket' });
    expect(data.bodyMemberships).toEqual([{ bodyId: 'board', body: 'Programstyret', role: 'member', from: '2025-01-01', organisationId: ORGANISATION_ID }]);
  });

  it('has what they shared, marked, proposed, led and reported', () => {
    expect(data.initiativesShared.map((i) => i.id)).toEqual(['i-1']);
    expect(data.interestMarks).toEqual([{ initiativeId: 'i-1', initiative: 'Felles chatbot', organisationId: ORGANISATION_ID, at: '2026-02-01T10:00:00Z' }]);
    expect(data.projectsCreated.map((x) => x.id)).toEqual(['prj-1']);
    expect(data.projectsLed.map((x) => x.id)).toEqual(['prj-1']);
    expect(data.statusReports.map((r) => [r.projectId, r.report.id])).toEqual([['prj-1', 'sr-1']]);
    // Only the history entries they made: not the leader's, not the decision's.
    expect(data.historyEntries.every((h) => h.entry.by === KARI)).toBe(true);
    expect(data.historyEntries.map((h) => h.entry.change)).toEqual(['created']);
  });

  it('has their polls and their votes in polls that are not anonymous, and no one else’s', () => {
    expect(data.pollsCreated.map((x) => x.id)).toEqual(['poll-b']);
    expect(data.pollsEligible.map((x) => x.id).sort()).toEqual(['poll-a', 'poll-b', 'poll-c']);
    expect(data.votes.map((v) => [v.vote.pollId, v.vote.stance ?? v.vote.optionIds.join()])).toEqual([
      ['poll-a', 'disagree'],
      ['poll-c', 'o1'],
    ]);
    expect(data.votes.every((v) => v.vote.voterKey === KARI)).toBe(true);
    // The anonymous vote is keyed by a hash: not theirs to read out, and not linked here.
    expect(JSON.stringify(data)).not.toContain(voterKeyFor(p.polls.find((x) => x.id === 'poll-b')!, KARI, SECRET));
  });

  it('has the decisions they made and those they dissented in', () => {
    expect(data.decisionsMade.map((d) => d.id)).toEqual(['d-k']);
    expect(data.dissent).toEqual([{ id: 'd-a', caseNumber: 'PS 1/2026', date: '2026-03-12', question: 'Skal styret godkjenne mandatet?', reason: 'For dyrt.' }]);
  });

  it('lists the free texts that name them, by name, e-mail or object id, in any case and with a genitive s', () => {
    const where = data.mentions.map((m) => m.where);
    expect(where).toEqual(
      expect.arrayContaining([
        'initiatives/i-1/description',
        'projects/prj-1/summary',
        'projects/prj-1/statusReports/sr-1/overall/comment',
        'decisions/d-a/statement',
        'decisions/d-a/dissent/1/reason',
      ]),
    );
    expect(where.filter((w) => /^votes\/\d+\/reason$/.test(w))).toHaveLength(1); // Mia's block names her
    expect(data.mentions.some((m) => m.text === 'Kari Nordmann har rett.')).toBe(true);
    expect(data.mentions).toHaveLength(6);
  });

  it('refuses an unknown person', () => {
    expect(codeOf(() => exportPerson(p, 'nobody'))).toBe('PERSON.NOT_FOUND');
  });
});

describe('erasePerson', () => {
  const before = world();
  const { next: after, result } = erasePerson(before, KARI, TOMBSTONE);

  it('leaves a valid portfolio with no trace of the name, id, e-mail or object id', () => {
    expect(() => Portfolio.parse(after)).not.toThrow();
    const json = JSON.stringify(after);
    expect(json).not.toMatch(/kari/i);
    expect(json).not.toContain(KARI_AAD);
    expect(json).not.toMatch(/nordmann/i);
  });

  it('puts a tombstone in place of the person record', () => {
    const index = before.people.findIndex((x) => x.id === KARI);
    expect(after.people[index]).toEqual({ id: TOMBSTONE, name: ERASED_NAME, networkId: NETWORK_ID, roles: [], example: false });
    expect(after.people.filter((x) => x.id !== TOMBSTONE)).toEqual(before.people.filter((x) => x.id !== KARI));
    expect(personByAad(after, NETWORK_ID, KARI_AAD)).toBeUndefined();
  });

  it('changes nothing else but the anonymisation: decisions, polls, votes, projects, initiatives, bodies', () => {
    for (const key of ['decisions', 'polls', 'votes', 'projects', 'initiatives', 'bodies', 'organisations', 'networks', 'conversations'] as const) {
      expect(after[key]).toEqual(anonymised(before[key]));
    }
    expect(after.decisions.map((d) => d.id)).toEqual(['d-a', 'd-c', 'd-k']);
    const decided = after.decisions.find((d) => d.id === 'd-a')!;
    expect(decided.dissent).toEqual([
      { personId: TOMBSTONE, reason: 'For dyrt.' },
      { personId: 'p-m3', reason: `${ERASED_NAME} har rett.` },
    ]);
    expect(decided.statement).toBe(`Vedtatt mot stemmene til ${ERASED_NAME} og Mia Medlem.`);
    expect(after.decisions.find((d) => d.id === 'd-k')!.decidedBy).toBe(TOMBSTONE);
    expect(after.projects[0]!.statusReports[0]!.overall.comment).toBe(`${ERASED_NAME}s vurdering: litt forsinket`);
    // Interest stays with the organisation.
    expect(after.initiatives[0]!.interest[0]).toEqual({ organisationId: ORGANISATION_ID, personId: TOMBSTONE, at: '2026-02-01T10:00:00Z' });
  });

  it('keeps every tally and outcome', () => {
    for (const poll of before.polls) {
      const polled = after.polls.find((x) => x.id === poll.id)!;
      const was = tally(before, poll, true);
      const is = tally(after, polled, true);
      expect(is.participation).toEqual(was.participation);
      expect(is.quorumMet).toBe(was.quorumMet);
      expect(is.results!.stances).toEqual(was.results!.stances);
      expect(is.results!.options).toEqual(was.results!.options);
      expect(is.results!.reasons).toEqual(anonymised(was.results!.reasons));
      expect(outcomeOf(after, polled)).toEqual(outcomeOf(before, poll));
    }
  });

  it('re-keys votes in open polls to the tombstone, and leaves anonymous votes exactly as they were', () => {
    const anonymousBefore = before.votes.filter((v) => v.pollId === 'poll-b');
    const anonymousAfter = after.votes.filter((v) => v.pollId === 'poll-b');
    anonymousAfter.forEach((v, i) => expect(v).toBe(anonymousBefore[i]));
    expect(after.votes.filter((v) => v.voterKey === TOMBSTONE).map((v) => v.pollId)).toEqual(['poll-a', 'poll-c']);
    expect(pollResultsCsv(after, after.polls.find((x) => x.id === 'poll-a')!)).toContain(`${ERASED_NAME},disagree`);
  });

  it('reports what it changed, and leaves its input and unrelated objects alone', () => {
    expect(result).toMatchObject({ personId: KARI, replacementId: TOMBSTONE });
    expect(result.references).toBeGreaterThanOrEqual(15);
    expect(result.texts).toBe(6); // description, summary, report comment, Mia's vote and dissent, statement
    expect(JSON.stringify(before)).toBe(JSON.stringify(world()));
    expect(after.projects[1]).toBe(before.projects[1]);
    expect(after.organisations).toBe(before.organisations);
  });

  it('gives each erased person a tombstone of their own, so tallies still count them apart', () => {
    const twice = erasePerson(after, 'p-m2', 'person-erased-2').next;
    const poll = twice.polls.find((x) => x.id === 'poll-c')!;
    expect(tally(twice, poll, true).results!.options).toEqual(tally(before, before.polls.find((x) => x.id === 'poll-c')!, true).results!.options);
    expect(new Set(twice.votes.filter((v) => v.pollId === 'poll-c').map((v) => v.voterKey)).size).toBe(3);
  });

  it('refuses an unknown person, and a tombstone id that is taken', () => {
    expect(codeOf(() => erasePerson(before, 'nobody', TOMBSTONE))).toBe('PERSON.NOT_FOUND');
    expect(codeOf(() => erasePerson(before, KARI, 'p-m2'))).toBe('INPUT.INVALID');
    expect(codeOf(() => erasePerson(before, KARI, KARI))).toBe('INPUT.INVALID');
  });

  it('does not scrub a name too short to be told apart from other words, nor other words containing a name', () => {
    const p = aPortfolio({
      people: [person('p-bo', 'Bo', []), person('p-per', 'Per Olsen', [])],
      projects: [aProject({ summary: 'Bodø og Bo. Per Olsenløkka ligger i Per Olsens kommune.' })],
    });
    const bo = erasePerson(p, 'p-bo', 'x-1');
    expect(bo.next.projects[0]!.summary).toBe(p.projects[0]!.summary);
    expect(bo.result.texts).toBe(0);
    const per = erasePerson(p, 'p-per', 'x-2');
    expect(per.next.projects[0]!.summary).toBe(`Bodø og Bo. Per Olsenløkka ligger i ${ERASED_NAME}s kommune.`);
  });
});

describe('a person named as someone’s deputy', () => {
  const withDeputy = (): Portfolio => {
    const p = world();
    return { ...p, bodies: p.bodies.map((b) => ({ ...b, members: b.members.map((m) => (m.personId === 'p-m2' ? { ...m, deputyPersonId: KARI } : m)) })) };
  };

  it('finds it in their export', () => {
    expect(exportPerson(withDeputy(), KARI).deputyOn).toEqual([{ bodyId: 'board', body: 'Programstyret', from: '2025-01-01' }]);
    expect(exportPerson(world(), KARI).deputyOn).toEqual([]);
  });

  it('has the deputy reference moved to the tombstone by an erasure', () => {
    const { next } = erasePerson(withDeputy(), KARI, TOMBSTONE);
    expect(next.bodies[0]!.members.find((m) => m.personId === 'p-m2')?.deputyPersonId).toBe(TOMBSTONE);
    expect(JSON.stringify(next)).not.toMatch(/kari/i);
  });
});
