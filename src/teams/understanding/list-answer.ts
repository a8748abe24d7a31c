import { VERB } from '../../cards/actions';
import type { AdaptiveCard } from '../../cards/card';
import { plain } from '../../cards/escape';
import type { PortfolioFilter } from '../../domain/portfolio-queries';
import type { ProjectStatus } from '../../domain/schema';
import { foldKey } from '../../domain/text';
import { readListQuestion, type ListQuestion } from '../../domain/understanding/list-question';
import { messages } from '../../i18n';
import { renderPortfolio } from '../portfolio-view';
import { say, show, type Reply } from '../reply';
import type { Turn } from '../turn';
import { stripMentions } from './clean';

/** The question read against this turn's network and portfolio. */
export function readQuestion(turn: Turn, text: string): ListQuestion {
  const statusLabels = (['nb', 'nn', 'en'] as const).flatMap((l) =>
    (Object.entries(messages(l).labels.status) as Array<[ProjectStatus, string]>).map(([s, label]) => [foldKey(label), s] as const),
  );
  return readListQuestion({ portfolio: turn.portfolio, networkId: turn.network.id, areas: turn.network.areas, statusLabels }, text);
}

/** True when the question names nothing a list could be filtered by. */
export const namesNoFilter = (q: ListQuestion): boolean =>
  q.statuses.length === 0 && q.areas.length === 0 && !q.horizon && q.organisations.length === 0 && q.leads.length === 0;

/**
 * A list question answered honestly: every part it named applied and said back, the parts it
 * could not place named, rejected and withdrawn projects only when asked for, and no list at
 * all when nothing in it could be used.
 */
export function answerList(turn: Turn, q: ListQuestion, extraNotices: string[] = [], base: PortfolioFilter = {}): Reply {
  const { t } = turn;
  const u = t.understanding;
  if (namesNoFilter(q) && q.unused.length > 0 && Object.keys(base).length === 0) return say(`${u.listNotUnderstood(plain(q.unused.join(' ')))} ${u.listExample}`);
  const filter: PortfolioFilter = { ...base };
  const parts: string[] = [];
  const list = (xs: string[], word: string) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${word} ${xs.at(-1)}`);
  if (q.statuses.length > 0) {
    filter.statuses = q.statuses;
    if (q.statuses.length === 1) filter.status = q.statuses[0];
    parts.push(u.withStatus(list(q.statuses.map((s) => t.labels.status[s].toLowerCase()), u.or)));
  }
  if (q.areas.length > 0) {
    filter.areas = q.areas;
    if (q.areas.length === 1) filter.area = q.areas[0];
    parts.push(u.inArea(list(q.areas.map(plain), u.or)));
  }
  if (q.horizon) {
    filter.horizon = q.horizon;
    parts.push(u.inHorizon(q.horizon));
  }
  for (const { organisation, role } of q.organisations) {
    const name = plain(organisation.name);
    if (role === 'owner' && !filter.ownerOrganisationId) {
      filter.ownerOrganisationId = organisation.id;
      parts.push(u.ownedBy(name));
    } else if (role === 'participant') {
      filter.participantOrganisationIds = [...(filter.participantOrganisationIds ?? []), organisation.id];
      parts.push(u.takesPart(name));
    } else {
      filter.involvedOrganisationIds = [...(filter.involvedOrganisationIds ?? []), organisation.id];
      parts.push(u.involves(name));
    }
  }
  const lead = q.leads[0];
  if (lead) {
    filter.projectLeadId = lead.id;
    parts.push(u.ledBy(plain(lead.name)));
  }
  const notices: string[] = [...extraNotices];
  if (parts.length > 0) notices.push(u.applied(parts.join(', ')));
  if (q.statuses.length === 0 && !q.all) {
    filter.onlyLiving = true;
    notices.push(u.withoutClosed);
  }
  const unused = [...q.unused, ...q.years.map(String), ...q.leads.slice(1).map((x) => foldKey(x.name))];
  if (unused.length > 0) notices.push(u.couldNotUse(plain(unused.join(' '))));
  return show(pagedByQuestion(turn, renderPortfolio(turn, filter, q.page, notices.join(' ') || undefined)));
}

/**
 * The card's «previous» and «next» buttons ask the question again with the page («… side 2»),
 * as a message from the card (messageBack): the card's own inputs carry one status, area,
 * horizon and owner, so a page turned through them would lose what only the question named
 * (several statuses, a participant, a project lead, leaving out the closed). The question is
 * read again, so the next page has every filter of the first.
 */
function pagedByQuestion(turn: Turn, card: AdaptiveCard): AdaptiveCard {
  const { t } = turn;
  const question = withoutPage(stripMentions(turn.activity.text ?? ''));
  if (!question || !card.actions) return card;
  const word = turn.locale === 'en' ? 'page' : 'side';
  const actions = card.actions.map((a) => {
    const action = a as { type?: string; verb?: string; title?: string; data?: { page?: number } };
    const turning = action.type === 'Action.Execute' && action.verb === VERB.portfolioPage && (action.title === t.portfolio.next || action.title === t.portfolio.previous);
    if (!turning || typeof action.data?.page !== 'number') return a;
    return { type: 'Action.Submit', title: action.title, data: { msteams: { type: 'messageBack', text: `${question} ${word} ${action.data.page}`, displayText: action.title } } };
  });
  return { ...card, actions };
}

/** The question without its closing punctuation and any page it already named. */
function withoutPage(text: string): string {
  let end = text.length;
  while (end > 0 && '?!.,: '.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end).replace(/\s+(?:side|sida|sia|page|p)\s+\d{1,4}$/iu, '').trim();
}
