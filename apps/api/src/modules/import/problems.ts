/**
 * Machine-readable codes of import problems: one per reason template. A rejected row's problem
 * (`ImportRowError`) and a file refused as a whole (`CsvFileError`, GraphQL `extensions.importCode`)
 * carry the code and `params`, the values the English reason quotes, in order; the reason is the
 * template below with `{n}` replaced by params[n] (so clients can show it in another language).
 */
export enum ImportProblemCode {
  // The row as a whole (column `*`).
  WRONG_FIELD_COUNT = 'WRONG_FIELD_COUNT',
  UNTERMINATED_QUOTE = 'UNTERMINATED_QUOTE',
  // A value of the wrong type or form.
  MISSING_VALUE = 'MISSING_VALUE',
  TOO_LONG = 'TOO_LONG',
  NOT_A_NUMBER = 'NOT_A_NUMBER',
  NEGATIVE_AMOUNT = 'NEGATIVE_AMOUNT',
  AMOUNT_TOO_LARGE = 'AMOUNT_TOO_LARGE',
  TOO_MANY_DECIMALS = 'TOO_MANY_DECIMALS',
  NOT_A_WHOLE_NUMBER = 'NOT_A_WHOLE_NUMBER',
  NEGATIVE_WHOLE_NUMBER = 'NEGATIVE_WHOLE_NUMBER',
  BAD_DATE = 'BAD_DATE',
  BAD_MONTH = 'BAD_MONTH',
  UNKNOWN_VALUE = 'UNKNOWN_VALUE',
  // References and people.
  UNKNOWN_BRANCH = 'UNKNOWN_BRANCH',
  UNKNOWN_CLIENT_MANAGER = 'UNKNOWN_CLIENT_MANAGER',
  NOT_A_CLIENT_MANAGER = 'NOT_A_CLIENT_MANAGER',
  MANAGER_NOT_IN_BRANCH = 'MANAGER_NOT_IN_BRANCH',
  UNKNOWN_CLIENT = 'UNKNOWN_CLIENT',
  UNKNOWN_AGENT_BANK = 'UNKNOWN_AGENT_BANK',
  UNKNOWN_PROJECT = 'UNKNOWN_PROJECT',
  // Values that contradict each other, the calendar or the database.
  EXCEEDS_APPROVED_AMOUNT = 'EXCEEDS_APPROVED_AMOUNT',
  BEFORE_START_DATE = 'BEFORE_START_DATE',
  IN_THE_FUTURE = 'IN_THE_FUTURE',
  BEFORE_PROJECT_START = 'BEFORE_PROJECT_START',
  BEFORE_STATEMENT_MONTH = 'BEFORE_STATEMENT_MONTH',
  NAME_ALREADY_USED = 'NAME_ALREADY_USED',
  // Keys given more than once in the file.
  DUPLICATE_EXTERNAL_KEY = 'DUPLICATE_EXTERNAL_KEY',
  DUPLICATE_NAME = 'DUPLICATE_NAME',
  DUPLICATE_STATEMENT = 'DUPLICATE_STATEMENT',
  // The file as a whole (CsvFileError: nothing is imported).
  NOT_UTF8 = 'NOT_UTF8',
  RECORD_TOO_LONG = 'RECORD_TOO_LONG',
  EMPTY_FILE = 'EMPTY_FILE',
  UNKNOWN_COLUMN = 'UNKNOWN_COLUMN',
  DUPLICATE_COLUMN = 'DUPLICATE_COLUMN',
  MISSING_COLUMN = 'MISSING_COLUMN',
  UNKNOWN_IMPORT_KIND = 'UNKNOWN_IMPORT_KIND',
}

export interface ProblemSpec {
  /** The English reason; `{n}` is params[n]. */
  reason: string;
  /** What it means (GraphQL enum description, docs/import.md). */
  meaning: string;
  /** What each param is, in order. */
  params: readonly string[];
  /** Refuses the whole file (a CsvFileError), not one row. */
  file?: boolean;
}

