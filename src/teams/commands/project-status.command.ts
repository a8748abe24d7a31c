import { plain } from '../../cards/escape';
import { organisation } from '../../domain/portfolio-queries';
import type { ProjectStatus } from '../../domain/schema';
import { foldKey } from '../../domain/text';
import { STATUS_WORDS } from '../../domain/understanding/vocabulary';
import { say, type Reply } from '../reply';
import type { Turn } from '../turn';
import { organisationProjects } from './organisation-projects.command';
import { resolveProject } from './resolve-project';

/** A status that has been passed on the way to another: an active project has been approved. */
const REACHED: Partial<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  approved: ['approved', 'active', 'paused', 'completed'],
  active: ['active'],
  proposed: ['proposed', 'under_consideration'],
};

/**
 * «hvordan går det med barnevern?», «hvor står logganalysen?», «er barnevern vedtatt?» → the
 * status, phase and latest report in one sentence; a yes/no question gets its yes or no first.
 * A name that is an organisation, not a project («hvordan går det med Orkland?»), gets what it owns.
 */
export async function projectStatus(turn: Turn, { query, asked }: { query: string; asked?: string }): Promise<Reply> {
  const { t, portfolio } = turn;
  const u = t.understanding;
  const probe = turn.lookup.project(portfolio, turn.network.id, query);
  if (probe.kind === 'none' && turn.lookup.organisation(portfolio, turn.network.id, query).kind === 'found') return organisationProjects(turn, { query });
  const found = resolveProject(turn, query);
  if ('reply' in found) return found.reply;
  const { project } = found;
  const owner = organisation(portfolio, project.ownerOrganisationId)?.name ?? '?';
  const lines: string[] = [];
  const askedStatus = asked ? STATUS_WORDS.find(([w]) => w === foldKey(asked))?.[1] : undefined;
  if (askedStatus) lines.push((REACHED[askedStatus] ?? [askedStatus]).includes(project.status) ? u.yes : u.no);
  lines.push(u.statusOf(plain(project.title), plain(owner), t.labels.status[project.status]));
  if (project.phase) lines.push(u.phaseIs(t.labels.phase[project.phase]));
  const report = project.statusReports.at(-1);
  lines.push(report ? u.latestReport(report.date, t.labels.rag[report.overall.level].toLowerCase()) : u.noReport);
  return say(lines.join(' '));
}
