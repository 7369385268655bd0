import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import { sql } from '../../common/sql.js';
import type { RollupFreshness } from './rollup.service.js';

/**
 * Reads while the rollups are stale (docs/performance.md, "Stale rollups at bank scale").
 *
 * The rollups are stale while `rollup_dirty` has rows; reads then compute from the base tables,
 * which is exact and, at bank scale, takes longer than a request may (a bank-wide KPI: 15–25 s
 * on 1 M projects). So a read-only request first tries the base tables within a budget
 * (STALE_READ_BUDGET_MS, default 2,000 ms: its statements' timeout, in one read-only snapshot);
 * when the budget runs out it is answered again from the rollups as they are — every committed
 * change except the pending ones — and the answer says so: `extensions.freshness` in the response,
 * `x-figures: rollups-behind` and `kpiFreshness.figuresFrom = ROLLUPS_BEHIND`. A request whose
 * base-table read ran out once goes straight to the rollups while the pending changes are the same
 * (per process), so each costs the budget once per query, not once per request.
 * STALE_READ_BUDGET_MS=0: always the base tables with the normal statement timeout (as before).
 */
export function staleReadBudgetMs(): number {
  const v = Number(process.env.STALE_READ_BUDGET_MS ?? 2000);
  return Number.isFinite(v) && v >= 0 ? Math.trunc(v) : 2000;
}

export type FigureSource = 'ROLLUPS' | 'BASE_TABLES' | 'ROLLUPS_BEHIND';

/** Requests of the first run whose statements had the budget as timeout. */
const budgeted = new WeakSet<Context>();
/** First runs whose base-table read ran out of budget (to be answered again from the rollups). */
const ranOut = new WeakSet<Context>();
/** Second runs: answered from the rollups as they are. */
const behind = new WeakMap<Context, PendingSummary>();

export interface PendingSummary {
  pendingChanges: number;
  /** Months with pending changes (YYYY-MM), or null when some change concerns every month. */
  pendingMonths: string[] | null;
  generation: string;
  maintainedAt: string | null;
}

export const markBudgeted = (ctx: Context): void => void budgeted.add(ctx);
export const isBudgeted = (ctx: Context): boolean => budgeted.has(ctx);
export const markRanOut = (ctx: Context): void => void ranOut.add(ctx);
export const ranOutOfBudget = (ctx: Context): boolean => ranOut.has(ctx);
export const markBehind = (ctx: Context, p: PendingSummary): void => void behind.set(ctx, p);
export const behindSummary = (ctx: Context): PendingSummary | undefined => behind.get(ctx);

/** Where this request's rollup-backed figures come from. */
export function figureSource(ctx: Context, stale: boolean): FigureSource {
  return behind.has(ctx) ? 'ROLLUPS_BEHIND' : stale ? 'BASE_TABLES' : 'ROLLUPS';
}

/** What is pending: the months of the queued changes (null: some change concerns every month). */
export async function pendingSummary(em: EntityManager, f: RollupFreshness): Promise<PendingSummary> {
  const [r] = await sql<{ months: string[] | null; every: boolean }>(em,
    `SELECT array_agg(DISTINCT to_char(month, 'YYYY-MM') ORDER BY to_char(month, 'YYYY-MM')) FILTER (WHERE month IS NOT NULL) AS months,
            bool_or(month IS NULL) AS every
     FROM rollup_dirty`);
  return {
    pendingChanges: f.pending,
    pendingMonths: r?.every || !r ? null : (r.months ?? []),
    generation: f.generation,
    maintainedAt: f.maintainedAt ? new Date(f.maintainedAt).toISOString() : null,
  };
}

/**
 * Requests (operation, variables, viewer) whose base-table read ran out of budget, with the
 * pending state it ran out under: while that state lasts they go straight to the rollups.
 */
const MAX_REMEMBERED = 1000;
const exhausted = new Map<string, string>();

export function requestKey(ctx: Context, op: { query?: string; variables?: unknown; operationName?: string | null }): string | undefined {
  const v = ctx.viewer;
  if (!v || !op.query) return undefined;
  return `${v.role}|${v.branchId ?? ''}|${v.staffId ?? ''}|${op.operationName ?? ''}|${JSON.stringify(op.variables ?? {})}|${op.query}`;
}

export const pendingStateKey = (f: RollupFreshness): string => `${f.generation}|${f.pending}|${f.maintainedAt ?? ''}`;

export function rememberRanOut(key: string | undefined, state: string): void {
  if (!key) return;
  if (exhausted.size >= MAX_REMEMBERED) exhausted.clear();
  exhausted.set(key, state);
}

export function ranOutBefore(key: string | undefined, state: string): boolean {
  return key !== undefined && exhausted.get(key) === state;
}
