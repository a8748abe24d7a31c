import { plain } from '../../cards/escape';
import { renderOrganisationProjects } from '../../cards/lookup.card';
import { projectsForOrganisation } from '../../domain/portfolio-queries';
import { answerList, namesNoFilter, readQuestion } from '../understanding/list-answer';
import { say, show, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * "hva eier Orkland?" / "prosjekter for Ørland" / "hva driver Levanger med?" → what it owns and
 * takes part in. A question that names more than the organisation («hvilke prosjekter eier
 * Levanger som er i gang») is a filtered list instead.
 */
export async function organisationProjects(turn: Turn, { query }: { query: string }): Promise<Reply> {
  const { t } = turn;
  const q = readQuestion(turn, query);
  const only = q.organisations.length === 1 && q.unused.length === 0 && q.years.length === 0 ? q.organisations[0]!.organisation : undefined;
  if (only && q.statuses.length === 0 && q.areas.length === 0 && !q.horizon && q.leads.length === 0) {
    const projects = projectsForOrganisation(turn.portfolio, only.id);
    if (projects.owns.length === 0 && projects.takesPartIn.length === 0) return say(t.lookup.orgNothing(plain(only.name)));
    return show(renderOrganisationProjects(only, projects, turn.locale));
  }
  if (!namesNoFilter(q) && (q.organisations.length > 0 || q.unused.length === 0)) return answerList(turn, q);
  const found = turn.lookup.organisation(turn.portfolio, turn.network.id, q.unused.join(' ') || query);
  if (found.kind === 'ambiguous') return say(`${t.lookup.didYouMean} ${found.candidates.map((o) => plain(o.name)).join(', ')}`);
  if (found.kind === 'found') return answerList(turn, { ...q, organisations: [{ organisation: found.item, role: 'involved' }], unused: [] });
  const closest = found.suggestions.length > 0 ? ` ${t.lookup.closest} ${found.suggestions.map((o) => plain(o.name)).join(', ')}.` : '';
  return say(t.lookup.orgNotFound(plain(query)) + closest);
}
