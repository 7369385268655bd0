import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs one parameterised SQL statement (knex `?` placeholders) on the request's EntityManager,
 * inside its transaction when there is one. Repositories are the only callers.
 */
export async function sql<T>(em: EntityManager, text: string, params: readonly unknown[] = []): Promise<T[]> {
  return em.getConnection().execute<T[]>(text, params as unknown[], 'all', em.getTransactionContext());
}

export async function sqlOne<T>(em: EntityManager, text: string, params: readonly unknown[] = []): Promise<T | undefined> {
  const rows = await sql<T>(em, text, params);
  return rows[0];
}

/** `?, ?, ?` for an IN list. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * A PostgreSQL array literal for a bind parameter (`?::int[]`, `?::text[]`). knex expands a JS
 * array bound to `?` into a list, so arrays travel as one literal string instead.
 */
export function pgArray(values: readonly (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}
