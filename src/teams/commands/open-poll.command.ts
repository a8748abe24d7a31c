import { plain } from '../../cards/escape';
import { renderPollForm } from '../../cards/poll.card';
import { programmeBoard } from '../../domain/polls';
import { say, show, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * "avstemning Skal vi …?" → the poll form with the question; "avstemning om <prosjekt>" → a
 * consensus poll on that proposal, prefilled. Only a project under consideration can be put to
 * the board; any other is said, rather than prefilled into a form that would refuse it.
 */
export async function openPollForm(turn: Turn, { text }: { text: string }): Promise<Reply> {
  const about = /^(?:om|on|about)\s+(?<q>.+)$/i.exec(text.trim())?.groups?.q;
  const project = about ? turn.lookup.project(turn.portfolio, turn.network.id, about) : undefined;
  if (project?.kind === 'found' && project.item.status !== 'under_consideration') {
    return say(turn.t.understanding.notPollable(plain(project.item.title), turn.t.labels.status[project.item.status].toLowerCase()));
  }
  const values =
    project?.kind === 'found'
      ? { kind: 'consensus', projectId: project.item.id, question: turn.t.poll.approveQuestion(project.item.title, programmeBoard(turn.portfolio, turn.network.id)?.name ?? turn.t.poll.board) }
      : { question: text.trim().slice(0, 1000) };
  return show(renderPollForm(turn.portfolio, turn.network, values, {}, turn.locale));
}
