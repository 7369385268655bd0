import { GraphQLScalarType, Kind } from 'graphql';
import { parseDecimal, parseMonth } from '@loan-desk/domain';
import { AppError } from './errors.js';

function bad(scalar: string, value: unknown, reason: string): AppError {
  return new AppError('BAD_USER_INPUT', `${scalar}: ${JSON.stringify(value)} ${reason}`);
}

/**
 * Exact decimal carried as a string ("1234.56", "0.035"). Money and ratios use it so no client
 * ever sees a binary float. Accepts strings, and integers for convenience.
 */
export const DecimalScalar: GraphQLScalarType<string, string> = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1234.56" (money) or "0.0345" (a ratio: 3.45%). Never a binary float.',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    if (typeof value === 'bigint') return value.toString();
    throw new TypeError('Decimal cannot represent a non-decimal value');
  },
  parseValue(value) {
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    if (typeof value !== 'string') throw bad('Decimal', value, 'is not a decimal string');
    try {
      parseDecimal(value);
    } catch {
      throw bad('Decimal', value, 'is not a decimal number');
    }
    return value;
  },
  parseLiteral(ast): string {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return DecimalScalar.parseValue(ast.value) as string;
    throw bad('Decimal', (ast as { value?: unknown }).value ?? ast.kind, 'must be a string such as "12.34"');
  },
});

/** A calendar month, `YYYY-MM`. */
export const MonthScalar: GraphQLScalarType<string, string> = new GraphQLScalarType<string, string>({
  name: 'Month',
  description: 'A calendar month as `YYYY-MM`, e.g. "2026-10". Statements and KPIs are monthly.',
  serialize(value) {
    if (typeof value === 'string') return value.slice(0, 7);
    if (value instanceof Date) return value.toISOString().slice(0, 7);
    throw new TypeError('Month cannot represent this value');
  },
  parseValue(value) {
    if (typeof value !== 'string') throw bad('Month', value, 'is not a month string YYYY-MM');
    try {
      return parseMonth(value);
    } catch {
      throw bad('Month', value, 'is not a month YYYY-MM');
    }
  },
  parseLiteral(ast): string {
    if (ast.kind === Kind.STRING) return MonthScalar.parseValue(ast.value) as string;
    throw bad('Month', ast.kind, 'must be a string YYYY-MM');
  },
});

/** A calendar date, `YYYY-MM-DD` (no time zone: business dates). */
export const DateScalar: GraphQLScalarType<string, string> = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date as `YYYY-MM-DD` (a business date, no time zone).',
  serialize(value) {
    if (typeof value === 'string') return value.slice(0, 10);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    throw new TypeError('Date cannot represent this value');
  },
  parseValue(value) {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value + 'T00:00:00Z')) || new Date(value + 'T00:00:00Z').toISOString().slice(0, 10) !== value) {
      throw bad('Date', value, 'is not a date YYYY-MM-DD');
    }
    return value;
  },
  parseLiteral(ast): string {
    if (ast.kind === Kind.STRING) return DateScalar.parseValue(ast.value) as string;
    throw bad('Date', ast.kind, 'must be a string YYYY-MM-DD');
  },
});
