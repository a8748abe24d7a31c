import { boardWordOf } from '../domain/body-terms';
import { renderDownloadCard } from '../cards/download.card';
import { minutesLabels } from '../cards/decision.card';
import { decisionsFor, minutesMarkdown } from '../domain/decisions';
import { offer, type Reply } from './reply';
import type { Turn } from './turn';

/** The minutes (referat) of a year's decisions, or of all of them, as a Markdown download. */
export function minutesDownload(turn: Turn, year?: number): Reply {
  const list = decisionsFor(turn.portfolio, turn.network.id, { year });
  const markdown = minutesMarkdown(turn.portfolio, list, minutesLabels(turn.locale, turn.network.name, year, boardWordOf(turn.portfolio, turn.network.id)));
  const file = { name: `referat-${turn.network.id}${year ? `-${year}` : ''}.md`, contentType: 'text/markdown; charset=utf-8', body: markdown };
  return offer(file, (url) => renderDownloadCard(turn.locale, file.name, url));
}
