import type { DataFor } from '../../cards/actions';
import { renderPortfolio, resolveFilter } from '../portfolio-view';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** Paging and filtering the portfolio card: the card's inputs arrive with the page asked for. */
export async function portfolioPage(turn: Turn, data: DataFor<'portfolio.page'>): Promise<Reply> {
  const { filter, problems } = resolveFilter(turn, data);
  return show(renderPortfolio(turn, filter, data.page, problems.join(' ') || undefined));
}
