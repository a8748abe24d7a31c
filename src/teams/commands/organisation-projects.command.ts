import { renderOrganisationProjects } from '../../cards/lookup.card';
import { projectsForOrganisation } from '../../domain/portfolio-queries';
import { say, show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** "hva eier Orkland?" / "prosjekter for Ørland" → what it owns and takes part in. */
export async function organisationProjects(turn: Turn, { query }: { query: string }): Promise<Reply> {
  const { t } = turn;
  const found = turn.lookup.organisation(turn.portfolio, turn.network.id, query);
  if (found.kind === 'ambiguous') return say(`${t.lookup.didYouMean} ${found.candidates.map((o) => o.name).join(', ')}`);
  if (found.kind === 'none') {
    const closest = found.suggestions.length > 0 ? ` ${t.lookup.closest} ${found.suggestions.map((o) => o.name).join(', ')}.` : '';
    return say(t.lookup.orgNotFound(query) + closest);
  }
  const org = found.item;
  const projects = projectsForOrganisation(turn.portfolio, org.id);
  if (projects.owns.length === 0 && projects.takesPartIn.length === 0) return say(t.lookup.orgNothing(org.name));
  return show(renderOrganisationProjects(org, projects, turn.locale));
}
