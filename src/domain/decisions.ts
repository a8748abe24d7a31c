import { isCurrentLeader } from './bodies';
import { DomainError } from './errors';
import type { Mutation } from './mutation';
import { assertMay, type Actor } from './people';
import { decideProject } from './projects';
import type { Decision, Poll, Portfolio, Vote } from './schema';
import { normaliseText } from './text';
import { osloDate, osloYear } from './time';

/**
 * Decisions (vedtak): numbered per body and year ("PS 12/2026"), reached by consensus, consent,
 * majority or the board leader, and exported as CSV and minutes (referat).
 */

// Re-exported so that imports of the Norwegian date from this module keep working; time.ts owns it.
export { osloDate } from './time';

const CASE_NUMBER = /(\d+)\/(\d{4})\s*$/;
const caseParts = (d: Decision) => {
  const m = CASE_NUMBER.exec(d.caseNumber);
  return { number: m ? Number(m[1]) : 0, year: m ? Number(m[2]) : Number(d.date.slice(0, 4)) };
};

function bodyIn(p: Portfolio, networkId: string, bodyId: string) {
  const body = p.bodies.find((b) => b.id === bodyId && b.networkId === networkId);
  if (!body) throw new DomainError('DECISION.BODY_NOT_FOUND');
  return body;
}

/** "PS 12/2026": one past the highest number the body has used that year (the count, if numbers are missing). */
export function nextCaseNumber(p: Portfolio, bodyId: string, year: number): string {
  const body = p.bodies.find((b) => b.id === bodyId);
  if (!body) throw new DomainError('DECISION.BODY_NOT_FOUND');
  const numbers = p.decisions.filter((d) => d.bodyId === bodyId).map(caseParts).filter((c) => c.year === year).map((c) => c.number);
  return `${body.casePrefix} ${Math.max(numbers.length, ...numbers) + 1}/${year}`;
}

export interface DecisionInput {
  networkId: string;
  bodyId: string;
  question: string;
  method: Decision['method'];
  outcome: Decision['outcome'];
  statement?: string;
  dissent?: Decision['dissent'];
  abstentions?: number;
  /** Labels of the chosen option(s), for outcome 'chosen'. */
  chosen?: string[];
  pollId?: string;
  projectId?: string;
  /** Who decided: the leader, when the leader did. A decision the poll itself reached names nobody. */
  decidedBy?: string;
}

const PROJECT_STATUS = { approved: 'approved', rejected: 'rejected', sent_back: 'proposed', chosen: undefined } as const;
export const MAX_STATEMENT = 8000;

/**
 * Records a decision with the next case number and today's Norwegian date, and moves the project
 * it concerns: approved → vedtatt, rejected → avvist, sent back → foreslått. A project that is no
 * longer under consideration (withdrawn meanwhile) keeps its status; the decision is still recorded.
 */
export function recordDecision(p: Portfolio, input: DecisionInput, ids: { decisionId: string }, now: Date): Mutation<Decision> {
  bodyIn(p, input.networkId, input.bodyId);
  const statement = normaliseText(input.statement ?? '', { multiline: true }).trim();
  if (statement.length > MAX_STATEMENT) throw new DomainError('DECISION.STATEMENT_TOO_LONG', { max: MAX_STATEMENT });
  const project = input.projectId ? p.projects.find((x) => x.id === input.projectId && x.networkId === input.networkId) : undefined;
  if (input.projectId && !project) throw new DomainError('PROJECT.NOT_FOUND');
  const decision: Decision = {
    id: ids.decisionId,
    networkId: input.networkId,
    bodyId: input.bodyId,
    // Both Norwegian: a decision at 00:30 on 1 January in Oslo belongs to the new year, though it is 31 December in UTC.
    caseNumber: nextCaseNumber(p, input.bodyId, osloYear(now)),
    date: osloDate(now),
    question: input.question,
    method: input.method,
    outcome: input.outcome,
    statement,
    dissent: input.dissent ?? [],
    abstentions: input.abstentions ?? 0,
    ...(input.chosen && input.chosen.length > 0 ? { chosen: input.chosen } : {}),
    pollId: input.pollId,
    projectId: input.projectId,
    ...(input.decidedBy ? { decidedBy: input.decidedBy } : {}),
  };
  const recorded = { ...p, decisions: [...p.decisions, decision] };
  const to = PROJECT_STATUS[input.outcome];
  const next = project && to && project.status === 'under_consideration' ? decideProject(recorded, project.id, to, input.decidedBy ?? input.bodyId, now).next : recorded;
  return { next, result: decision };
}

/** Anonymous votes in a stable order that says nothing about who voted or when. */
export const unlinkable = (votes: readonly Vote[]): Vote[] => [...votes].sort((a, b) => (a.voterKey < b.voterKey ? -1 : a.voterKey > b.voterKey ? 1 : 0));

