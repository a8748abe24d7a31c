import type { TurnContext } from 'botbuilder';
import { renderOrganisationProjects } from '../../cards/lookup.card';
import { projectsForOrganisation } from '../../domain/portfolio-queries';
import { sendCard, type Turn } from '../turn';

/** "hva eier Orkland?" / "prosjekter for Ørland" → what it owns and takes part in. */
export async function organisationProjects(context: TurnContext, turn: Turn, query: string): Promise<void> {
  const { t } = turn;
  const found = turn.deps.lookup.organisation(turn.portfolio, turn.network.id, query);
  if (found.kind === 'ambiguous') {
    await context.sendActivity(`${t.lookup.didYouMean} ${found.candidates.map((o) => o.name).join(', ')}`);
    return;
  }
  if (found.kind === 'none') {
    const closest = found.suggestions.length > 0 ? ` ${t.lookup.closest} ${found.suggestions.map((o) => o.name).join(', ')}.` : '';
    await context.sendActivity(t.lookup.orgNotFound(query) + closest);
    return;
  }
  const org = found.item;
  const projects = projectsForOrganisation(turn.portfolio, org.id);
  if (projects.owns.length === 0 && projects.takesPartIn.length === 0) {
    await context.sendActivity(t.lookup.orgNothing(org.name));
    return;
  }
  await sendCard(context, renderOrganisationProjects(org, projects, turn.locale));
}
