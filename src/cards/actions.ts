import { z } from 'zod/v4';

/**
 * Every Action.Execute verb Flokk's cards use, and the data each carries (ids, never objects).
 * Handlers parse `{ verb, ...data }` with `ActionData` before using anything in it; form verbs
 * carry their inputs too, which the verb's form schema then checks field by field.
 */
export const VERB = {
  projectShow: 'project.show',
  portfolioPage: 'portfolio.page',
  memberRegister: 'member.register',
  memberApprove: 'member.approve',
  memberReject: 'member.reject',
  bodyShow: 'body.show',
  bodyAddMember: 'body.addMember',
  bodyEndTerm: 'body.endTerm',
  bodyMakeLeader: 'body.makeLeader',
  bodySetDeputy: 'body.setDeputy',
  initiativeShare: 'initiative.share',
  initiativeShow: 'initiative.show',
  initiativeInterest: 'initiative.interest',
  initiativePropose: 'initiative.propose',
  projectPropose: 'project.propose',
  projectTransition: 'project.transition',
  projectPhase: 'project.phase',
  projectReportForm: 'project.reportForm',
  projectReport: 'project.report',
  rolesShow: 'roles.show',
  rolesSet: 'roles.set',
  areasShow: 'areas.show',
  areasSet: 'areas.set',
  pollOpen: 'poll.open',
  pollVote: 'poll.vote',
  pollRefresh: 'poll.refresh',
  pollClose: 'poll.close',
  pollExtend: 'poll.extend',
  pollReopen: 'poll.reopen',
  pollExport: 'poll.export',
  decisionLead: 'decision.lead',
  decisionShow: 'decision.show',
  decisionsMinutes: 'decisions.minutes',
} as const;
export type Verb = (typeof VERB)[keyof typeof VERB];

const Id = z.string().min(1).max(100);
/** A filter's «any» choice: a choice's value must not be empty (Adaptive Cards drops or refuses it). */
export const ANY_CHOICE = '*';
const Choice = z.preprocess((v) => (v === ANY_CHOICE || v === '' ? undefined : v), z.string().max(100).optional());

const form = <V extends Verb, S extends z.ZodRawShape>(verb: V, shape: S) =>
  z.object({ verb: z.literal(verb), ...shape }).catchall(z.union([z.string().max(10_000), z.number(), z.boolean()]));

