import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import { renderProjectCard } from '../../cards/project.card';
import { renderStatusReportForm } from '../../cards/status-report.card';
import { parseForm } from '../../domain/forms';
import { addStatusReport, projectIn, StatusReportForm } from '../../domain/projects';
import { requirePermission } from '../actor';
import { replaceForAll, type Turn } from '../turn';

/** "New status report" on the project card: the form, for those who may file one. */
export async function projectReportForm(context: TurnContext, turn: Turn, data: DataFor<'project.reportForm'>) {
  const project = projectIn(turn.portfolio, turn.network.id, data.projectId);
  requirePermission(context, turn, 'project.report', project);
  return renderStatusReportForm(project, {}, {}, turn.locale);
}

/** The status report form was sent. */
export async function projectReport(context: TurnContext, turn: Turn, data: DataFor<'project.report'>) {
  const project = projectIn(turn.portfolio, turn.network.id, String(data.projectId));
  const actor = requirePermission(context, turn, 'project.report', project);
  const form = parseForm(StatusReportForm, data);
  if (!form.ok) return renderStatusReportForm(project, data, form.errors, turn.locale);
  const { deps, locale } = turn;
  await deps.store.update((p) => addStatusReport(p, actor, project.id, form.value, deps.newId('report'), deps.clock()));
  const p = deps.store.read();
  const card = renderProjectCard(p, projectIn(p, turn.network.id, project.id), locale);
  await replaceForAll(context, card, deps);
  return card;
}
