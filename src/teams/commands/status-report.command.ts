import type { TurnContext } from 'botbuilder';
import { renderStatusReportForm } from '../../cards/status-report.card';
import { requirePermission } from '../actor';
import { sendCard, type Turn } from '../turn';
import { resolveProject } from './resolve-project';

/** "statusrapport barnevern" → the status report form, for those who may file one. */
export async function statusReportForm(context: TurnContext, turn: Turn, query: string): Promise<void> {
  const project = await resolveProject(context, turn, query);
  if (!project) return;
  requirePermission(context, turn, 'project.report', project);
  await sendCard(context, renderStatusReportForm(project, {}, {}, turn.locale));
}
