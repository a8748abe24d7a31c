import { boardWordOf } from '../domain/body-terms';
import type { FieldErrors } from '../domain/forms';
import { FinancingSource, Horizon, type Locale, type Network, type Portfolio } from '../domain/schema';
import { messages } from '../i18n';
import { VERB } from './actions';
import { card, heading, paragraph, subheading, type AdaptiveCard } from './card';
import { areaInputs, choiceInput, dateInput, fieldError, formErrorsBanner, numberInput, textInput, type Values } from './form';

/** The project proposal form; `values` refills it after a rejected submit or from an initiative. */
export function renderProposalForm(p: Portfolio, network: Network, values: Values, errors: FieldErrors, locale: Locale): AdaptiveCard {
  const t = messages(locale, boardWordOf(p, network.id));
  const orgs = p.organisations
    .filter((o) => o.networkId === network.id)
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'))
    .map((o) => [o.id, o.name] as const);
  const people = p.people
    .filter((x) => x.networkId === network.id)
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'))
    .map((x) => [x.id, x.name] as const);
  return card(
    [
      heading(t.proposal.formTitle),
      paragraph(t.proposal.formIntro, { isSubtle: true }),
      ...formErrorsBanner(t, errors),
      ...textInput(t, 'title', t.proposal.title, values, errors, { required: true, maxLength: 200 }),
      ...textInput(t, 'summary', t.proposal.summary, values, errors, { multiline: true, maxLength: 4000 }),
      ...choiceInput(t, 'ownerOrganisationId', t.proposal.owner, orgs, values, errors, { required: true, filtered: true }),
      ...choiceInput(t, 'projectLeadId', t.proposal.lead, people, values, errors, { filtered: true }),
      ...choiceInput(t, 'participantOrganisationIds', t.proposal.participants, orgs, values, errors, { multiSelect: true }),
      ...areaInputs(t, network.areas, values, errors),
      ...choiceInput(t, 'horizon', t.project.horizon, Horizon.options.map((h) => [h, t.labels.horizon[h]] as const), values, errors, { required: true }),
      ...textInput(t, 'mandate', t.proposal.mandate, values, errors, { multiline: true, maxLength: 8000 }),
      ...numberInput(t, 'budgetNok', t.proposal.budget, values, errors),
      subheading(t.proposal.financingHeading),
      ...FinancingSource.options.flatMap((s) => numberInput(t, `financing_${s}`, t.labels.financing[s], values, errors)),
      {
        type: 'Input.Toggle',
        id: 'financingMayExceedBudget',
        title: t.proposal.mayExceed,
        value: String(values.financingMayExceedBudget ?? 'false'),
        valueOn: 'true',
        valueOff: 'false',
      },
      ...fieldError(t, errors, 'financing'),
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: dateInput(t, 'startDate', t.proposal.start, values, errors) },
          { type: 'Column', width: 'stretch', items: dateInput(t, 'endDate', t.proposal.end, values, errors) },
        ],
      },
    ],
    [
      {
        type: 'Action.Execute',
        title: t.proposal.submit,
        verb: VERB.projectPropose,
        data: values.initiativeId ? { initiativeId: values.initiativeId } : {},
        style: 'positive',
      },
    ],
    t.proposal.formTitle,
  );
}
