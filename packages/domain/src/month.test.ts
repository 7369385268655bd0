import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareMonths,
  contactCoverageWindow,
  firstDay,
  isMonth,
  lastDay,
  monthDiff,
  monthFromDate,
  monthFromIsoDate,
  monthIndex,
  monthRange,
  monthsOfYearThrough,
  nextMonth,
  parseMonth,
  previousMonth,
  sameMonthLastYear,
  statementDueDate,
  yearOf,
  type Month,
} from './month.js';
import { DomainError } from './domain-error.js';

describe('parseMonth / isMonth', () => {
  it('accepts YYYY-MM', () => {
    expect(parseMonth('2026-10')).toBe('2026-10');
    expect(parseMonth('1998-12')).toBe('1998-12');
    expect(isMonth('2026-01')).toBe(true);
  });

  it.each(['2026-13', '2026-00', '2026-1', '26-01', '2026/01', '2026-01-01', '', ' 2026-01', '202a-01'])(
    'rejects %j with a clear message',
    (bad) => {
      expect(() => parseMonth(bad)).toThrow(/Invalid month .*expected "YYYY-MM"/);
      expect(() => parseMonth(bad)).toThrow(JSON.stringify(bad));
      expect(isMonth(bad)).toBe(false);
    },
  );

  it('throws DomainError codes for user input', () => {
    expect(() => parseMonth('2026-13')).toThrow(DomainError);
    expect(() => parseMonth('2026-13')).toThrow(expect.objectContaining({ code: 'INVALID_MONTH' }));
    expect(() => monthFromIsoDate('2026-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('functions taking a Month validate it at runtime too', () => {
    expect(() => addMonths('2026-13' as Month, 1)).toThrow(/Invalid month/);
    expect(() => lastDay('x' as Month)).toThrow(/Invalid month/);
  });
});

describe('monthFromDate / monthFromIsoDate', () => {
  it('reads the month in UTC', () => {
    expect(monthFromDate(new Date(Date.UTC(2026, 9, 31, 23, 59, 59)))).toBe('2026-10');
    // Midnight in Beijing on 1 Nov is still October in UTC.
    expect(monthFromDate(new Date('2026-11-01T00:30:00+08:00'))).toBe('2026-10');
    expect(monthFromDate(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01');
  });

  it('rejects invalid dates', () => {
    expect(() => monthFromDate(new Date('nope'))).toThrow(/Invalid date/);
  });

  it('takes the month of an ISO date string', () => {
    expect(monthFromIsoDate('2026-12-31')).toBe('2026-12');
    expect(monthFromIsoDate('2024-02-29')).toBe('2024-02');
    expect(() => monthFromIsoDate('2026-02-29')).toThrow(/Invalid date/);
    expect(() => monthFromIsoDate('2026-04-31')).toThrow(/Invalid date/);
    expect(() => monthFromIsoDate('2026-1-05')).toThrow(/Invalid date/);
  });
});

describe('month arithmetic', () => {
  it('adds months across year boundaries', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -27)).toBe('2023-12');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
    expect(addMonths('2026-03', 120)).toBe('2036-03');
  });

  it('rejects fractional offsets and out-of-range results', () => {
    expect(() => addMonths('2026-03', 1.5)).toThrow(RangeError);
    expect(() => addMonths('9999-12', 1)).toThrow(RangeError);
    expect(() => addMonths('0000-01', -1)).toThrow(RangeError);
  });

  it('monthDiff is a − b', () => {
    expect(monthDiff('2027-01', '2026-10')).toBe(3);
    expect(monthDiff('2026-10', '2027-01')).toBe(-3);
    expect(monthDiff('2026-10', '2026-10')).toBe(0);
    expect(addMonths('2024-07', monthDiff('2026-02', '2024-07'))).toBe('2026-02');
  });

  it('previous, next, same month last year', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(sameMonthLastYear('2026-02')).toBe('2025-02');
  });

  it('compareMonths', () => {
    expect(compareMonths('2026-09', '2026-10')).toBe(-1);
    expect(compareMonths('2027-01', '2026-12')).toBe(1);
    expect(compareMonths('2026-10', '2026-10')).toBe(0);
  });

  it('yearOf and monthIndex', () => {
    expect(yearOf('2026-10')).toBe(2026);
    expect(monthIndex('2026-10')).toBe(10);
    expect(monthIndex('2026-01')).toBe(1);
    expect(monthIndex('2026-12')).toBe(12);
  });
});

describe('first and last day', () => {
  it('firstDay', () => {
    expect(firstDay('2026-10')).toBe('2026-10-01');
  });

  it.each([
    ['2026-01', '2026-01-31'],
    ['2026-02', '2026-02-28'],
    ['2024-02', '2024-02-29'],
    ['2000-02', '2000-02-29'],
    ['1900-02', '1900-02-28'],
    ['2026-04', '2026-04-30'],
    ['2026-06', '2026-06-30'],
    ['2026-09', '2026-09-30'],
    ['2026-11', '2026-11-30'],
    ['2026-12', '2026-12-31'],
  ] as const)('lastDay(%s) = %s', (m, expected) => {
    expect(lastDay(m)).toBe(expected);
  });
});

describe('statementDueDate', () => {
  it('is the 10th of the following month', () => {
    expect(statementDueDate('2026-10')).toBe('2026-11-10');
    expect(statementDueDate('2026-12')).toBe('2027-01-10');
    expect(statementDueDate('2026-01')).toBe('2026-02-10');
  });
});

describe('ranges', () => {
  it('monthRange is inclusive', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-02')).toEqual(['2026-02']);
    expect(monthRange('2026-03', '2026-02')).toEqual([]);
    expect(monthRange('2025-01', '2026-12')).toHaveLength(24);
  });

  it('monthsOfYearThrough gives January … m', () => {
    expect(monthsOfYearThrough('2026-03')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOfYearThrough('2026-01')).toEqual(['2026-01']);
    expect(monthsOfYearThrough('2026-12')).toHaveLength(12);
  });
});

describe('addDays / contactCoverageWindow', () => {
  it('adds days across month, year and leap boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-10-15', 0)).toBe('2026-10-15');
    expect(addDays('2000-01-01', 366)).toBe('2001-01-01');
  });

  it('agrees with Date arithmetic over several years', () => {
    const base = Date.UTC(2023, 0, 1);
    for (let i = -400; i <= 1500; i += 7) {
      const expected = new Date(base + i * 86_400_000).toISOString().slice(0, 10);
      expect(addDays('2023-01-01', i)).toBe(expected);
    }
  });

  it('covers the 90 days ending on the last day of m, inclusive', () => {
    // Jan + Feb + Mar 2026 = 31 + 28 + 31 = 90 days
    expect(contactCoverageWindow('2026-03')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    // 2024 is a leap year: 91 days in Q1, so the window starts on 2 January
    expect(contactCoverageWindow('2024-03')).toEqual({ from: '2024-01-02', to: '2024-03-31' });
    expect(contactCoverageWindow('2026-10', 1)).toEqual({ from: '2026-10-31', to: '2026-10-31' });
    expect(() => contactCoverageWindow('2026-10', 0)).toThrow(RangeError);
  });
});
