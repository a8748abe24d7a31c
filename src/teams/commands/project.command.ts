import type { TurnContext } from 'botbuilder';
import { renderProjectCard } from '../../cards/project.card';
import { sendCard, type Turn } from '../turn';
import { resolveProject } from './resolve-project';

/** "prosjekt barnevern" → the project card. */
export async function showProject(context: TurnContext, turn: Turn, query: string): Promise<void> {
  const project = await resolveProject(context, turn, query);
  if (project) await sendCard(context, renderProjectCard(turn.portfolio, project, turn.locale));
}
