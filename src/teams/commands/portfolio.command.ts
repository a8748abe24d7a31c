import { parseFilterText, renderPortfolio, resolveFilter } from '../portfolio-view';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** "portefølje status:i gang område:arkivering" → the paged, filterable portfolio card. */
export async function portfolio(turn: Turn, { filters }: { filters: string }): Promise<Reply> {
  const { raw, unknownKeys } = parseFilterText(filters);
  const { filter, problems } = resolveFilter(turn, raw);
  const notices = [...unknownKeys.map((k) => turn.t.portfolio.unknownFilter(k)), ...problems];
  return show(renderPortfolio(turn, filter, 1, notices.join(' ') || undefined));
}
