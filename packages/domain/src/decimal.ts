/**
 * Exact decimal arithmetic on strings ("1234.56") using BigInt fixed point.
 * Money and ratios never go through JS numbers: binary floats cannot represent
 * 0.1 exactly and sums of balances must match PostgreSQL `numeric` to the cent.
 */
import { DomainError } from './domain-error.js';

/** A decimal number written as `^-?\d+(\.\d+)?$`, e.g. "1234.56". */
export type DecimalString = string;

/** value = units / 10^scale */
export interface DecimalParts {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
const POW10_CACHE: bigint[] = [];

function pow10(n: number): bigint {
  let p = POW10_CACHE[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    if (n < 64) POW10_CACHE[n] = p;
  }
  return p;
}

function checkScale(scale: number, what = 'scale'): void {
  if (!Number.isSafeInteger(scale) || scale < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${String(scale)}`);
  }
}

export function isDecimalString(s: unknown): s is DecimalString {
  return typeof s === 'string' && DECIMAL_PATTERN.test(s);
}

export function parseDecimal(s: string): DecimalParts {
  if (typeof s !== 'string' || !DECIMAL_PATTERN.test(s)) {
    const shown = typeof s === 'string' ? JSON.stringify(s) : `${String(s)} (${typeof s})`;
    throw new DomainError(
      'INVALID_DECIMAL',
      `Invalid decimal ${shown}: expected a string like "1234.56" (pattern -?digits[.digits])`,
    );
  }
  const negative = s.startsWith('-');
  const body = negative ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const digits = dot < 0 ? body : body.slice(0, dot) + body.slice(dot + 1);
  const scale = dot < 0 ? 0 : body.length - dot - 1;
  const abs = BigInt(digits);
  return { units: negative ? -abs : abs, scale };
}

/** Renders units/10^scale with exactly `scale` fraction digits; never "-0". */
export function decimalFromParts(units: bigint, scale: number): DecimalString {
  checkScale(scale);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString();
  const sign = negative ? '-' : '';
  if (scale === 0) return sign + digits;
  const padded = digits.padStart(scale + 1, '0');
  return `${sign}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

function rescaleUp(p: DecimalParts, scale: number): bigint {
  return p.units * pow10(scale - p.scale);
}

/** Divides and rounds half-up (half away from zero, like PostgreSQL `round(numeric)`). */
function divRoundHalfUp(num: bigint, den: bigint): bigint {
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  let q = n / d;
  if ((n % d) * 2n >= d) q += 1n;
  return negative ? -q : q;
}

/**
 * Exact rational numerator/denominator as a decimal rounded half-up to `scale`
 * places. Throws on a zero denominator (callers decide what "no data" means).
 */
export function ratioToDecimal(numerator: bigint, denominator: bigint, scale = 10): DecimalString {
  checkScale(scale);
  if (denominator === 0n) throw new RangeError('ratioToDecimal: denominator is zero');
  return decimalFromParts(divRoundHalfUp(numerator * pow10(scale), denominator), scale);
}

/** Canonical form: no leading zeros, no "-0"; keeps the fraction digits given. */
export function normalizeDecimal(s: string): DecimalString {
  const p = parseDecimal(s);
  return decimalFromParts(p.units, p.scale);
}

/** Drops trailing fraction zeros: "1.2500" → "1.25", "3.00" → "3". */
export function trimDecimal(s: string): DecimalString {
  const n = normalizeDecimal(s);
  return n.includes('.') ? n.replace(/\.?0+$/, '') : n;
}

/** Result keeps max(scale a, scale b) fraction digits. */
export function addDecimal(a: string, b: string): DecimalString {
  const pa = parseDecimal(a);
  const pb = parseDecimal(b);
  const scale = Math.max(pa.scale, pb.scale);
  return decimalFromParts(rescaleUp(pa, scale) + rescaleUp(pb, scale), scale);
}

export function subDecimal(a: string, b: string): DecimalString {
  const pa = parseDecimal(a);
  const pb = parseDecimal(b);
  const scale = Math.max(pa.scale, pb.scale);
  return decimalFromParts(rescaleUp(pa, scale) - rescaleUp(pb, scale), scale);
}

/** Exact product; its scale is the sum of the operand scales. */
export function mulDecimal(a: string, b: string): DecimalString {
  const pa = parseDecimal(a);
  const pb = parseDecimal(b);
  return decimalFromParts(pa.units * pb.units, pa.scale + pb.scale);
}

export function negateDecimal(s: string): DecimalString {
  const p = parseDecimal(s);
  return decimalFromParts(-p.units, p.scale);
}

export function absDecimal(s: string): DecimalString {
  const p = parseDecimal(s);
  return decimalFromParts(p.units < 0n ? -p.units : p.units, p.scale);
}

export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const pa = parseDecimal(a);
  const pb = parseDecimal(b);
  const scale = Math.max(pa.scale, pb.scale);
  const x = rescaleUp(pa, scale);
  const y = rescaleUp(pb, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZeroDecimal(s: string): boolean {
  return parseDecimal(s).units === 0n;
}

export function minDecimal(a: string, b: string): DecimalString {
  return compareDecimal(a, b) <= 0 ? normalizeDecimal(a) : normalizeDecimal(b);
}

export function maxDecimal(a: string, b: string): DecimalString {
  return compareDecimal(a, b) >= 0 ? normalizeDecimal(a) : normalizeDecimal(b);
}

/** Exact sum with the largest scale of the inputs; "0" for an empty list. */
export function sumDecimals(values: readonly string[]): DecimalString {
  const parts = values.map(parseDecimal);
  const scale = parts.reduce((m, p) => Math.max(m, p.scale), 0);
  let total = 0n;
  for (const p of parts) total += rescaleUp(p, scale);
  return decimalFromParts(total, scale);
}

/** a ÷ b rounded half-up to `scale` places (fixed scale); null when b is zero. */
export function divDecimal(a: string, b: string, scale = 10): DecimalString | null {
  checkScale(scale);
  const pa = parseDecimal(a);
  const pb = parseDecimal(b);
  if (pb.units === 0n) return null;
  // a/b = (ua/10^sa) / (ub/10^sb) = ua·10^sb / (ub·10^sa)
  return ratioToDecimal(pa.units * pow10(pb.scale), pb.units * pow10(pa.scale), scale);
}

/**
 * Rounds half-up (away from zero) to at most `scale` fraction digits. Values
 * that already have fewer digits are returned unchanged (not padded).
 */
export function roundDecimal(s: string, scale: number): DecimalString {
  checkScale(scale);
  const p = parseDecimal(s);
  if (p.scale <= scale) return decimalFromParts(p.units, p.scale);
  return decimalFromParts(divRoundHalfUp(p.units, pow10(p.scale - scale)), scale);
}

/** Rounds half-up and pads to exactly `scale` fraction digits. */
export function formatDecimal(s: string, scale: number): DecimalString {
  checkScale(scale);
  const p = parseDecimal(s);
  if (p.scale <= scale) return decimalFromParts(rescaleUp(p, scale), scale);
  return decimalFromParts(divRoundHalfUp(p.units, pow10(p.scale - scale)), scale);
}

/** Validation helper: false for anything that is not a decimal string ≥ 0. */
export function isNonNegativeDecimal(s: unknown): boolean {
  return isDecimalString(s) && parseDecimal(s).units >= 0n;
}

export function centsToDecimal(cents: bigint): DecimalString {
  return decimalFromParts(cents, 2);
}

/** "12.3" → 1230n; throws when the amount has more than 2 fraction digits. */
export function decimalToCents(s: string): bigint {
  const p = parseDecimal(s);
  if (p.scale > 2) {
    throw new DomainError(
      'INVALID_DECIMAL',
      `Amount ${JSON.stringify(s)} has more than 2 fraction digits; cannot convert to cents exactly`,
    );
  }
  return rescaleUp(p, 2);
}
