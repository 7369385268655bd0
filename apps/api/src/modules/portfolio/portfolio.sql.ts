import { badInput } from '../../common/errors.js';
import { decodeCursor } from '../../common/pagination.js';

/**
 * The business time zone is hard-coded to Asia/Shanghai (all branches are in mainland China):
 * "today", "this week" and "this month" are calendar dates there, whatever the server's zone.
 */
export const BUSINESS_TZ = 'Asia/Shanghai';
/** Today's business date in SQL (the database clock read in the business time zone). */
export const TODAY = `(now() AT TIME ZONE '${BUSINESS_TZ}')::date`;
/** Start of a business date `d` (SQL date expression) as a timestamptz. */
export const startOf = (d: string): string => `((${d})::timestamp AT TIME ZONE '${BUSINESS_TZ}')`;

/** A PostgreSQL array literal for one bound parameter (`?::int[]`), so a list is one value. */
export { pgArray } from '../../common/sql.js';

/** `%text%` for ILIKE … ESCAPE '!', with the wildcard characters of the input taken literally. */
export const likePattern = (text: string): string => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/** Parses a GraphQL ID into a positive int4 id, or refuses naming the field. */
export function toId(value: string | number, field: string): number {
  const s = String(value);
  if (!/^\d{1,10}$/.test(s) || Number(s) < 1 || Number(s) > 2_147_483_647) throw badInput(field, `${JSON.stringify(s)} is not a valid id`);
  return Number(s);
}

export const optionalId = (value: string | number | null | undefined, field: string): number | undefined =>
  value === undefined || value === null ? undefined : toId(value, field);

/** One sortable key: the SQL expression (never null) and the type its cursor value is cast back to. */
export interface SortKey {
  expr: string;
  cast: string;
}

/**
 * Keyset pagination over (sort key, id), both in the requested direction. The cursor is
 * [order tag, sort key as text, id]; a cursor from another order is refused.
 */
export function keyset(key: SortKey, idExpr: string, desc: boolean, tag: string, after: string | null | undefined) {
  const dir = desc ? 'DESC' : 'ASC';
  const orderBy = `${key.expr} ${dir}, ${idExpr} ${dir}`;
  const cursor = decodeCursor(after, 3);
  if (!cursor) return { orderBy, where: 'true', params: [] as unknown[], tag };
  const [t, k, id] = cursor;
  if (t !== tag || typeof k !== 'string' || typeof id !== 'number' || !Number.isInteger(id))
    throw badInput('after', 'is not a cursor from this list and order');
  return { orderBy, where: `(${key.expr}, ${idExpr}) ${desc ? '<' : '>'} (?::${key.cast}, ?)`, params: [k, id] as unknown[], tag };
}

/** Validates a money amount for an `amount` column: non-negative, at most 18 integer digits and 2 decimals. */
export function checkAmount(value: string, field: string): string {
  const v = value.trim();
  if (v.startsWith('-') && !/^-0*(\.0*)?$/.test(v)) throw badInput(field, 'must not be negative');
  if (!/^-?\d{1,18}(\.\d{1,2})?$/.test(v)) throw badInput(field, 'must be a decimal with at most 18 integer digits and 2 decimal places');
  return v.replace(/^-/, '');
}

/** A timestamptz as an RFC 3339 UTC string (millisecond precision) for the DateTime scalar. */
export const isoTs = (expr: string): string => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
