import { DomainError } from './errors';
import type { Mutation } from './mutation';
import type { Body, Decision, HistoryEntry, Initiative, Person, Poll, Portfolio, Project, Role, StatusReport, Vote } from './schema';

/**
 * Data requests (GDPR articles 15 and 17): everything the portfolio holds about one person, and
 * the erasure of that person. Erasure keeps the record of the network whole (decisions, tallies,
 * interest marks, project history) but leaves nothing that points to the person: every reference
 * moves to a tombstone id whose person record says only «Slettet person».
 */

export const ERASED_NAME = 'Slettet person';

export interface PersonalData {
  person: Person;
  organisation?: { id: string; name: string };
  network?: { id: string; name: string };
  roles: Role[];
  bodyMemberships: Array<{ bodyId: string; body: string } & Omit<Body['members'][number], 'personId'>>;
  /** Terms on which the person is the named deputy (vararepresentant). */
  deputyOn: Array<{ bodyId: string; body: string; from: string; to?: string }>;
  initiativesShared: Initiative[];
  interestMarks: Array<{ initiativeId: string; initiative: string; organisationId?: string; at: string }>;
  projectsCreated: Array<Pick<Project, 'id' | 'title' | 'status' | 'createdAt'>>;
  projectsLed: Array<Pick<Project, 'id' | 'title' | 'status'>>;
  statusReports: Array<{ projectId: string; project: string; report: StatusReport }>;
  historyEntries: Array<{ projectId: string; project: string; entry: HistoryEntry }>;
  pollsCreated: Array<Pick<Poll, 'id' | 'question' | 'createdAt' | 'status'>>;
  pollsEligible: Array<Pick<Poll, 'id' | 'question' | 'anonymous' | 'status'>>;
  /** Votes in polls that are not anonymous. An anonymous vote is keyed by a hash nobody can trace to a person. */
  votes: Array<{ question: string; vote: Vote }>;
  decisionsMade: Array<Pick<Decision, 'id' | 'caseNumber' | 'date' | 'question' | 'outcome'>>;
  dissent: Array<Pick<Decision, 'id' | 'caseNumber' | 'date' | 'question'> & { reason: string }>;
  /** Free texts that name the person (by name, e-mail or Entra ID object id). */
  mentions: Array<{ where: string; text: string }>;
}

function personIn(p: Portfolio, personId: string): Person {
  const person = p.people.find((x) => x.id === personId);
  if (!person) throw new DomainError('PERSON.NOT_FOUND');
  return person;
}

/** Everything about one person, for a request for access. */
export function exportPerson(p: Portfolio, personId: string): PersonalData {
  const person = personIn(p, personId);
  const organisation = p.organisations.find((o) => o.id === person.organisationId);
  const network = p.networks.find((n) => n.id === person.networkId);
  const anonymous = new Set(p.polls.filter((x) => x.anonymous).map((x) => x.id));
  const mentions: PersonalData['mentions'] = [];
  const names = namePattern(person);
  if (names) {
    mapTexts(p, (text, where) => {
      if (text.search(names) >= 0) mentions.push({ where, text });
      return text;
    });
  }
  return {
    person,
    organisation: organisation && { id: organisation.id, name: organisation.name },
    network: network && { id: network.id, name: network.name },
    roles: person.roles,
    bodyMemberships: p.bodies.flatMap((b) =>
      b.members.filter((m) => m.personId === personId).map(({ personId: _, ...m }) => ({ bodyId: b.id, body: b.name, ...m })),
    ),
    deputyOn: p.bodies.flatMap((b) =>
      b.members.filter((m) => m.deputyPersonId === personId).map((m) => ({ bodyId: b.id, body: b.name, from: m.from, ...(m.to ? { to: m.to } : {}) })),
    ),
    initiativesShared: p.initiatives.filter((i) => i.createdBy === personId),
    interestMarks: p.initiatives.flatMap((i) =>
      i.interest.filter((m) => m.personId === personId).map((m) => ({ initiativeId: i.id, initiative: i.title, organisationId: m.organisationId, at: m.at })),
    ),
    projectsCreated: p.projects.filter((x) => x.createdBy === personId).map(({ id, title, status, createdAt }) => ({ id, title, status, createdAt })),
    projectsLed: p.projects.filter((x) => x.projectLeadId === personId).map(({ id, title, status }) => ({ id, title, status })),
    statusReports: p.projects.flatMap((x) => x.statusReports.filter((r) => r.reportedBy === personId).map((report) => ({ projectId: x.id, project: x.title, report }))),
    historyEntries: p.projects.flatMap((x) => x.history.filter((h) => h.by === personId).map((entry) => ({ projectId: x.id, project: x.title, entry }))),
    pollsCreated: p.polls.filter((x) => x.createdBy === personId).map(({ id, question, createdAt, status }) => ({ id, question, createdAt, status })),
    pollsEligible: p.polls.filter((x) => x.eligiblePersonIds.includes(personId)).map(({ id, question, anonymous, status }) => ({ id, question, anonymous, status })),
    votes: p.votes
      .filter((v) => !anonymous.has(v.pollId) && v.voterKey === personId)
      .map((vote) => ({ question: p.polls.find((x) => x.id === vote.pollId)?.question ?? '', vote })),
    decisionsMade: p.decisions.filter((d) => d.decidedBy === personId).map(({ id, caseNumber, date, question, outcome }) => ({ id, caseNumber, date, question, outcome })),
    dissent: p.decisions.flatMap((d) =>
      d.dissent.filter((x) => x.personId === personId).map((x) => ({ id: d.id, caseNumber: d.caseNumber, date: d.date, question: d.question, reason: x.reason })),
    ),
    mentions,
  };
}

