/**
 * Domain errors carry a stable code for the log and parameters for the user's sentence;
 * the sentence itself lives in the i18n catalogues under the same code.
 */
export const ERROR_CODES = [
  'PROJECT.NOT_FOUND',
  'ORGANISATION.NOT_FOUND',
  'NETWORK.NOT_CONFIGURED',
  'INPUT.TOO_LONG',
  'INPUT.INVALID',
  'CARD.STALE',
  'STORE.WRITE_FAILED',
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
