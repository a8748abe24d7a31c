import { renderDecisionList } from '../../cards/decision.card';
import { decisionsFor } from '../../domain/decisions';
import { foldKey } from '../../domain/text';
import { minutesDownload } from '../minutes';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** "vedtak 2026", "vedtak organ:PS", "vedtak prosjekt barnevern": the decision log. */
export async function decisions(turn: Turn, { filters }: { filters: string }): Promise<Reply> {
  const year = /\b(20\d\d)\b/.exec(filters)?.[1];
  const bodyQuery = /(?:organ|body)\s*:\s*(?<b>[^\s]+)/i.exec(filters)?.groups?.b;
  const body = bodyQuery
    ? turn.portfolio.bodies.find((b) => b.networkId === turn.network.id && (foldKey(b.casePrefix) === foldKey(bodyQuery) || foldKey(b.name).includes(foldKey(bodyQuery))))
    : undefined;
  const projectQuery = /(?:prosjekt|project)\s*:?\s*(?<q>.+)$/i.exec(filters)?.groups?.q;
  const project = projectQuery ? turn.lookup.project(turn.portfolio, turn.network.id, projectQuery) : undefined;
  const list = decisionsFor(turn.portfolio, turn.network.id, {
    year: year ? Number(year) : undefined,
    bodyId: bodyQuery ? (body?.id ?? '-') : undefined,
    projectId: project?.kind === 'found' ? project.item.id : undefined,
  });
  return show(renderDecisionList(list, turn.locale, year ? Number(year) : undefined));
}

/** "referat 2026": the year's decisions as Markdown minutes, as a download link. */
export async function minutes(turn: Turn, { year }: { year?: number }): Promise<Reply> {
  return minutesDownload(turn, year);
}
