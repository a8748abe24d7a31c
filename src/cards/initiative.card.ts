import { boardWordOf } from '../domain/body-terms';
import type { FieldErrors } from '../domain/forms';
import type { Similar } from '../domain/similar';
import { may, type Actor } from '../domain/people';
import { organisation } from '../domain/portfolio-queries';
import { Horizon, InitiativeLevel, type Initiative, type Locale, type Network, type Portfolio } from '../domain/schema';
import { messages } from '../i18n';
import { VERB, execute } from './actions';
import { badge, card, facts, heading, paragraph, subheading, type AdaptiveCard } from './card';
import { linkTarget, plain } from './escape';
import { areaInputs, choiceInput, formErrorsBanner, textInput, type Values } from './form';

export function renderInitiativeForm(p: Portfolio, network: Network, values: Values, errors: FieldErrors, locale: Locale): AdaptiveCard {
  const t = messages(locale, boardWordOf(p, network.id));
  const orgs = p.organisations.filter((o) => o.networkId === network.id).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return card(
    [
      heading(t.initiative.formTitle),
      paragraph(t.initiative.formIntro, { isSubtle: true }),
      ...formErrorsBanner(t, errors),
      ...textInput(t, 'title', t.initiative.title, values, errors, { required: true, maxLength: 200 }),
      ...textInput(t, 'description', t.initiative.description, values, errors, { multiline: true, maxLength: 4000 }),
      ...choiceInput(t, 'level', t.initiative.level, InitiativeLevel.options.map((l) => [l, t.initiative.levels[l]] as const), values, errors, { required: true }),
      ...choiceInput(t, 'sourceOrganisationId', t.initiative.source, orgs.map((o) => [o.id, o.name] as const), values, errors, { filtered: true }),
      ...textInput(t, 'sourceName', t.initiative.sourceName, values, errors, { maxLength: 200 }),
      ...areaInputs(t, network.areas, values, errors),
      ...choiceInput(t, 'horizon', t.project.horizon, Horizon.options.map((h) => [h, t.labels.horizon[h]] as const), values, errors),
      ...textInput(t, 'link', t.initiative.link, values, errors, { maxLength: 2000, placeholder: 'https://' }),
      ...textInput(t, 'tags', t.initiative.tags, values, errors, { maxLength: 500 }),
    ],
    [{ type: 'Action.Execute', title: t.initiative.submit, verb: VERB.initiativeShare, data: {}, style: 'positive' }],
    t.initiative.formTitle,
  );
}

/** Universal Actions refresh at most this many users' views automatically. */
const MAX_REFRESH_USERS = 60;

/**
 * Without `personal` it is the shared card everyone in a conversation sees: no buttons that change
 * anything, only «Vis mine valg», and a refresh so each viewer's Teams asks for their own view
 * (initiative.show). The personal view has the viewer's buttons and never a refresh.
 */
export interface InitiativeView {
  personal?: { viewer: Actor | undefined };
  /** The viewer's organisation, to label the interest button; absent on the shared card. */
  viewerOrganisationId?: string;
  /** The viewer, whose own mark labels the button while they have no confirmed organisation. */
  viewerPersonId?: string;
  similar?: readonly Similar[];
  sharedByName?: string;
}

