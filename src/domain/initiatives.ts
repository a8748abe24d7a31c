import { withChosenArea } from './areas';
import { z } from 'zod/v4';
import { DomainError } from './errors';
import { isDuplicateTitle, optionalText, parseForm, requiredText, withContext, type FieldErrors, type FormResult } from './forms';
import type { Mutation } from './mutation';
import { assertMay, may, type Actor } from './people';
import { Horizon, InitiativeLevel, type Initiative, type Portfolio } from './schema';
import { foldKey, normaliseText } from './text';

/** The share-an-initiative form, as the card submits it. */
export const InitiativeForm = z.object({
  title: requiredText(200),
  description: optionalText(4000, { multiline: true }),
  level: InitiativeLevel,
  sourceOrganisationId: optionalText(100),
  sourceName: optionalText(200),
  area: requiredText(100),
  horizon: z.preprocess((v) => (v === '' ? undefined : v), Horizon.optional()),
  link: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' && v.length <= 4000 ? normaliseText(v).trim() : v), z.url({ protocol: /^https?$/ }).max(2000).optional()),
  tags: z.preprocess(
    (v) => (typeof v === 'string' ? (v.length <= 2000 ? v.split(/[,;]/).map((s) => normaliseText(s).trim()).filter(Boolean) : [v]) : (v ?? [])),
    z.array(z.string().min(1).max(50)).max(20),
  ),
});
export type InitiativeInput = z.infer<typeof InitiativeForm>;

/** Parses the form and checks it against the network: its areas and its organisations. */
export function validateInitiative(p: Portfolio, networkId: string, data: Record<string, unknown>): FormResult<InitiativeInput> {
  return withChosenArea(p, networkId, data, (d) => validateListedInitiative(p, networkId, d));
}

function validateListedInitiative(p: Portfolio, networkId: string, data: Record<string, unknown>): FormResult<InitiativeInput> {
  const parsed = parseForm(InitiativeForm, data);
  const context: FieldErrors = {};
  const source = typeof data.sourceOrganisationId === 'string' ? data.sourceOrganisationId.trim() : '';
  if (source && !p.organisations.some((o) => o.id === source)) context.sourceOrganisationId = 'notMember';
  const titles = p.initiatives.filter((i) => i.networkId === networkId).map((i) => i.title);
  if (isDuplicateTitle(data.title, 200, titles)) context.title = 'duplicateInitiative';
  return withContext(parsed, context);
}

export function shareInitiative(p: Portfolio, actor: Actor, input: InitiativeInput, id: string, now: Date): Mutation<Initiative> {
  assertMay(actor, 'initiative.share');
  const initiative: Initiative = {
    id,
    networkId: actor.networkId,
    ...input,
    description: input.description ?? '',
    status: 'open',
    interest: [],
    createdBy: actor.personId,
    createdAt: now.toISOString(),
    example: false,
  };
  return { next: { ...p, initiatives: [...p.initiatives, initiative] }, result: initiative };
}

export function initiativeIn(p: Portfolio, networkId: string, id: string): Initiative {
  const found = p.initiatives.find((i) => i.id === id && i.networkId === networkId);
  if (!found) throw new DomainError('INITIATIVE.NOT_FOUND');
  return found;
}

/**
 * "We want in": one mark per organisation; pressing again takes the organisation's mark away.
 * Someone whose organisation is not confirmed (yet) marks interest in their own name only: a mark
 * without an organisation, which speaks for no one else. Once confirmed, their press marks the
 * organisation and their own mark gives way to it.
 */
export function toggleInterest(p: Portfolio, actor: Actor, initiativeId: string, now: Date): Mutation<{ initiative: Initiative; interested: boolean }> {
  const current = initiativeIn(p, actor.networkId, initiativeId);
  const org = may(actor, 'initiative.interest') ? actor.organisationId : undefined;
  const own = (m: Initiative['interest'][number]) => m.organisationId === undefined && m.personId === actor.personId;
  const mine = org ? (m: Initiative['interest'][number]) => m.organisationId === org : own;
  const had = current.interest.some(mine);
  const interest = had
    ? current.interest.filter((m) => !mine(m) && !own(m))
    : [...current.interest.filter((m) => !own(m)), { ...(org ? { organisationId: org } : {}), personId: actor.personId, at: now.toISOString() }];
  const initiative = { ...current, interest };
  return {
    next: { ...p, initiatives: p.initiatives.map((i) => (i === current ? initiative : i)) },
    result: { initiative, interested: !had },
  };
}

export interface InitiativeFilter {
  level?: Initiative['level'];
  area?: string;
  organisationId?: string;
  status?: Initiative['status'];
  text?: string;
}

export function filterInitiatives(p: Portfolio, networkId: string, f: InitiativeFilter): Initiative[] {
  const words = f.text ? foldKey(f.text).split(' ').filter(Boolean) : [];
  return p.initiatives
    .filter((i) => i.networkId === networkId)
    .filter((i) => !f.level || i.level === f.level)
    .filter((i) => !f.area || i.area === f.area)
    .filter((i) => !f.status || i.status === f.status)
    .filter((i) => !f.organisationId || i.sourceOrganisationId === f.organisationId || i.interest.some((m) => m.organisationId === f.organisationId))
    .filter((i) => {
      if (words.length === 0) return true;
      const hay = foldKey(`${i.title} ${i.description} ${i.area} ${i.tags.join(' ')} ${i.sourceName ?? ''}`);
      return words.every((w) => hay.includes(w));
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
