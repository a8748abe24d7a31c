import { z } from 'zod/v4';
import { dataSchemaOf, VERB } from '../cards/actions';
import { decisionLead, decisionShow, decisionsMinutes, pollExport } from './actions/decision.action';
import { initiativeInterest } from './actions/initiative-interest.action';
import { initiativePropose } from './actions/initiative-propose.action';
import { initiativeShare } from './actions/initiative-share.action';
import { initiativeShow } from './actions/initiative-show.action';
import { bodyAddMember, bodyEndTerm, bodyMakeLeader, bodySetDeputy, bodyShow } from './actions/body-members.action';
import { memberApprove, memberReject } from './actions/member-approve.action';
import { memberRegister } from './actions/member-register.action';
import { pollClose, pollExtend, pollReopen } from './actions/poll-manage.action';
import { pollOpen } from './actions/poll-open.action';
import { pollRefresh } from './actions/poll-refresh.action';
import { pollVote } from './actions/poll-vote.action';
import { portfolioPage } from './actions/portfolio-page.action';
import { projectPhase } from './actions/project-phase.action';
import { projectPropose } from './actions/project-propose.action';
import { projectReport, projectReportForm } from './actions/project-report.action';
import { projectShow } from './actions/project-show.action';
import { projectTransition } from './actions/project-transition.action';
import { areasSet, areasShow } from './actions/areas.action';
import { rolesSet, rolesShow } from './actions/roles.action';
import { announceHere } from './commands/announce-here.command';
import { auditLog } from './commands/audit.command';
import { bodies } from './commands/bodies.command';
import { decisions, minutes } from './commands/decisions.command';
import { freeText } from './commands/free-text.command';
import { help } from './commands/help.command';
import { initiatives } from './commands/initiatives.command';
import { membershipRequests } from './commands/membership-requests.command';
import { openPollForm } from './commands/open-poll.command';
import { organisationProjects } from './commands/organisation-projects.command';
import { portfolio } from './commands/portfolio.command';
import { showProject } from './commands/project.command';
import { proposeProjectForm } from './commands/propose-project.command';
import { roles } from './commands/roles.command';
import { shareInitiativeForm } from './commands/share-initiative.command';
import { statusReportForm } from './commands/status-report.command';
import { whoOwns } from './commands/who-owns.command';
import { bodyMembers } from './commands/body-members.command';
import { greeting } from './commands/greeting.command';
import { openPolls } from './commands/open-polls.command';
import { projectStatus } from './commands/project-status.command';
import { whoLeads } from './commands/who-leads.command';
import { ASK } from './understanding/phrases';
import { onInstalled } from './events/installed.event';
import { FindProjectRequest, findProject } from './search/find-project.search';
import { anyone, chat, needs, needsOn, phrase, registered, verb } from './route';

/**
 * Every behaviour of Flokk, read top to bottom: what it answers to, what it needs, who may, and
 * the handler. app.ts applies the same steps to every entry (gate, duplicates, audit, time
 * budget, errors) and performs the reply the handler returns.
 */

const Query = z.object({ query: z.string().min(1).max(500) });
const Filters = z.object({ filters: z.string().max(500) });
const Title = z.object({ title: z.string().max(500) });
const Nothing = z.object({});

