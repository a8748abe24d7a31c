import { z } from 'zod/v4';
import { withChosenArea } from './areas';
import { DomainError } from './errors';
import { idList, isDuplicateTitle, optionalDate, optionalText, parseForm, requiredText, wholeNok, withContext, type FieldErrors, type FormResult } from './forms';
import type { Mutation } from './mutation';
import { assertMay, type Actor, type Permission } from './people';
import { FinancingSource, Horizon, Phase, Rag, type Portfolio, type Project, type ProjectStatus, type StatusReport } from './schema';
import { osloDate } from './time';

/** The proposal form; each financing source has its own amount field. */
export const ProposalForm = z.object({
  title: requiredText(200),
  summary: optionalText(4000, { multiline: true }),
  ownerOrganisationId: requiredText(100),
  projectLeadId: optionalText(100),
  participantOrganisationIds: idList,
  area: requiredText(100),
  horizon: Horizon,
  mandate: optionalText(8000, { multiline: true }),
  budgetNok: wholeNok,
  ...Object.fromEntries(FinancingSource.options.map((s) => [`financing_${s}`, wholeNok])),
  financingMayExceedBudget: z.preprocess((v) => v === true || v === 'true', z.boolean()),
  startDate: optionalDate,
  endDate: optionalDate,
  initiativeId: optionalText(100),
});
export type ProposalInput = z.infer<typeof ProposalForm> & Partial<Record<`financing_${FinancingSource}`, number | undefined>>;

export function validateProposal(p: Portfolio, networkId: string, data: Record<string, unknown>): FormResult<ProposalInput> {
  return withChosenArea(p, networkId, data, (d) => validateListedProposal(p, networkId, d));
}

function validateListedProposal(p: Portfolio, networkId: string, data: Record<string, unknown>): FormResult<ProposalInput> {
  const parsed = parseForm(ProposalForm, data) as FormResult<ProposalInput>;
  const raw = (k: string) => (typeof data[k] === 'string' ? (data[k] as string).trim() : '');
  const context: FieldErrors = {};
  const member = (id: string) => p.organisations.some((o) => o.id === id && o.networkId === networkId);
  if (raw('ownerOrganisationId') && !member(raw('ownerOrganisationId'))) context.ownerOrganisationId = 'notMember';
  const participants = raw('participantOrganisationIds').split(',').map((s) => s.trim()).filter(Boolean);
  if (!participants.every(member)) context.participantOrganisationIds = 'notMember';
  if (raw('projectLeadId') && !p.people.some((x) => x.id === raw('projectLeadId') && x.networkId === networkId)) context.projectLeadId = 'invalid';
  if (raw('startDate') && raw('endDate') && raw('endDate') <= raw('startDate')) context.endDate = 'endBeforeStart';
  const titles = p.projects.filter((x) => x.networkId === networkId).map((x) => x.title);
  if (isDuplicateTitle(data.title, 200, titles)) context.title = 'duplicateProject';
  if (parsed.ok) {
    const v = parsed.value;
    const financed = financingOf(v).reduce((sum, f) => sum + f.amountNok, 0);
    if (!v.financingMayExceedBudget && financed > (v.budgetNok ?? 0)) context.financing = 'financingExceedsBudget';
  }
  return withContext(parsed, context);
}

const financingOf = (v: ProposalInput) =>
  FinancingSource.options.flatMap((source) => {
    const amountNok = v[`financing_${source}`];
    return amountNok ? [{ source, amountNok }] : [];
  });

export function proposeProject(p: Portfolio, actor: Actor, v: ProposalInput, id: string, now: Date): Mutation<Project> {
  assertMay(actor, 'project.propose');
  if (v.initiativeId) {
    // A stale form, or a press sent again, must not make a second project of one initiative.
    const initiative = p.initiatives.find((i) => i.id === v.initiativeId && i.networkId === actor.networkId);
    if (!initiative) throw new DomainError('INITIATIVE.NOT_FOUND', { initiativeId: v.initiativeId });
    if (initiative.status !== 'open' || initiative.projectId) throw new DomainError('INITIATIVE.ALREADY_PROPOSED', { initiativeId: v.initiativeId });
  }
  const at = now.toISOString();
  const project: Project = {
    id,
    networkId: actor.networkId,
    title: v.title,
    summary: v.summary ?? '',
    ownerOrganisationId: v.ownerOrganisationId,
    projectLeadId: v.projectLeadId,
    participantOrganisationIds: [...new Set([v.ownerOrganisationId, ...v.participantOrganisationIds])],
    area: v.area,
    horizon: v.horizon,
    status: 'proposed',
    phase: 'idea',
    mandate: v.mandate ?? '',
    budgetNok: v.budgetNok,
    financing: financingOf(v),
    financingMayExceedBudget: v.financingMayExceedBudget,
    startDate: v.startDate,
    endDate: v.endDate,
    statusReports: [],
    history: [{ at, by: actor.personId, change: 'created', to: 'proposed' }],
    initiativeId: v.initiativeId,
    createdBy: actor.personId,
    createdAt: at,
    example: false,
  };
  const initiatives = v.initiativeId
    ? p.initiatives.map((i) => (i.id === v.initiativeId && i.networkId === actor.networkId ? { ...i, status: 'proposed' as const, projectId: id } : i))
    : p.initiatives;
  return { next: { ...p, projects: [...p.projects, project], initiatives }, result: project };
}

