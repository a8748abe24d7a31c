import type { TurnContext } from 'botbuilder';
import { ActionData, VERB, type DataFor, type Verb } from '../../cards/actions';
import type { AdaptiveCard } from '../../cards/card';
import { DomainError } from '../../domain/errors';
import type { AppDeps } from '../deps';
import { beginTurn, type Turn } from '../turn';
import { portfolioPage } from './portfolio-page.action';
import { projectShow } from './project-show.action';

type Handler<V extends Verb> = (context: TurnContext, turn: Turn, data: DataFor<V>) => Promise<AdaptiveCard | string>;

/** One handler per verb; the compiler checks that every verb has one. */
export const ACTION_HANDLERS: { [V in Verb]: Handler<V> } = {
  [VERB.projectShow]: projectShow,
  [VERB.portfolioPage]: portfolioPage,
};

/** Parses an Action.Execute's data with its verb's schema, then runs the verb's handler. */
export async function onAction(context: TurnContext, deps: AppDeps, verb: Verb, data: unknown): Promise<AdaptiveCard | string> {
  const payload = typeof data === 'object' && data !== null ? data : {};
  const parsed = ActionData.safeParse({ ...payload, verb });
  if (!parsed.success) throw new DomainError('INPUT.INVALID', { verb });
  const turn = beginTurn(context, deps);
  const { verb: _verb, ...rest } = parsed.data;
  const handler = ACTION_HANDLERS[verb] as Handler<Verb>;
  return handler(context, turn, rest as DataFor<Verb>);
}
