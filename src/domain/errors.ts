/**
 * Domain errors carry a stable code for the log and parameters for the user's sentence;
 * the sentence itself lives in the i18n catalogues under the same code.
 */
export const ERROR_CODES = [
  'PROJECT.NOT_FOUND',
  'PROJECT.TRANSITION_NOT_ALLOWED',
  'INITIATIVE.NOT_FOUND',
  'INITIATIVE.ALREADY_PROPOSED',
  'PERSON.NOT_FOUND',
  'ACCESS.DENIED',
  'ACCESS.NO_IDENTITY',
  'ORGANISATION.NOT_FOUND',
  'MEMBERSHIP.PENDING',
  'MEMBERSHIP.NOT_PENDING',
  'BODY.NOT_FOUND',
  'BODY.NOT_A_MEMBER',
  'BODY.ALREADY_MEMBER',
  'BODY.TERM_INVALID',
  'NETWORK.NOT_CONFIGURED',
  'INPUT.TOO_LONG',
  'INPUT.INVALID',
  'CARD.STALE',
  'STORE.WRITE_FAILED',
  'POLL.NOT_FOUND',
  'POLL.CLOSED',
  'POLL.NOT_ELIGIBLE',
  'POLL.REASON_REQUIRED',
  'POLL.REASON_TOO_LONG',
  'POLL.INVALID_VOTE',
  'POLL.NO_BOARD',
  'POLL.NO_ELIGIBLE_VOTERS',
  'POLL.PROJECT_NOT_UNDER_CONSIDERATION',
  'POLL.DEADLINE_IN_PAST',
  'POLL.DEADLINE_NOT_LATER',
  'POLL.STILL_OPEN',
  'POLL.ALREADY_DECIDED',
  'POLL.NOT_AWAITING_LEADER',
  'POLL.PROJECT_NEEDS_BOARD',
  'POLL.QUORUM_BELOW_BODY',
  'POLL.NOT_VISIBLE',
  'DECISION.STATEMENT_REQUIRED',
  'DECISION.STATEMENT_TOO_LONG',
  'DECISION.INVALID_CHOICE',
  'DECISION.BODY_NOT_FOUND',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
