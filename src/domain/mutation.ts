import type { Portfolio } from './schema';

/** What a change to the portfolio returns: the next state and whatever the caller wants back. */
export interface Mutation<T> {
  next: Portfolio;
  result: T;
}
