import { AsyncLocalStorage } from 'node:async_hooks';
import { personByAad } from '../domain/people';
import type { Logger } from '../log';
import type { AuditTrail } from '../store/audit-log';
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

/**
 * Every change that reaches the store is recorded once it is durable, with the scope of the turn
 * that made it; changes outside any turn (deadlines closing polls) are Flokk's own.
 */
export function audited(store: PortfolioStore, trail: AuditTrail, log: Logger, now: () => Date): PortfolioStore {
  return {
    read: () => store.read(),
    flush: () => store.flush(),
    close: () => store.close(),
    health: () => store.health(),
    update: async (change) => {
      let changed = false;
      const result = await store.update((p) => {
        const m = change(p);
        changed = m.next !== p;
        return m;
      });
      if (changed) {
        const s = scope.getStore() ?? { action: 'flokk.scheduled', objects: {} };
        const person = s.aadObjectId && s.networkId ? personByAad(store.read(), s.networkId, s.aadObjectId) : undefined;
        await trail
          .append({ at: now().toISOString(), networkId: s.networkId, actor: s.aadObjectId ?? 'flokk', personId: person?.id, action: s.action, objects: s.objects })
          .catch((error: unknown) => log.error('audit entry not written', { error, action: s.action }));
      }
      return result;
    },
  };
}
