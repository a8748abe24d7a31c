import { renderBodiesCard } from '../src/cards/bodies.card';
import type { AdaptiveCard } from '../src/cards/card';
import { renderDecisionCard, renderDecisionList } from '../src/cards/decision.card';
import { renderDownloadCard } from '../src/cards/download.card';
import { renderInitiativeCard, renderInitiativeForm, renderInitiativeList } from '../src/cards/initiative.card';
import { renderHelpCard, renderOrganisationProjects, renderProjectChoices } from '../src/cards/lookup.card';
import { renderMembershipRequestCard, renderMembershipRequestList } from '../src/cards/membership-request.card';
import { renderLeaderCard, renderPollCard, renderPollForm } from '../src/cards/poll.card';
import { PORTFOLIO_PAGE_SIZE, renderPortfolioCard } from '../src/cards/portfolio.card';
import { personalView, renderProjectCard } from '../src/cards/project.card';
import { renderProposalForm } from '../src/cards/proposal.card';
import { renderRegistrationCard } from '../src/cards/registration.card';
import { renderRolesCard } from '../src/cards/roles.card';
import { renderAreasCard } from '../src/cards/areas.card';
import { renderProjectSearchResult } from '../src/cards/search.card';
import { renderStatusReportForm } from '../src/cards/status-report.card';
import { actorFor, type Actor } from '../src/domain/people';
import { castVote, closePoll, openPoll, type Ballot, type PollInput } from '../src/domain/polls';
import { paginate, projectsForOrganisation, projectsOf } from '../src/domain/portfolio-queries';
import type { Locale, Network, Poll, Portfolio } from '../src/domain/schema';
import { findSimilar } from '../src/domain/similar';
import { demoPortfolio } from '../src/flokk';
import { messages } from '../src/i18n';
import { viewerOf } from '../src/teams/polls/poll-view';

/**
 * Every kind of card Flokk sends, rendered from the demo portfolio (data/demo-portfolio.json) as
 * a real turn would: polls opened, voted on and closed through the domain, in one locale. The
 * schema test (test/cards/schema.test.ts) and the gallery (`npm run cards:gallery`) both use it,
 * so what is validated is what is pictured.
 */
export interface CardSample {
  /** File-name friendly, e.g. "poll-voter". */
  name: string;
  /** What the picture shows, for the gallery's index. */
  caption: string;
  card: AdaptiveCard;
}

/** A fixed moment, so the pictures and the test do not change by the day. */
export const SAMPLE_NOW = new Date('2026-03-10T09:00:00Z');
const SECRET = 'gallery-secret';

function actorOf(p: Portfolio, personId: string, now: Date): Actor {
  const person = p.people.find((x) => x.id === personId);
  const actor = person?.aadObjectId ? actorFor(p, person.networkId, { aadObjectId: person.aadObjectId, name: person.name }, [], now) : undefined;
  if (!actor) throw new Error(`demo person ${personId} is not an actor`);
  return actor;
}

const pollInput = (over: Partial<PollInput>): PollInput => ({
  kind: 'consensus',
  question: 'Skal programstyret godkjenne mandatet for «Felles kommunal journal»?',
  options: [],
  multiple: false,
  eligibleMode: 'board',
  deadline: '2026-03-17T11:00:00Z',
  anonymous: false,
  hideResultsUntilClosed: false,
  ...over,
});

interface PollStory {
  p: Portfolio;
  poll: Poll;
}

