import type { Locale, Portfolio, Project, Rag, StatusReport } from '../domain/schema';
import { organisation, person } from '../domain/portfolio-queries';
import { formatNumber, messages } from '../i18n';
import { availableTransitions } from '../domain/projects';
import { Phase } from '../domain/schema';
import { VERB, execute } from './actions';
import { badge, card, facts, heading, paragraph, subheading, type AdaptiveCard } from './card';

const RAG_COLOUR: Record<Rag, string> = { green: 'Good', yellow: 'Warning', red: 'Attention' };
const RAG_DOT: Record<Rag, string> = { green: '🟢', yellow: '🟡', red: '🔴' };
const TREND_LENGTH = 4;

/** The project card: everything a member asks about a project, on one card. */
export function renderProjectCard(p: Portfolio, project: Project, locale: Locale): AdaptiveCard {
  const t = messages(locale);
  const name = (id: string | undefined) => organisation(p, id)?.name ?? t.project.notSet;
  const nok = (n: number) => t.project.nok(formatNumber(n, locale));
  const lead = person(p, project.projectLeadId);
  const participants = project.participantOrganisationIds.map((id) => name(id));
  const period = project.startDate || project.endDate ? `${project.startDate ?? '…'} – ${project.endDate ?? '…'}` : t.project.notSet;

  const body: unknown[] = [heading(project.title)];
  if (project.example) body.push(badge(t.project.example));
  if (project.summary) body.push(paragraph(project.summary, { spacing: 'Small' }));
  body.push(
    facts([
      [t.project.owner, name(project.ownerOrganisationId)],
      [t.project.lead, lead?.name ?? t.project.notSet],
      [t.project.status, t.labels.status[project.status]],
      [t.project.phase, project.phase ? t.labels.phase[project.phase] : t.project.notSet],
      [t.project.horizon, t.labels.horizon[project.horizon]],
      [t.project.area, project.area],
      [t.project.period, period],
      [t.project.budget, project.budgetNok === undefined ? t.project.notSet : nok(project.budgetNok)],
      [t.project.participants, participants.length > 0 ? participants.join(', ') : t.lookup.none],
    ]),
  );
  if (project.financing.length > 0) {
    body.push(subheading(t.project.financing));
    body.push(facts(project.financing.map((f) => [t.labels.financing[f.source], nok(f.amountNok)])));
  }
  if (project.mandate) body.push(subheading(t.project.mandate), paragraph(project.mandate));
  body.push(...renderLatestReport(project.statusReports, locale));
  return card(body, lifecycleActions(project, locale), `${project.title}: ${t.labels.status[project.status]}, ${name(project.ownerOrganisationId)}`);
}

function renderLatestReport(reports: readonly StatusReport[], locale: Locale): unknown[] {
  const t = messages(locale);
  const sorted = [...reports].sort((a, b) => a.date.localeCompare(b.date));
  const latest = sorted.at(-1);
  if (!latest) return [subheading(t.project.latestReport), paragraph(t.project.noReport, { isSubtle: true })];
  const line = (label: string, r: { level: Rag; comment: string }) => ({
    type: 'TextBlock',
    wrap: true,
    spacing: 'Small',
    color: RAG_COLOUR[r.level],
    text: `${RAG_DOT[r.level]} ${label}: ${t.labels.rag[r.level]}${r.comment ? ` – ${r.comment}` : ''}`,
  });
  const trend = sorted.slice(-TREND_LENGTH).map((r) => RAG_DOT[r.overall.level]).join(' → ');
  return [
    subheading(`${t.project.latestReport} (${latest.date})`),
    line(t.project.overall, latest.overall),
    line(t.project.time, latest.time),
    line(t.project.budgetRag, latest.budget),
    line(t.project.quality, latest.quality),
    ...(sorted.length > 1 ? [paragraph(`${t.project.trend}: ${trend}`, { isSubtle: true, spacing: 'Small' })] : []),
  ];
}

/** The lifecycle buttons that fit the project's status; who may press them is checked on the press. */
function lifecycleActions(project: Project, locale: Locale): unknown[] {
  const t = messages(locale);
  const actions: unknown[] = availableTransitions(project.status).map((transition) =>
    execute(t.lifecycle[transition], VERB.projectTransition, { projectId: project.id, transition }, transition === 'withdraw' ? { style: 'destructive' } : {}),
  );
  if (['approved', 'active', 'paused'].includes(project.status)) {
    actions.push(execute(t.lifecycle.report, VERB.projectReportForm, { projectId: project.id }));
    actions.push({
      type: 'Action.ShowCard',
      title: t.lifecycle.setPhase,
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.ChoiceSet',
            id: 'phase',
            style: 'compact',
            value: project.phase ?? '',
            choices: Phase.options.map((ph) => ({ title: t.labels.phase[ph], value: ph })),
          },
        ],
        actions: [execute(t.lifecycle.setPhase, VERB.projectPhase, { projectId: project.id })],
      },
    });
  }
  return actions;
}
