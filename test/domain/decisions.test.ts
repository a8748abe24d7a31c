import {
  csvCell,
  decisionsFor,
  leaderDecides,
  minutesMarkdown,
  nextCaseNumber,
  osloDate,
  pollResultsCsv,
  recordDecision,
  type DecisionInput,
  type MinutesLabels,
} from '../../src/domain/decisions';
import { DomainError, type ErrorCode } from '../../src/domain/errors';
import type { Actor } from '../../src/domain/people';
import { castVote, closePoll, openPoll, voterKeyFor, type Ballot, type PollInput } from '../../src/domain/polls';
import { Body, Decision, Person, Portfolio, type Poll, type Role } from '../../src/domain/schema';
import { aPortfolio, aProject, NETWORK_ID } from '../builders';

const NOW = new Date('2026-03-10T09:00:00.000Z');
const DEADLINE = '2026-03-12T15:00:00.000Z';
const AFTER = new Date('2026-03-12T15:00:00.001Z');
const SECRET = 'a-test-secret-that-is-long-enough';
const PROJECT_ID = 'prj-1';
const MEMBERS = ['p-m1', 'p-m2', 'p-m3', 'p-m4'];

const person = (id: string, name: string, roles: Role[] = []) => Person.parse({ id, name, networkId: NETWORK_ID, roles });
const actor = (personId: string, roles: Role[]): Actor => ({ personId, aadObjectId: `aad-${personId}`, name: personId, networkId: NETWORK_ID, roles });
const SECRETARIAT = actor('p-sec', ['secretariat']);
const LEADER = actor('p-leader', ['board_leader']);

const aBody = (id: string, casePrefix: string, kind: Body['kind'] = 'programme_board') =>
  Body.parse({
    id,
    networkId: NETWORK_ID,
    kind,
    name: id,
    casePrefix,
    members: [{ personId: 'p-leader', role: 'leader', from: '2025-01-01' }, ...MEMBERS.map((personId) => ({ personId, role: 'member', from: '2025-01-01' }))],
  });

const aDecision = (overrides: Partial<Decision>): Decision =>
  Decision.parse({
    id: `d-${overrides.caseNumber}`,
    networkId: NETWORK_ID,
    bodyId: 'board',
    caseNumber: 'PS 1/2026',
    date: '2026-01-10',
    question: 'Et spørsmål',
    method: 'consensus',
    outcome: 'approved',
    decidedBy: 'p-leader',
    ...overrides,
  });

function boardPortfolio(overrides: Partial<Portfolio> = {}): Portfolio {
  return aPortfolio({
    people: [
      person('p-leader', 'Lea Leder', ['board_leader']),
      person('p-m1', 'Anne-Lise Aas', ['board_member']),
      person('p-m2', 'Bjørn Berg', ['board_member']),
      person('p-m3', 'Cecilie Dahl', ['board_member']),
      person('p-m4', '=Farlig Navn', ['board_member']),
      person('p-sec', 'Sekretær Sara', ['secretariat']),
    ],
    bodies: [aBody('board', 'PS'), aBody('rg', 'RG', 'resource_group')],
    projects: [aProject({ id: PROJECT_ID, title: 'Felles arkiv', status: 'under_consideration' })],
    ...overrides,
  });
}

const input = (overrides: Partial<PollInput> = {}): PollInput => ({
  kind: 'consensus',
  question: 'Skal programstyret godkjenne mandatet for «Felles arkiv»?',
  options: [],
  multiple: false,
  eligibleMode: 'board',
  deadline: DEADLINE,
  anonymous: false,
  hideResultsUntilClosed: false,
  projectId: PROJECT_ID,
  ...overrides,
});

/** A poll with these votes, closed at the deadline. */
function closedPoll(overrides: Partial<PollInput>, ballots: Array<[string, Ballot]>, p = boardPortfolio()): { p: Portfolio; poll: Poll } {
  const opened = openPoll(p, SECRETARIAT, input(overrides), { pollId: 'poll-1' }, NOW);
  const voted = ballots.reduce((s, [personId, b]) => castVote(s, 'poll-1', { personId }, b, NOW, SECRET).next, opened.next);
  const { next, result } = closePoll(voted, 'deadline', 'poll-1', { decisionId: 'd-auto' }, AFTER);
  return { p: next, poll: result.poll };
}

const blocked = (overrides: Partial<PollInput> = {}) =>
  closedPoll(overrides, [
    ['p-m1', { stance: 'agree' }],
    ['p-m2', { stance: 'disagree', reason: 'Budsjettet er for stramt' }],
    ['p-m3', { stance: 'block', reason: 'Strider mot avtalen' }],
    ['p-m4', { stance: 'abstain' }],
  ]);

