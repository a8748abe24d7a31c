import type { Locale, Network } from '../domain/schema';
import { messages } from '../i18n';
import { VERB } from './actions';
import { card, heading, paragraph, type AdaptiveCard } from './card';
import { plain } from './escape';

/**
 * The secretariat's list of the network's areas, one per line, to change in place. `problem` is
 * the sentence for a list that could not be saved, whose text `typed` is shown back unchanged.
 */
export function renderAreasCard(network: Network, locale: Locale, o: { typed?: string; problem?: string; notice?: string } = {}): AdaptiveCard {
  const t = messages(locale);
  return card(
    [
      heading(`${t.areas.title}: ${plain(network.name)}`),
      paragraph(t.areas.intro, { isSubtle: true }),
      ...(o.notice ? [{ type: 'TextBlock', text: o.notice, color: 'Good', wrap: true }] : []),
      {
        type: 'Input.Text',
        id: 'areas',
        label: t.areas.label,
        isMultiline: true,
        isRequired: true,
        errorMessage: t.fieldErrors.required,
        maxLength: 10_000,
        value: o.typed ?? network.areas.join('\n'),
      },
      ...(o.problem ? [{ type: 'TextBlock', text: o.problem, color: 'Attention', size: 'Small', wrap: true, spacing: 'None' }] : []),
    ],
    [{ type: 'Action.Execute', title: t.areas.save, verb: VERB.areasSet, data: {}, style: 'positive' }],
    t.areas.title,
  );
}
