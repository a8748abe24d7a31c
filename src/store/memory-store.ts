import { emptyPortfolio, type Portfolio } from '../domain/schema';
import { SerialisedStore } from './serialised-store';

/** Keeps the portfolio in memory only. For unit tests; Flokk itself always runs on a file. */
export class MemoryStore extends SerialisedStore {
  constructor(initial: Portfolio = emptyPortfolio()) {
    super(initial);
  }

  protected async persist(): Promise<void> {}
}
