import type { FieldErrors } from '../domain/forms';
import { Rag, type Locale, type Project } from '../domain/schema';
import { messages } from '../i18n';
import { VERB } from './actions';
import { card, heading, type AdaptiveCard } from './card';
import { plain } from './escape';
import { choiceInput, formErrorsBanner, textInput, type Values } from './form';

const PARTS = ['overall', 'time', 'budget', 'quality'] as const;

export function renderStatusReportForm(project: Project, values: Values, errors: FieldErrors, locale: Locale): AdaptiveCard {
  const t = messages(locale);
  const label = { overall: t.project.overall, time: t.project.time, budget: t.project.budgetRag, quality: t.project.quality };
  const rag = Rag.options.map((r) => [r, t.labels.rag[r]] as const);
  return card(
    [
      heading(t.report.formTitle(plain(project.title))),
      ...formErrorsBanner(t, errors),
      ...PARTS.flatMap((part) => [
        ...choiceInput(t, part, label[part], rag, values, errors, { required: true }),
        ...textInput(t, `${part}Comment`, `${label[part]}: ${t.report.comment.toLowerCase()}`, values, errors, { maxLength: 2000, multiline: true }),
      ]),
    ],
    [{ type: 'Action.Execute', title: t.report.submit, verb: VERB.projectReport, data: { projectId: project.id }, style: 'positive' }],
    t.report.formTitle(project.title),
  );
}
