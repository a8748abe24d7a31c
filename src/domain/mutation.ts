import type { Portfolio } from './schema';

/** What a change to the portfolio returns: the next state and whatever the caller wants back. */
export interface Mutation<T> {
  next: Portfolio;
  result: T;
  /**
   * What the audit log must know about the change beyond who made it in which turn. `anonymous`:
   * a vote in an anonymous poll, whose entry may name no one and no moment finer than the day,
   * since pairing the entries with the votes by time would name every voter.
   */
  audit?: { anonymous: true };
}