export function renderInitiativeCard(p: Portfolio, i: Initiative, locale: Locale, view: InitiativeView = {}): AdaptiveCard {
  const t = messages(locale, boardWordOf(p, i.networkId));
  const orgName = (id: string) => plain(organisation(p, id)?.name ?? '?');
  const source = i.sourceOrganisationId ? orgName(i.sourceOrganisationId) : i.sourceName && plain(i.sourceName);
  const names = i.interest.flatMap((m) => (m.organisationId ? [orgName(m.organisationId)] : []));
  // Marks in a person's own name (their organisation not confirmed) speak for no organisation: listed apart.
  const personal = i.interest.flatMap((m) => (m.organisationId ? [] : [plain(p.people.find((x) => x.id === m.personId)?.name ?? '?')]));
  const ownMark = view.viewerPersonId !== undefined && i.interest.some((m) => !m.organisationId && m.personId === view.viewerPersonId);
  const viewerIn = view.viewerOrganisationId !== undefined ? i.interest.some((m) => m.organisationId === view.viewerOrganisationId) : ownMark;
  const body: unknown[] = [heading(plain(i.title))];
  if (view.sharedByName) body.push(badge(t.initiative.sharedBy(plain(view.sharedByName))));
  if (i.example) body.push(badge(t.project.example));
  if (i.description) body.push(paragraph(plain(i.description)));
  body.push(
    facts([
      [t.initiative.level, t.initiative.levels[i.level]],
      ...(source ? ([[t.initiative.sourceShort, source]] as Array<[string, string]>) : []),
      [t.project.area, plain(i.area)],
      ...(i.horizon ? ([[t.project.horizon, t.labels.horizon[i.horizon]]] as Array<[string, string]>) : []),
      [t.project.status, t.initiative.statuses[i.status]],
      ...(i.tags.length > 0 ? ([[t.initiative.tagsShort, i.tags.map(plain).join(', ')]] as Array<[string, string]>) : []),
    ]),
  );
  const target = i.link ? linkTarget(i.link) : undefined;
  if (i.link) body.push(paragraph(target ? `[${plain(i.link)}](${target})` : plain(i.link)));
  body.push(subheading(t.initiative.interest));
  if (names.length > 0 || personal.length === 0) body.push(paragraph(names.length > 0 ? t.initiative.interestCount(names.length, names.join(', ')) : t.initiative.noInterest));
  if (personal.length > 0) body.push(paragraph(t.initiative.personalInterest(personal.join(', '))));
  if (viewerIn && view.viewerOrganisationId) body.push(paragraph(t.initiative.yourOrgIsIn(orgName(view.viewerOrganisationId)), { isSubtle: true }));
  else if (viewerIn) body.push(paragraph(t.initiative.youAreInPersonally, { isSubtle: true }));
  if (view.similar && view.similar.length > 0) {
    body.push(subheading(t.initiative.similar));
    for (const s of view.similar) {
      const network = p.networks.find((n) => n.id === s.item.networkId);
      const where = s.item.networkId !== i.networkId && network ? ` (${t.initiative.inNetwork(plain(network.name))})` : '';
      const kind = s.kind === 'project' ? t.labels.status[s.item.status] : t.initiative.statuses[s.item.status];
      body.push(paragraph(`- ${plain(s.item.title)}${where} · ${kind}`, { spacing: 'None' }));
    }
  }
  const fallback = `${i.title} (${t.initiative.levels[i.level]})`;
  if (!view.personal) {
    const show = execute(t.lifecycle.showMine, VERB.initiativeShow, { initiativeId: i.id });
    const result = card(body, [show], fallback);
    const userIds = p.people.filter((x) => x.networkId === i.networkId).flatMap((x) => x.aadObjectId ?? []).slice(0, MAX_REFRESH_USERS);
    if (userIds.length > 0) result.refresh = { action: show, userIds };
    return result;
  }
  // Anyone may mark interest (an unregistered person is asked to register first); proposing needs the right.
  const viewer = view.personal.viewer;
  const mayPropose = viewer !== undefined && may(viewer, 'project.propose');
  if (i.status === 'open' && !mayPropose) body.push(paragraph(t.denied['project.propose'], { isSubtle: true, spacing: 'Small' }));
  const actions = [
    execute(viewerIn ? t.initiative.wantOut : t.initiative.wantIn, VERB.initiativeInterest, { initiativeId: i.id }),
    ...(i.status === 'open' && mayPropose ? [execute(t.initiative.propose, VERB.initiativePropose, { initiativeId: i.id })] : []),
  ];
  return card(body, actions, fallback);
}

export function renderInitiativeList(p: Portfolio, list: readonly Initiative[], locale: Locale, notice?: string): AdaptiveCard {
  const t = messages(locale);
  const shown = list.slice(0, 15);
  const rows = shown.map((i) => ({
    type: 'Container',
    separator: true,
    spacing: 'Small',
    items: [
      paragraph(`**${plain(i.title)}**`),
      paragraph(`${t.initiative.levels[i.level]} · ${plain(i.area)} · ${t.initiative.statuses[i.status]} · ${t.initiative.interest}: ${i.interest.length}`, { isSubtle: true, spacing: 'None' }),
    ],
    selectAction: { type: 'Action.Execute', verb: VERB.initiativeShow, title: t.initiative.open, data: { initiativeId: i.id } },
  }));
  return card(
    [
      heading(t.initiative.listTitle),
      ...(notice ? [paragraph(notice, { weight: 'Bolder' })] : []),
      paragraph(t.initiative.listCount(list.length), { isSubtle: true }),
      ...(rows.length > 0 ? rows : [paragraph(t.initiative.listEmpty)]),
    ],
    [],
    `${t.initiative.listTitle}: ${t.initiative.listCount(list.length)}`,
  );
}