/** Opens a poll of DigiTrøndelag's programme board and casts the given ballots. */
function pollStory(base: Portfolio, id: string, input: Partial<PollInput>, ballots: Array<[string, Ballot]>, close = false): PollStory {
  const secretariat = actorOf(base, 'person-sekretariat', SAMPLE_NOW);
  let p = openPoll(base, secretariat, pollInput(input), { pollId: id }, SAMPLE_NOW).next;
  const at = new Date(SAMPLE_NOW.getTime() + 3600_000);
  for (const [personId, ballot] of ballots) p = castVote(p, id, { personId }, ballot, at, SECRET).next;
  if (close) p = closePoll(p, secretariat, id, { decisionId: `d-${id}` }, new Date(at.getTime() + 3600_000)).next;
  const poll = p.polls.find((x) => x.id === id);
  if (!poll) throw new Error(`poll ${id} was not opened`);
  return { p, poll };
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the demo portfolio has no ${what}`);
  return value;
}

export function cardSamples(locale: Locale, demo: Portfolio = demoPortfolio()): CardSample[] {
  const t = messages(locale);
  const network: Network = must(demo.networks.find((n) => n.id === 'digitrondelag'), 'network');
  const now = SAMPLE_NOW;
  const project = must(demo.projects.find((x) => x.networkId === network.id && x.statusReports.length > 0) ?? demo.projects[0], 'project');
  const projects = projectsOf(demo, network.id);
  const owner = demo.organisations.find((o) => o.id === project.ownerOrganisationId);
  const initiative = must(demo.initiatives.find((i) => i.networkId === network.id), 'initiative');
  const pending = demo.people.filter((x) => x.networkId === network.id).slice(0, 2);

  const empty = pollStory(demo, 'poll-empty', {}, []);
  const voted = pollStory(demo, 'poll-voted', {}, [
    ['person-ingrid-provestad', { stance: 'agree' }],
    ['person-per-testmo', { stance: 'abstain', reason: 'Vi mangler budsjettall fra egen kommune.' }],
    ['person-lars-oppdiktsen', { stance: 'agree' }],
  ]);
  const blocked = pollStory(
    demo,
    'poll-blocked',
    {},
    [
      ['person-ingrid-provestad', { stance: 'block', reason: 'Vi bør avvente de nasjonale løsningene.' }],
      ['person-per-testmo', { stance: 'agree' }],
      ['person-lars-oppdiktsen', { stance: 'agree' }],
      ['person-marit-eksempelvik', { stance: 'disagree', reason: 'Kostnaden for små kommuner er for høy.' }],
    ],
    true,
  );
  const choice = pollStory(
    demo,
    'poll-choice',
    { kind: 'choice', question: 'Hvilken leverandørdag passer best?', options: ['Tirsdag 14. april', 'Torsdag 16. april', 'Fredag 17. april'] },
    [
      ['person-ingrid-provestad', { optionIds: ['o2'] }],
      ['person-per-testmo', { optionIds: ['o2'] }],
      ['person-lars-oppdiktsen', { optionIds: ['o1'] }],
      ['person-marit-eksempelvik', { optionIds: ['o2'] }],
    ],
    true,
  );
  const ingrid = actorOf(voted.p, 'person-ingrid-provestad', now);
  const secretariat = actorOf(voted.p, 'person-sekretariat', now);
  const later = new Date(now.getTime() + 2 * 3600_000);
  const proposed = must(demo.projects.find((x) => x.networkId === network.id && x.status === 'proposed'), 'proposed project');
  const leaderName = demo.people.find((x) => x.id === 'person-ola-demodal')?.name ?? '';
  const decision = must(demo.decisions.find((d) => d.networkId === network.id), 'decision');

  return [
    { name: 'help', caption: 'Help', card: renderHelpCard(locale) },
    { name: 'portfolio', caption: 'Portfolio, first page', card: renderPortfolioCard(demo, { network, owners: demo.organisations.filter((o) => projects.some((x) => x.ownerOrganisationId === o.id)), filter: {}, page: paginate(projects, 1, PORTFOLIO_PAGE_SIZE) }, locale) },
    { name: 'project', caption: `Project everyone sees: ${project.title}`, card: renderProjectCard(demo, project, locale) },
    { name: 'project-secretariat', caption: `The secretariat’s own view: ${proposed.title}`, card: renderProjectCard(demo, proposed, locale, personalView(secretariat)) },
    { name: 'project-board-member', caption: `A board member’s own view (may not act): ${proposed.title}`, card: renderProjectCard(demo, proposed, locale, personalView(ingrid)) },
    { name: 'project-owner', caption: `The owner’s own view: ${project.title}`, card: renderProjectCard(demo, project, locale, personalView(secretariat)) },
    { name: 'project-search-result', caption: 'Project from the message-extension search', card: renderProjectSearchResult(demo, project, locale).content },
    { name: 'project-choices', caption: 'Several projects match', card: renderProjectChoices(demo, t.lookup.didYouMean, projects.slice(0, 4), locale) },
    ...(owner ? [{ name: 'organisation-projects', caption: `Projects of ${owner.name}`, card: renderOrganisationProjects(owner, projectsForOrganisation(demo, owner.id), locale) }] : []),
    { name: 'proposal-form', caption: 'Propose a project', card: renderProposalForm(demo, network, {}, {}, locale) },
    { name: 'proposal-form-errors', caption: 'Propose a project, with errors', card: renderProposalForm(demo, network, { title: 'Felles chatbot' }, { description: 'required', area: 'required' }, locale) },
    { name: 'status-report-form', caption: 'Status report form', card: renderStatusReportForm(project, {}, {}, locale) },
    { name: 'initiative-form', caption: 'Share an initiative', card: renderInitiativeForm(demo, network, {}, {}, locale) },
    { name: 'initiative', caption: `Initiative, the secretariat’s own view: ${initiative.title}`, card: renderInitiativeCard(demo, initiative, locale, { personal: { viewer: secretariat }, viewerOrganisationId: 'kommune-5001', viewerPersonId: 'person-sekretariat', similar: findSimilar(demo, network.id, `${initiative.title} ${initiative.description}`, initiative.id) }) },
    { name: 'initiative-shared', caption: `Initiative everyone sees: ${initiative.title}`, card: renderInitiativeCard(demo, initiative, locale) },
    { name: 'initiative-list', caption: 'Initiatives', card: renderInitiativeList(demo, demo.initiatives.filter((i) => i.networkId === network.id), locale) },
    { name: 'poll-form', caption: 'Open a poll', card: renderPollForm(demo, network, {}, {}, locale) },
    { name: 'poll-shared-no-votes', caption: 'Poll everyone sees, no votes yet', card: renderPollCard(empty.p, empty.poll, later, locale, undefined, ['aad-1']) },
    { name: 'poll-voter', caption: 'A board member’s own view after voting', card: renderPollCard(voted.p, voted.poll, later, locale, viewerOf(voted.p, voted.poll, ingrid, SECRET)) },
    { name: 'poll-secretariat', caption: 'The secretariat’s view (manages, does not vote)', card: renderPollCard(voted.p, voted.poll, later, locale, viewerOf(voted.p, voted.poll, secretariat, SECRET)) },
    { name: 'poll-awaiting-leader', caption: 'A blocked poll, awaiting the leader', card: renderPollCard(blocked.p, blocked.poll, later, locale) },
    { name: 'poll-leader', caption: 'The leader’s card', card: renderLeaderCard(blocked.p, blocked.poll, leaderName, locale, later) },
    { name: 'poll-choice-decided', caption: 'A choice poll, decided', card: renderPollCard(choice.p, choice.poll, later, locale) },
    { name: 'decision', caption: `Decision ${decision.caseNumber}`, card: renderDecisionCard(demo, decision, locale) },
    { name: 'decision-list', caption: 'Decisions', card: renderDecisionList(demo.decisions.filter((d) => d.networkId === network.id), locale) },
    { name: 'download', caption: 'A download (minutes)', card: renderDownloadCard(locale, 'referat-digitrondelag-2026.md', 'https://flokk.example/exports/abc123') },
    { name: 'registration', caption: 'First-time registration', card: renderRegistrationCard(demo.organisations.filter((o) => o.networkId === network.id), locale) },
    { name: 'roles', caption: 'Roles (secretariat)', card: renderRolesCard(demo, network, locale, 'person-per-testmo') },
    { name: 'areas', caption: 'The network’s areas (secretariat)', card: renderAreasCard(network, locale) },
    { name: 'bodies', caption: 'Bodies (secretariat)', card: renderBodiesCard(demo, network, now, locale, { canManage: true, selectedBodyId: 'ps-digitrondelag' }) },
    ...(pending[1] ? [{ name: 'membership-request', caption: 'A membership request', card: renderMembershipRequestCard(demo, pending[1], pending[1].organisationId ?? 'kommune-5001', locale) }] : []),
    { name: 'membership-requests', caption: 'Membership requests', card: renderMembershipRequestList(demo, pending, locale) },
  ];
}
