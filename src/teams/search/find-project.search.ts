import type { MessagingExtensionResult } from 'botbuilder';
import { z } from 'zod/v4';
import { renderProjectSearchResult } from '../../cards/search.card';
import { filterProjects, projectsOf } from '../../domain/portfolio-queries';
import type { Turn } from '../turn';

export const MAX_QUERY_LENGTH = 200;
export const MAX_RESULTS = 25;

/**
 * The search box's query as teams-ai flattens it ({ parameters: { query }, skip, count }).
 * Nothing in it is trusted: a missing or odd value falls back, a long text is cut.
 */
export const FindProjectQuery = z.object({
  parameters: z.object({ query: z.string().catch('') }).catch({ query: '' }),
  skip: z.number().catch(0),
  count: z.number().catch(MAX_RESULTS),
});

export interface FindProjectRequest {
  text: string;
  skip: number;
  count: number;
}

export function parseFindProjectQuery(raw: unknown): FindProjectRequest {
  const q = FindProjectQuery.parse(raw ?? {});
  const whole = (n: number, min: number, max: number) => (Number.isFinite(n) ? Math.min(max, Math.max(min, Math.floor(n))) : min);
  return {
    text: q.parameters.query.trim().slice(0, MAX_QUERY_LENGTH),
    skip: whole(q.skip, 0, 10_000),
    count: whole(q.count, 1, MAX_RESULTS),
  };
}

/**
 * The «Finn prosjekt» search: projects matching a project, municipality or area name (folded
 * æ/ø/å, any word order, small typos), best first. An empty box (Teams' initial run) lists the
 * living portfolio, active projects first. Choosing a result inserts the project card.
 */
export function findProject(turn: Turn, request: FindProjectRequest): MessagingExtensionResult {
  const { portfolio: p, network, locale, t } = turn;
  const { text, skip, count } = request;
  const matches =
    text === '' ? filterProjects(projectsOf(p, network.id), {}) : turn.deps.lookup.searchProjects(p, network.id, text, skip + count);
  const page = matches.slice(skip, skip + count);
  // NOTE: Teams asks again with a larger `skip` as the user scrolls; past the end is an empty list, not a message.
  if (page.length === 0 && skip === 0) return { type: 'message', text: text === '' ? t.search.empty : t.search.noMatch(text) };
  return {
    type: 'result',
    attachmentLayout: 'list',
    attachments: page.map((project) => renderProjectSearchResult(p, project, locale)),
  };
}