export interface Erasure {
  personId: string;
  replacementId: string;
  /** How many references to the person now point to the tombstone. */
  references: number;
  /** How many free texts had the person's name, e-mail or object id replaced. */
  texts: number;
}

/**
 * Erases a person: their record becomes a tombstone under `replacementId` (name «Slettet person»,
 * no Entra ID object id, e-mail, organisation or roles), every reference to them moves to it, and
 * their name, e-mail and object id are replaced in free texts. Decisions, votes in polls that are not
 * anonymous, interest marks (still with their organisation) and project history stay, so tallies and
 * the decision record are unchanged but for the name. Anonymous votes carry no person id and stay as they are.
 */
export function erasePerson(p: Portfolio, personId: string, replacementId: string): Mutation<Erasure> {
  const person = personIn(p, personId);
  if (replacementId === personId || p.people.some((x) => x.id === replacementId)) {
    throw new DomainError('INPUT.INVALID', { field: 'replacementId' });
  }
  let references = 0;
  const swap: Edit = (value) => {
    if (value !== personId) return value;
    references += 1;
    return replacementId;
  };
  const tombstone: Person = { id: replacementId, name: ERASED_NAME, networkId: person.networkId, roles: [], example: person.example };
  const anonymous = new Set(p.polls.filter((x) => x.anonymous).map((x) => x.id));
  const rekeyed: Portfolio = {
    ...p,
    people: p.people.map((x) => (x === person ? tombstone : x)),
    bodies: p.bodies.map((b) => edited(b, { members: list(b.members, (m) => fields(m, ['personId', 'deputyPersonId'], swap)) })),
    initiatives: p.initiatives.map((i) =>
      edited(fields(i, ['createdBy'], swap), { interest: list(i.interest, (m) => fields(m, ['personId'], swap)) }),
    ),
    projects: p.projects.map((x) =>
      edited(fields(x, ['createdBy', 'projectLeadId'], swap), {
        statusReports: list(x.statusReports, (r) => fields(r, ['reportedBy'], swap)),
        history: list(x.history, (h) => fields(h, ['by'], swap)),
      }),
    ),
    polls: p.polls.map((x) => edited(fields(x, ['createdBy'], swap), { eligiblePersonIds: list(x.eligiblePersonIds, (id) => swap(id, '')) })),
    votes: list(p.votes, (v) => (anonymous.has(v.pollId) ? v : fields(v, ['voterKey'], swap))),
    decisions: p.decisions.map((d) => edited(fields(d, ['decidedBy'], swap), { dissent: list(d.dissent, (x) => fields(x, ['personId'], swap)) })),
  };
  let texts = 0;
  const names = namePattern(person);
  const next = names
    ? mapTexts(rekeyed, (text) => {
        const replaced = text.replace(names, ERASED_NAME);
        if (replaced !== text) texts += 1;
        return replaced;
      })
    : rekeyed;
  return { next, result: { personId, replacementId, references, texts } };
}

