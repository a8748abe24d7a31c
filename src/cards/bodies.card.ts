import { boardWordOf } from '../domain/body-terms';
import { currentLeaderId, currentMembers } from '../domain/bodies';
import type { Body, BodyMember, Locale, Network, Portfolio } from '../domain/schema';
import { messages, type Messages } from '../i18n';
import { VERB, execute } from './actions';
import { badge, card, facts, heading, subheading, type AdaptiveCard } from './card';
import { plain } from './escape';

export interface BodiesView {
  /** Whether the viewer may change the bodies (the secretariat): only then are there forms. */
  canManage: boolean;
  /** The body whose forms are open; the others offer a button to open theirs. */
  selectedBodyId?: string;
  /** What was just changed, any user text in it already escaped. */
  notice?: string;
}

/**
 * Each body of the network with who sits on it today (name, organisation, role, term, deputy),
 * and for the secretariat the forms that change one body at a time: add a member, end a term,
 * a new leader, a deputy. One body's forms at a time keeps the card small (two people pickers),
 * and each form's inputs have their own ids, since Teams gathers inputs by id.
 */
export function renderBodiesCard(p: Portfolio, network: Network, now: Date, locale: Locale, view: BodiesView): AdaptiveCard {
  const t = messages(locale, boardWordOf(p, network.id));
  const bodies = p.bodies.filter((b) => b.networkId === network.id);
  const body: unknown[] = [heading(`${t.bodies.title}: ${plain(network.name)}`)];
  if (view.notice) body.push({ type: 'TextBlock', text: view.notice, color: 'Good', wrap: true });
  if (bodies.length === 0) body.push({ type: 'TextBlock', text: t.bodies.none, wrap: true });
  for (const b of bodies) {
    body.push(...bodySection(p, b, now, t));
    if (!view.canManage) continue;
    body.push({ type: 'ActionSet', actions: b.id === view.selectedBodyId ? forms(p, b, now, t) : [execute(t.bodies.manage, VERB.bodyShow, { bodyId: b.id })] });
  }
  return card(body, [], t.bodies.title);
}

const nameOf = (p: Portfolio, personId: string | undefined) => p.people.find((x) => x.id === personId)?.name ?? '?';
const orgOf = (p: Portfolio, m: BodyMember) => {
  const id = m.organisationId ?? p.people.find((x) => x.id === m.personId)?.organisationId;
  return p.organisations.find((o) => o.id === id)?.name;
};

function bodySection(p: Portfolio, b: Body, now: Date, t: Messages): unknown[] {
  const members = currentMembers(b, now);
  const leaderId = currentLeaderId(p, b.id, now);
  const rows = members.map((m): [string, string] => {
    const org = orgOf(p, m);
    const role = m.role === 'leader' && m.personId !== leaderId ? 'member' : m.role;
    const parts = [t.bodies.roles[role], t.bodies.term(m.from, m.to), ...(m.deputyPersonId ? [t.bodies.deputy(nameOf(p, m.deputyPersonId))] : [])];
    return [plain(`${nameOf(p, m.personId)}${org ? ` (${org})` : ''}`), plain(parts.join(' · '))];
  });
  const voting = members.filter((m) => m.role !== 'secretary').length;
  return [subheading(plain(b.name)), badge(t.bodies.count(voting)), ...(rows.length > 0 ? [facts(rows)] : [{ type: 'TextBlock', text: t.bodies.empty, wrap: true, isSubtle: true }])];
}

const picker = (t: Messages, id: string, label: string, choices: ReadonlyArray<readonly [string, string]>, required = true) => ({
  type: 'Input.ChoiceSet',
  id,
  label,
  style: 'filtered',
  value: '',
  placeholder: t.form.choose,
  isRequired: required,
  ...(required ? { errorMessage: t.fieldErrors.required } : {}),
  choices: choices.map(([value, title]) => ({ title, value })),
});

const form = (title: string, inputs: unknown[], action: unknown) => ({ type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body: inputs, actions: [action] } });

function forms(p: Portfolio, b: Body, now: Date, t: Messages): unknown[] {
  const members = currentMembers(b, now);
  const leaderId = currentLeaderId(p, b.id, now);
  const label = (personId: string) => {
    const person = p.people.find((x) => x.id === personId);
    const org = p.organisations.find((o) => o.id === person?.organisationId)?.name;
    return `${person?.name ?? '?'}${org ? ` (${org})` : ''}`;
  };
  const people = p.people.filter((x) => x.networkId === b.networkId).sort((a, c) => a.name.localeCompare(c.name, 'nb'));
  const seated = new Set(members.map((m) => m.personId));
  const voting = members.filter((m) => m.role !== 'secretary').map((m) => [m.personId, label(m.personId)] as const);
  const data = { bodyId: b.id };
  return [
    form(
      t.bodies.addMember,
      [
        picker(t, 'personId', t.bodies.person, people.filter((x) => !seated.has(x.id)).map((x) => [x.id, label(x.id)] as const)),
        { type: 'Input.ChoiceSet', id: 'role', label: t.bodies.role, style: 'compact', value: 'member', choices: (['member', 'leader'] as const).map((r) => ({ title: t.bodies.roles[r], value: r })) },
        { type: 'Input.Date', id: 'fromDate', label: t.bodies.from },
        { type: 'Input.Date', id: 'toDate', label: t.bodies.to },
      ],
      execute(t.bodies.save, VERB.bodyAddMember, data, { style: 'positive' }),
    ),
    form(
      t.bodies.endTerm,
      [picker(t, 'endPersonId', t.bodies.member, members.map((m) => [m.personId, label(m.personId)] as const)), { type: 'Input.Date', id: 'lastDay', label: t.bodies.lastDay }],
      execute(t.bodies.endTerm, VERB.bodyEndTerm, data, { style: 'destructive' }),
    ),
    form(t.bodies.makeLeader, [picker(t, 'leaderPersonId', t.bodies.member, voting.filter(([id]) => id !== leaderId))], execute(t.bodies.save, VERB.bodyMakeLeader, data)),
    form(
      t.bodies.setDeputy,
      [picker(t, 'memberPersonId', t.bodies.member, voting), picker(t, 'deputyPersonId', t.bodies.deputyPerson, people.map((x) => [x.id, label(x.id)] as const), false)],
      execute(t.bodies.save, VERB.bodySetDeputy, data),
    ),
  ];
}
