import { renderPollForm } from '../../cards/poll.card';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * "avstemning Skal vi …?" → the poll form with the question; "avstemning om <prosjekt>" → a
 * consensus poll on that proposal, prefilled.
 */
export async function openPollForm(turn: Turn, { text }: { text: string }): Promise<Reply> {
  const about = /^(?:om|on|about)\s+(?<q>.+)$/i.exec(text.trim())?.groups?.q;
  const project = about ? turn.lookup.project(turn.portfolio, turn.network.id, about) : undefined;
  const values =
    project?.kind === 'found'
      ? { kind: 'consensus', projectId: project.item.id, question: turn.t.poll.approveQuestion(project.item.title) }
      : { question: text.trim().slice(0, 1000) };
  return show(renderPollForm(turn.portfolio, turn.network, values, {}, turn.locale));
}
