import type { Locale, Portfolio, Project } from '../domain/schema';
import { organisation } from '../domain/portfolio-queries';
import { messages } from '../i18n';
import type { AdaptiveCard } from './card';
import { plain } from './escape';
import { renderProjectCard } from './project.card';

/**
 * One message-extension search result: a small thumbnail preview in the result list, and the
 * full project card as what goes into the conversation when the user picks it.
 */
export interface ProjectSearchResult {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: AdaptiveCard;
  preview: {
    contentType: 'application/vnd.microsoft.card.thumbnail';
    content: { title: string; text: string };
  };
}

export function renderProjectSearchResult(p: Portfolio, project: Project, locale: Locale): ProjectSearchResult {
  const t = messages(locale);
  const owner = organisation(p, project.ownerOrganisationId)?.name;
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: renderProjectCard(p, project, locale),
    preview: {
      contentType: 'application/vnd.microsoft.card.thumbnail',
      // NOTE: a thumbnail card's text is formatted (a subset of HTML); its title is not.
      content: { title: project.title, text: `${owner === undefined ? t.project.notSet : plain(owner)} · ${t.labels.status[project.status]}` },
    },
  };
}
