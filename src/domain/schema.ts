import { z } from 'zod/v4';

/**
 * The portfolio's file format. Every type in Flokk's domain is inferred from these schemas;
 * the store validates the whole file against `Portfolio` when it loads it.
 */
export const SCHEMA_VERSION = 3;

const Id = z.string().min(1).max(100);
const IsoDate = z.iso.date();
const IsoDateTime = z.iso.datetime({ offset: true });
const Nok = z.number().int().nonnegative();
const Text = (max: number) => z.string().max(max);

export const Locale = z.enum(['nb', 'nn', 'en']);
export type Locale = z.infer<typeof Locale>;

export const Network = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  /** Entra ID tenants whose Teams users belong to this network. */
  tenantIds: z.array(z.string()).default([]),
  /** Networks whose initiatives and projects this network can see ("who else is doing this"). */
  sharesWith: z.array(Id).default([]),
  areas: z.array(z.string().min(1).max(100)),
  locale: Locale.default('nb'),
  example: z.boolean().default(false),
});
export type Network = z.infer<typeof Network>;

export const OrganisationKind = z.enum(['kommune', 'fylkeskommune', 'ks', 'statsforvalter', 'region', 'annet']);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const Organisation = z.object({
  id: Id,
  networkId: Id,
  name: z.string().min(1).max(200),
  kind: OrganisationKind,
  /** Four-digit kommunenummer, for municipalities. */
  kommunenummer: z.string().regex(/^\d{4}$/).optional(),
  /**
   * Entra ID tenants that are this organisation's own: a newcomer whose activity comes from one of
   * them is registered as representing it, confirmed, without being asked. Name a tenant here only
   * if the accounts in it are the organisation's own staff: a tenant that hosts the network's team
   * with guests from other members gives its own tenant id to every guest.
   */
  tenantIds: z.array(z.string().min(1).max(100)).default([]),
});
export type Organisation = z.infer<typeof Organisation>;

export const Role = z.enum(['resource_group', 'board_member', 'board_leader', 'secretariat', 'project_lead', 'admin']);
export type Role = z.infer<typeof Role>;

export const Person = z.object({
  id: Id,
  /** Entra ID object id as Teams sends it in `activity.from.aadObjectId`; absent for people not yet on Teams. */
  aadObjectId: z.string().optional(),
  name: z.string().min(1).max(200),
  /** The member organisation the person represents, confirmed (by their tenant, or by the secretariat). */
  organisationId: Id.optional(),
  /** The organisation the person said they represent, while the secretariat has not answered. */
  requestedOrganisationId: Id.optional(),
  networkId: Id,
  /** Roles the secretariat gives; board_member and board_leader are not kept here but follow from the programme board's terms. */
  roles: z.array(Role).default([]),
  email: z.string().max(200).optional(),
  example: z.boolean().default(false),
});
export type Person = z.infer<typeof Person>;

/** One term on a body: from its first day to its last (`to`, absent while it runs), both Norwegian dates and both included. */
export const BodyMember = z.object({
  personId: Id,
  role: z.enum(['leader', 'member', 'secretary']),
  organisationId: Id.optional(),
  from: IsoDate,
  to: IsoDate.optional(),
  /** The member's named deputy (vararepresentant), who attends when the member cannot. */
  deputyPersonId: Id.optional(),
});
export type BodyMember = z.infer<typeof BodyMember>;

export const Body = z.object({
  id: Id,
  networkId: Id,
  kind: z.enum(['programme_board', 'portfolio_board', 'resource_group', 'expert_group']),
  name: z.string().min(1).max(200),
  /** Prefix of case numbers, e.g. "PS" for "PS 12/2026". */
  casePrefix: z.string().min(1).max(10),
  members: z.array(BodyMember),
});
export type Body = z.infer<typeof Body>;

export const Horizon = z.enum(['H1', 'H2', 'H3']);
export type Horizon = z.infer<typeof Horizon>;

export const ProjectStatus = z.enum([
  'proposed',
  'under_consideration',
  'approved',
  'active',
  'completed',
  'rejected',
  'withdrawn',
  'paused',
]);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

export const Phase = z.enum(['idea', 'concept', 'planning', 'execution', 'closing', 'realisation']);
export type Phase = z.infer<typeof Phase>;

export const Rag = z.enum(['green', 'yellow', 'red']);
export type Rag = z.infer<typeof Rag>;

export const FinancingSource = z.enum(['member_contributions', 'digifin', 'skjonnsmidler', 'own_effort', 'other']);
export type FinancingSource = z.infer<typeof FinancingSource>;

const RagWithComment = z.object({ level: Rag, comment: Text(2000).default('') });

export const StatusReport = z.object({
  id: Id,
  date: IsoDate,
  overall: RagWithComment,
  time: RagWithComment,
  budget: RagWithComment,
  quality: RagWithComment,
  reportedBy: Id,
});
export type StatusReport = z.infer<typeof StatusReport>;

