/**
 * Thrown when input that may come from a user (a decimal, a month, a date)
 * does not parse. The API maps `code` to a GraphQL `extensions.code`; plain
 * RangeErrors elsewhere in this package signal programming errors.
 */
export const DOMAIN_ERROR_CODES = ['INVALID_DECIMAL', 'INVALID_MONTH', 'INVALID_DATE'] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;

  constructor(code: DomainErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
