import { boardWordOf } from '../domain/body-terms';
import { ASSIGNABLE_ROLES } from '../domain/people';
import type { Locale, Network, Portfolio } from '../domain/schema';
import { messages } from '../i18n';
import { VERB } from './actions';
import { card, facts, heading, type AdaptiveCard } from './card';
import { plain } from './escape';

/** The secretariat's view of who holds which role, with a form to change one person's roles. `notice` is the caller's sentence, any user text in it already escaped. */
export function renderRolesCard(p: Portfolio, network: Network, locale: Locale, selectedPersonId?: string, notice?: string): AdaptiveCard {
  const t = messages(locale, boardWordOf(p, network.id));
  const people = p.people.filter((x) => x.networkId === network.id).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const org = (id?: string) => p.organisations.find((o) => o.id === id)?.name;
  const selected = people.find((x) => x.id === selectedPersonId);
  const roleNames = (roles: readonly string[]) => roles.map((r) => t.roles.names[r as keyof typeof t.roles.names]).join(', ');
  return card(
    [
      heading(`${t.roles.title}: ${plain(network.name)}`),
      ...(notice ? [{ type: 'TextBlock', text: notice, color: 'Good', wrap: true }] : []),
      facts(people.filter((x) => x.roles.length > 0).map((x) => [plain(`${x.name}${org(x.organisationId) ? ` (${org(x.organisationId)})` : ''}`), roleNames(x.roles)])),
      {
        type: 'Input.ChoiceSet',
        id: 'personId',
        label: t.roles.person,
        style: 'filtered',
        value: selected?.id ?? '',
        placeholder: t.form.choose,
        choices: people.map((x) => ({ title: `${x.name}${org(x.organisationId) ? ` (${org(x.organisationId)})` : ''}`, value: x.id })),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'roles',
        label: t.roles.roles,
        isMultiSelect: true,
        style: 'expanded',
        value: selected ? selected.roles.filter((r) => ASSIGNABLE_ROLES.includes(r)).join(',') : '',
        // Board roles follow from the programme board's terms: not offered, and the note says where they change.
        choices: ASSIGNABLE_ROLES.map((r) => ({ title: t.roles.names[r], value: r })),
      },
      { type: 'TextBlock', text: t.roles.boardNote, isSubtle: true, wrap: true },
    ],
    [
      { type: 'Action.Execute', title: t.roles.save, verb: VERB.rolesSet, data: {}, style: 'positive' },
      { type: 'Action.Execute', title: t.areas.edit, verb: VERB.areasShow, data: {} },
    ],
    t.roles.title,
  );
}
