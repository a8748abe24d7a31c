import type { TurnContext } from 'botbuilder';
import { ActionData, VERB, type DataFor, type Verb } from '../../cards/actions';
import type { AdaptiveCard } from '../../cards/card';
import { DomainError } from '../../domain/errors';
import type { AppDeps } from '../deps';
import { beginTurn, type Turn } from '../turn';
import { initiativeInterest } from './initiative-interest.action';
import { initiativePropose } from './initiative-propose.action';
import { initiativeShare } from './initiative-share.action';
import { initiativeShow } from './initiative-show.action';
import { memberRegister } from './member-register.action';
import { portfolioPage } from './portfolio-page.action';
import { projectPhase } from './project-phase.action';
import { projectPropose } from './project-propose.action';
import { projectReport, projectReportForm } from './project-report.action';
import { projectShow } from './project-show.action';
import { projectTransition } from './project-transition.action';
import { rolesSet, rolesShow } from './roles.action';
import { decisionLead, decisionShow, decisionsMinutes, pollExport } from './decision.action';
import { pollClose, pollExtend, pollReopen } from './poll-manage.action';
import { pollOpen } from './poll-open.action';
import { pollRefresh } from './poll-refresh.action';
import { pollVote } from './poll-vote.action';

type Answer = AdaptiveCard | string;
type Handler<V extends Verb> = (context: TurnContext, turn: Turn, data: DataFor<V>) => Promise<Answer>;
type RegisterHandler = typeof memberRegister;

/** One handler per verb; the compiler checks that every verb has one. */
export const ACTION_HANDLERS: { [V in Exclude<Verb, 'member.register'>]: Handler<V> } & { 'member.register': RegisterHandler } = {
  [VERB.projectShow]: projectShow,
  [VERB.portfolioPage]: portfolioPage,
  [VERB.memberRegister]: memberRegister,
  [VERB.initiativeShow]: initiativeShow,
  [VERB.initiativeShare]: initiativeShare,
  [VERB.initiativeInterest]: initiativeInterest,
  [VERB.initiativePropose]: initiativePropose,
  [VERB.projectPropose]: projectPropose,
  [VERB.projectTransition]: projectTransition,
  [VERB.projectPhase]: projectPhase,
  [VERB.projectReportForm]: projectReportForm,
  [VERB.projectReport]: projectReport,
  [VERB.rolesShow]: rolesShow,
  [VERB.rolesSet]: rolesSet,
  [VERB.pollOpen]: pollOpen,
  [VERB.pollVote]: pollVote,
  [VERB.pollRefresh]: pollRefresh,
  [VERB.pollClose]: pollClose,
  [VERB.pollExtend]: pollExtend,
  [VERB.pollReopen]: pollReopen,
  [VERB.pollExport]: pollExport,
  [VERB.decisionLead]: decisionLead,
  [VERB.decisionShow]: decisionShow,
  [VERB.decisionsMinutes]: decisionsMinutes,
};

export const isVerb = (v: unknown): v is Verb => (Object.values(VERB) as unknown[]).includes(v);

/** Parses an Action.Execute's data with its verb's schema, then runs the verb's handler. */
export async function onAction(context: TurnContext, deps: AppDeps, verb: Verb, data: unknown): Promise<Answer> {
  const payload = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
  const parsed = ActionData.safeParse({ ...payload, verb });
  if (!parsed.success) throw new DomainError('INPUT.INVALID', { verb });
  const turn = beginTurn(context, deps);
  const { verb: _verb, ...rest } = parsed.data;
  if (parsed.data.verb === VERB.memberRegister) {
    const result = await memberRegister(context, turn, rest as DataFor<'member.register'>);
    if (result.kind === 'ask') return result.card;
    const resume = result.resume;
    // Go on with what the person was doing when they were asked; the resumed data is parsed again.
    if (resume && isVerb(resume.verb) && resume.verb !== VERB.memberRegister) return onAction(context, deps, resume.verb, resume.data);
    return turn.t.registration.done(result.organisation);
  }
  const handler = ACTION_HANDLERS[verb as Exclude<Verb, 'member.register'>] as Handler<Verb>;
  return handler(context, turn, rest as DataFor<Verb>);
}
