import { describe, expect, it } from 'vitest';
import {
  EMPTY_VALUE,
  formatBps,
  formatCount,
  formatMoney,
  formatMonth,
  formatPp,
  formatRatioPercent,
  formatScore,
} from './format.js';
import type { Month } from './month.js';

describe('formatMoney zh-CN (万 / 亿)', () => {
  it.each([
    ['346000000', '3.46亿'],
    ['345678901.23', '3.46亿'],
    ['100000000', '1.00亿'],
    ['123456789012345.67', '1,234,567.89亿'],
    ['12345000', '1,234.50万'],
    ['10000', '1.00万'],
    ['15000.5', '1.50万'],
    ['9999.5', '9,999.50'],
    ['1234.5', '1,234.50'],
    ['12.345', '12.35'],
    ['0', '0.00'],
    ['-12345000', '-1,234.50万'],
    ['-0.001', '0.00'],
  ])('%s → %s', (amount, expected) => {
    expect(formatMoney(amount, 'zh-CN')).toBe(expected);
  });

  it('moves to the next unit when rounding reaches it', () => {
    expect(formatMoney('9999.995', 'zh-CN')).toBe('1.00万');
    expect(formatMoney('99999999.99', 'zh-CN')).toBe('1.00亿');
    expect(formatMoney('99994999.99', 'zh-CN')).toBe('9,999.50万');
  });

  it('labels USD amounts', () => {
    expect(formatMoney('346000000', 'zh-CN', 'USD')).toBe('3.46亿美元');
    expect(formatMoney('500', 'zh-CN', 'USD')).toBe('500.00美元');
  });
});

describe('formatMoney en (K / M / B)', () => {
  it.each([
    ['1234567890', 'CNY 1.23B'],
    ['12345678900000', 'CNY 12,345.68B'],
    ['2500000', 'CNY 2.50M'],
    ['1234.5', 'CNY 1.23K'],
    ['1005', 'CNY 1.01K'], // exact half-up: (1.005).toFixed(2) would give 1.00
    ['999.994', 'CNY 999.99'],
    ['999.995', 'CNY 1.00K'],
    ['999999.995', 'CNY 1.00M'],
    ['0.5', 'CNY 0.50'],
    ['-5000', '-CNY 5.00K'],
    ['-0.001', 'CNY 0.00'],
  ])('%s → %s', (amount, expected) => {
    expect(formatMoney(amount, 'en')).toBe(expected);
  });

  it('prefixes the currency code', () => {
    expect(formatMoney('2500000', 'en', 'USD')).toBe('USD 2.50M');
  });

  it('shows a dash for null and rejects junk', () => {
    expect(formatMoney(null, 'en')).toBe(EMPTY_VALUE);
    expect(formatMoney(undefined, 'zh-CN')).toBe('—');
    expect(() => formatMoney('1e6', 'en')).toThrow(/Invalid decimal/);
  });
});

describe('formatRatioPercent', () => {
  it('renders ratio × 100 with half-up rounding', () => {
    expect(formatRatioPercent('0.0345')).toBe('3.45%');
    expect(formatRatioPercent('0.0345000000')).toBe('3.45%');
    expect(formatRatioPercent('0.034549')).toBe('3.45%');
    expect(formatRatioPercent('0.03455')).toBe('3.46%');
    expect(formatRatioPercent('1')).toBe('100.00%');
    expect(formatRatioPercent('0')).toBe('0.00%');
    expect(formatRatioPercent('0.12345', 1)).toBe('12.3%');
    expect(formatRatioPercent('0.5', 0)).toBe('50%');
  });

  it('renders null as a dash', () => {
    expect(formatRatioPercent(null)).toBe('—');
  });
});

describe('formatBps / formatPp / formatScore', () => {
  it('signs basis points', () => {
    expect(formatBps('125')).toBe('+125 bp');
    expect(formatBps('125.0000000000')).toBe('+125 bp');
    expect(formatBps('45.5')).toBe('+46 bp');
    expect(formatBps('-30.5')).toBe('-31 bp');
    expect(formatBps('0')).toBe('0 bp');
    expect(formatBps('-0.4')).toBe('0 bp');
    expect(formatBps('12.345', 1)).toBe('+12.3 bp');
    expect(formatBps(null)).toBe('—');
  });

  it('signs percentage points', () => {
    expect(formatPp('-3.0000000000')).toBe('-3.00 pp');
    expect(formatPp('1.234')).toBe('+1.23 pp');
    expect(formatPp(null)).toBe('—');
  });

  it('rounds scores to 2 decimals for display', () => {
    expect(formatScore('78.3450000000')).toBe('78.35');
    expect(formatScore('100.0000000000')).toBe('100.00');
    expect(formatScore(null)).toBe('—');
  });
});

describe('formatCount', () => {
  it('groups digits', () => {
    expect(formatCount(3057, 'zh-CN')).toBe('3,057');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatCount(0, 'en')).toBe('0');
    expect(formatCount(12345678901234567890n, 'en')).toBe('12,345,678,901,234,567,890');
    expect(formatCount(null, 'en')).toBe('—');
  });
});

describe('formatMonth', () => {
  it('formats per locale', () => {
    expect(formatMonth('2026-10', 'zh-CN')).toBe('2026年10月');
    expect(formatMonth('2027-01', 'zh-CN')).toBe('2027年1月');
    expect(formatMonth('2026-10', 'en')).toBe('Oct 2026');
    expect(formatMonth('2026-12', 'en')).toBe('Dec 2026');
    expect(formatMonth('1998-12', 'en')).toBe('Dec 1998');
  });

  it('validates the month', () => {
    expect(() => formatMonth('2026-13' as Month, 'en')).toThrow(/Invalid month/);
  });
});
