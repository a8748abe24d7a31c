import { emptyPortfolio, type Portfolio } from '../domain/schema';
import type { AuditEntry } from './audit-log';
import { SerialisedStore } from './serialised-store';

/** Keeps the portfolio, and the audit entries of its changes, in memory only. For unit tests; Flokk itself always runs on a file. */
export class MemoryStore extends SerialisedStore {
  /** The audit entries of the changes written, oldest first. */
  readonly auditEntries: readonly AuditEntry[];

  constructor(initial: Portfolio = emptyPortfolio()) {
    const entries: AuditEntry[] = [];
    super(initial, { append: async (...batch) => void entries.push(...batch) });
    this.auditEntries = entries;
  }

  protected async persist(): Promise<void> {}
}