/**
 * The lifecycle, in the users' words: foreslått → til behandling → vedtatt → i gang → avsluttet,
 * or avvist / trukket / satt på vent. Approval and rejection come only from a board decision.
 */
export type ManualTransition = 'withdraw' | 'submit' | 'start' | 'complete' | 'pause' | 'resume';

const TRANSITIONS: Record<ManualTransition, { from: ProjectStatus[]; to: ProjectStatus; permission: Permission }> = {
  withdraw: { from: ['proposed', 'under_consideration'], to: 'withdrawn', permission: 'project.withdraw' },
  submit: { from: ['proposed'], to: 'under_consideration', permission: 'project.submit' },
  start: { from: ['approved'], to: 'active', permission: 'project.progress' },
  complete: { from: ['active'], to: 'completed', permission: 'project.progress' },
  pause: { from: ['approved', 'active'], to: 'paused', permission: 'project.progress' },
  resume: { from: ['paused'], to: 'active', permission: 'project.progress' },
};

export const availableTransitions = (status: ProjectStatus): ManualTransition[] =>
  (Object.keys(TRANSITIONS) as ManualTransition[]).filter((t) => TRANSITIONS[t].from.includes(status));

/** The permission a transition needs, so a card shows only the buttons its viewer may press. */
export const transitionPermission = (transition: ManualTransition): Permission => TRANSITIONS[transition].permission;

export function projectIn(p: Portfolio, networkId: string, id: string): Project {
  const found = p.projects.find((x) => x.id === id && x.networkId === networkId);
  if (!found) throw new DomainError('PROJECT.NOT_FOUND');
  return found;
}

function replace(p: Portfolio, current: Project, next: Project): Portfolio {
  return { ...p, projects: p.projects.map((x) => (x === current ? next : x)) };
}

export function transitionProject(p: Portfolio, actor: Actor, projectId: string, transition: ManualTransition, now: Date): Mutation<Project> {
  const current = projectIn(p, actor.networkId, projectId);
  const rule = TRANSITIONS[transition];
  assertMay(actor, rule.permission, current);
  if (!rule.from.includes(current.status)) throw new DomainError('PROJECT.TRANSITION_NOT_ALLOWED', { from: current.status, to: rule.to });
  return changeStatus(p, current, rule.to, actor.personId, now);
}

/** Status changes decided by the board (approve, reject, send back); `by` is the decision's author. */
export function decideProject(p: Portfolio, projectId: string, to: 'approved' | 'rejected' | 'proposed', by: string, now: Date): Mutation<Project> {
  const current = p.projects.find((x) => x.id === projectId);
  if (!current) throw new DomainError('PROJECT.NOT_FOUND');
  if (current.status !== 'under_consideration') throw new DomainError('PROJECT.TRANSITION_NOT_ALLOWED', { from: current.status, to });
  return changeStatus(p, current, to, by, now);
}

function changeStatus(p: Portfolio, current: Project, to: ProjectStatus, by: string, now: Date): Mutation<Project> {
  const next: Project = {
    ...current,
    status: to,
    phase: to === 'active' && (current.phase === 'idea' || current.phase === 'concept' || !current.phase) ? 'planning' : current.phase,
    history: [...current.history, { at: now.toISOString(), by, change: 'status', from: current.status, to }],
  };
  return { next: replace(p, current, next), result: next };
}

export function setPhase(p: Portfolio, actor: Actor, projectId: string, phase: Phase, now: Date): Mutation<Project> {
  const current = projectIn(p, actor.networkId, projectId);
  assertMay(actor, 'project.progress', current);
  if (!['approved', 'active', 'paused'].includes(current.status)) throw new DomainError('PROJECT.TRANSITION_NOT_ALLOWED', { from: current.status, to: phase });
  if (current.phase === phase) return { next: p, result: current };
  const next: Project = { ...current, phase, history: [...current.history, { at: now.toISOString(), by: actor.personId, change: 'phase', from: current.phase, to: phase }] };
  return { next: replace(p, current, next), result: next };
}

const RagField = z.object({ level: Rag, comment: optionalText(2000, { multiline: true }).transform((s) => s ?? '') });

export const StatusReportForm = z.object({
  overall: Rag,
  overallComment: optionalText(2000, { multiline: true }),
  time: Rag,
  timeComment: optionalText(2000, { multiline: true }),
  budget: Rag,
  budgetComment: optionalText(2000, { multiline: true }),
  quality: Rag,
  qualityComment: optionalText(2000, { multiline: true }),
});
export type StatusReportInput = z.infer<typeof StatusReportForm>;

export function addStatusReport(p: Portfolio, actor: Actor, projectId: string, v: StatusReportInput, id: string, now: Date): Mutation<StatusReport> {
  const current = projectIn(p, actor.networkId, projectId);
  assertMay(actor, 'project.report', current);
  const part = (level: Rag, comment?: string) => RagField.parse({ level, comment });
  const report: StatusReport = {
    id,
    date: osloDate(now),
    overall: part(v.overall, v.overallComment),
    time: part(v.time, v.timeComment),
    budget: part(v.budget, v.budgetComment),
    quality: part(v.quality, v.qualityComment),
    reportedBy: actor.personId,
  };
  const next: Project = {
    ...current,
    statusReports: [...current.statusReports, report],
    history: [...current.history, { at: now.toISOString(), by: actor.personId, change: 'status_report', to: v.overall }],
  };
  return { next: replace(p, current, next), result: report };
}
