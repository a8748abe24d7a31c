import { PortfolioLookup } from '../../src/domain/lookup';
import type { Locale, Portfolio } from '../../src/domain/schema';
import { MemoryStore } from '../../src/store/memory-store';
import type { Activity } from '../../src/teams/activity';
import { createTurn, type Turn, type TurnServices } from '../../src/teams/turn';

const CLIENT_LOCALE: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-US' };

export interface TurnOptions {
  networkId: string;
  locale?: Locale;
  /** The sender: an aadObjectId and a name; absent for an anonymous activity. */
  from?: { aadObjectId?: string; name?: string };
  conversation?: { id?: string; conversationType?: 'personal' | 'groupChat' | 'channel' };
  replyToId?: string;
  /** The activity's Entra ID tenant (`conversation.tenantId`); none unless told. */
  tenantId?: string;
  now?: Date;
  bootstrapAdmins?: string[];
}

export const VOTE_SECRET = 'test-vote-secret-test-vote-secret';

/**
 * A handler's turn without HTTP: a real in-memory store holding `portfolio`, the turn built the
 * way app.ts builds it. Returns the store too, to read what the handler changed.
 */
export function aTurn(portfolio: Portfolio, o: TurnOptions): { turn: Turn; store: MemoryStore; services: TurnServices } {
  const store = new MemoryStore(portfolio);
  let n = 0;
  const services: TurnServices = {
    store,
    lookup: new PortfolioLookup(),
    clock: () => o.now ?? new Date('2026-12-03T12:00:00Z'),
    newId: (prefix) => `${prefix}-${++n}`,
    audit: { recent: async () => [] },
    config: { localMode: true, defaultLocale: 'nb', defaultNetworkId: o.networkId, bootstrapAdmins: o.bootstrapAdmins ?? [], voteSecret: VOTE_SECRET },
  };
  const activity: Activity = {
    type: 'message',
    id: 'activity-1',
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.invalid/',
    locale: CLIENT_LOCALE[o.locale ?? 'nb'],
    from: { id: '29:test', name: o.from?.name, aadObjectId: o.from?.aadObjectId },
    recipient: { id: '28:flokk' },
    conversation: { id: o.conversation?.id ?? 'a:personal', conversationType: o.conversation?.conversationType ?? 'personal', ...(o.tenantId ? { tenantId: o.tenantId } : {}) },
    replyToId: o.replyToId,
  };
  return { turn: createTurn(services, activity), store, services };
}
