import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import type { AdaptiveCard } from '../../cards/card';
import { renderPortfolio, resolveFilter } from '../portfolio-view';
import type { Turn } from '../turn';

/** Paging and filtering the portfolio card: the card's inputs arrive with the page asked for. */
export async function portfolioPage(_context: TurnContext, turn: Turn, data: DataFor<'portfolio.page'>): Promise<AdaptiveCard> {
  const { filter, problems } = resolveFilter(turn, data);
  return renderPortfolio(turn, filter, data.page, problems.join(' ') || undefined);
}
