import { describe, expect, it } from 'vitest';
import {
  absDecimal,
  addDecimal,
  centsToDecimal,
  compareDecimal,
  decimalFromParts,
  decimalToCents,
  divDecimal,
  formatDecimal,
  isDecimalString,
  isNonNegativeDecimal,
  isZeroDecimal,
  maxDecimal,
  minDecimal,
  mulDecimal,
  negateDecimal,
  normalizeDecimal,
  parseDecimal,
  ratioToDecimal,
  roundDecimal,
  subDecimal,
  sumDecimals,
  trimDecimal,
} from './decimal.js';
import { DomainError, isDomainError } from './domain-error.js';

describe('parseDecimal', () => {
  it('splits into units and scale', () => {
    expect(parseDecimal('1234.56')).toEqual({ units: 123456n, scale: 2 });
    expect(parseDecimal('-0.05')).toEqual({ units: -5n, scale: 2 });
    expect(parseDecimal('7')).toEqual({ units: 7n, scale: 0 });
    expect(parseDecimal('007.500')).toEqual({ units: 7500n, scale: 3 });
  });

  it('keeps precision far beyond float range', () => {
    expect(parseDecimal('123456789012345678901234567890.123456789')).toEqual({
      units: 123456789012345678901234567890123456789n,
      scale: 9,
    });
  });

  it.each(['', ' 1', '1 ', '+1', '1.', '.5', '1e5', '1,000', 'abc', '--1', '1.2.3', 'NaN', '0x10'])(
    'rejects %j naming the input',
    (bad) => {
      expect(() => parseDecimal(bad)).toThrow(/Invalid decimal/);
      expect(() => parseDecimal(bad)).toThrow(JSON.stringify(bad));
    },
  );

  it('throws a DomainError with code INVALID_DECIMAL', () => {
    try {
      parseDecimal('12,5');
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e)).toBe(true);
      expect((e as DomainError).code).toBe('INVALID_DECIMAL');
      expect((e as DomainError).name).toBe('DomainError');
      expect(e).toBeInstanceOf(Error);
    }
  });

  it('rejects non-strings at runtime', () => {
    expect(() => parseDecimal(1.5 as unknown as string)).toThrow(/Invalid decimal 1\.5 \(number\)/);
    expect(() => parseDecimal(null as unknown as string)).toThrow(/Invalid decimal/);
  });

  it('isDecimalString mirrors the pattern', () => {
    expect(isDecimalString('-12.50')).toBe(true);
    expect(isDecimalString('12.')).toBe(false);
    expect(isDecimalString(12)).toBe(false);
  });
});

describe('decimalFromParts / normalizeDecimal / trimDecimal', () => {
  it('renders with exactly scale fraction digits and never -0', () => {
    expect(decimalFromParts(5n, 3)).toBe('0.005');
    expect(decimalFromParts(-5n, 3)).toBe('-0.005');
    expect(decimalFromParts(0n, 2)).toBe('0.00');
    expect(decimalFromParts(-0n, 2)).toBe('0.00');
    expect(decimalFromParts(123n, 0)).toBe('123');
  });

  it('normalizes leading zeros and negative zero', () => {
    expect(normalizeDecimal('007.50')).toBe('7.50');
    expect(normalizeDecimal('-0.00')).toBe('0.00');
    expect(normalizeDecimal('-000')).toBe('0');
  });

  it('trims trailing fraction zeros', () => {
    expect(trimDecimal('1.2500')).toBe('1.25');
    expect(trimDecimal('3.000')).toBe('3');
    expect(trimDecimal('100')).toBe('100');
    expect(trimDecimal('-0.0')).toBe('0');
  });
});

