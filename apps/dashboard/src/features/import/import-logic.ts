/**
 * Pure helpers of the Import page: the browser-side size check, base64 of the file bytes, the
 * problems in the UI language, the error report as CSV, the outcome wording, readable API errors
 * and time formatting.
 */
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { formatCount, type DisplayLocale } from '@loan-desk/domain';
import { toCsv } from '../../lib/csv';
import type { ExportColumn } from '../../lib/neutralize';
import { MESSAGES, type MessageKey } from '../../app/messages';
import type { ImportProblemCode } from '../../gql/graphql';
import { localTime } from '../../lib/local-time';

/** The API's limit on `input.content` (bytes of the file, before base64): 10 MB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** The API returns at most this many row problems (`errorCount` says how many there are). */
export const MAX_ERRORS_RETURNED = 500;
/** What the file input offers. */
export const ACCEPTED_FILES = '.csv,text/csv,text/plain';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * "10 MB", "10.1 MB": one decimal at most (1 MB = 1,048,576 bytes, as the API counts); `up`
 * rounds up, so a file just over the limit never reads as the limit itself.
 */
export function formatMegabytes(bytes: number, up = false): string {
  const tenths = (bytes / 1048576) * 10;
  const mb = (up ? Math.ceil(tenths - 1e-9) : Math.round(tenths)) / 10;
  return `${mb.toFixed(1).replace(/\.0$/, '')} MB`;
}

/** "12.3 kB" / "4.5 MB" / "850 B" for a chosen file. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(1)} kB`;
  return formatMegabytes(bytes, true);
}

/** Null when the file may be sent; otherwise why not (checked before the file is read). */
export function fileSizeProblem(size: number, t: Translate): string | null {
  if (size === 0) return t('import.fileEmpty');
  if (size > MAX_IMPORT_BYTES)
    return t('import.fileTooLarge', { size: formatMegabytes(size, true), max: formatMegabytes(MAX_IMPORT_BYTES) });
  return null;
}

/**
 * Standard base64 (RFC 4648, with padding) of the bytes as they are: a byte order mark, UTF-8
 * Chinese text or invalid bytes all arrive unchanged. Encoded in slices that are a multiple of
 * 3 bytes, so the pieces concatenate into one valid base64 string.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const SLICE = 3 * 0x4000;
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += SLICE) {
    const part = bytes.subarray(i, i + SLICE);
    let binary = '';
    for (let j = 0; j < part.length; j += 0x1000) binary += String.fromCharCode(...part.subarray(j, j + 0x1000));
    out.push(btoa(binary));
  }
  return out.join('');
}

export interface RowError {
  line: number;
  column: string;
  /** ImportProblemCode; a code this build does not know (a newer API) falls back to `reason`. */
  code: string;
  /** The values the reason quotes, in order. */
  params: readonly string[];
  /** The API's English reason. */
  reason: string;
}

/** The message key of a problem code (every ImportProblemCode has one: checked by the compiler and a unit test). */
export const problemKey = (code: ImportProblemCode): MessageKey => `import.problem.${code}`;

const isProblemCode = (code: string): code is ImportProblemCode => `import.problem.${code}` in MESSAGES.en;

/**
 * A problem in the UI language: the code's template with `{0}`, `{1}`, … replaced by the params;
 * the API's English reason for a code this build does not know.
 */
export function problemText(e: Pick<RowError, 'code' | 'params' | 'reason'>, t: Translate): string {
  if (!isProblemCode(e.code)) return e.reason;
  return t(problemKey(e.code), Object.fromEntries(e.params.map((p, i) => [String(i), p])));
}

/**
 * The error report: `line,column,reason,code` (the reason in the UI language), RFC 4180 quoting,
 * CRLF, UTF-8 byte order mark (Excel then reads Chinese correctly), formula-like text neutralized
 * as in every other CSV export.
 */
export function errorReportCsv(errors: readonly RowError[], t: Translate): string {
  const columns: readonly ExportColumn<RowError>[] = [
    { header: 'line', type: 'number', value: (e) => e.line },
    { header: 'column', type: 'text', value: (e) => e.column },
    { header: 'reason', type: 'text', value: (e) => problemText(e, t) },
    { header: 'code', type: 'text', value: (e) => e.code },
  ];
  return toCsv(columns, errors);
}

/** "statements-2026-10.csv" → "statements-2026-10-errors.csv". */
export function errorReportName(fileName: string): string {
  const base = fileName.replace(/\.[^./\\]*$/, '') || 'import';
  return `${base}-errors.csv`;
}

export interface ImportOutcome {
  committed: boolean;
  rowsIn: number;
  accepted: number;
  rejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: readonly RowError[];
}

