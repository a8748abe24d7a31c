import { renderDownloadCard } from '../../cards/download.card';
import type { DataFor } from '../../cards/actions';
import { renderDecisionCard } from '../../cards/decision.card';
import { leaderDecides, pollResultsCsv, type PollCsvLabels } from '../../domain/decisions';
import { DomainError } from '../../domain/errors';
import { mayExport, pollIn, resultsVisible } from '../../domain/polls';
import { minutesDownload } from '../minutes';
import { offer, show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** The leader's decision when consensus failed: only the board leader, and only with a statement. */
export async function decisionLead(turn: Turn, data: DataFor<'decision.lead'>): Promise<Reply> {
  const actor = turn.may('decision.lead');
  const choice = data.choice === 'option' ? { optionId: data.optionId ?? '' } : data.choice;
  const { decision } = await turn.update((p) => leaderDecides(p, actor, data.pollId, choice, data.statement, { decisionId: turn.newId('decision') }, turn.now()));
  const p = turn.read();
  return show(renderDecisionCard(p, decision, turn.locale), { kind: 'refreshPoll', pollId: data.pollId }, { kind: 'replaceShared', card: renderDecisionCard(p, decision, turn.network.locale) });
}

export async function decisionShow(turn: Turn, data: DataFor<'decision.show'>): Promise<Reply> {
  const decision = turn.portfolio.decisions.find((d) => d.id === data.decisionId && d.networkId === turn.network.id);
  if (!decision) throw new DomainError('INPUT.INVALID', { decisionId: data.decisionId });
  return show(renderDecisionCard(turn.portfolio, decision, turn.locale));
}

/** The results file's words in the reader's language (Norwegian Excel: semicolons, see pollResultsCsv). */
const csvLabels = (turn: Turn, poll: { status: keyof Turn['t']['poll']['statuses'] }): PollCsvLabels => ({
  ...turn.t.poll.csv,
  stances: turn.t.poll.stances,
  methods: turn.t.decision.methods,
  outcomes: turn.t.decision.outcomes,
  status: turn.t.poll.statuses[poll.status],
});

/** Poll results as CSV, once they may be seen; anonymous polls have no voter column at all. */
export async function pollExport(turn: Turn, data: DataFor<'poll.export'>): Promise<Reply> {
  const poll = pollIn(turn.portfolio, turn.network.id, data.pollId);
  if (!mayExport(poll, turn.viewer(), turn.conversation.ref.conversationId)) throw new DomainError('POLL.NOT_VISIBLE');
  if (!resultsVisible(poll, turn.now()) || poll.status === 'open') throw new DomainError('POLL.STILL_OPEN');
  const file = { name: `avstemning-${poll.id}.csv`, contentType: 'text/csv; charset=utf-8', body: pollResultsCsv(turn.portfolio, poll, csvLabels(turn, poll)) };
  return offer(file, (url) => renderDownloadCard(turn.locale, file.name, url));
}

/** The minutes (referat) of a year's decisions, as Markdown. */
export async function decisionsMinutes(turn: Turn, data: DataFor<'decisions.minutes'>): Promise<Reply> {
  return minutesDownload(turn, data.year);
}
