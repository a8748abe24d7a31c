import { boardWordOf } from '../domain/body-terms';
import type { Config } from '../config';
import { DomainError } from '../domain/errors';
import type { PortfolioLookup } from '../domain/lookup';
import { organisationForTenant } from '../domain/networks';
import { actorFor, assertMay, registerPerson, type Actor, type Permission } from '../domain/people';
import type { ConversationRef, Locale, Network, Portfolio, Project } from '../domain/schema';
import { chooseLocale, messages, type Messages } from '../i18n';
import type { AuditEntry } from '../store/audit-log';
import type { PortfolioStore } from '../store/portfolio-store';
import { conversationKindOf, conversationRefOf, networkOf, tenantOf, type Activity, type ConversationKind } from './activity';
import { RegistrationNeeded } from './actor';

/** Someone in a conversation, as the Teams roster lists them. */
export interface RosterMember {
  aadObjectId?: string;
  name?: string;
}

/** What the composition root hands in; a turn offers each handler a narrow view of it. */
export interface TurnServices {
  store: Pick<PortfolioStore, 'read' | 'update'>;
  lookup: PortfolioLookup;
  clock: () => Date;
  newId: (prefix: string) => string;
  audit: { recent(limit: number, networkId?: string): Promise<AuditEntry[]> };
  config: Pick<Config, 'localMode' | 'defaultLocale' | 'defaultNetworkId' | 'bootstrapAdmins' | 'voteSecret'>;
}

/** Everything a handler may use: the turn's facts, and a few narrow services. */
export interface Turn {
  /** The activity, kept so a handler that finishes after its turn (see the time budget in app.ts) can still read it. */
  readonly activity: Activity;
  readonly network: Network;
  /** The asker's language, for what only they see. */
  readonly locale: Locale;
  readonly t: Messages;
  /** The network's language, for what everyone sees: shared cards, announcements (README, "Every card, in all three languages"). */
  readonly shared: Messages;
  /** The portfolio as the turn began. */
  readonly portfolio: Portfolio;
  readonly conversation: { kind: ConversationKind; ref: ConversationRef };
  /** The portfolio now, including the turn's own changes. */
  read(): Portfolio;
  update: PortfolioStore['update'];
  readonly lookup: PortfolioLookup;
  now(): Date;
  newId(prefix: string): string;
  /** The person acting, from the activity (never card data); asks them to register if Flokk has not met them. */
  actor(): Actor;
  /** The actor, if they may do this (to this project); otherwise a refusal. */
  may(permission: Permission, project?: Project): Actor;
  /** The person acting if Flokk knows them, without asking anyone to register. */
  viewer(): Actor | undefined;
  /** Keys anonymous votes; stable across restarts. */
  readonly voteSecret: string;
  recentAudit(limit: number): Promise<AuditEntry[]>;
  /** The people of this network in the turn's conversation, from the Teams roster, the sender always among them. */
  conversationMembers(): Promise<string[]>;
}

/** The locale to answer in, even before the network is known (for error messages). */
export const localeOf = (activity: Activity, config: Pick<Config, 'defaultLocale'>): Locale => chooseLocale(activity.locale, config.defaultLocale);

export function createTurn(services: TurnServices, activity: Activity, roster: () => Promise<RosterMember[]> = async () => []): Turn {
  const { store, config } = services;
  const portfolio = store.read();
  const network = networkOf(portfolio, activity, config);
  if (!network) throw new DomainError('NETWORK.NOT_CONFIGURED');
  const locale = chooseLocale(activity.locale, network.locale ?? config.defaultLocale);
  const viewer = (): Actor | undefined => {
    const from = activity.from;
    if (!from?.aadObjectId) return undefined;
    return actorFor(store.read(), network.id, { aadObjectId: from.aadObjectId, name: from.name ?? '' }, config.bootstrapAdmins, services.clock());
  };
  /**
   * A newcomer from a tenant the network maps to a member organisation is that organisation's:
   * registered, confirmed, without being asked. `update` applies the change at once (the store's
   * promise), so the actor exists for the rest of the turn; it is durable with the turn's own
   * change. Should its write fail, the store logs that and the next turn registers them again.
   */
  const registeredByTenant = (aadObjectId: string): Actor | undefined => {
    if (!organisationForTenant(store.read(), network.id, tenantOf(activity))) return undefined;
    const registration = { id: services.newId('person'), networkId: network.id, aadObjectId, name: activity.from?.name ?? '', tenantId: tenantOf(activity) };
    void store.update((p) => registerPerson(p, registration)).catch(() => undefined);
    return viewer();
  };
  const actor = (): Actor => {
    if (!activity.from?.aadObjectId) throw new DomainError('ACCESS.NO_IDENTITY');
    const found = viewer() ?? registeredByTenant(activity.from.aadObjectId);
    if (!found) throw new RegistrationNeeded();
    return found;
  };
  return {
    activity,
    network,
    locale,
    t: messages(locale, boardWordOf(portfolio, network.id)),
    shared: messages(network.locale, boardWordOf(portfolio, network.id)),
    portfolio,
    conversation: { kind: conversationKindOf(activity), ref: conversationRefOf(activity) },
    read: () => store.read(),
    update: (change) => store.update(change),
    lookup: services.lookup,
    now: services.clock,
    newId: services.newId,
    actor,
    may: (permission, project) => {
      const a = actor();
      assertMay(a, permission, project);
      return a;
    },
    viewer,
    voteSecret: config.voteSecret,
    recentAudit: (limit) => services.audit.recent(limit, network.id),
    conversationMembers: async () => {
      const p = store.read();
      const members = await roster();
      const aadIds = new Set([...members.flatMap((m) => (m.aadObjectId ? [m.aadObjectId] : [])), ...(activity.from?.aadObjectId ? [activity.from.aadObjectId] : [])]);
      return p.people.filter((x) => x.networkId === network.id && x.aadObjectId && aadIds.has(x.aadObjectId)).map((x) => x.id);
    },
  };
}
