import type { Config } from '../config';
import type { PortfolioLookup } from '../domain/lookup';
import type { Logger } from '../log';
import type { AuditTrail } from '../store/audit-log';
import type { PortfolioStore } from '../store/portfolio-store';
import type { Exports } from './exports';
import type { Outbox } from './proactive/outbox';

/** Everything a handler may use, handed in by the composition root. */
export interface AppDeps {
  store: PortfolioStore;
  lookup: PortfolioLookup;
  log: Logger;
  clock: () => Date;
  newId: (prefix: string) => string;
  outbox: Outbox;
  exports: Exports;
  audit: AuditTrail;
  /** How long an invoke may take before Teams gets an interim answer (Teams gives up after about 5 s). */
  invokeBudgetMs: number;
  config: Pick<Config, 'localMode' | 'defaultLocale' | 'defaultNetworkId' | 'bootstrapAdmins' | 'credentials' | 'voteSecret'>;
}