/** The person's name as a whole phrase, their e-mail and object id, anywhere in a text; none if there is nothing to look for. */
function namePattern(person: Person): RegExp | undefined {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const name = person.name.trim();
  const parts = [
    // A name of one or two letters would match too much that is not about them. A genitive s
    // («Kari Nordmanns forslag») still names them, and stays: «Slettet persons forslag».
    ...(name.length >= 3 ? [`(?<![\\p{L}\\p{N}])${name.split(/\s+/).map(escape).join('\\s+')}(?=s?(?![\\p{L}\\p{N}]))`] : []),
    ...[person.email, person.aadObjectId].filter((x): x is string => !!x && x.length >= 3).map(escape),
  ];
  return parts.length > 0 ? new RegExp(parts.join('|'), 'giu') : undefined;
}

/** What changes a string field; `where` names it for a report. */
type Edit = (value: string, where: string) => string;

/** `obj` with the string fields `keys` passed through `f`; the very same object when none changed. */
function fields<T extends object>(obj: T, keys: readonly (keyof T & string)[], f: Edit, where = ''): T {
  let out = obj;
  for (const key of keys) {
    const value = obj[key];
    if (typeof value !== 'string') continue;
    const changed = f(value, `${where}/${key}`);
    if (changed !== value) out = { ...out, [key]: changed };
  }
  return out;
}

/** `items` mapped by `f`; the very same array when no item changed. */
function list<T>(items: readonly T[], f: (item: T, index: number) => T): T[] {
  const out = items.map(f);
  return out.every((x, i) => x === items[i]) ? (items as T[]) : out;
}

/** `obj` with the given parts; the very same object when each part is the one it had. */
function edited<T extends object>(obj: T, parts: Partial<T>): T {
  return (Object.keys(parts) as (keyof T)[]).every((k) => parts[k] === obj[k]) ? obj : { ...obj, ...parts };
}

/**
 * The portfolio with `f` applied to every free text people write: titles, summaries, comments,
 * questions, reasons, statements. Ids, enums and dates are not free text.
 */
function mapTexts(p: Portfolio, f: Edit): Portfolio {
  const strings = (items: readonly string[], where: string) => list(items, (s, n) => f(s, `${where}/${n}`));
  return {
    ...p,
    initiatives: p.initiatives.map((i) => {
      const w = `initiatives/${i.id}`;
      return edited(fields(i, ['title', 'description', 'sourceName'], f, w), { tags: strings(i.tags, `${w}/tags`) });
    }),
    projects: p.projects.map((x) => {
      const w = `projects/${x.id}`;
      return edited(fields(x, ['title', 'summary', 'mandate'], f, w), {
        financing: list(x.financing, (fi, n) => fields(fi, ['note'], f, `${w}/financing/${n}`)),
        statusReports: list(x.statusReports, (r) => {
          const rw = `${w}/statusReports/${r.id}`;
          return edited(r, {
            overall: fields(r.overall, ['comment'], f, `${rw}/overall`),
            time: fields(r.time, ['comment'], f, `${rw}/time`),
            budget: fields(r.budget, ['comment'], f, `${rw}/budget`),
            quality: fields(r.quality, ['comment'], f, `${rw}/quality`),
          });
        }),
        history: list(x.history, (h, n) => fields(h, ['change'], f, `${w}/history/${n}`)),
      });
    }),
    polls: p.polls.map((x) =>
      edited(fields(x, ['question'], f, `polls/${x.id}`), { options: list(x.options, (o) => fields(o, ['label'], f, `polls/${x.id}/options/${o.id}`)) }),
    ),
    votes: list(p.votes, (v, n) => fields(v, ['reason'], f, `votes/${n}`)),
    decisions: p.decisions.map((d) => {
      const w = `decisions/${d.id}`;
      const chosen = d.chosen && strings(d.chosen, `${w}/chosen`);
      return edited(fields(d, ['question', 'statement'], f, w), {
        dissent: list(d.dissent, (x, n) => fields(x, ['reason'], f, `${w}/dissent/${n}`)),
        ...(chosen ? { chosen } : {}),
      });
    }),
  };
}