describe('add / sub / mul / negate / abs', () => {
  it('adds exactly where floats do not', () => {
    expect(addDecimal('0.1', '0.2')).toBe('0.3');
    expect(addDecimal('1.5', '2.25')).toBe('3.75');
    expect(addDecimal('1.50', '2.50')).toBe('4.00');
    expect(addDecimal('99999999999999999999.99', '0.01')).toBe('100000000000000000000.00');
    expect(addDecimal('-5', '5.00')).toBe('0.00');
  });

  it('subtracts with the larger scale', () => {
    expect(subDecimal('1.00', '2.5')).toBe('-1.50');
    expect(subDecimal('0.0345', '0.03')).toBe('0.0045');
    expect(subDecimal('-1', '-1')).toBe('0');
  });

  it('multiplies exactly (scales add)', () => {
    expect(mulDecimal('1.5', '2.25')).toBe('3.375');
    expect(mulDecimal('0.35', '75.0000000000')).toBe('26.250000000000');
    expect(mulDecimal('-0.1', '0.1')).toBe('-0.01');
    expect(mulDecimal('-0.1', '0')).toBe('0.0');
    expect(mulDecimal('11111111111.11', '9')).toBe('99999999999.99');
    expect(mulDecimal('12345678901234567890.5', '2')).toBe('24691357802469135781.0');
  });

  it('negates and takes absolute values', () => {
    expect(negateDecimal('1.20')).toBe('-1.20');
    expect(negateDecimal('-1.20')).toBe('1.20');
    expect(negateDecimal('0.0')).toBe('0.0');
    expect(absDecimal('-3.5')).toBe('3.5');
  });

  it('round-trips a+b-b for many values', () => {
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 200; i++) {
      const a = `${next() % 2 === 0 ? '-' : ''}${next()}.${String(next() % 1000).padStart(3, '0')}`;
      const b = `${next()}.${String(next() % 100).padStart(2, '0')}`;
      expect(compareDecimal(subDecimal(addDecimal(a, b), b), a)).toBe(0);
    }
  });
});

describe('compare / min / max / isZero', () => {
  it('compares across scales and signs', () => {
    expect(compareDecimal('1.5', '1.50')).toBe(0);
    expect(compareDecimal('1.49', '1.5')).toBe(-1);
    expect(compareDecimal('-1', '-2')).toBe(1);
    expect(compareDecimal('-0.0', '0')).toBe(0);
    expect(compareDecimal('100000000000000000001', '100000000000000000000.999')).toBe(1);
  });

  it('min and max return normalized operands', () => {
    expect(minDecimal('1.15', '1')).toBe('1');
    expect(maxDecimal('1.15', '1')).toBe('1.15');
    expect(minDecimal('007', '8')).toBe('7');
  });

  it('detects zero', () => {
    expect(isZeroDecimal('0.000')).toBe(true);
    expect(isZeroDecimal('-0')).toBe(true);
    expect(isZeroDecimal('0.001')).toBe(false);
  });
});

describe('sumDecimals', () => {
  it('sums exactly with the largest scale', () => {
    expect(sumDecimals(['0.1', '0.2', '0.30'])).toBe('0.60');
    expect(sumDecimals(['1', '-1'])).toBe('0');
    expect(sumDecimals([])).toBe('0');
  });

  it('adds ten thousand cents exactly', () => {
    expect(sumDecimals(Array.from({ length: 10000 }, () => '0.01'))).toBe('100.00');
  });

  it('validates every element', () => {
    expect(() => sumDecimals(['1', 'x'])).toThrow(/"x"/);
  });
});

describe('divDecimal', () => {
  it('divides to scale 10 by default', () => {
    expect(divDecimal('1', '3')).toBe('0.3333333333');
    expect(divDecimal('2', '3')).toBe('0.6666666667');
    expect(divDecimal('1', '4')).toBe('0.2500000000');
    expect(divDecimal('345', '10000')).toBe('0.0345000000');
  });

  it('rounds half-up, half away from zero for negatives', () => {
    expect(divDecimal('1', '8', 2)).toBe('0.13'); // 0.125
    expect(divDecimal('-1', '8', 2)).toBe('-0.13');
    expect(divDecimal('1', '-8', 2)).toBe('-0.13');
    expect(divDecimal('-1', '-8', 2)).toBe('0.13');
    expect(divDecimal('10', '4', 0)).toBe('3'); // 2.5
    expect(divDecimal('0.0049', '1', 2)).toBe('0.00');
    expect(divDecimal('-0.0049', '1', 2)).toBe('0.00');
  });

  it('handles operands of different scales', () => {
    expect(divDecimal('0.05', '0.20', 4)).toBe('0.2500');
    expect(divDecimal('12345000', '10000', 2)).toBe('1234.50');
    expect(divDecimal('1.5', '0.003', 0)).toBe('500');
  });

  it('returns null for a zero divisor', () => {
    expect(divDecimal('1', '0')).toBeNull();
    expect(divDecimal('0', '0.00')).toBeNull();
  });

  it('rejects a bad scale', () => {
    expect(() => divDecimal('1', '3', -1)).toThrow(RangeError);
    expect(() => divDecimal('1', '3', 1.5)).toThrow(RangeError);
  });
});

