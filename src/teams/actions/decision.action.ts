import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import { minutesLabels, renderDecisionCard } from '../../cards/decision.card';
import { decisionsFor, leaderDecides, minutesMarkdown, pollResultsCsv } from '../../domain/decisions';
import { DomainError } from '../../domain/errors';
import { pollIn, resultsVisible } from '../../domain/polls';
import { requirePermission } from '../actor';
import { refreshSharedCard } from '../polls/poll-view';
import { replaceForAll, type Turn } from '../turn';

/** The leader's decision when consensus failed: only the board leader, and only with a statement. */
export async function decisionLead(context: TurnContext, turn: Turn, data: DataFor<'decision.lead'>) {
  const actor = requirePermission(context, turn, 'decision.lead');
  const { deps } = turn;
  const choice = data.choice === 'option' ? { optionId: data.optionId ?? '' } : data.choice;
  const { decision } = await deps.store.update((p) => leaderDecides(p, actor, data.pollId, choice, data.statement, { decisionId: deps.newId('decision') }, deps.clock()));
  refreshSharedCard(deps, data.pollId);
  const card = renderDecisionCard(deps.store.read(), decision, turn.locale);
  await replaceForAll(context, card, deps);
  return card;
}

export async function decisionShow(_context: TurnContext, turn: Turn, data: DataFor<'decision.show'>) {
  const decision = turn.portfolio.decisions.find((d) => d.id === data.decisionId && d.networkId === turn.network.id);
  if (!decision) throw new DomainError('INPUT.INVALID', { decisionId: data.decisionId });
  return renderDecisionCard(turn.portfolio, decision, turn.locale);
}

/** Poll results as CSV, once they may be seen; anonymous polls have no voter column at all. */
export async function pollExport(_context: TurnContext, turn: Turn, data: DataFor<'poll.export'>) {
  const poll = pollIn(turn.portfolio, turn.network.id, data.pollId);
  if (!resultsVisible(poll, turn.deps.clock()) || poll.status === 'open') throw new DomainError('POLL.STILL_OPEN');
  const link = turn.deps.exports.put({ name: `avstemning-${poll.id}.csv`, contentType: 'text/csv; charset=utf-8', body: pollResultsCsv(turn.portfolio, poll) });
  return turn.t.poll.exportReady(link);
}

/** The minutes (referat) of a year's decisions, as Markdown. */
export async function decisionsMinutes(_context: TurnContext, turn: Turn, data: DataFor<'decisions.minutes'>) {
  const decisions = decisionsFor(turn.portfolio, turn.network.id, { year: data.year });
  const markdown = minutesMarkdown(turn.portfolio, decisions, minutesLabels(turn.locale, turn.network.name, data.year));
  const link = turn.deps.exports.put({ name: `referat-${turn.network.id}${data.year ? `-${data.year}` : ''}.md`, contentType: 'text/markdown; charset=utf-8', body: markdown });
  return turn.t.poll.exportReady(link);
}