/** A value as the reason quotes it: at most 40 characters, then `…`. */
const SHOWN = 'as written (first 40 characters, then …)';

export const PROBLEMS: Readonly<Record<ImportProblemCode, ProblemSpec>> = {
  WRONG_FIELD_COUNT: { reason: 'the row has {0} fields, the header has {1}', meaning: 'The row has more or fewer fields than the header (column `*`).', params: ['fields in the row', 'fields in the header'] },
  UNTERMINATED_QUOTE: { reason: 'unterminated quoted field (a " opens a field that never closes)', meaning: 'A quoted field is never closed; it runs to the end of the file (column `*`).', params: [] },
  MISSING_VALUE: { reason: 'missing value', meaning: 'A required column is blank.', params: [] },
  TOO_LONG: { reason: 'too long: {0} characters, at most {1}', meaning: 'A text is longer than the column allows.', params: ['characters in the value', 'the most the column allows'] },
  NOT_A_NUMBER: { reason: 'not a number: "{0}"', meaning: 'An amount that is not a plain decimal (also NaN, Infinity).', params: [`the value ${SHOWN}`] },
  NEGATIVE_AMOUNT: { reason: 'must not be negative: "{0}"', meaning: 'An amount below 0.', params: [`the value ${SHOWN}`] },
  AMOUNT_TOO_LARGE: { reason: 'too large: "{0}"', meaning: 'An amount of 10^18 or more.', params: [`the value ${SHOWN}`] },
  TOO_MANY_DECIMALS: { reason: 'more than 2 decimal places: "{0}"', meaning: 'An amount with more than 2 decimals.', params: [`the value ${SHOWN}`] },
  NOT_A_WHOLE_NUMBER: { reason: 'not a whole number: "{0}"', meaning: 'A whole-number column (days_overdue) holds something else.', params: [`the value ${SHOWN}`] },
  NEGATIVE_WHOLE_NUMBER: { reason: 'must not be negative: {0}', meaning: 'A whole number (days_overdue) below 0.', params: ['the value as written'] },
  BAD_DATE: { reason: 'not a date (YYYY-MM-DD): "{0}"', meaning: 'Not a valid date in the form YYYY-MM-DD.', params: [`the value ${SHOWN}`] },
  BAD_MONTH: { reason: 'not a month (YYYY-MM): "{0}"', meaning: 'Not a valid month in the form YYYY-MM.', params: [`the value ${SHOWN}`] },
  UNKNOWN_VALUE: { reason: 'unknown value "{0}" (expected {1})', meaning: 'An enumeration value the column does not know (any case, English or Chinese labels are accepted).', params: [`the value ${SHOWN}`, 'the accepted values, comma separated'] },
  UNKNOWN_BRANCH: { reason: 'unknown branch "{0}"', meaning: 'No branch has this code.', params: [`the branch code ${SHOWN}`] },
  UNKNOWN_CLIENT_MANAGER: { reason: 'unknown client manager "{0}"', meaning: 'No staff member has this employee number.', params: [`the employee number ${SHOWN}`] },
  NOT_A_CLIENT_MANAGER: { reason: 'employee {0} is not a client manager', meaning: 'The employee exists but is not a (senior) client manager.', params: ['the employee number'] },
  MANAGER_NOT_IN_BRANCH: { reason: 'client manager {0} does not work in branch {1}', meaning: 'The client manager works in another branch than the row names.', params: ['the employee number', 'the branch code'] },
  UNKNOWN_CLIENT: { reason: 'unknown client "{0}" (import clients first)', meaning: 'A project names a client external key that does not exist.', params: [`the client external key ${SHOWN}`] },
  UNKNOWN_AGENT_BANK: { reason: 'unknown settlement agent bank "{0}"', meaning: 'No settlement agent bank has this English or Chinese name.', params: [`the name ${SHOWN}`] },
  UNKNOWN_PROJECT: { reason: 'unknown project "{0}" (import projects first)', meaning: 'A statement names a project external key that does not exist.', params: [`the project external key ${SHOWN}`] },
  EXCEEDS_APPROVED_AMOUNT: { reason: 'exceeds the approved amount {0}', meaning: 'disbursed_amount is larger than approved_amount.', params: ['the approved amount as written'] },
  BEFORE_START_DATE: { reason: 'is before the start date {0}', meaning: 'maturity_date is before start_date.', params: ['the start date as written'] },
  IN_THE_FUTURE: { reason: 'is in the future: {0}', meaning: 'A statement month after the current month, or a submission date after today (business date, Asia/Shanghai).', params: ['the month or date as written'] },
  BEFORE_PROJECT_START: { reason: 'is before the project started ({0})', meaning: 'A statement month before the project\'s start month.', params: ['the project\'s start month (YYYY-MM)'] },
  BEFORE_STATEMENT_MONTH: { reason: 'is before the month reported on: {0}', meaning: 'submitted_on is before the first day of the statement\'s month.', params: ['the submission date as written'] },
  NAME_ALREADY_USED: { reason: 'name already used by client {0}', meaning: 'Another client in the database already has this name (client names are unique).', params: ['that client\'s external key (`#` and its id when it has none)'] },
  DUPLICATE_EXTERNAL_KEY: { reason: 'duplicate external key {0} also on line {1}', meaning: 'The external key occurs on more than one line of the file (every such line is reported).', params: ['the external key', 'the other lines, comma separated'] },
  DUPLICATE_NAME: { reason: 'duplicate name {0} also on line {1}', meaning: 'The client name occurs on more than one line of the file.', params: ['the name', 'the other lines, comma separated'] },
  DUPLICATE_STATEMENT: { reason: 'duplicate statement (project, month) {0}, {1} also on line {2}', meaning: 'The statement key (project, month) occurs on more than one line of the file.', params: ['the project external key', 'the month as written', 'the other lines, comma separated'] },
  NOT_UTF8: { reason: 'the file is not valid UTF-8 (save it as UTF-8, with or without BOM)', meaning: 'The file is not UTF-8 (e.g. GBK); `line` is the line of the first bad byte.', params: [], file: true },
  RECORD_TOO_LONG: { reason: 'a record is longer than {0} characters (an unterminated quote?)', meaning: 'One record is longer than the parser accepts, usually a quote that never closes.', params: ['the limit in characters'], file: true },
  EMPTY_FILE: { reason: 'the file is empty (a header row is required)', meaning: 'The file has no header row.', params: [], file: true },
  UNKNOWN_COLUMN: { reason: 'unknown column for a {0} file (expected {1})', meaning: 'A header name that is not a column of this kind of file (`column` is the name as written).', params: ['the kind: clients, projects or statements', 'the columns of that kind, comma separated'], file: true },
  DUPLICATE_COLUMN: { reason: 'the column appears twice in the header', meaning: 'A header name given twice (`column` names it).', params: [], file: true },
  MISSING_COLUMN: { reason: 'required column is missing from the header', meaning: 'A required column is not in the header (`column` names it).', params: [], file: true },
  UNKNOWN_IMPORT_KIND: { reason: 'unknown import kind {0}', meaning: 'Programmatic imports only (the CLI and the API check the kind first).', params: ['the kind given'], file: true },
};

/** The English reason of a problem: its template with `{n}` replaced by params[n] (one pass). */
export function problemReason(code: ImportProblemCode, params: readonly string[]): string {
  return PROBLEMS[code].reason.replace(/\{(\d+)\}/g, (m, i: string) => params[Number(i)] ?? m);
}

/** A reason template split at its `{n}` placeholders: literal text and param indexes, in order. */
export function templateParts(code: ImportProblemCode): (string | number)[] {
  return PROBLEMS[code].reason.split(/\{(\d+)\}/).map((s, i) => (i % 2 ? Number(s) : s)).filter((s) => s !== '');
}