/** Chat intents, tried in this order; the first phrase that matches wins. */
export const INTENTS = {
  help: chat({
    phrases: [phrase(/^(hjelp|help|\?|hjelp meg|hva kan du( gjøre)?|kva kan du( gjere)?|what can you do)$/i), ...ASK.help],
    input: Nothing,
    access: anyone,
    handler: help,
  }),
  /** «hei», «takk», «thanks»: a friendly word back. */
  greeting: chat({ phrases: ASK.greeting, input: z.object({ says: z.enum(['hello', 'thanks']) }), access: anyone, handler: greeting }),
  /** «hvem sitter i programstyret?», «who is on the resource group?»: today's members, in a sentence. */
  bodyMembers: chat({ phrases: ASK.bodyMembers, input: Query, access: anyone, handler: bodyMembers }),
  whoOwns: chat({
    phrases: [
      phrase(/^(?:hvem|kven|who)\s+(?:eier|eig|owns|er eier av|er eigar av|is the owner of|is owner of)\s+(?:prosjektet\s+|the project\s+)?(?<q>.+)$/i, (m) => ({ query: m.groups!.q })),
      ...ASK.whoOwns,
    ],
    input: Query,
    access: anyone,
    handler: whoOwns,
  }),
  /** «hvem leder barnevernsprosjektet?», «who is the project lead for logganalyse?» */
  whoLeads: chat({ phrases: ASK.whoLeads, input: Query, access: anyone, handler: whoLeads }),
  /** «hvordan går det med …», «hvor står …», «er … vedtatt?», «how is … going?» */
  projectStatus: chat({ phrases: ASK.projectStatus, input: z.object({ query: z.string().min(1).max(500), asked: z.string().max(100).optional() }), access: anyone, handler: projectStatus }),
  organisationProjects: chat({
    phrases: [
      phrase(/^(?:hva|kva)\s+(?:eier|eig|deltar|deltek)\s+(?<q>.+?)(?:\s+(?:i|med i|og deltar i|og deltek i))?$/i, (m) => ({ query: m.groups!.q })),
      phrase(/^(?!.*\s(?:som|der|that|which)\s)(?:hvilke prosjekter?|kva prosjekt|which projects)\s+(?:eier|eig|har|has|does)\s+(?<q>.+?)(?:\s+(?:own|have))?$/i, (m) => ({ query: m.groups!.q })),
      phrase(/^what does\s+(?<q>.+?)\s+(?:own|take part in|participate in)$/i, (m) => ({ query: m.groups!.q })),
      phrase(/^(?:prosjekter|prosjekta|prosjekt|projects)\s+(?:for|til|hos|of|in)\s+(?!progress\b|behandling\b|vurdering\b)(?<q>.+)$/i, (m) => ({ query: m.groups!.q })),
      ...ASK.organisationProjects,
    ],
    input: Query,
    access: anyone,
    handler: organisationProjects,
  }),
  portfolio: chat({
    phrases: [
      phrase(
        /^(?:portef[øo]ljen?|portfolio|oversikt|overview|alle prosjekter|alle prosjekta|all projects|prosjekter|prosjekta|projects)(?:\s+(?<rest>.*))?$/i,
        (m) => ({ filters: m.groups?.rest ?? '' }),
      ),
      ...ASK.portfolio,
    ],
    input: Filters,
    access: anyone,
    handler: portfolio,
  }),
  shareInitiative: chat({
    phrases: [
      phrase(/^(?:del|nytt|ny)\s+(?:et\s+|eit\s+)?initiativ(?:et)?(?::|\s)*(?<q>.*)$|^share\s+(?:an\s+)?initiative(?::|\s)*(?<q2>.*)$/i, (m) => ({
        title: (m.groups?.q || m.groups?.q2 || '').trim(),
      })),
    ],
    input: Title,
    access: needs('initiative.share'),
    handler: shareInitiativeForm,
  }),
  initiatives: chat({
    phrases: [phrase(/^(?:initiativer|initiativa|initiativ|initiatives)(?:\s+(?<rest>.*))?$/i, (m) => ({ filters: m.groups?.rest ?? '' })), ...ASK.initiatives],
    input: Filters,
    access: anyone,
    handler: initiatives,
  }),
  proposeProject: chat({
    phrases: [
      phrase(/^(?:foresl[åa]|føresl[åa]|nytt)\s+(?:et\s+|eit\s+)?prosjekt(?::|\s)*(?<q>.*)$|^propose\s+(?:a\s+)?project(?::|\s)*(?<q2>.*)$/i, (m) => ({
        title: (m.groups?.q || m.groups?.q2 || '').trim(),
      })),
    ],
    input: Title,
    access: needs('project.propose'),
    handler: proposeProjectForm,
  }),
  statusReport: chat({
    phrases: [phrase(/^(?:ny\s+)?(?:statusrapport|status report)\s+(?:for\s+)?(?<q>.+)$/i, (m) => ({ query: m.groups!.q }))],
    input: Query,
    access: needsOn('project.report'),
    handler: statusReportForm,
  }),
  roles: chat({ phrases: [phrase(/^(?:roller|roles)$/i)], input: Nothing, access: needs('roles.manage'), handler: roles }),
  audit: chat({ phrases: [phrase(/^(?:revisjonslogg(?:en)?|audit(?: log)?)$/i)], input: Nothing, access: needs('audit.read'), handler: auditLog }),
  /** Who sits on each body: open to anyone; the card's forms, for the secretariat, check `bodies.manage` on each press. */
  bodies: chat({
    phrases: [phrase(/^(?:(?:program)?styret|styringsgruppa|styringsgruppen|organ(?:er|a|ene)?|(?:the )?(?:programme )?board|bodies)$/i)],
    input: Nothing,
    access: anyone,
    handler: bodies,
  }),
  membershipRequests: chat({
    phrases: [phrase(/^(?:forespørsler|forespørslene|førespurnader|førespurnadene|(?:membership )?requests|medlemskap)$/i)],
    input: Nothing,
    access: needs('membership.confirm'),
    handler: membershipRequests,
  }),
  /** «åpne avstemninger», «hva må jeg stemme på?»: before openPoll, whose «avstemning …» would take «avstemninger». */
  openPolls: chat({ phrases: ASK.openPolls, input: Nothing, access: anyone, handler: openPolls }),
  openPoll: chat({
    phrases: [
      phrase(/^(?:ny\s+|start\s+)?(?:avstemning|avstemming|avrøysting|røysting|poll|new poll|start poll)(?::|\s)*(?<q>.*)$/i, (m) => ({ text: m.groups?.q ?? '' }), {
        keepPunctuation: true,
      }),
    ],
    input: z.object({ text: z.string().max(500) }),
    access: needs('poll.open'),
    handler: openPollForm,
  }),
  decisions: chat({
    phrases: [phrase(/^(?:vedtak|vedtaka|decisions)(?:\s+(?<rest>.*))?$/i, (m) => ({ filters: m.groups?.rest ?? '' })), ...ASK.decisions],
    input: Filters,
    access: anyone,
    handler: decisions,
  }),
  minutes: chat({
    phrases: [phrase(/^(?:referat|minutes)(?:\s+(?<year>\d{4}))?$/i, (m) => (m.groups?.year ? { year: Number(m.groups.year) } : {}))],
    input: z.object({ year: z.number().int().min(2000).max(2100).optional() }),
    access: anyone,
    handler: minutes,
  }),
  announceHere: chat({
    phrases: [
      phrase(
        /^(?:kunngjøringer her|kunngjeringar her|announce here|bruk denne kanalen(?: til| for)?(?: kunngjøringer| kunngjeringar)?|use this channel(?: for announcements)?)$/i,
      ),
    ],
    input: Nothing,
    access: needs('channel.announce'),
    handler: announceHere,
  }),
  project: chat({
    phrases: [phrase(/^(?:prosjekt(?:et|kort)?|project|vis|show|status(?:\s+(?:for|på|pa|of))?)\s+(?<q>.+)$/i, (m) => ({ query: m.groups!.q }))],
    input: Query,
    access: anyone,
    handler: showProject,
  }),
  /** Anything else: a project's card if the text plainly names one, otherwise what Flokk understands. */
  freeText: chat({ phrases: [phrase(/^(?<text>.+)$/s, (m) => ({ text: m.groups!.text }))], input: z.object({ text: z.string() }), access: anyone, handler: freeText }),
};

