import { AsyncLocalStorage } from 'node:async_hooks';
import type { Mutation } from '../domain/mutation';
import { personByAad } from '../domain/people';
import { osloDate } from '../domain/time';
import type { AuditEntry } from '../store/audit-log';
import type { PortfolioStore } from '../store/portfolio-store';

/** Who is acting in the turn under way, and on what: set once per turn from the activity. */
export interface AuditScope {
  aadObjectId?: string;
  networkId?: string;
  action: string;
  /** The ids the turn's parsed input names; filled in once the input is parsed. */
  objects: Record<string, string>;
}

const scope = new AsyncLocalStorage<AuditScope>();

export function inAuditScope<T>(s: AuditScope, run: () => Promise<T>): Promise<T> {
  return scope.run(s, run);
}

/** The ids an action's parsed data names (projectId, pollId …), for the audit entry; never the rest of the data. */
export function objectIdsOf(data: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) if (/Id$/.test(k) && typeof v === 'string' && v.length <= 100) out[k] = v;
  }
  return out;
}

/** The scope of a change made outside any turn: Flokk's own (deadlines closing polls, reminders). */
const SCHEDULED: AuditScope = { action: 'flokk.scheduled', objects: {} };

/**
 * Every change that reaches the store carries its audit entry, with the scope of the turn that
 * made it; the store makes the entry durable before the change and acknowledges neither without
 * the other. Changes outside any turn (deadlines closing polls) are Flokk's own.
 */
export function audited(store: PortfolioStore, now: () => Date): PortfolioStore {
  return {
    read: () => store.read(),
    flush: () => store.flush(),
    close: () => store.close(),
    health: () => store.health(),
    update: (change) => {
      const s = scope.getStore() ?? SCHEDULED;
      return store.update((current) => {
        const m = change(current);
        return m.next === current ? m : { ...m, auditEntry: entryFor(s, m, now()) };
      });
    },
  };
}

function entryFor(s: AuditScope, m: Mutation<unknown>, at: Date): AuditEntry {
  if (m.audit?.anonymous) {
    // A vote in an anonymous poll: no actor, no person, only the day (in a board of a handful of
    // members an hour often holds one vote, and the voter's other entries that hour say whose it is),
    // and of the objects only the poll.
    return { at: osloDate(at), networkId: s.networkId, action: s.action, objects: s.objects.pollId ? { pollId: s.objects.pollId } : {} };
  }
  // The person as the change leaves the portfolio: someone registering in this very change is named.
  const person = s.aadObjectId && s.networkId ? personByAad(m.next, s.networkId, s.aadObjectId) : undefined;
  return { at: at.toISOString(), networkId: s.networkId, actor: s.aadObjectId ?? 'flokk', personId: person?.id, action: s.action, objects: { ...s.objects } };
}
