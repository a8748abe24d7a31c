import { plain } from '../../cards/escape';
import { organisation, person } from '../../domain/portfolio-queries';
import { say, type Reply } from '../reply';
import type { Turn } from '../turn';
import { resolveProject } from './resolve-project';

/** "hvem eier felles sak-/arkivsystem?" → who owns it, who leads it, and where it stands. */
export async function whoOwns(turn: Turn, { query }: { query: string }): Promise<Reply> {
  const found = resolveProject(turn, query);
  if ('reply' in found) return found.reply;
  const { t, portfolio } = turn;
  const { project } = found;
  const owner = organisation(portfolio, project.ownerOrganisationId)?.name ?? '?';
  const lead = person(portfolio, project.projectLeadId);
  const lines = [t.lookup.ownedBy(plain(project.title), plain(owner))];
  if (lead) lines.push(t.lookup.leadIs(plain(lead.name)));
  lines.push(t.lookup.statusIs(t.labels.status[project.status]));
  return say(lines.join(' '));
}
