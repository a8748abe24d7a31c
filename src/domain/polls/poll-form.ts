import { z } from 'zod/v4';
import { optionalText, parseForm, requiredText, type FieldErrors, type FormResult } from '../forms';
import type { Poll, Portfolio } from '../schema';
import { foldKey, normaliseText } from '../text';
import { osloToInstant } from '../time';
import { eligibleVoters, majorityOf, programmeBoard } from './eligibility';

/** The open-a-poll card: its fields as submitted, and the checks that need the portfolio. */

export const MAX_OPTIONS = 10;

const flag = z.preprocess((v) => v === true || v === 'true', z.boolean());

/** A whole number typed in a text field; blank (or "none") means absent. */
const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (s === undefined || s === '' || s === 'none') return undefined;
        const n = /^\d{1,6}$/.test(s) ? Number(s) : NaN;
        if (Number.isNaN(n) || n < min || n > max) {
          ctx.addIssue({ code: 'custom', message: Number.isNaN(n) ? 'wholeNumber' : 'outOfRange' });
          return z.NEVER;
        }
        return n;
      }),
  );

/** One option per line; on a single line, separated by commas. Leading list bullets are dropped. */
export const splitOptions = (text: string): string[] =>
  (text.includes('\n') ? text.split(/\r?\n/) : text.split(','))
    .map((s) => s.trim().replace(/^[-*•]\s+/, '').trim())
    .filter(Boolean);

/** The open-a-poll card, as submitted. The deadline is a date and a time of day in Norway. */
export const PollForm = z.object({
  kind: z.enum(['consensus', 'consent', 'choice']),
  question: requiredText(1000, { multiline: true }),
  projectId: optionalText(100),
  options: z.preprocess((v) => (typeof v === 'string' ? splitOptions(normaliseText(v, { multiline: true })) : (v ?? [])), z.array(z.string().max(200)).max(100)),
  multiple: flag,
  eligibleMode: z.preprocess((v) => (v === '' || v === undefined ? 'board' : v), z.enum(['board', 'conversation'])),
  quorum: wholeNumber(0, 1000),
  deadlineDate: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date()),
  deadlineTime: z.preprocess((v) => (v === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/)),
  reminder: wholeNumber(1, 168),
  anonymous: flag,
  hideResultsUntilClosed: flag,
});

/** A validated poll, ready for `openPoll`. */
export interface PollInput {
  kind: Poll['kind'];
  question: string;
  projectId?: string;
  /** Option labels; empty unless kind is 'choice'. */
  options: string[];
  multiple: boolean;
  eligibleMode: Poll['eligibleMode'];
  /** Absent: a majority of the eligible voters. */
  quorum?: number;
  /** ISO instant. */
  deadline: string;
  /** Hours before the deadline to remind those who have not voted. */
  reminderHours?: number;
  anonymous: boolean;
  hideResultsUntilClosed: boolean;
}

export function validatePollForm(p: Portfolio, networkId: string, data: unknown, now: Date): FormResult<PollInput> {
  const parsed = parseForm(PollForm, data);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const errors: FieldErrors = {};
  const options = v.kind === 'choice' ? v.options : [];
  if (v.kind === 'choice') {
    if (options.length < 2) errors.options = 'tooFewOptions';
    else if (options.length > MAX_OPTIONS) errors.options = 'tooManyOptions';
    else if (new Set(options.map(foldKey)).size < options.length) errors.options = 'duplicateOption';
  }
  const board = programmeBoard(p, networkId);
  if (v.projectId) {
    const project = p.projects.find((x) => x.id === v.projectId && x.networkId === networkId);
    if (!project) errors.projectId = 'invalid';
    else if (project.status !== 'under_consideration') errors.projectId = 'notUnderConsideration';
    else if (!board) errors.projectId = 'noBoard';
    // Only the body decides: a poll that changes a project is the body's, never the conversation's.
    else if (v.eligibleMode !== 'board') errors.eligibleMode = 'projectNeedsBoard';
  }
  if (v.eligibleMode === 'board') {
    const eligible = board ? eligibleVoters(p, board.id, now).length : 0;
    if (!board) errors.eligibleMode = 'noBoard';
    else if (eligible === 0) errors.eligibleMode = 'noEligibleVoters';
    else if (v.quorum !== undefined && v.quorum > eligible) errors.quorum = 'quorumTooHigh';
    else if (v.quorum !== undefined && v.quorum < majorityOf(eligible)) errors.quorum = 'quorumBelowBody';
  }
  const deadline = osloToInstant(v.deadlineDate, v.deadlineTime);
  if (deadline <= now) errors.deadlineDate = 'deadlineInPast';
  else if (v.reminder !== undefined && deadline.getTime() - v.reminder * 3600_000 <= now.getTime()) errors.reminder = 'reminderTooLate';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind: v.kind,
      question: v.question,
      projectId: v.projectId,
      options,
      multiple: v.kind === 'choice' && v.multiple,
      eligibleMode: v.eligibleMode,
      quorum: v.quorum,
      deadline: deadline.toISOString(),
      reminderHours: v.reminder,
      anonymous: v.anonymous,
      hideResultsUntilClosed: v.hideResultsUntilClosed,
    },
  };
}
