import { plain } from '../../cards/escape';
import { renderDecisionList } from '../../cards/decision.card';
import { decisionsFor } from '../../domain/decisions';
import { foldKey } from '../../domain/text';
import { tokenise } from '../../domain/understanding/list-question';
import { relativeYear } from '../../domain/understanding/relative-year';
import { FILLER } from '../../domain/understanding/vocabulary';
import { minutesDownload } from '../minutes';
import { say, show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** Words of a question about decisions that name neither a year, a body nor a project. */
const DECISION_WORDS = new Set(
  'vedtak vedtaka vedtakene decision decisions decide decided decides beslutning beslutninger beslutningene avgjorelse avgjorelser gjort tatt fattet fatta made taken vedtatt decided besluttet bestemt avgjort approved siste nyeste latest recent ble vart blei sak saker case cases'.split(' '),
);
/** A body's name, also in the genitive («programstyrets», «board's»). */
const BODY_WORD = /^(?:programstyre(?:t|ts|s)?|styre(?:t|ts|s)?|styringsgrupp\p{L}*|portefoljestyre(?:t|ts|s)?|ressursgrupp\p{L}*|boards?|programmes?|programs?|steering|resource|groups?)$/u;

/**
 * "vedtak 2026", "vedtak organ:PS", "vedtak prosjekt barnevern", and in words: «hva har
 * programstyret vedtatt i fjor?», «decisions about child welfare». A project or body named but
 * not found is said, never dropped: the list is not shown unfiltered in its place.
 */
export async function decisions(turn: Turn, { filters }: { filters: string }): Promise<Reply> {
  const { t } = turn;
  const yearText = /\b(20\d\d)\b/.exec(filters)?.[1];
  const relative = relativeYear(foldKey(filters).split(' '), turn.now());
  const year = yearText ? Number(yearText) : relative?.year;
  const bodies = turn.portfolio.bodies.filter((b) => b.networkId === turn.network.id);
  const bodyQuery = /(?:organ|body)\s*:\s*(?<b>[^\s]+)/i.exec(filters)?.groups?.b;
  const words = tokenise(filters.replace(/(?:organ|body)\s*:\s*[^\s]+/gi, ' '));
  const namesBoard = words.some((w) => BODY_WORD.test(w));
  const body = bodyQuery
    ? bodies.find((b) => foldKey(b.casePrefix) === foldKey(bodyQuery) || foldKey(b.name).includes(foldKey(bodyQuery)))
    : namesBoard
      ? (bodies.find((b) => words.some((w) => /ressurs|resource/.test(w)) === (b.kind === 'resource_group')) ?? undefined)
      : undefined;
  const explicit = /(?:^|\s)(?:prosjekt|project)\s*(?::\s*)?(?<q>.+)$/i.exec(filters)?.groups?.q;
  const yearWords = new Set(relative?.words ?? []);
  const rest = words.filter((w) => !/^20\d\d$/.test(w) && !DECISION_WORDS.has(w) && !FILLER.has(w) && !BODY_WORD.test(w) && !yearWords.has(w));
  const projectQuery = explicit?.trim() || rest.join(' ');
  let projectId: string | undefined;
  if (projectQuery) {
    const found = turn.lookup.project(turn.portfolio, turn.network.id, projectQuery);
    if (found.kind === 'none') {
      const closest = found.suggestions.length > 0 ? ` ${t.lookup.closest} ${found.suggestions.map((x) => plain(x.title)).join(', ')}.` : '';
      return say(`${t.lookup.notFound(plain(projectQuery))}${closest} ${t.understanding.decisionsExample}`);
    }
    if (found.kind === 'ambiguous') return say(`${t.lookup.didYouMean} ${found.candidates.map((x) => plain(x.title)).join(', ')}`);
    projectId = found.item.id;
  }
  // A body named but not found filters to none: the empty list says so, it is not the whole log.
  const list = decisionsFor(turn.portfolio, turn.network.id, { year, bodyId: bodyQuery ? (body?.id ?? '-') : body?.id, projectId });
  return show(renderDecisionList(list, turn.locale, year));
}

/** "referat 2026": the year's decisions as Markdown minutes, as a download link. */
export async function minutes(turn: Turn, { year }: { year?: number }): Promise<Reply> {
  return minutesDownload(turn, year);
}
