import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The closed set of error codes clients can rely on (`extensions.code`). */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'INTERNAL_SERVER_ERROR';

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

/** Bad input: always names the offending field (dot path, e.g. `input.balance`). */
export const badInput = (field: string, reason: string): AppError => new AppError('BAD_USER_INPUT', `${field}: ${reason}`, { field });
export const notFound = (what: string, id: string | number): AppError => new AppError('NOT_FOUND', `${what} ${id} does not exist`);
export const conflict = (message: string): AppError => new AppError('CONFLICT', message);
export const forbidden = (message = 'You are not allowed to do this'): AppError => new AppError('FORBIDDEN', message);

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  table?: string;
  detail?: string;
}

/** PostgreSQL constraint names → the input field they guard, for readable errors. */
const CONSTRAINT_FIELDS: Record<string, string> = {
  client_name_check: 'name', client_name_key: 'name', staffing_scenario_name_key: 'name',
  branch_target_branch_id_year_key: 'year', cash_flow_statement_pkey: 'month',
};

/**
 * Turns a database error into a client error without leaking SQL. Returns undefined when the
 * error is not a known constraint violation (it then becomes INTERNAL_SERVER_ERROR).
 */
export function fromDatabaseError(err: unknown): AppError | undefined {
  const e = err as PgError;
  if (!e || typeof e.code !== 'string') return undefined;
  const field = (e.constraint && CONSTRAINT_FIELDS[e.constraint]) ?? e.column ?? e.constraint ?? 'input';
  switch (e.code) {
    case '23505':
      return new AppError('CONFLICT', `${field}: a record with this value already exists`, { field });
    case '23514':
    case '23502':
    case '22001':
    case '22003':
    case '22P02':
    case '22007':
    case '22008':
      return badInput(field, 'value is not allowed');
    case '23503':
      return badInput(field, 'refers to a record that does not exist');
    case '40001':
      return conflict('The data changed while the request ran; reload and try again');
    case '57014':
      return new AppError('INTERNAL_SERVER_ERROR', 'The query took too long and was cancelled');
    default:
      return undefined;
  }
}

const KNOWN = new Set<string>(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * Apollo `formatError`: known codes pass through; anything else (a bug, a SQL error) becomes a
 * generic INTERNAL_SERVER_ERROR with no stack trace or SQL text. Validation errors keep their
 * code but lose `stacktrace`.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void = console.error): GraphQLFormattedError {
  let code = String(formatted.extensions?.code ?? '');
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  // type-graphql argument validation (checked first: it already carries BAD_USER_INPUT, but no field)
  if ((original as { name?: string })?.name === 'ArgumentValidationError') {
    const errs = (original as { extensions?: { validationErrors?: { property: string; constraints?: Record<string, string> }[] } }).extensions?.validationErrors ?? [];
    const first = errs[0];
    const field = first?.property ?? 'input';
    const reason = first?.constraints ? Object.values(first.constraints)[0] : 'invalid value';
    return { message: `${field}: ${reason}`, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', field } };
  }
  // A scalar that rejected a literal during validation: report it as the input error it is.
  if (original instanceof AppError && original.extensions.code === 'BAD_USER_INPUT') {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { ...original.extensions } };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' && /^Variable "\$\w+" got invalid value/.test(formatted.message)) code = 'BAD_USER_INPUT';
  if (KNOWN.has(code)) {
    const { stacktrace: _s, ...ext } = formatted.extensions ?? {};
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { ...ext, code } };
  }
  const db = fromDatabaseError(original);
  if (db) return { message: db.message, path: formatted.path, extensions: db.extensions };
  log(original);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