/** Card buttons (Action.Execute), by verb. Their data carries ids; who pressed comes from the activity. */
export const VERBS = {
  [VERB.projectShow]: verb({ input: dataSchemaOf(VERB.projectShow), access: anyone, handler: projectShow }),
  [VERB.portfolioPage]: verb({ input: dataSchemaOf(VERB.portfolioPage), access: anyone, handler: portfolioPage }),
  /** Says which organisation a person represents, then resumes what they were doing (app.ts). */
  [VERB.memberRegister]: verb({ input: dataSchemaOf(VERB.memberRegister), access: anyone, handler: memberRegister }),
  /** The secretariat answers a membership request; the domain checks the card's ids against the request in the store. */
  [VERB.memberApprove]: verb({ input: dataSchemaOf(VERB.memberApprove), access: needs('membership.confirm'), handler: memberApprove }),
  [VERB.memberReject]: verb({ input: dataSchemaOf(VERB.memberReject), access: needs('membership.confirm'), handler: memberReject }),
  [VERB.bodyShow]: verb({ input: dataSchemaOf(VERB.bodyShow), access: anyone, handler: bodyShow }),
  [VERB.bodyAddMember]: verb({ input: dataSchemaOf(VERB.bodyAddMember), access: needs('bodies.manage'), handler: bodyAddMember }),
  [VERB.bodyEndTerm]: verb({ input: dataSchemaOf(VERB.bodyEndTerm), access: needs('bodies.manage'), handler: bodyEndTerm }),
  [VERB.bodyMakeLeader]: verb({ input: dataSchemaOf(VERB.bodyMakeLeader), access: needs('bodies.manage'), handler: bodyMakeLeader }),
  [VERB.bodySetDeputy]: verb({ input: dataSchemaOf(VERB.bodySetDeputy), access: needs('bodies.manage'), handler: bodySetDeputy }),
  [VERB.initiativeShow]: verb({ input: dataSchemaOf(VERB.initiativeShow), access: anyone, handler: initiativeShow }),
  [VERB.initiativeShare]: verb({ input: dataSchemaOf(VERB.initiativeShare), access: needs('initiative.share'), handler: initiativeShare }),
  /** For the person's confirmed organisation, or else in their own name: the domain decides which. */
  [VERB.initiativeInterest]: verb({ input: dataSchemaOf(VERB.initiativeInterest), access: registered, handler: initiativeInterest }),
  [VERB.initiativePropose]: verb({ input: dataSchemaOf(VERB.initiativePropose), access: needs('project.propose'), handler: initiativePropose }),
  [VERB.projectPropose]: verb({ input: dataSchemaOf(VERB.projectPropose), access: needs('project.propose'), handler: projectPropose }),
  /** Withdraw, submit, start, complete, pause, resume: the domain checks each transition's permission. */
  [VERB.projectTransition]: verb({ input: dataSchemaOf(VERB.projectTransition), access: registered, handler: projectTransition }),
  [VERB.projectPhase]: verb({ input: dataSchemaOf(VERB.projectPhase), access: registered, handler: projectPhase }),
  [VERB.projectReportForm]: verb({ input: dataSchemaOf(VERB.projectReportForm), access: needsOn('project.report'), handler: projectReportForm }),
  [VERB.projectReport]: verb({ input: dataSchemaOf(VERB.projectReport), access: needsOn('project.report'), handler: projectReport }),
  [VERB.rolesShow]: verb({ input: dataSchemaOf(VERB.rolesShow), access: needs('roles.manage'), handler: rolesShow }),
  [VERB.rolesSet]: verb({ input: dataSchemaOf(VERB.rolesSet), access: needs('roles.manage'), handler: rolesSet }),
  [VERB.areasShow]: verb({ input: dataSchemaOf(VERB.areasShow), access: needs('areas.manage'), handler: areasShow }),
  [VERB.areasSet]: verb({ input: dataSchemaOf(VERB.areasSet), access: needs('areas.manage'), handler: areasSet }),
  [VERB.pollOpen]: verb({ input: dataSchemaOf(VERB.pollOpen), access: needs('poll.open'), handler: pollOpen }),
  /** Eligibility is the poll's: the domain refuses a vote from someone who may not vote. */
  [VERB.pollVote]: verb({ input: dataSchemaOf(VERB.pollVote), access: registered, handler: pollVote }),
  [VERB.pollRefresh]: verb({ input: dataSchemaOf(VERB.pollRefresh), access: anyone, handler: pollRefresh }),
  /** The poll's creator, or whoever may manage polls: checked by the domain. */
  [VERB.pollClose]: verb({ input: dataSchemaOf(VERB.pollClose), access: registered, handler: pollClose }),
  [VERB.pollExtend]: verb({ input: dataSchemaOf(VERB.pollExtend), access: registered, handler: pollExtend }),
  [VERB.pollReopen]: verb({ input: dataSchemaOf(VERB.pollReopen), access: registered, handler: pollReopen }),
  [VERB.pollExport]: verb({ input: dataSchemaOf(VERB.pollExport), access: anyone, handler: pollExport }),
  [VERB.decisionLead]: verb({ input: dataSchemaOf(VERB.decisionLead), access: needs('decision.lead'), handler: decisionLead }),
  [VERB.decisionShow]: verb({ input: dataSchemaOf(VERB.decisionShow), access: anyone, handler: decisionShow }),
  [VERB.decisionsMinutes]: verb({ input: dataSchemaOf(VERB.decisionsMinutes), access: anyone, handler: decisionsMinutes }),
};

/** Message-extension search commands, by the ids in manifest/manifest.json. */
export const SEARCH_COMMAND = { findProject: 'findProject' } as const;
export const SEARCHES = {
  findProject: { input: FindProjectRequest, access: anyone, handler: findProject },
};

/** Flokk added to a team, a group chat or a personal chat. */
export const EVENTS = {
  installed: { access: anyone, handler: onInstalled },
};

export type Intent = keyof typeof INTENTS;
