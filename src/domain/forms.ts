import { z } from 'zod/v4';
import { normaliseText, titleKey } from './text';

/**
 * Card forms arrive as loose strings. A form schema turns them into domain input or into
 * field errors, each a stable key the catalogues turn into a sentence next to the field.
 */
export type FieldError =
  | 'required'
  | 'tooLong'
  | 'invalid'
  | 'notMember'
  | 'duplicateProject'
  | 'duplicateInitiative'
  | 'projectNeedsBoard'
  | 'quorumBelowBody'
  | 'unknownArea'
  | 'wholeNok'
  | 'endBeforeStart'
  | 'financingExceedsBudget'
  | 'url'
  | 'wholeNumber'
  | 'outOfRange'
  | 'tooFewOptions'
  | 'tooManyOptions'
  | 'duplicateOption'
  | 'notUnderConsideration'
  | 'noBoard'
  | 'noEligibleVoters'
  | 'quorumTooHigh'
  | 'deadlineInPast'
  | 'reminderTooLate';

export type FieldErrors = Record<string, FieldError>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function parseForm<S extends z.ZodType>(schema: S, data: unknown): FormResult<z.infer<S>> {
  // reportInput: an issue carries what was sent, so an empty required choice reads «required», not «invalid».
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= toFieldError(issue);
  }
  return { ok: false, errors };
}

/** Adds the checks that need the portfolio (membership, areas) to a form's own; a field keeps its first error. */
export function withContext<T>(parsed: FormResult<T>, context: FieldErrors): FormResult<T> {
  if (Object.keys(context).length === 0) return parsed;
  return { ok: false, errors: { ...context, ...(parsed.ok ? {} : parsed.errors) } };
}

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  switch (issue.code) {
    case 'too_small':
      return 'required';
    case 'too_big':
      return 'tooLong';
    case 'invalid_type':
    case 'invalid_value':
      return isBlank(issue.input) ? 'required' : 'invalid';
    case 'invalid_format':
      return issue.format === 'url' ? 'url' : 'invalid';
    case 'custom':
      return (issue.message as FieldError) ?? 'invalid';
    default:
      return 'invalid';
  }
}

export interface TextOptions {
  /** Keeps line breaks and tabs (descriptions, mandates, comments); a one-line field turns them into spaces. */
  multiline?: boolean;
}

/**
 * Text as it enters: normalised (see `normaliseText`) and trimmed. Text far over its limit is
 * left as it came, so the schema refuses it by length before any expression reads it.
 */
const enteredText = (v: unknown, max: number, o: TextOptions): unknown =>
  typeof v === 'string' && v.length <= 2 * max ? normaliseText(v, o).trim() : v;

/** A trimmed, normalised text field; blank means absent. */
export const optionalText = (max: number, o: TextOptions = {}) =>
  z.preprocess((v) => {
    const text = enteredText(v, max, o);
    return text === '' ? undefined : text;
  }, z.string().max(max).optional());

export const requiredText = (max: number, o: TextOptions = {}) => z.preprocess((v) => enteredText(v, max, o), z.string().min(1).max(max));

/**
 * Whether a submitted title names something that is already there: equal to one of `existing`
 * once both are normalised and folded (case, æøå, punctuation, invisible characters).
 */
export function isDuplicateTitle(title: unknown, max: number, existing: readonly string[]): boolean {
  if (typeof title !== 'string' || title.length > 2 * max) return false;
  const key = titleKey(title);
  return key !== '' && existing.some((x) => titleKey(x) === key);
}

/** Whole, non-negative kroner, as typed: "1 200 000" and "1200000" are the same; "12,5" is not. */
export const wholeNok = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' && v.length <= 40 ? v.replace(/[\s\u00a0\u202f]/g, '') : v),
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return undefined;
      if (!/^\d{1,13}$/.test(s)) {
        ctx.addIssue({ code: 'custom', message: 'wholeNok' });
        return z.NEVER;
      }
      return Number(s);
    }),
);

/** A multi-select ChoiceSet sends "a,b,c". */
export const idList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v ?? []),
  z.array(z.string().min(1).max(100)).max(100),
);

export const optionalDate = z.preprocess((v) => (v === '' ? undefined : v), z.iso.date().optional());
