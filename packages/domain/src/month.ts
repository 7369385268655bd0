/**
 * Calendar month as the string "YYYY-MM". Statements, KPIs and targets are all
 * per month, and a plain string sorts correctly, serialises as-is to GraphQL and
 * compares against SQL `to_char(month, 'YYYY-MM')` without time-zone traps.
 */

import { DomainError } from './domain-error.js';

export type Month = `${number}-${string}`;

/** ISO calendar date "YYYY-MM-DD". */
export type IsoDate = `${number}-${string}-${string}`;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ISO_DATE_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MAX_ORDINAL = 9999 * 12 + 11;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Months since 0000-01; makes arithmetic plain integer arithmetic. */
function ordinal(m: string): number {
  const match = typeof m === 'string' ? MONTH_PATTERN.exec(m) : null;
  if (!match) {
    throw new DomainError(
      'INVALID_MONTH',
      `Invalid month ${JSON.stringify(m)}: expected "YYYY-MM" with month 01-12, e.g. "2026-10"`,
    );
  }
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function fromOrdinal(n: number): Month {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_ORDINAL) {
    throw new RangeError(`Month out of range (years 0000-9999): ordinal ${n}`);
  }
  return `${pad(Math.floor(n / 12), 4)}-${pad((n % 12) + 1, 2)}` as Month;
}

function checkInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${String(n)}`);
}

export function isMonth(s: unknown): s is Month {
  return typeof s === 'string' && MONTH_PATTERN.test(s);
}

/** Validates "YYYY-MM" and returns it typed; throws a descriptive Error otherwise. */
export function parseMonth(s: string): Month {
  ordinal(s);
  return s as Month;
}

/** Month of a Date, read in UTC so the result does not depend on the server's zone. */
export function monthFromDate(d: Date): Month {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new DomainError('INVALID_DATE', `Invalid date: ${String(d)}`);
  }
  return fromOrdinal(d.getUTCFullYear() * 12 + d.getUTCMonth());
}

/** Month of an ISO date string "YYYY-MM-DD". */
export function monthFromIsoDate(date: string): Month {
  const match = typeof date === 'string' ? ISO_DATE_PATTERN.exec(date) : null;
  if (!match || Number(match[3]) > daysInMonth(Number(match[1]), Number(match[2]))) {
    throw new DomainError('INVALID_DATE', `Invalid date ${JSON.stringify(date)}: expected "YYYY-MM-DD"`);
  }
  return `${match[1]}-${match[2]}` as Month;
}

export function addMonths(m: Month, n: number): Month {
  checkInteger(n, 'addMonths: n');
  return fromOrdinal(ordinal(m) + n);
}

/** a − b in months, so that addMonths(b, monthDiff(a, b)) === a. */
export function monthDiff(a: Month, b: Month): number {
  return ordinal(a) - ordinal(b);
}

export function compareMonths(a: Month, b: Month): -1 | 0 | 1 {
  const d = monthDiff(a, b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export function yearOf(m: Month): number {
  return Math.floor(ordinal(m) / 12);
}

/** 1 (January) … 12 (December). */
export function monthIndex(m: Month): number {
  return (ordinal(m) % 12) + 1;
}

export function previousMonth(m: Month): Month {
  return addMonths(m, -1);
}

export function nextMonth(m: Month): Month {
  return addMonths(m, 1);
}

export function sameMonthLastYear(m: Month): Month {
  return addMonths(m, -12);
}

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function firstDay(m: Month): IsoDate {
  ordinal(m);
  return `${m}-01` as IsoDate;
}

export function lastDay(m: Month): IsoDate {
  return `${m}-${pad(daysInMonth(yearOf(m), monthIndex(m)), 2)}` as IsoDate;
}

/** A statement for month m is due by the 10th of the following month (product rule). */
export function statementDueDate(m: Month): IsoDate {
  return `${nextMonth(m)}-10` as IsoDate;
}

/** Inclusive list from..to; empty when from is after to. */
export function monthRange(from: Month, to: Month): Month[] {
  const start = ordinal(from);
  const end = ordinal(to);
  const out: Month[] = [];
  for (let i = start; i <= end; i++) out.push(fromOrdinal(i));
  return out;
}

/** January … m of m's year (the year-to-date period). */
export function monthsOfYearThrough(m: Month): Month[] {
  return monthRange(`${pad(yearOf(m), 4)}-01` as Month, m);
}

// Days since 1970-01-01 for a proleptic Gregorian date (Hinnant's algorithm),
// so date windows need no Date object and no time zone.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): IsoDate {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` as IsoDate;
}

/** Adds whole days to an ISO date. */
export function addDays(date: string, days: number): IsoDate {
  checkInteger(days, 'addDays: days');
  const month = monthFromIsoDate(date);
  const day = Number(date.slice(8, 10));
  return civilFromDays(daysFromCivil(yearOf(month), monthIndex(month), day) + days);
}

/**
 * The contact-coverage window: the `days` days ending on the last day of m,
 * both ends inclusive (90 days → lastDay − 89 … lastDay).
 */
export function contactCoverageWindow(m: Month, days = 90): { from: IsoDate; to: IsoDate } {
  checkInteger(days, 'contactCoverageWindow: days');
  if (days < 1) throw new RangeError(`contactCoverageWindow: days must be ≥ 1, got ${days}`);
  const to = lastDay(m);
  return { from: addDays(to, -(days - 1)), to };
}