function codeOf(f: () => unknown): ErrorCode | string {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return 'no error';
}

const projectStatus = (p: Portfolio) => p.projects.find((x) => x.id === PROJECT_ID)!.status;
const IDS = { decisionId: 'd-leader' };

describe('nextCaseNumber', () => {
  it('numbers per body and per year', () => {
    const p = boardPortfolio({
      decisions: [
        aDecision({ caseNumber: 'PS 1/2025', date: '2025-03-01' }),
        aDecision({ caseNumber: 'PS 2/2025', date: '2025-06-01' }),
        aDecision({ caseNumber: 'PS 1/2026', date: '2026-02-01' }),
        aDecision({ bodyId: 'rg', caseNumber: 'RG 7/2026', date: '2026-02-01' }),
      ],
    });
    expect(nextCaseNumber(p, 'board', 2026)).toBe('PS 2/2026');
    expect(nextCaseNumber(p, 'board', 2025)).toBe('PS 3/2025');
    expect(nextCaseNumber(p, 'board', 2027)).toBe('PS 1/2027');
    expect(nextCaseNumber(p, 'rg', 2026)).toBe('RG 8/2026');
    expect(codeOf(() => nextCaseNumber(p, 'nope', 2026))).toBe('DECISION.BODY_NOT_FOUND');
  });

  it('never reuses a number, even with gaps in the log', () => {
    const p = boardPortfolio({ decisions: [aDecision({ caseNumber: 'PS 12/2026' }), aDecision({ caseNumber: 'PS 3/2026' })] });
    expect(nextCaseNumber(p, 'board', 2026)).toBe('PS 13/2026');
  });
});