export const HistoryEntry = z.object({
  at: IsoDateTime,
  by: Id,
  change: z.string().max(200),
  from: z.string().max(100).optional(),
  to: z.string().max(100).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Project = z.object({
  id: Id,
  networkId: Id,
  title: z.string().min(1).max(200),
  summary: Text(4000).default(''),
  ownerOrganisationId: Id,
  projectLeadId: Id.optional(),
  participantOrganisationIds: z.array(Id).default([]),
  area: z.string().min(1).max(100),
  horizon: Horizon,
  status: ProjectStatus,
  phase: Phase.optional(),
  mandate: Text(8000).default(''),
  budgetNok: Nok.optional(),
  financing: z.array(z.object({ source: FinancingSource, amountNok: Nok, note: Text(500).optional() })).default([]),
  financingMayExceedBudget: z.boolean().default(false),
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  statusReports: z.array(StatusReport).default([]),
  history: z.array(HistoryEntry).default([]),
  initiativeId: Id.optional(),
  createdBy: Id,
  createdAt: IsoDateTime,
  example: z.boolean().default(false),
});
export type Project = z.infer<typeof Project>;

export const InitiativeLevel = z.enum(['national', 'regional', 'municipal', 'other_network']);

export const Initiative = z.object({
  id: Id,
  networkId: Id,
  title: z.string().min(1).max(200),
  description: Text(4000).default(''),
  level: InitiativeLevel,
  sourceOrganisationId: Id.optional(),
  sourceName: Text(200).optional(),
  area: z.string().min(1).max(100),
  horizon: Horizon.optional(),
  link: z.url().max(2000).optional(),
  tags: z.array(z.string().min(1).max(50)).max(20).default([]),
  status: z.enum(['open', 'proposed', 'archived']).default('open'),
  /** "We want in": one mark per organisation, or a person's own mark (no organisation) while their membership is not confirmed. */
  interest: z.array(z.object({ organisationId: Id.optional(), personId: Id, at: IsoDateTime })).default([]),
  projectId: Id.optional(),
  createdBy: Id,
  createdAt: IsoDateTime,
  example: z.boolean().default(false),
});
export type Initiative = z.infer<typeof Initiative>;

export const ConversationRef = z.object({
  conversationId: z.string().min(1),
  serviceUrl: z.url(),
  tenantId: z.string().optional(),
  channelId: z.string().default('msteams'),
  botId: z.string().optional(),
  /**
   * In a channel, the message that starts the thread (Teams' reply chain) this conversation is in;
   * absent for the channel itself, a chat, and whatever was stored before threads were kept.
   */
  rootMessageId: z.string().min(1).max(200).optional(),
});
export type ConversationRef = z.infer<typeof ConversationRef>;

export const Poll = z.object({
  id: Id,
  networkId: Id,
  bodyId: Id.optional(),
  kind: z.enum(['consensus', 'consent', 'choice']),
  question: z.string().min(1).max(1000),
  projectId: Id.optional(),
  options: z.array(z.object({ id: Id, label: z.string().min(1).max(200) })).default([]),
  multiple: z.boolean().default(false),
  eligibleMode: z.enum(['board', 'conversation']),
  eligiblePersonIds: z.array(Id).default([]),
  quorum: z.number().int().nonnegative(),
  deadline: IsoDateTime,
  reminderAt: IsoDateTime.optional(),
  remindedAt: IsoDateTime.optional(),
  anonymous: z.boolean().default(false),
  hideResultsUntilClosed: z.boolean().default(false),
  status: z.enum(['open', 'closed', 'awaiting_leader', 'decided']),
  conversation: ConversationRef.optional(),
  cardActivityId: z.string().optional(),
  createdBy: Id,
  createdAt: IsoDateTime,
  closedAt: IsoDateTime.optional(),
  decisionId: Id.optional(),
});
export type Poll = z.infer<typeof Poll>;

export const Vote = z.object({
  pollId: Id,
  /** The voter's person id; for anonymous polls a keyed hash of it, so a vote can change but never be traced. */
  voterKey: z.string().min(1),
  stance: z.enum(['agree', 'abstain', 'disagree', 'block', 'object']).optional(),
  optionIds: z.array(Id).default([]),
  reason: Text(2000).optional(),
  /** When it was cast; in an anonymous poll only the Oslo date ('YYYY-MM-DD'), since the moment would tell who cast it. */
  at: z.union([IsoDateTime, IsoDate]),
});
export type Vote = z.infer<typeof Vote>;

export const Decision = z.object({
  id: Id,
  networkId: Id,
  bodyId: Id,
  caseNumber: z.string().min(1).max(40),
  date: IsoDate,
  question: z.string().min(1).max(1000),
  method: z.enum(['consensus', 'consent', 'leader', 'majority']),
  outcome: z.enum(['approved', 'rejected', 'sent_back', 'chosen']),
  statement: Text(8000).default(''),
  dissent: z.array(z.object({ personId: Id.optional(), reason: Text(2000) })).default([]),
  abstentions: z.number().int().nonnegative().default(0),
  /** The option(s) chosen, by their labels, when the outcome is 'chosen' (a choice poll). */
  chosen: z.array(Text(200)).optional(),
  pollId: Id.optional(),
  projectId: Id.optional(),
  /** Who decided, when someone did (the leader's decision); absent when the poll itself reached it. */
  decidedBy: Id.optional(),
});
export type Decision = z.infer<typeof Decision>;

export const Portfolio = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  networks: z.array(Network),
  organisations: z.array(Organisation),
  people: z.array(Person),
  bodies: z.array(Body),
  initiatives: z.array(Initiative),
  projects: z.array(Project),
  polls: z.array(Poll),
  votes: z.array(Vote),
  decisions: z.array(Decision),
  /** Conversations Flokk is installed in, and which one announces for each network. */
  conversations: z.array(
    z.object({ networkId: Id, ref: ConversationRef, kind: z.enum(['personal', 'groupChat', 'channel']), announce: z.boolean().default(false) }),
  ),
});
export type Portfolio = z.infer<typeof Portfolio>;

export function emptyPortfolio(): Portfolio {
  return {
    schemaVersion: SCHEMA_VERSION,
    networks: [],
    organisations: [],
    people: [],
    bodies: [],
    initiatives: [],
    projects: [],
    polls: [],
    votes: [],
    decisions: [],
    conversations: [],
  };
}
