import type { TurnContext } from 'botbuilder';
import { parseFilterText, renderPortfolio, resolveFilter } from '../portfolio-view';
import { sendCard, type Turn } from '../turn';

/** "portefølje status:i gang område:arkivering" → the paged, filterable portfolio card. */
export async function portfolio(context: TurnContext, turn: Turn, filterText: string): Promise<void> {
  const { raw, unknownKeys } = parseFilterText(filterText);
  const { filter, problems } = resolveFilter(turn, raw);
  const notices = [...unknownKeys.map((k) => turn.t.portfolio.unknownFilter(k)), ...problems];
  await sendCard(context, renderPortfolio(turn, filter, 1, notices.join(' ') || undefined));
}