describe('recordDecision', () => {
  const decision = (overrides: Partial<DecisionInput> = {}): DecisionInput => ({
    networkId: NETWORK_ID,
    bodyId: 'board',
    question: 'Skal vi?',
    method: 'consensus',
    outcome: 'approved',
    decidedBy: 'p-leader',
    ...overrides,
  });

  it('dates decisions by the Norwegian calendar, so the new year starts at midnight in Oslo', () => {
    const p = boardPortfolio({ decisions: [aDecision({ caseNumber: 'PS 5/2026', date: '2026-12-01' })] });
    const newYear = recordDecision(p, decision(), { decisionId: 'd1' }, new Date('2026-12-31T23:30:00Z')).result;
    expect([newYear.date, newYear.caseNumber]).toEqual(['2027-01-01', 'PS 1/2027']);
    const oldYear = recordDecision(p, decision(), { decisionId: 'd1' }, new Date('2026-12-31T22:30:00Z')).result;
    expect([oldYear.date, oldYear.caseNumber]).toEqual(['2026-12-31', 'PS 6/2026']);
    expect(osloDate(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });

  it('moves the project the decision is about, and only a project under consideration', () => {
    const cases: Array<[DecisionInput['outcome'], string]> = [
      ['approved', 'approved'],
      ['rejected', 'rejected'],
      ['sent_back', 'proposed'],
      ['chosen', 'under_consideration'],
    ];
    for (const [outcome, status] of cases) {
      const { next } = recordDecision(boardPortfolio(), decision({ outcome, projectId: PROJECT_ID }), { decisionId: 'd1' }, NOW);
      expect([outcome, projectStatus(next)]).toEqual([outcome, status]);
    }
    const withdrawn = boardPortfolio({ projects: [aProject({ id: PROJECT_ID, status: 'withdrawn' })] });
    const { next, result } = recordDecision(withdrawn, decision({ projectId: PROJECT_ID }), { decisionId: 'd1' }, NOW);
    expect([projectStatus(next), next.decisions]).toEqual(['withdrawn', [result]]);
    expect(codeOf(() => recordDecision(boardPortfolio(), decision({ projectId: 'nope' }), { decisionId: 'd1' }, NOW))).toBe('PROJECT.NOT_FOUND');
  });

  it('refuses an unknown body and an overlong statement', () => {
    expect(codeOf(() => recordDecision(boardPortfolio(), decision({ bodyId: 'nope' }), { decisionId: 'd1' }, NOW))).toBe('DECISION.BODY_NOT_FOUND');
    expect(codeOf(() => recordDecision(boardPortfolio(), decision({ statement: 'x'.repeat(8001) }), { decisionId: 'd1' }, NOW))).toBe('DECISION.STATEMENT_TOO_LONG');
  });
});

describe('leaderDecides', () => {
  it('lets the leader decide a blocked poll, stating why, with the dissent on record', () => {
    const { p, poll } = blocked();
    expect(poll.status).toBe('awaiting_leader');
    const { next, result } = leaderDecides(p, LEADER, poll.id, 'approve', '  Godkjent med endret budsjett.  ', IDS, AFTER);
    expect(result.decision).toMatchObject({
      id: 'd-leader',
      caseNumber: 'PS 1/2026',
      method: 'leader',
      outcome: 'approved',
      statement: 'Godkjent med endret budsjett.',
      dissent: [
        { personId: 'p-m2', reason: 'Budsjettet er for stramt' },
        { personId: 'p-m3', reason: 'Strider mot avtalen' },
      ],
      abstentions: 1,
      pollId: poll.id,
      projectId: PROJECT_ID,
      decidedBy: 'p-leader',
    });
    expect(result.poll).toMatchObject({ status: 'decided', decisionId: 'd-leader' });
    expect(next.polls.find((x) => x.id === poll.id)).toEqual(result.poll);
    expect(projectStatus(next)).toBe('approved');
    expect(() => Portfolio.parse(next)).not.toThrow();
  });

  it('rejects, or sends the proposal back', () => {
    const reject = blocked();
    expect(projectStatus(leaderDecides(reject.p, LEADER, reject.poll.id, 'reject', 'Avvist.', IDS, AFTER).next)).toBe('rejected');
    const back = blocked();
    const sent = leaderDecides(back.p, LEADER, back.poll.id, 'send_back', 'Tilbake til ressursgruppen.', IDS, AFTER);
    expect([sent.result.decision.outcome, projectStatus(sent.next)]).toEqual(['sent_back', 'proposed']);
  });

  it("is the body's current leader's alone: a board_leader role without the body's leader term is refused", () => {
    const { p, poll } = blocked();
    const otherLeader = actor('p-m1', ['board_leader']);
    expect(codeOf(() => leaderDecides(p, otherLeader, poll.id, 'approve', 'Ja.', IDS, AFTER))).toBe('ACCESS.DENIED');
    const ended = { ...p, bodies: p.bodies.map((b) => ({ ...b, members: b.members.map((m) => (m.role === 'leader' ? { ...m, to: '2026-01-31' } : m)) })) };
    expect(codeOf(() => leaderDecides(ended, LEADER, poll.id, 'approve', 'Ja.', IDS, AFTER))).toBe('ACCESS.DENIED');
    expect(leaderDecides(p, LEADER, poll.id, 'approve', 'Ja.', IDS, AFTER).result.decision.decidedBy).toBe('p-leader');
  });

  it('is for the board leader only, with a statement, on a poll waiting for the leader', () => {
    const { p, poll } = blocked();
    expect(codeOf(() => leaderDecides(p, SECRETARIAT, poll.id, 'approve', 'Ja.', IDS, AFTER))).toBe('ACCESS.DENIED');
    expect(codeOf(() => leaderDecides(p, actor('p-m1', ['board_member']), poll.id, 'approve', 'Ja.', IDS, AFTER))).toBe('ACCESS.DENIED');
    expect(codeOf(() => leaderDecides(p, LEADER, poll.id, 'approve', '  \n ', IDS, AFTER))).toBe('DECISION.STATEMENT_REQUIRED');
    expect(codeOf(() => leaderDecides(p, LEADER, poll.id, 'approve', 'x'.repeat(8001), IDS, AFTER))).toBe('DECISION.STATEMENT_TOO_LONG');
    expect(codeOf(() => leaderDecides(p, LEADER, 'nope', 'approve', 'Ja.', IDS, AFTER))).toBe('POLL.NOT_FOUND');
    const decided = leaderDecides(p, LEADER, poll.id, 'approve', 'Ja.', IDS, AFTER).next;
    expect(codeOf(() => leaderDecides(decided, LEADER, poll.id, 'reject', 'Nei.', { decisionId: 'd2' }, AFTER))).toBe('POLL.NOT_AWAITING_LEADER');
    const reached = closedPoll({}, MEMBERS.map((id) => [id, { stance: 'agree' }] as [string, Ballot]));
    expect(reached.poll.status).toBe('decided');
    expect(codeOf(() => leaderDecides(reached.p, LEADER, reached.poll.id, 'reject', 'Nei.', IDS, AFTER))).toBe('POLL.NOT_AWAITING_LEADER');
    const open = openPoll(boardPortfolio(), SECRETARIAT, input(), { pollId: 'open' }, NOW).next;
    expect(codeOf(() => leaderDecides(open, LEADER, 'open', 'approve', 'Ja.', IDS, AFTER))).toBe('POLL.NOT_AWAITING_LEADER');
  });

  it('picks one of the tied options of a choice poll', () => {
    const { p, poll } = closedPoll({ kind: 'choice', options: ['Bergen', 'Trondheim'], projectId: undefined }, [
      ['p-m1', { optionIds: ['o1'] }],
      ['p-m2', { optionIds: ['o2'] }],
      ['p-m3', { optionIds: ['o1'] }],
      ['p-m4', { optionIds: ['o2'] }],
    ]);
    expect(poll.status).toBe('awaiting_leader');
    expect(codeOf(() => leaderDecides(p, LEADER, poll.id, 'approve', 'Ja.', IDS, AFTER))).toBe('DECISION.INVALID_CHOICE');
    expect(codeOf(() => leaderDecides(p, LEADER, poll.id, { optionId: 'o9' }, 'Ja.', IDS, AFTER))).toBe('DECISION.INVALID_CHOICE');
    const { result } = leaderDecides(p, LEADER, poll.id, { optionId: 'o2' }, 'Trondheim har lokalene.', IDS, AFTER);
    expect(result.decision).toMatchObject({ method: 'leader', outcome: 'chosen', chosen: ['Trondheim'] });
    const consensus = blocked();
    expect(codeOf(() => leaderDecides(consensus.p, LEADER, consensus.poll.id, { optionId: 'o1' }, 'Ja.', IDS, AFTER))).toBe('DECISION.INVALID_CHOICE');
  });
});

describe('decisionsFor', () => {
  const p = boardPortfolio({
    networks: [aPortfolio().networks[0]!],
    decisions: [
      aDecision({ caseNumber: 'PS 10/2026', date: '2026-05-01' }),
      aDecision({ caseNumber: 'PS 2/2026', date: '2026-05-01', projectId: PROJECT_ID }),
      aDecision({ caseNumber: 'PS 9/2025', date: '2025-11-01' }),
      aDecision({ bodyId: 'rg', caseNumber: 'RG 1/2026', date: '2026-01-01' }),
      aDecision({ networkId: 'other', caseNumber: 'PS 1/2026', date: '2026-01-02' }),
    ],
  });
  const cases = (ds: Decision[]) => ds.map((d) => d.caseNumber);

  it('lists a network’s decisions by date, then by case number', () => {
    expect(cases(decisionsFor(p, NETWORK_ID))).toEqual(['PS 9/2025', 'RG 1/2026', 'PS 2/2026', 'PS 10/2026']);
  });

  it('filters by year, body and project', () => {
    expect(cases(decisionsFor(p, NETWORK_ID, { year: 2025 }))).toEqual(['PS 9/2025']);
    expect(cases(decisionsFor(p, NETWORK_ID, { bodyId: 'rg' }))).toEqual(['RG 1/2026']);
    expect(cases(decisionsFor(p, NETWORK_ID, { projectId: PROJECT_ID }))).toEqual(['PS 2/2026']);
    expect(cases(decisionsFor(p, NETWORK_ID, { year: 2026, bodyId: 'board' }))).toEqual(['PS 2/2026', 'PS 10/2026']);
  });
});

describe('pollResultsCsv', () => {
  it('has one row per vote, named, RFC 4180 quoted', () => {
    const { p, poll } = blocked();
    const csv = pollResultsCsv(p, poll);
    expect(csv.split('\r\n')).toEqual([
      'voter,stance,options,reason,at',
      `Anne-Lise Aas,agree,,,${NOW.toISOString()}`,
      `Bjørn Berg,disagree,,Budsjettet er for stramt,${NOW.toISOString()}`,
      `Cecilie Dahl,block,,Strider mot avtalen,${NOW.toISOString()}`,
      `'=Farlig Navn,abstain,,,${NOW.toISOString()}`,
      '',
    ]);
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('si "nei"')).toBe('"si ""nei"""');
    expect(csvCell('linje 1\nlinje 2')).toBe('"linje 1\nlinje 2"');
    expect(csvCell('=HYPERLINK("http://x","klikk")')).toBe(`"'=HYPERLINK(""http://x"",""klikk"")"`);
    for (const bad of ['+1', '-2+3', '@SUM(A1)', '\tx']) expect(csvCell(bad)).toBe(`'${bad}`);
    expect(csvCell('Helt vanlig')).toBe('Helt vanlig');
  });

  it('guards the reasons voters write, and lists chosen options by label', () => {
    const { p, poll } = closedPoll({ kind: 'choice', options: ['Bergen', 'Trondheim, sentrum'], multiple: true, projectId: undefined }, [
      ['p-m1', { optionIds: ['o1', 'o2'], reason: '=cmd|/C calc!A0' }],
    ]);
    expect(pollResultsCsv(p, poll).split('\r\n')[1]).toBe(`Anne-Lise Aas,,"Bergen; Trondheim, sentrum",'=cmd|/C calc!A0,${NOW.toISOString()}`);
  });

  it('has no voter and no time column for an anonymous poll, rows in voter-key order', () => {
    const { p, poll } = blocked({ anonymous: true });
    const csv = pollResultsCsv(p, poll);
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('stance,options,reason');
    const byKey = MEMBERS.map((id) => [voterKeyFor(poll, id, SECRET), id] as const).sort(([a], [b]) => (a < b ? -1 : 1));
    const stanceOf: Record<string, string> = { 'p-m1': 'agree', 'p-m2': 'disagree', 'p-m3': 'block', 'p-m4': 'abstain' };
    expect(rows.slice(1, 5).map((r) => r.split(',')[0])).toEqual(byKey.map(([, id]) => stanceOf[id]));
    expect(csv).not.toContain(NOW.toISOString());
  });
});

const LABELS: MinutesLabels = {
  title: 'Referat',
  date: 'Dato',
  project: 'Prosjekt',
  method: 'Beslutningsmåte',
  outcome: 'Utfall',
  chosen: 'Valgt',
  statement: 'Vedtak',
  dissent: 'Dissens',
  abstentions: 'Avholdende',
  anonymous: 'Anonym',
  methods: { consensus: 'konsensus', consent: 'samtykke', leader: 'leders beslutning', majority: 'flertall' },
  outcomes: { approved: 'vedtatt', rejected: 'avvist', sent_back: 'sendt tilbake', chosen: 'valgt' },
};

describe('minutesMarkdown', () => {
  it('writes a section per decision with everything the archive needs', () => {
    const { p, poll } = blocked();
    const { next } = leaderDecides(p, LEADER, poll.id, 'approve', 'Godkjent.\nBudsjettet justeres.', IDS, AFTER);
    const md = minutesMarkdown(next, decisionsFor(next, NETWORK_ID), LABELS);
    expect(md).toBe(
      [
        '# Referat',
        '',
        '## PS 1/2026: Skal programstyret godkjenne mandatet for «Felles arkiv»?',
        '',
        '- **Dato:** 2026-03-12',
        '- **Prosjekt:** Felles arkiv',
        '- **Beslutningsmåte:** leders beslutning',
        '- **Utfall:** vedtatt',
        '- **Avholdende:** 1',
        '',
        '**Vedtak:**',
        '',
        'Godkjent.',
        'Budsjettet justeres.',
        '',
        '**Dissens:**',
        '',
        '- Bjørn Berg: Budsjettet er for stramt',
        '- Cecilie Dahl: Strider mot avtalen',
        '',
      ].join('\n'),
    );
  });

  it('keeps user text from turning into markup', () => {
    const p = boardPortfolio({
      decisions: [aDecision({ question: '# Overskrift\n- liste', statement: '<script>x</script> [lenke](http://x)', dissent: [{ reason: 'linje\n## ny' }] })],
    });
    const md = minutesMarkdown(p, p.decisions, LABELS);
    expect(md).toContain('## PS 1/2026: \\# Overskrift - liste');
    expect(md).toContain('\\<script\\>x\\</script\\> \\[lenke\\](http://x)');
    expect(md).toContain('- Anonym: linje \\#\\# ny');
  });

  it('never names anyone in the minutes or the export of an anonymous poll', () => {
    const { p, poll } = blocked({ anonymous: true });
    const { next, result } = leaderDecides(p, LEADER, poll.id, 'reject', 'Avvist.', IDS, AFTER);
    const votes = next.votes.filter((v) => v.pollId === poll.id);
    expect(result.decision.dissent.map((d) => Object.keys(d))).toEqual([['reason'], ['reason']]);
    expect(result.decision.dissent.map((d) => d.reason).sort()).toEqual(['Budsjettet er for stramt', 'Strider mot avtalen']);
    const md = minutesMarkdown(next, [result.decision], LABELS);
    expect(md).toContain('- Anonym: Strider mot avtalen');
    const exposed = JSON.stringify([votes, result.decision, pollResultsCsv(next, poll), md]);
    for (const who of [...MEMBERS, 'Anne-Lise Aas', 'Bjørn Berg', 'Cecilie Dahl', 'Farlig Navn']) expect([who, exposed.includes(who)]).toEqual([who, false]);
  });
});
