import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Portfolio, type Person, type Poll, type Project, type StatusReport, type Vote } from '../../src/domain/schema';

/**
 * A portfolio of any size for the store-scale benchmark, the same every time for a given seed:
 * the demo portfolio (its networks, real member municipalities, bodies and projects) grown with
 * invented projects, status reports, people, closed polls and their votes. Status reports and
 * votes each number ten times the projects. One open conversation poll takes the benchmark's votes.
 * Everything is marked as example data and validated against `Portfolio` before it is returned.
 */
export interface GeneratedPortfolio {
  portfolio: Portfolio;
  /** The open poll the durable-mutation benchmark votes in. */
  openPollId: string;
  networkId: string;
  /** A project title to look up (the demo's «Felles sak-/arkivsystem»), and a partial, fuzzy query. */
  exactQuery: string;
  fuzzyQuery: string;
}

export const VOTES_PER_CLOSED_POLL = 20;
export const BENCH_POLL_ID = 'poll-bench-open';
const DEMO_FILE = path.resolve(__dirname, '..', '..', 'data', 'demo-portfolio.json');

/** mulberry32: small, fast, and good enough to pick words and dates reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIX = ['Felles', 'Regional', 'Digital', 'Ny', 'Samordnet', 'Interkommunal', 'Helhetlig', 'Modernisert', 'Sikker', 'Smart'];
const TOPIC = [
  'saksbehandling', 'arkivplan', 'barnevernsløsning', 'velferdsteknologi', 'skoleadministrasjon', 'plansaksbehandling',
  'byggesaksflyt', 'kartforvaltning', 'innbyggerdialog', 'informasjonssikkerhet', 'helseplattform', 'kompetanseportal',
  'innkjøpsportal', 'lønnssystem', 'tjenestekatalog', 'dokumentfangst', 'skytjeneste', 'identitetsforvaltning',
  'hjemmetjeneste', 'legevaktsamarbeid', 'datadeling', 'nettverksdrift', 'e-læring', 'eiendomsforvaltning',
];
const SUFFIX = ['for kommunene', 'i regionen', 'pilot', 'fase 2', 'innføring', 'anskaffelse', 'forprosjekt', 'utredning', 'gevinstrealisering', 'drift'];
const SENTENCES = [
  'Arbeidet følger planen.', 'Leverandøren har levert som avtalt.', 'To kommuner er forsinket med opplæringen.',
  'Integrasjonen mot FIKS er testet og godkjent.', 'Budsjettet holder, men marginene er små.', 'Risikoen er vurdert som lav.',
  'Styringsgruppen har godkjent ny milepælsplan.', 'Det gjenstår å avklare databehandleravtalen.', 'Gevinstkartleggingen er i gang.',
  'Pilotkommunen har tatt løsningen i bruk.', 'Kravspesifikasjonen er ferdig.', 'Konkurransen er kunngjort.',
];
const FIRST = ['Kari', 'Ola', 'Ingrid', 'Per', 'Sigrid', 'Lars', 'Marit', 'Nils', 'Hanne', 'Jon', 'Eli', 'Tor', 'Anne', 'Randi', 'Eirik', 'Gunn'];
const LAST = ['Eksempelsen', 'Demodal', 'Prøvestad', 'Testmo', 'Fiktivlia', 'Oppdiktsen', 'Eksempelvik', 'Demoberg', 'Prøvemo', 'Testvik'];
const STATUSES = ['active', 'active', 'active', 'approved', 'under_consideration', 'proposed', 'completed', 'paused'] as const;
const PHASES = ['idea', 'concept', 'planning', 'execution', 'closing', 'realisation'] as const;
const RAG = ['green', 'green', 'green', 'yellow', 'red'] as const;
const STANCES = ['agree', 'agree', 'agree', 'abstain', 'disagree'] as const;

export function generatePortfolio(projectCount: number, seed = 20261125): GeneratedPortfolio {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const sentences = (n: number) => Array.from({ length: n }, () => pick(SENTENCES)).join(' ');
  const day = (from: number, span: number) => new Date(Date.UTC(2022, 0, 1) + (from + Math.floor(random() * span)) * 86_400_000);
  const isoDate = (d: Date) => d.toISOString().slice(0, 10);

  const demo = Portfolio.parse(JSON.parse(readFileSync(DEMO_FILE, 'utf8')));
  const networks = demo.networks.map((n) => n.id);
  const networkOf = () => (random() < 0.6 ? networks[0]! : networks[1] ?? networks[0]!);
  const orgsByNetwork = new Map(networks.map((id) => [id, demo.organisations.filter((o) => o.networkId === id).map((o) => o.id)]));
  const secretariat = new Map(networks.map((id) => [id, demo.people.find((x) => x.networkId === id && x.roles.includes('secretariat'))?.id ?? demo.people[0]!.id]));
  const board = new Map(networks.map((id) => [id, demo.bodies.find((b) => b.networkId === id && b.kind === 'programme_board')?.id]));

  const people: Person[] = [...demo.people];
  for (let i = 0; i < 300 + Math.ceil(projectCount / 10); i++) {
    const networkId = networkOf();
    people.push({
      id: `person-gen-${i}`,
      aadObjectId: `dddddddd-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `${pick(FIRST)} ${pick(LAST)} ${i}`,
      organisationId: pick(orgsByNetwork.get(networkId)!),
      networkId,
      roles: random() < 0.2 ? ['project_lead'] : [],
      example: true,
    });
  }
  const peopleByNetwork = new Map(networks.map((id) => [id, people.filter((x) => x.networkId === id).map((x) => x.id)]));

  const titles = new Set(demo.projects.map((p) => p.title.toLowerCase()));
  const uniqueTitle = () => {
    const base = `${pick(PREFIX)} ${pick(TOPIC)} ${pick(SUFFIX)}`;
    let title = base;
    for (let n = 2; titles.has(title.toLowerCase()); n++) title = `${base} ${n}`;
    titles.add(title.toLowerCase());
    return title;
  };

  const generated = Math.max(0, projectCount - demo.projects.length);
  const reportsWanted = Math.max(0, projectCount * 10 - demo.projects.reduce((n, p) => n + p.statusReports.length, 0));
  const projects: Project[] = [...demo.projects];
  for (let i = 0; i < generated; i++) {
    const networkId = networkOf();
    const orgs = orgsByNetwork.get(networkId)!;
    const owner = pick(orgs);
    const lead = pick(peopleByNetwork.get(networkId)!);
    const start = day(0, 900);
    const status = pick(STATUSES);
    const reports = Math.floor(reportsWanted / generated) + (i < reportsWanted % generated ? 1 : 0);
    const statusReports: StatusReport[] = Array.from({ length: reports }, (_, r) => ({
      id: `sr-gen-${i}-${r}`,
      date: isoDate(new Date(start.getTime() + (r + 1) * 91 * 86_400_000)),
      overall: { level: pick(RAG), comment: sentences(2) },
      time: { level: pick(RAG), comment: sentences(1) },
      budget: { level: pick(RAG), comment: sentences(1) },
      quality: { level: pick(RAG), comment: sentences(1) },
      reportedBy: lead,
    }));
    const budget = int(2, 80) * 100_000;
    projects.push({
      id: `p-gen-${i}`,
      networkId,
      title: uniqueTitle(),
      summary: sentences(3),
      ownerOrganisationId: owner,
      projectLeadId: lead,
      participantOrganisationIds: [...new Set([owner, ...Array.from({ length: int(0, 10) }, () => pick(orgs))])],
      area: pick(demo.networks.find((n) => n.id === networkId)!.areas),
      horizon: pick(['H1', 'H2', 'H3'] as const),
      status,
      phase: pick(PHASES),
      mandate: sentences(4),
      budgetNok: budget,
      financing: [
        { source: 'member_contributions', amountNok: budget / 2 },
        { source: pick(['digifin', 'skjonnsmidler', 'own_effort'] as const), amountNok: budget / 2, note: 'Tilsagn gitt' },
      ],
      financingMayExceedBudget: false,
      startDate: isoDate(start),
      endDate: isoDate(new Date(start.getTime() + int(365, 1500) * 86_400_000)),
      statusReports,
      history: [
        { at: start.toISOString(), by: secretariat.get(networkId)!, change: 'created' },
        { at: new Date(start.getTime() + 30 * 86_400_000).toISOString(), by: secretariat.get(networkId)!, change: 'status', from: 'proposed', to: status },
      ],
      createdBy: secretariat.get(networkId)!,
      createdAt: start.toISOString(),
      example: true,
    });
  }

  const polls: Poll[] = [...demo.polls];
  const votes: Vote[] = [...demo.votes];
  const votesWanted = projectCount * 10;
  for (let i = 0; votes.length < votesWanted; i++) {
    const networkId = networkOf();
    const pool = peopleByNetwork.get(networkId)!;
    const offset = int(0, pool.length - 1);
    const voters = Array.from({ length: Math.min(VOTES_PER_CLOSED_POLL, pool.length, votesWanted - votes.length) }, (_, k) => pool[(offset + k) % pool.length]!);
    const opened = day(0, 1300);
    const closed = new Date(opened.getTime() + 7 * 86_400_000);
    const pollId = `poll-gen-${i}`;
    polls.push({
      id: pollId,
      networkId,
      bodyId: board.get(networkId),
      kind: 'consensus',
      question: `Skal programstyret godkjenne ${pick(TOPIC)} ${pick(SUFFIX)}?`,
      options: [],
      multiple: false,
      eligibleMode: 'board',
      eligiblePersonIds: voters,
      quorum: Math.floor(voters.length / 2) + 1,
      deadline: closed.toISOString(),
      anonymous: false,
      hideResultsUntilClosed: false,
      status: 'closed',
      createdBy: secretariat.get(networkId)!,
      createdAt: opened.toISOString(),
      closedAt: closed.toISOString(),
    });
    for (const voterKey of voters) {
      const stance = pick(STANCES);
      votes.push({ pollId, voterKey, stance, optionIds: [], ...(stance === 'disagree' ? { reason: pick(SENTENCES) } : {}), at: new Date(opened.getTime() + int(1, 6) * 86_400_000).toISOString() });
    }
  }
  polls.push({
    id: BENCH_POLL_ID,
    networkId: networks[0]!,
    bodyId: board.get(networks[0]!),
    kind: 'consensus',
    question: 'Benchmark: felles innkjøp av skyplattform?',
    options: [],
    multiple: false,
    eligibleMode: 'conversation',
    eligiblePersonIds: [],
    quorum: 10,
    deadline: '2099-12-31T11:00:00.000Z',
    anonymous: false,
    hideResultsUntilClosed: false,
    status: 'open',
    createdBy: secretariat.get(networks[0]!)!,
    createdAt: '2026-11-01T09:00:00.000Z',
  });

  const portfolio = Portfolio.parse({ ...demo, people, projects, polls, votes });
  return { portfolio, openPollId: BENCH_POLL_ID, networkId: networks[0]!, exactQuery: 'felles sak-/arkivsystem', fuzzyQuery: 'sak arkiv' };
}
