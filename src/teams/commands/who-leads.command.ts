import { plain } from '../../cards/escape';
import { organisation, person } from '../../domain/portfolio-queries';
import { say, type Reply } from '../reply';
import type { Turn } from '../turn';
import { resolveProject } from './resolve-project';

/** «hvem leder barnevernsprosjektet?», «who is the project lead for logganalyse?» → the project lead and their organisation. */
export async function whoLeads(turn: Turn, { query }: { query: string }): Promise<Reply> {
  const found = resolveProject(turn, query);
  if ('reply' in found) return found.reply;
  const { t, portfolio } = turn;
  const { project } = found;
  const lead = person(portfolio, project.projectLeadId);
  if (!lead) return say(t.understanding.noLead(plain(project.title)));
  const org = organisation(portfolio, lead.organisationId)?.name ?? '';
  return say(`${t.understanding.leadIs(plain(project.title), plain(lead.name), plain(org))} ${t.lookup.statusIs(t.labels.status[project.status])}`);
}