const votesOf = (p: Portfolio, poll: Poll) => {
  const votes = p.votes.filter((v) => v.pollId === poll.id);
  return poll.anonymous ? unlinkable(votes) : votes;
};

/** What a decision keeps of a poll: the reasons of those who disagreed, blocked or objected, and the abstentions. */
export function pollRecord(p: Portfolio, poll: Poll): Pick<Decision, 'dissent' | 'abstentions'> {
  const votes = votesOf(p, poll);
  const dissent = votes
    .filter((v) => (v.stance === 'disagree' || v.stance === 'block' || v.stance === 'object') && v.reason)
    .map((v) => (poll.anonymous ? { reason: v.reason! } : { personId: v.voterKey, reason: v.reason! }));
  return { dissent, abstentions: votes.filter((v) => v.stance === 'abstain').length };
}

/** approve / reject / send back a proposal, or, for a choice poll, pick one of its options. */
export type LeaderChoice = 'approve' | 'reject' | 'send_back' | { optionId: string };

/**
 * When consensus fails (a block, too few taking part, an objection, a tie), the board leader
 * decides and states why; the dissent from the poll stays on the record.
 */
export function leaderDecides(
  p: Portfolio,
  actor: Actor,
  pollId: string,
  choice: LeaderChoice,
  statement: string,
  ids: { decisionId: string },
  now: Date,
): Mutation<{ poll: Poll; decision: Decision }> {
  assertMay(actor, 'decision.lead');
  const poll = p.polls.find((x) => x.id === pollId && x.networkId === actor.networkId);
  if (!poll) throw new DomainError('POLL.NOT_FOUND');
  if (poll.status !== 'awaiting_leader') throw new DomainError('POLL.NOT_AWAITING_LEADER');
  if (!poll.bodyId) throw new DomainError('POLL.NO_BOARD');
  // The leader's decision is the body's current leader's, whoever else holds a leader role.
  if (!isCurrentLeader(p, poll.bodyId, actor.personId, now)) throw new DomainError('ACCESS.DENIED', { permission: 'decision.lead' });
  if (normaliseText(statement, { multiline: true }).trim() === '') throw new DomainError('DECISION.STATEMENT_REQUIRED');
  const option = typeof choice === 'object' ? poll.options.find((o) => o.id === choice.optionId) : undefined;
  const validChoice = typeof choice === 'object' ? poll.kind === 'choice' && !!option : !(poll.kind === 'choice' && choice === 'approve');
  if (!validChoice) throw new DomainError('DECISION.INVALID_CHOICE');
  const outcome = typeof choice === 'object' ? 'chosen' : ({ approve: 'approved', reject: 'rejected', send_back: 'sent_back' } as const)[choice];
  const { next, result: decision } = recordDecision(
    p,
    {
      networkId: poll.networkId,
      bodyId: poll.bodyId,
      question: poll.question,
      method: 'leader',
      outcome,
      statement,
      ...pollRecord(p, poll),
      chosen: option ? [option.label] : undefined,
      pollId: poll.id,
      projectId: poll.projectId,
      decidedBy: actor.personId,
    },
    ids,
    now,
  );
  const decided: Poll = { ...poll, status: 'decided', decisionId: decision.id };
  return { next: { ...next, polls: next.polls.map((x) => (x === poll ? decided : x)) }, result: { poll: decided, decision } };
}

/** The decision log of a network, oldest first, in case-number order within a day. */
export function decisionsFor(p: Portfolio, networkId: string, filter: { year?: number; bodyId?: string; projectId?: string } = {}): Decision[] {
  return p.decisions
    .filter(
      (d) =>
        d.networkId === networkId &&
        (filter.year === undefined || caseParts(d).year === filter.year) &&
        (filter.bodyId === undefined || d.bodyId === filter.bodyId) &&
        (filter.projectId === undefined || d.projectId === filter.projectId),
    )
    .sort((a, b) => a.date.localeCompare(b.date) || caseParts(a).year - caseParts(b).year || caseParts(a).number - caseParts(b).number);
}

/** RFC 4180, and no cell a spreadsheet would run as a formula (OWASP "CSV injection"). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvRow = (cells: readonly string[]) => cells.map(csvCell).join(',') + '\r\n';

/**
 * One row per current vote. Anonymous polls have no voter column and no time column (the time
 * of a vote is enough to tell who cast it), and their rows are in voter-key order.
 */