describe('ratioToDecimal', () => {
  it('rounds an exact rational half-up', () => {
    expect(ratioToDecimal(234n, 1800n)).toBe('0.1300000000');
    expect(ratioToDecimal(1n, 200n, 2)).toBe('0.01'); // 0.005
    expect(ratioToDecimal(-1n, 200n, 2)).toBe('-0.01');
    expect(() => ratioToDecimal(1n, 0n)).toThrow(/zero/);
  });
});

describe('roundDecimal / formatDecimal', () => {
  it('rounds half-up to at most scale digits', () => {
    expect(roundDecimal('2.345', 2)).toBe('2.35');
    expect(roundDecimal('-2.345', 2)).toBe('-2.35');
    expect(roundDecimal('2.344999', 2)).toBe('2.34');
    expect(roundDecimal('9.995', 2)).toBe('10.00');
    expect(roundDecimal('0.5', 0)).toBe('1');
    expect(roundDecimal('-0.004', 2)).toBe('0.00');
  });

  it('does not pad shorter values', () => {
    expect(roundDecimal('1.5', 2)).toBe('1.5');
    expect(roundDecimal('7', 3)).toBe('7');
  });

  it('formatDecimal pads or rounds to exactly scale digits', () => {
    expect(formatDecimal('1.5', 2)).toBe('1.50');
    expect(formatDecimal('7', 3)).toBe('7.000');
    expect(formatDecimal('1.005', 2)).toBe('1.01'); // (1.005).toFixed(2) === '1.00'
    expect(formatDecimal('78.345', 2)).toBe('78.35');
    expect(formatDecimal('-0.0001', 2)).toBe('0.00');
    expect(formatDecimal('2.5', 0)).toBe('3');
  });
});

describe('isNonNegativeDecimal', () => {
  it('accepts zero and positives, rejects negatives and junk', () => {
    expect(isNonNegativeDecimal('0')).toBe(true);
    expect(isNonNegativeDecimal('-0.00')).toBe(true);
    expect(isNonNegativeDecimal('12.34')).toBe(true);
    expect(isNonNegativeDecimal('-0.01')).toBe(false);
    expect(isNonNegativeDecimal('abc')).toBe(false);
    expect(isNonNegativeDecimal(5)).toBe(false);
    expect(isNonNegativeDecimal(null)).toBe(false);
  });
});

describe('cents', () => {
  it('centsToDecimal', () => {
    expect(centsToDecimal(1234n)).toBe('12.34');
    expect(centsToDecimal(-5n)).toBe('-0.05');
    expect(centsToDecimal(0n)).toBe('0.00');
    expect(centsToDecimal(123456789012345678901n)).toBe('1234567890123456789.01');
  });

  it('decimalToCents', () => {
    expect(decimalToCents('12.34')).toBe(1234n);
    expect(decimalToCents('12.3')).toBe(1230n);
    expect(decimalToCents('7')).toBe(700n);
    expect(decimalToCents('-0.05')).toBe(-5n);
  });

  it('decimalToCents refuses more than 2 fraction digits', () => {
    expect(() => decimalToCents('1.234')).toThrow(/"1\.234".*more than 2 fraction digits/);
    // strict on the written scale, even when the extra digit is zero
    expect(() => decimalToCents('1.230')).toThrow(DomainError);
    expect(() => decimalToCents('1,23')).toThrow(/Invalid decimal/);
  });

  it('round-trips through cents', () => {
    for (const s of ['0.00', '0.01', '-12.34', '99999999999.99']) {
      expect(centsToDecimal(decimalToCents(s))).toBe(s);
    }
  });
});
