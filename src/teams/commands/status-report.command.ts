import { renderStatusReportForm } from '../../cards/status-report.card';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';
import { resolveProject } from './resolve-project';

/** "statusrapport barnevern" → the status report form, for those who may file one. */
export async function statusReportForm(turn: Turn, { query }: { query: string }): Promise<Reply> {
  const found = resolveProject(turn, query);
  if ('reply' in found) return found.reply;
  turn.may('project.report', found.project);
  return show(renderStatusReportForm(found.project, {}, {}, turn.locale));
}