export function pollResultsCsv(p: Portfolio, poll: Poll, labels?: PollCsvLabels): string {
  if (labels) return pollResultsSheet(p, poll, labels);
  const label = (id: string) => poll.options.find((o) => o.id === id)?.label ?? id;
  const name = (personId: string) => p.people.find((x) => x.id === personId)?.name ?? personId;
  const rows = votesOf(p, poll).map((v) => {
    const cells = [v.stance ?? '', v.optionIds.map(label).join('; '), v.reason ?? ''];
    return poll.anonymous ? cells : [name(v.voterKey), ...cells, v.at];
  });
  const header = poll.anonymous ? ['stance', 'options', 'reason'] : ['voter', 'stance', 'options', 'reason', 'at'];
  return [header, ...rows].map(csvRow).join('');
}

/** The words of the results file, in the reader's language; the domain does not choose a language. */
export interface PollCsvLabels {
  question: string;
  caseNumber: string;
  outcome: string;
  method: string;
  voter: string;
  stance: string;
  options: string;
  reason: string;
  at: string;
  stances: Record<NonNullable<Vote['stance']>, string>;
  methods: Record<Decision['method'], string>;
  outcomes: Record<Decision['outcome'], string>;
  /** The poll's status when it has no decision (yet). */
  status: string;
}

/**
 * The results as Norwegian Excel opens them: semicolons (Excel with a Norwegian locale splits on
 * them, not on commas), a byte-order mark so «æøå» survive, labels in the reader's language, and
 * first what was decided (case number, outcome, method), then one row per vote.
 */
function pollResultsSheet(p: Portfolio, poll: Poll, l: PollCsvLabels): string {
  const row = (cells: readonly string[]) => cells.map(csvCell).join(';') + '\r\n';
  const label = (id: string) => poll.options.find((o) => o.id === id)?.label ?? id;
  const name = (personId: string) => p.people.find((x) => x.id === personId)?.name ?? personId;
  const decision = poll.decisionId ? p.decisions.find((d) => d.id === poll.decisionId) : undefined;
  const outcome = decision ? (decision.chosen?.length ? `${l.outcomes[decision.outcome]}: ${decision.chosen.join(', ')}` : l.outcomes[decision.outcome]) : l.status;
  const summary = [
    [l.question, poll.question],
    [l.caseNumber, decision?.caseNumber ?? ''],
    [l.outcome, outcome],
    [l.method, decision ? l.methods[decision.method] : ''],
  ];
  const header = poll.anonymous ? [l.stance, l.options, l.reason] : [l.voter, l.stance, l.options, l.reason, l.at];
  const votes = votesOf(p, poll).map((v) => {
    const cells = [v.stance ? l.stances[v.stance] : '', v.optionIds.map(label).join(', '), v.reason ?? ''];
    return poll.anonymous ? cells : [name(v.voterKey), ...cells, v.at];
  });
  return '\uFEFF' + [...summary, [], header, ...votes].map(row).join('');
}

/** The words of the minutes, in the reader's language; the domain does not choose a language. */
export interface MinutesLabels {
  title: string;
  date: string;
  project: string;
  method: string;
  outcome: string;
  chosen: string;
  statement: string;
  dissent: string;
  abstentions: string;
  /** Shown in place of a name for dissent from an anonymous poll. */
  anonymous: string;
  methods: Record<Decision['method'], string>;
  outcomes: Record<Decision['outcome'], string>;
}

/** Escapes what Markdown would read as markup, and keeps a single-line field on one line. */
const md = (text: string) => text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
const inline = (text: string) => md(text.replace(/\s+/g, ' ').trim());

/** The minutes (referat): a section per decision, ready to archive. */
export function minutesMarkdown(p: Portfolio, decisions: readonly Decision[], labels: MinutesLabels): string {
  const name = (personId: string) => p.people.find((x) => x.id === personId)?.name ?? personId;
  const sections = decisions.map((d) => {
    const project = d.projectId ? p.projects.find((x) => x.id === d.projectId) : undefined;
    const lines = [
      `## ${inline(d.caseNumber)}: ${inline(d.question)}`,
      '',
      `- **${labels.date}:** ${d.date}`,
      ...(project ? [`- **${labels.project}:** ${inline(project.title)}`] : []),
      `- **${labels.method}:** ${labels.methods[d.method]}`,
      `- **${labels.outcome}:** ${labels.outcomes[d.outcome]}`,
      ...(d.chosen && d.chosen.length > 0 ? [`- **${labels.chosen}:** ${d.chosen.map(inline).join(', ')}`] : []),
      `- **${labels.abstentions}:** ${d.abstentions}`,
    ];
    if (d.statement) lines.push('', `**${labels.statement}:**`, '', ...d.statement.split(/\r?\n/).map(md));
    if (d.dissent.length > 0) {
      lines.push('', `**${labels.dissent}:**`, '');
      for (const x of d.dissent) lines.push(`- ${x.personId ? inline(name(x.personId)) : labels.anonymous}: ${inline(x.reason)}`);
    }
    return lines.join('\n');
  });
  return [`# ${labels.title}`, ...sections].join('\n\n') + '\n';
}
