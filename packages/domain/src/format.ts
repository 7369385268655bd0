/**
 * Display formatting for the dashboard. Rounding is done on exact decimals
 * (decimal.ts); Intl only adds digit grouping and month names.
 */
import {
  absDecimal,
  compareDecimal,
  divDecimal,
  formatDecimal,
  isZeroDecimal,
  mulDecimal,
  type DecimalString,
} from './decimal.js';
import type { Currency } from './enums.js';
import type { DisplayLocale } from './locale.js';
import { monthIndex, parseMonth, yearOf, type Month } from './month.js';

/** Shown for null / not applicable values. */
export const EMPTY_VALUE = '—';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Groups a fixed-scale decimal string ("1234.50" → "1,234.50") without going through a float. */
function group(fixed: DecimalString, locale: DisplayLocale): string {
  const dot = fixed.indexOf('.');
  const digits = dot < 0 ? 0 : fixed.length - dot - 1;
  const key = `${locale}|${digits}`;
  let nf = numberFormats.get(key);
  if (nf === undefined) {
    nf = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: true,
    });
    numberFormats.set(key, nf);
  }
  return nf.format(fixed as `${number}`);
}

interface Unit {
  readonly divisor: string;
  readonly suffix: string;
}

const ZH_UNITS: readonly Unit[] = [
  { divisor: '1', suffix: '' },
  { divisor: '10000', suffix: '万' },
  { divisor: '100000000', suffix: '亿' },
];

const EN_UNITS: readonly Unit[] = [
  { divisor: '1', suffix: '' },
  { divisor: '1000', suffix: 'K' },
  { divisor: '1000000', suffix: 'M' },
  { divisor: '1000000000', suffix: 'B' },
];

/**
 * Picks the unit after rounding, so 99,999,999.99 shows as "1.00亿" rather
 * than "10,000.00万".
 */
function scaleToUnit(abs: DecimalString, units: readonly Unit[], step: string): { value: string; suffix: string } {
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as Unit;
    const value = divDecimal(abs, unit.divisor, 2) as string;
    if (i === units.length - 1 || compareDecimal(value, step) < 0) return { value, suffix: unit.suffix };
  }
  throw new Error('unreachable');
}

/**
 * zh-CN: "3.46亿", "1,234.50万", "9,999.00" (CNY implied; USD gets 美元).
 * en: "CNY 1.23B", "USD 45.60K", "CNY 999.00".
 */
export function formatMoney(
  amount: string | null | undefined,
  locale: DisplayLocale,
  currency: Currency = 'CNY',
): string {
  if (amount === null || amount === undefined) return EMPTY_VALUE;
  const zh = locale === 'zh-CN';
  const { value, suffix } = scaleToUnit(absDecimal(amount), zh ? ZH_UNITS : EN_UNITS, zh ? '10000' : '1000');
  const sign = compareDecimal(amount, '0') < 0 && !isZeroDecimal(value) ? '-' : '';
  const number = group(value, locale);
  if (zh) return `${sign}${number}${suffix}${currency === 'CNY' ? '' : '美元'}`;
  return `${sign}${currency} ${number}${suffix}`;
}

/** "0.0345" → "3.45%"; null → "—". */
export function formatRatioPercent(ratio: string | null | undefined, digits = 2): string {
  if (ratio === null || ratio === undefined) return EMPTY_VALUE;
  return `${formatDecimal(mulDecimal(ratio, '100'), digits)}%`;
}

function signed(value: string, digits: number): string {
  const fixed = formatDecimal(value, digits);
  if (isZeroDecimal(fixed)) return fixed;
  return fixed.startsWith('-') ? fixed : `+${fixed}`;
}

/** "125" → "+125 bp", "-30.4" → "-30 bp"; null → "—". */
export function formatBps(bps: string | null | undefined, digits = 0): string {
  if (bps === null || bps === undefined) return EMPTY_VALUE;
  return `${signed(bps, digits)} bp`;
}

/** "1.5" → "+1.50 pp"; null → "—". */
export function formatPp(pp: string | null | undefined, digits = 2): string {
  if (pp === null || pp === undefined) return EMPTY_VALUE;
  return `${signed(pp, digits)} pp`;
}

/** Composite score for display: 2 decimals (rankings use the unrounded value). */
export function formatScore(score: string | null | undefined, digits = 2): string {
  if (score === null || score === undefined) return EMPTY_VALUE;
  return formatDecimal(score, digits);
}

export function formatCount(n: number | bigint | null | undefined, locale: DisplayLocale): string {
  if (n === null || n === undefined) return EMPTY_VALUE;
  return group(typeof n === 'bigint' ? n.toString() : formatDecimal(String(n), 0), locale);
}

const monthFormats = new Map<DisplayLocale, Intl.DateTimeFormat>();

/** "2026-10" → "2026年10月" (zh-CN) / "Oct 2026" (en). */
export function formatMonth(m: Month, locale: DisplayLocale): string {
  parseMonth(m);
  let df = monthFormats.get(locale);
  if (df === undefined) {
    df = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: locale === 'zh-CN' ? 'long' : 'short',
      timeZone: 'UTC',
    });
    monthFormats.set(locale, df);
  }
  const d = new Date(Date.UTC(2000, monthIndex(m) - 1, 1));
  d.setUTCFullYear(yearOf(m));
  return df.format(d);
}
