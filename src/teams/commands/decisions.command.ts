import type { TurnContext } from 'botbuilder';
import { minutesLabels, renderDecisionList } from '../../cards/decision.card';
import { decisionsFor, minutesMarkdown } from '../../domain/decisions';
import { foldKey } from '../../domain/text';
import { sendCard, type Turn } from '../turn';

/** "vedtak 2026", "vedtak organ:PS", "vedtak prosjekt barnevern": the decision log. */
export async function decisions(context: TurnContext, turn: Turn, filters: string): Promise<void> {
  const year = /\b(20\d\d)\b/.exec(filters)?.[1];
  const bodyQuery = /(?:organ|body)\s*:\s*(?<b>[^\s]+)/i.exec(filters)?.groups?.b;
  const body = bodyQuery
    ? turn.portfolio.bodies.find((b) => b.networkId === turn.network.id && (foldKey(b.casePrefix) === foldKey(bodyQuery) || foldKey(b.name).includes(foldKey(bodyQuery))))
    : undefined;
  const projectQuery = /(?:prosjekt|project)\s*:?\s*(?<q>.+)$/i.exec(filters)?.groups?.q;
  const project = projectQuery ? turn.deps.lookup.project(turn.portfolio, turn.network.id, projectQuery) : undefined;
  const list = decisionsFor(turn.portfolio, turn.network.id, {
    year: year ? Number(year) : undefined,
    bodyId: bodyQuery ? (body?.id ?? '-') : undefined,
    projectId: project?.kind === 'found' ? project.item.id : undefined,
  });
  await sendCard(context, renderDecisionList(list, turn.locale, year ? Number(year) : undefined));
}

/** "referat 2026": the year's decisions as Markdown minutes, as a download link. */
export async function minutes(context: TurnContext, turn: Turn, year?: number): Promise<void> {
  const list = decisionsFor(turn.portfolio, turn.network.id, { year });
  const markdown = minutesMarkdown(turn.portfolio, list, minutesLabels(turn.locale, turn.network.name, year));
  const link = turn.deps.exports.put({ name: `referat-${turn.network.id}${year ? `-${year}` : ''}.md`, contentType: 'text/markdown; charset=utf-8', body: markdown });
  await context.sendActivity(turn.t.poll.exportReady(link));
}
