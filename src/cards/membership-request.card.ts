import { boardWordOf } from '../domain/body-terms';
import type { Locale, Person, Portfolio } from '../domain/schema';
import { messages } from '../i18n';
import { VERB, execute } from './actions';
import { card, heading, paragraph, type AdaptiveCard } from './card';
import { plain } from './escape';

/** How the secretariat answered a request, for the card that replaces the one with the buttons. */
export interface Answer {
  approved: boolean;
  byName: string;
}

const organisationName = (p: Portfolio, id: string | undefined) => p.organisations.find((o) => o.id === id)?.name ?? '?';

/**
 * «Nils Demoberg ber om å representere Ørland», for the secretariat: one press approves or
 * rejects. The buttons carry the person's and the organisation's ids only; the handler checks them
 * against the request in the store. Answered, the card says by whom, and has no buttons left.
 */
export function renderMembershipRequestCard(p: Portfolio, person: Person, organisationId: string, locale: Locale, answer?: Answer): AdaptiveCard {
  const t = messages(locale, boardWordOf(p, person.networkId));
  const org = plain(organisationName(p, organisationId));
  const title = t.membership.requestTitle(plain(person.name), org);
  const data = { personId: person.id, organisationId };
  return card(
    [
      heading(title),
      answer
        ? paragraph((answer.approved ? t.membership.approvedBy : t.membership.rejectedBy)(plain(answer.byName)), { color: answer.approved ? 'Good' : 'Attention' })
        : paragraph(t.membership.requestIntro(org)),
    ],
    answer
      ? []
      : [execute(t.membership.approve, VERB.memberApprove, data, { style: 'positive' }), execute(t.membership.reject, VERB.memberReject, data, { style: 'destructive' })],
    title,
  );
}

/** Every request still waiting, for the secretariat's «forespørsler»; `notice` says what was just answered. */
export function renderMembershipRequestList(p: Portfolio, pending: readonly Person[], locale: Locale, notice?: string): AdaptiveCard {
  const t = messages(locale);
  const rows = pending.slice(0, 30).map((person) => {
    const organisationId = person.requestedOrganisationId ?? '';
    const data = { personId: person.id, organisationId, list: true };
    return {
      type: 'Container',
      separator: true,
      items: [
        paragraph(t.membership.requestTitle(plain(person.name), plain(organisationName(p, organisationId)))),
        {
          type: 'ActionSet',
          actions: [execute(t.membership.approve, VERB.memberApprove, data, { style: 'positive' }), execute(t.membership.reject, VERB.memberReject, data, { style: 'destructive' })],
        },
      ],
    };
  });
  return card(
    [heading(t.membership.listTitle), ...(notice ? [paragraph(notice, { color: 'Good' })] : []), ...(rows.length > 0 ? rows : [paragraph(t.membership.listEmpty)])],
    [],
    t.membership.listTitle,
  );
}
