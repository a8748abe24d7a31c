import type { TurnContext } from 'botbuilder';
import { organisation, person } from '../../domain/portfolio-queries';
import type { Turn } from '../turn';
import { resolveProject } from './resolve-project';

/** "hvem eier felles sak-/arkivsystem?" → who owns it, who leads it, and where it stands. */
export async function whoOwns(context: TurnContext, turn: Turn, query: string): Promise<void> {
  const project = await resolveProject(context, turn, query);
  if (!project) return;
  const { t, portfolio } = turn;
  const owner = organisation(portfolio, project.ownerOrganisationId)?.name ?? '?';
  const lead = person(portfolio, project.projectLeadId);
  const lines = [t.lookup.ownedBy(project.title, owner)];
  if (lead) lines.push(t.lookup.leadIs(lead.name));
  lines.push(t.lookup.statusIs(t.labels.status[project.status]));
  await context.sendActivity(lines.join(' '));
}
