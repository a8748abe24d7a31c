import type { DataFor } from '../../cards/actions';
import { personalView, renderProjectCard } from '../../cards/project.card';
import { renderStatusReportForm } from '../../cards/status-report.card';
import { parseForm } from '../../domain/forms';
import { addStatusReport, projectIn, StatusReportForm } from '../../domain/projects';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** "New status report" on the project card: the form, for those who may file one. */
export async function projectReportForm(turn: Turn, data: DataFor<'project.reportForm'>): Promise<Reply> {
  const project = projectIn(turn.portfolio, turn.network.id, data.projectId);
  turn.may('project.report', project);
  return show(renderStatusReportForm(project, {}, {}, turn.locale));
}

/** The status report form was sent. */
export async function projectReport(turn: Turn, data: DataFor<'project.report'>): Promise<Reply> {
  const project = projectIn(turn.portfolio, turn.network.id, String(data.projectId));
  const actor = turn.may('project.report', project);
  const form = parseForm(StatusReportForm, data);
  if (!form.ok) return show(renderStatusReportForm(project, data, form.errors, turn.locale));
  await turn.update((p) => addStatusReport(p, actor, project.id, form.value, turn.newId('report'), turn.now()));
  const p = turn.read();
  const now = projectIn(p, turn.network.id, project.id);
  return show(renderProjectCard(p, now, turn.locale, personalView(actor)), { kind: 'replaceShared', card: renderProjectCard(p, now, turn.network.locale) });
}