export const ActionData = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal(VERB.projectShow), projectId: Id }),
  z.object({
    verb: z.literal(VERB.portfolioPage),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    status: Choice,
    area: Choice,
    horizon: Choice,
    owner: Choice,
  }),
  z.object({
    verb: z.literal(VERB.memberRegister),
    organisationId: z.string().max(100).default(''),
    resume: z.object({ verb: z.string().max(50), data: z.record(z.string().max(60), z.unknown()) }).optional(),
  }),
  // The person and organisation of a membership request; the handler checks them against the request in the store.
  z.object({ verb: z.literal(VERB.memberApprove), personId: Id, organisationId: Id, list: z.boolean().optional() }),
  z.object({ verb: z.literal(VERB.memberReject), personId: Id, organisationId: Id, list: z.boolean().optional() }),
  // A body's forms: the body from the button, the rest from the card's inputs (so each may be missing or empty).
  z.object({ verb: z.literal(VERB.bodyShow), bodyId: Id }),
  z.object({
    verb: z.literal(VERB.bodyAddMember),
    bodyId: Id,
    personId: z.string().max(100).default(''),
    role: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['member', 'leader']).default('member')),
    // Not `from`/`to`: those name the sender and recipient in a Bot Framework activity, and forged copies of them turn up in card data.
    fromDate: z.string().max(20).default(''),
    toDate: z.string().max(20).default(''),
  }),
  z.object({ verb: z.literal(VERB.bodyEndTerm), bodyId: Id, endPersonId: z.string().max(100).default(''), lastDay: z.string().max(20).default('') }),
  z.object({ verb: z.literal(VERB.bodyMakeLeader), bodyId: Id, leaderPersonId: z.string().max(100).default('') }),
  z.object({ verb: z.literal(VERB.bodySetDeputy), bodyId: Id, memberPersonId: z.string().max(100).default(''), deputyPersonId: z.string().max(100).default('') }),
  form(VERB.initiativeShare, {}),
  z.object({ verb: z.literal(VERB.initiativeShow), initiativeId: Id }),
  z.object({ verb: z.literal(VERB.initiativeInterest), initiativeId: Id }),
  z.object({ verb: z.literal(VERB.initiativePropose), initiativeId: Id }),
  form(VERB.projectPropose, {}),
  z.object({ verb: z.literal(VERB.projectTransition), projectId: Id, transition: z.enum(['withdraw', 'submit', 'start', 'complete', 'pause', 'resume']) }),
  // The phase and the roles come from the card's inputs, so they may be missing from the button's own data.
  z.object({ verb: z.literal(VERB.projectPhase), projectId: Id, phase: z.string().max(30).default('') }),
  z.object({ verb: z.literal(VERB.projectReportForm), projectId: Id }),
  form(VERB.projectReport, { projectId: Id }),
  z.object({ verb: z.literal(VERB.rolesShow), personId: z.string().max(100).default('') }),
  z.object({ verb: z.literal(VERB.rolesSet), personId: z.string().max(100).default(''), roles: z.string().max(500).default('') }),
  z.object({ verb: z.literal(VERB.areasShow) }),
  // The list comes from the card's text field, one area per line.
  z.object({ verb: z.literal(VERB.areasSet), areas: z.string().max(10_000).default('') }),
  form(VERB.pollOpen, {}),
  z.object({
    verb: z.literal(VERB.pollVote),
    pollId: Id,
    stance: z.enum(['agree', 'abstain', 'disagree', 'block', 'object']).optional(),
    optionIds: z.string().max(500).default(''),
    reason: z.string().max(10_000).default(''),
  }),
  z.object({ verb: z.literal(VERB.pollRefresh), pollId: Id }),
  z.object({ verb: z.literal(VERB.pollClose), pollId: Id }),
  z.object({ verb: z.literal(VERB.pollExtend), pollId: Id, deadlineDate: z.string().max(20).default(''), deadlineTime: z.string().max(10).default('') }),
  z.object({ verb: z.literal(VERB.pollReopen), pollId: Id, deadlineDate: z.string().max(20).default(''), deadlineTime: z.string().max(10).default('') }),
  z.object({ verb: z.literal(VERB.pollExport), pollId: Id }),
  z.object({
    verb: z.literal(VERB.decisionLead),
    pollId: Id,
    choice: z.enum(['approve', 'reject', 'send_back', 'option']),
    optionId: z.string().max(100).optional(),
    statement: z.string().max(10_000).default(''),
  }),
  z.object({ verb: z.literal(VERB.decisionShow), decisionId: Id }),
  z.object({ verb: z.literal(VERB.decisionsMinutes), year: z.coerce.number().int().min(2000).max(2100).optional() }),
]);
export type ActionData = z.infer<typeof ActionData>;
export type DataFor<V extends Verb> = Omit<Extract<ActionData, { verb: V }>, 'verb'>;

type VerbSchema<V extends Verb> = Extract<(typeof ActionData.options)[number], { shape: { verb: z.ZodLiteral<V> } }>;

/** The schema of one verb's data (with its `verb`), for the route table. */
export function dataSchemaOf<V extends Verb>(verb: V): VerbSchema<V> {
  const schema = ActionData.options.find((o) => o.shape.verb.value === verb);
  if (!schema) throw new Error(`no schema for ${verb}`);
  return schema as VerbSchema<V>;
}

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: Verb;
  data: Record<string, unknown>;
  style?: 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
}

export function execute<V extends Verb>(title: string, verb: V, data: Partial<DataFor<V>>, extra: Partial<ExecuteAction> = {}): ExecuteAction {
  return { type: 'Action.Execute', title, verb, data: { ...data }, ...extra };
}

/**
 * A destructive action behind a question: a ShowCard «… ?» whose only button is the real action.
 * It goes last among a card's actions, never first or most prominent.
 */
export function confirmFirst(action: ExecuteAction, question: string): unknown {
  return {
    type: 'Action.ShowCard',
    title: `${action.title} …`,
    card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: question, wrap: true, weight: 'Bolder' }], actions: [{ ...action, style: 'destructive' }] },
  };
}
