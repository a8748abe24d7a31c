import type { Locale, Organisation, Portfolio, Project } from '../domain/schema';
import { organisation, type OrganisationProjects } from '../domain/portfolio-queries';
import { messages } from '../i18n';
import { VERB, execute } from './actions';
import { card, heading, paragraph, subheading, type AdaptiveCard } from './card';
import { plain } from './escape';

/** "Did you mean …" and "closest matches": one button per project, opening its card. `intro` is the caller's sentence, any user text in it already escaped. */
export function renderProjectChoices(p: Portfolio, intro: string, projects: readonly Project[], locale: Locale): AdaptiveCard {
  const t = messages(locale);
  const actions = projects.map((x) => execute(x.title, VERB.projectShow, { projectId: x.id }));
  const lines = projects.map((x) => `- ${plain(x.title)} (${plain(organisation(p, x.ownerOrganisationId)?.name ?? '?')}, ${t.labels.status[x.status]})`);
  return card([paragraph(intro), paragraph(lines.join('\n'), { isSubtle: true })], actions, `${intro} ${projects.map((x) => x.title).join('; ')}`);
}

/** What one organisation owns and takes part in; each row opens the project's card. */
export function renderOrganisationProjects(org: Organisation, found: OrganisationProjects, locale: Locale): AdaptiveCard {
  const t = messages(locale);
  const rows = (projects: readonly Project[]) =>
    projects.length === 0
      ? [paragraph(t.lookup.none, { isSubtle: true, spacing: 'Small' })]
      : projects.map((x) => ({
          type: 'Container',
          spacing: 'Small',
          selectAction: { type: 'Action.Execute', verb: VERB.projectShow, data: { projectId: x.id }, title: x.title },
          items: [paragraph(`**${plain(x.title)}** · ${t.labels.status[x.status]} · ${plain(x.area)}`)],
        }));
  return card(
    [heading(t.lookup.orgTitle(plain(org.name))), subheading(t.lookup.owns), ...rows(found.owns), subheading(t.lookup.takesPartIn), ...rows(found.takesPartIn)],
    [],
    t.lookup.orgTitle(org.name),
  );
}

export function renderHelpCard(locale: Locale): AdaptiveCard {
  const t = messages(locale).help;
  return card(
    [
      heading(t.title),
      paragraph(t.intro),
      {
        type: 'FactSet',
        facts: t.examples.map(([example, meaning]) => ({ title: `«${example}»`, value: meaning })),
      },
      paragraph(t.askTitle),
      { type: 'FactSet', facts: t.questions.map(([question, meaning]) => ({ title: `«${question}»`, value: meaning })) },
      paragraph(t.channelTip, { isSubtle: true }),
    ],
    [],
    `${t.title}: ${t.examples.map(([e]) => e).join(', ')}`,
  );
}
