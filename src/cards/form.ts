import { areaValues, OTHER_AREA } from '../domain/areas';
import type { FieldError, FieldErrors } from '../domain/forms';
import type { Messages } from '../i18n';

/**
 * Form inputs that show the user's own input back and a sentence under any field that needs
 * fixing, so a rejected form loses nothing.
 */
export type Values = Record<string, unknown>;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

export interface FieldOptions {
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  placeholder?: string;
}

export function fieldError(t: Messages, errors: FieldErrors, id: string): unknown[] {
  const e: FieldError | undefined = errors[id];
  return e ? [{ type: 'TextBlock', text: t.fieldErrors[e], color: 'Attention', size: 'Small', wrap: true, spacing: 'None' }] : [];
}

export function textInput(t: Messages, id: string, label: string, values: Values, errors: FieldErrors, o: FieldOptions = {}): unknown[] {
  return [
    {
      type: 'Input.Text',
      id,
      label,
      value: str(values[id]),
      isRequired: o.required ?? false,
      isMultiline: o.multiline ?? false,
      ...(o.maxLength ? { maxLength: o.maxLength } : {}),
      ...(o.placeholder ? { placeholder: o.placeholder } : {}),
      ...(o.required ? { errorMessage: t.fieldErrors.required } : {}),
    },
    ...fieldError(t, errors, id),
  ];
}

export function numberInput(t: Messages, id: string, label: string, values: Values, errors: FieldErrors): unknown[] {
  // NOTE: Input.Text rather than Input.Number, so "1 200 000" typed by a person comes back intact to be checked and shown.
  return textInput(t, id, label, values, errors, { maxLength: 20, placeholder: '0' });
}

export function dateInput(t: Messages, id: string, label: string, values: Values, errors: FieldErrors, o: { required?: boolean } = {}): unknown[] {
  const required = o.required ? { isRequired: true, errorMessage: t.fieldErrors.required } : {};
  return [{ type: 'Input.Date', id, label, value: str(values[id]), ...required }, ...fieldError(t, errors, id)];
}

export function choiceInput(
  t: Messages,
  id: string,
  label: string,
  choices: ReadonlyArray<readonly [string, string]>,
  values: Values,
  errors: FieldErrors,
  o: { required?: boolean; multiSelect?: boolean; filtered?: boolean } = {},
): unknown[] {
  return [
    {
      type: 'Input.ChoiceSet',
      id,
      label,
      value: str(values[id]),
      isRequired: o.required ?? false,
      isMultiSelect: o.multiSelect ?? false,
      style: o.filtered ? 'filtered' : 'compact',
      placeholder: t.form.choose,
      choices: choices.map(([value, title]) => ({ title, value })),
      ...(o.required ? { errorMessage: t.fieldErrors.required } : {}),
    },
    ...fieldError(t, errors, id),
  ];
}

/**
 * The area: the network's own list and «annet …», with a text field for «annet». Adaptive Cards
 * cannot show a field only once a choice is made, so the text field is always there, saying when it counts.
 */
export function areaInputs(t: Messages, areas: readonly string[], values: Values, errors: FieldErrors): unknown[] {
  const shown = areaValues(areas, values);
  return [
    ...choiceInput(t, 'area', t.project.area, [...areas.map((a) => [a, a] as const), [OTHER_AREA, t.form.otherArea] as const], shown, errors, { required: true }),
    ...textInput(t, 'areaOther', t.form.otherAreaText, shown, errors, { maxLength: 100 }),
  ];
}

export function formErrorsBanner(t: Messages, errors: FieldErrors): unknown[] {
  return Object.keys(errors).length > 0 ? [{ type: 'TextBlock', text: t.form.fixErrors, color: 'Attention', weight: 'Bolder', wrap: true }] : [];
}
