import type { Locale, Organisation } from '../domain/schema';
import { messages } from '../i18n';
import { VERB } from './actions';
import { card, heading, paragraph, type AdaptiveCard } from './card';
import { choiceInput } from './form';

/** Asked once, on a person's first change: which member organisation they represent. */
export function renderRegistrationCard(
  organisations: readonly Organisation[],
  locale: Locale,
  resume?: { verb: string; data: Record<string, unknown> },
): AdaptiveCard {
  const t = messages(locale);
  const choices = [...organisations].sort((a, b) => a.name.localeCompare(b.name, 'nb')).map((o) => [o.id, o.name] as const);
  return card(
    [heading(t.registration.title), paragraph(t.registration.intro), paragraph(t.registration.confirmNote, { isSubtle: true }), ...choiceInput(t, 'organisationId', t.registration.organisation, choices, {}, {}, { required: true, filtered: true })],
    [{ type: 'Action.Execute', title: t.registration.submit, verb: VERB.memberRegister, data: resume ? { resume } : {}, style: 'positive' }],
    t.registration.title,
  );
}