export type OutcomeTone = 'good' | 'warn' | 'bad';

/**
 * The headline of a result: every row imported; the valid rows imported and the rejected ones
 * left out (partial); or nothing written because rows have problems (all-or-nothing).
 */
export function outcomeHeadline(r: ImportOutcome, t: Translate, locale: DisplayLocale): { tone: OutcomeTone; text: string } {
  const n = (v: number) => formatCount(v, locale);
  if (!r.committed) {
    return { tone: 'bad', text: t(r.rejected === 1 ? 'import.outcome.nothingOne' : 'import.outcome.nothing', { n: n(r.rejected) }) };
  }
  if (r.rejected > 0) {
    return { tone: 'warn', text: t('import.outcome.partial', { accepted: n(r.accepted), rejected: n(r.rejected) }) };
  }
  return { tone: 'good', text: t(r.accepted === 1 ? 'import.outcome.importedOne' : 'import.outcome.imported', { n: n(r.accepted) }) };
}

/** "3 problems" or "showing the first 500 of 1,234 problems". */
export function errorsCaption(r: Pick<ImportOutcome, 'errorCount' | 'errors'>, t: Translate, locale: DisplayLocale): string {
  if (r.errorCount > r.errors.length)
    return t('import.errors.firstOf', { shown: formatCount(r.errors.length, locale), total: formatCount(r.errorCount, locale) });
  return t(r.errorCount === 1 ? 'import.errors.one' : 'import.errors.count', { n: formatCount(r.errorCount, locale) });
}

/** Whole seconds since `startMs` (never negative). */
export function elapsedSeconds(startMs: number, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - startMs) / 1000));
}

/** "2026-11-30 14:05:09" in the browser's (or the given) time zone; the raw text when unparsable. */
export function formatTimestamp(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const t = localTime(d, timeZone);
  return `${t.date} ${t.time}:${t.seconds}`;
}

interface ApiError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** "input.content: is not base64" → "is not base64" (the field is named by the wording around it). */
function withoutField(e: ApiError): string {
  const field = typeof e.extensions?.field === 'string' ? e.extensions.field : null;
  return field && e.message.startsWith(`${field}: `) ? e.message.slice(field.length + 2) : e.message;
}

/**
 * A file refused as a whole, in the UI language when the API sent its code (`extensions.importCode`,
 * `params`, `line`, `column`); otherwise the API's English message.
 */
function fileProblem(e: ApiError, t: Translate): string {
  const x = e.extensions ?? {};
  const params = Array.isArray(x.params) ? x.params.map(String) : null;
  if (typeof x.importCode !== 'string' || !isProblemCode(x.importCode) || params === null || typeof x.line !== 'number')
    return withoutField(e);
  const reason = problemText({ code: x.importCode, params, reason: '' }, t);
  const column = typeof x.column === 'string' ? x.column : '';
  return column ? t('import.error.at', { line: x.line, column, reason }) : t('import.error.atLine', { line: x.line, reason });
}

function describeApiErrors(errors: readonly ApiError[], t: Translate): string {
  const first = errors[0];
  if (!first) return t('import.error.unknown');
  const code = first.extensions?.code;
  if (code === 'FORBIDDEN') return t('import.error.forbidden');
  if (code === 'UNAUTHENTICATED') return t('import.error.unauthenticated');
  if (code === 'BAD_USER_INPUT' && first.extensions?.field === 'input.content')
    return t('import.error.file', { reason: fileProblem(first, t) });
  if (code === 'BAD_USER_INPUT' && first.extensions?.field === 'input.fileName')
    return t('import.error.fileName', { reason: withoutField(first) });
  if (code === 'BAD_REQUEST' && /larger than the limit/.test(first.message)) return t('import.error.tooLarge');
  return errors.map((e) => e.message).join('; ');
}

/** A failed import (GraphQL errors, an HTTP error, no network) as one readable sentence. */
export function importErrorMessage(error: unknown, t: Translate): string {
  if (CombinedGraphQLErrors.is(error)) return describeApiErrors(error.errors as readonly ApiError[], t);
  if (ServerError.is(error)) {
    // Errors before Apollo Server (a body over the limit) come as JSON with a non-2xx status.
    try {
      const body = JSON.parse(error.bodyText) as { errors?: ApiError[] };
      if (body.errors?.length) return describeApiErrors(body.errors, t);
    } catch {
      /* not JSON */
    }
    if (error.statusCode === 413) return t('import.error.tooLarge');
    return t('import.error.http', { status: error.statusCode });
  }
  const message = error instanceof Error ? error.message : String(error);
  return t('import.error.network', { message });
}
