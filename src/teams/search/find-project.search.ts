import { z } from 'zod/v4';
import { plain } from '../../cards/escape';
import { renderProjectSearchResult, type ProjectSearchResult } from '../../cards/search.card';
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

const whole = (n: number, min: number, max: number) => (Number.isFinite(n) ? Math.min(max, Math.max(min, Math.floor(n))) : min);

/** The query, cleaned: the route table's input schema for the search. */
export const FindProjectRequest = z.preprocess(
  (raw) => raw ?? {},
  FindProjectQuery.transform((q) => ({
    text: q.parameters.query.trim().slice(0, MAX_QUERY_LENGTH),
    skip: whole(q.skip, 0, 10_000),
    count: whole(q.count, 1, MAX_RESULTS),
  })),
);
export type FindProjectRequest = z.infer<typeof FindProjectRequest>;

export const parseFindProjectQuery = (raw: unknown): FindProjectRequest => FindProjectRequest.parse(raw);

/** What a search answers: results for the list, or one sentence where the list would be. */
export type SearchAnswer = { type: 'result'; attachments: ProjectSearchResult[] } | { type: 'message'; text: string };

/**
 * The «Finn prosjekt» search: projects matching a project, municipality or area name (folded
 * æ/ø/å, any word order, small typos), best first. An empty box (Teams' initial run) lists the
 * living portfolio, active projects first. Choosing a result inserts the project card.
 */
export async function findProject(turn: Turn, request: FindProjectRequest): Promise<SearchAnswer> {
  const { portfolio: p, network, locale, t } = turn;
  const { text, skip, count } = request;
  const matches = text === '' ? filterProjects(projectsOf(p, network.id), {}) : turn.lookup.searchProjects(p, network.id, text, skip + count);
  const page = matches.slice(skip, skip + count);
  // NOTE: Teams asks again with a larger `skip` as the user scrolls; past the end is an empty list, not a message.
  if (page.length === 0 && skip === 0) return { type: 'message', text: text === '' ? t.search.empty : t.search.noMatch(plain(text)) };
  return { type: 'result', attachments: page.map((project) => renderProjectSearchResult(p, project, locale)) };
}
