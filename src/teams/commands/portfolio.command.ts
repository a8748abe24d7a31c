import { plain } from '../../cards/escape';
import { answerList, readQuestion } from '../understanding/list-answer';
import { parseFilterText, renderPortfolio, resolveFilter } from '../portfolio-view';
import { parseFilterText as splitFilterText } from '../filter-text';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * "portefølje status:i gang område:arkivering" → the paged, filterable portfolio card; a question
 * in words («hvilke prosjekter er i gang innen arkiv?») is read for the same filters, and the card
 * says which it applied and which words it could not use.
 */
export async function portfolio(turn: Turn, { filters }: { filters: string }): Promise<Reply> {
  const { raw, unknownKeys } = parseFilterText(filters);
  const { filter, problems } = resolveFilter(turn, raw);
  const notices = [...unknownKeys.map((k) => turn.t.portfolio.unknownFilter(plain(k))), ...problems];
  const free = splitFilterText(filters, {}).free;
  if (free.length > 0) return answerList(turn, readQuestion(turn, free), notices, filter);
  return show(renderPortfolio(turn, filter, 1, notices.join(' ') || undefined));
}
