import { boardWordOf } from '../domain/body-terms';
import type { Locale, Portfolio, Project, Rag, StatusReport } from '../domain/schema';
import { organisation, person } from '../domain/portfolio-queries';
import { formatNumber, messages } from '../i18n';
import { may, type Actor } from '../domain/people';
import { availableTransitions, transitionPermission, type ManualTransition } from '../domain/projects';
import { Phase } from '../domain/schema';
import { VERB, confirmFirst, execute } from './actions';
import { badge, card, facts, heading, paragraph, subheading, type AdaptiveCard } from './card';
import { plain } from './escape';

// Yellow text on white fails WCAG AA (Teams' warning colour is about 2:1); the words carry the status, the dot and colour only repeat it.
const RAG_COLOUR: Record<Rag, string> = { green: 'Good', yellow: 'Default', red: 'Attention' };
const RAG_DOT: Record<Rag, string> = { green: '🟢', yellow: '🟡', red: '🔴' };
const TREND_LENGTH = 4;

/** Universal Actions refresh at most this many users' views automatically. */
const MAX_REFRESH_USERS = 60;
/** Transitions that cannot be undone: asked for twice, and never the first button. */
const DESTRUCTIVE: readonly ManualTransition[] = ['withdraw', 'complete'];

/**
 * Who looks at the card. `shared` (the default) is the card everyone in a conversation sees: no
 * buttons that change anything, only «Vis mine valg», and a refresh so each viewer's Teams asks
 * for their own view (project.show). A personal view shows the buttons the viewer may press, and
 * why not where they may press none; it never carries a refresh (teams-ai would then send it to
 * everyone, see poll.card.ts).
 */
export type ProjectView = { shared: true } | { shared: false; viewer: Actor | undefined };
export const SHARED: ProjectView = { shared: true };
export const personalView = (viewer: Actor | undefined): ProjectView => ({ shared: false, viewer });

/** The project card: everything a member asks about a project, on one card. */
export function renderProjectCard(p: Portfolio, project: Project, locale: Locale, view: ProjectView = SHARED): AdaptiveCard {
  const board = boardWordOf(p, project.networkId);
  const t = messages(locale, board);
  const name = (id: string | undefined) => {
    const found = organisation(p, id)?.name;
    return found === undefined ? t.project.notSet : plain(found);
  };
  const nok = (n: number) => t.project.nok(formatNumber(n, locale));
  const lead = person(p, project.projectLeadId);
  const participants = project.participantOrganisationIds.map((id) => name(id));
  const period = project.startDate || project.endDate ? `${project.startDate ?? '…'} – ${project.endDate ?? '…'}` : t.project.notSet;

  const body: unknown[] = [heading(plain(project.title))];
  if (project.example) body.push(badge(t.project.example));
  if (project.summary) body.push(paragraph(plain(project.summary), { spacing: 'Small' }));
  body.push(
    facts([
      [t.project.owner, name(project.ownerOrganisationId)],
      [t.project.lead, lead ? plain(lead.name) : t.project.notSet],
      [t.project.status, t.labels.status[project.status]],
      [t.project.phase, project.phase ? t.labels.phase[project.phase] : t.project.notSet],
      [t.project.horizon, t.labels.horizon[project.horizon]],
      [t.project.area, plain(project.area)],
      [t.project.period, period],
      [t.project.budget, project.budgetNok === undefined ? t.project.notSet : nok(project.budgetNok)],
      [t.project.participants, participants.length > 0 ? participants.join(', ') : t.lookup.none],
    ]),
  );
  if (project.financing.length > 0) {
    body.push(subheading(t.project.financing));
    body.push(facts(project.financing.map((f) => [t.labels.financing[f.source], nok(f.amountNok)])));
  }
  if (project.mandate) body.push(subheading(t.project.mandate), paragraph(plain(project.mandate)));
  body.push(...renderLatestReport(project.statusReports, locale));
  const owner = organisation(p, project.ownerOrganisationId)?.name ?? t.project.notSet;
  const fallback = `${project.title}: ${t.labels.status[project.status]}, ${owner}`;
  if (view.shared) {
    const show = execute(t.lifecycle.showMine, VERB.projectShow, { projectId: project.id });
    const result = card(body, [show], fallback);
    const userIds = whoMayAct(p, project);
    if (userIds.length > 0) result.refresh = { action: show, userIds };
    return result;
  }
  const { actions, reasons } = lifecycleActions(project, view.viewer, locale, board);
  for (const reason of reasons) body.push(paragraph(reason, { isSubtle: true, spacing: 'Small' }));
  return card(body, actions, fallback);
}

/** Those whose own view differs from the shared one: the secretariat, the owner organisation, the lead, the proposer (at most 60). */
function whoMayAct(p: Portfolio, project: Project): string[] {
  return p.people
    .filter((x) => x.networkId === project.networkId && x.aadObjectId)
    .filter((x) => x.roles.some((r) => r === 'secretariat' || r === 'admin') || (x.organisationId !== undefined && x.organisationId === project.ownerOrganisationId) || x.id === project.projectLeadId || x.id === project.createdBy)
    .flatMap((x) => x.aadObjectId ?? [])
    .slice(0, MAX_REFRESH_USERS);
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
    text: `${RAG_DOT[r.level]} ${label}: ${t.labels.rag[r.level]}${r.comment ? ` – ${plain(r.comment)}` : ''}`,
  });
  const trend = sorted.slice(-TREND_LENGTH).map((r) => `${RAG_DOT[r.overall.level]} ${t.labels.rag[r.overall.level]}`).join(' → ');
  return [
    subheading(`${t.project.latestReport} (${latest.date})`),
    line(t.project.overall, latest.overall),
    line(t.project.time, latest.time),
    line(t.project.budgetRag, latest.budget),
    line(t.project.quality, latest.quality),
    ...(sorted.length > 1 ? [paragraph(`${t.project.trend}: ${trend}`, { isSubtle: true, spacing: 'Small' })] : []),
  ];
}

/**
 * The lifecycle buttons that fit the project's status and that the viewer may press (the press is
 * checked again); where the status offers buttons the viewer may not press, the refusal's sentence.
 */
function lifecycleActions(project: Project, viewer: Actor | undefined, locale: Locale, board: string | undefined): { actions: unknown[]; reasons: string[] } {
  const t = messages(locale, board);
  const allowed = (permission: Parameters<typeof may>[1]) => viewer !== undefined && may(viewer, permission, project);
  const denied = new Set<string>();
  const plainActions: unknown[] = [];
  const destructive: unknown[] = [];
  for (const transition of availableTransitions(project.status)) {
    const permission = transitionPermission(transition);
    if (!allowed(permission)) {
      denied.add(t.denied[permission]);
      continue;
    }
    const action = execute(t.lifecycle[transition], VERB.projectTransition, { projectId: project.id, transition });
    if (DESTRUCTIVE.includes(transition)) destructive.push(confirmFirst(action, t.lifecycle.areYouSure));
    else plainActions.push(action);
  }
  if (['approved', 'active', 'paused'].includes(project.status)) {
    if (allowed('project.report')) plainActions.push(execute(t.lifecycle.report, VERB.projectReportForm, { projectId: project.id }));
    else denied.add(t.denied['project.report']);
    if (allowed('project.progress')) plainActions.push(phaseAction(project, locale));
  }
  return { actions: [...plainActions, ...destructive], reasons: [...denied] };
}

function phaseAction(project: Project, locale: Locale): unknown {
  const t = messages(locale);
  return {
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
  };
}
