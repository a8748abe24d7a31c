import { plain } from '../../cards/escape';
import type { PortfolioFilter } from '../../domain/portfolio-queries';
import type { ProjectStatus } from '../../domain/schema';
import { foldKey } from '../../domain/text';
import { readListQuestion, type ListQuestion } from '../../domain/understanding/list-question';
import { messages } from '../../i18n';
import { renderPortfolio } from '../portfolio-view';
import { say, show, type Reply } from '../reply';
import type { Turn } from '../turn';

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
  return show(renderPortfolio(turn, filter, 1, notices.join(' ') || undefined));
}
