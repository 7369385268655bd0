import type { EntityManager } from '@mikro-orm/postgresql';
import { compareDecimal, isDecimalString, isStaffRole, isClientManagerRole, parseMonth } from '@loan-desk/domain';
import { badInput, notFound } from '../../common/errors.js';
import type { Context } from '../../context.js';
import { dataScope, rowFilter } from '../auth/data-scope.js';
import { PerformanceRepository } from './performance.repository.js';
import { ensureRankingSnapshot } from './ranking.snapshot.js';
import { execOf, rollupFreshness } from '../rollup/rollup.service.js';

/**
 * Which client managers' rows the viewer may see (modules/auth/data-scope.ts): executives and HQ
 * planners all; branch heads those of their own branch; client managers only themselves. The
 * predicate reads the columns `id` (staff) and `branch_id`. Ranks stay bank-wide either way.
 */
export function personScope(ctx: Context): string {
  return rowFilter(dataScope(ctx.viewer)).person('id', 'branch_id');
}

/** Shared argument handling for the workload and ranking queries. */
export function parseId(field: string, id: string | null | undefined): number | null {
  if (id === null || id === undefined) return null;
  if (!/^\d{1,9}$/.test(id)) throw badInput(field, 'is not an id');
  return Number(id);
}

export function parseRole(role: string | null | undefined): string | null {
  if (role === null || role === undefined) return null;
  if (!isStaffRole(role) || !isClientManagerRole(role)) throw badInput('role', 'must be CLIENT_MANAGER or SENIOR_CLIENT_MANAGER');
  return role;
}

/** The month asked for, or the latest month with statements. */
export async function resolveMonth(ctx: Context, month: string | null | undefined): Promise<string> {
  if (month) return parseMonth(month);
  const latest = await new PerformanceRepository(ctx.em).latestStatementMonth();
  if (!latest) throw badInput('month', 'there are no statements yet; pass a month');
  return latest;
}

/** The explicit norm (must be positive) or the `workload_norm` setting (default 4). */
export async function resolveNorm(ctx: Context, norm: string | null | undefined): Promise<string> {
  if (norm === null || norm === undefined) return new PerformanceRepository(ctx.em).workloadNorm();
  if (!isDecimalString(norm) || compareDecimal(norm, '0') <= 0) throw badInput('norm', 'must be a positive number');
  return norm;
}

export async function resolveWeightVersion(ctx: Context, version: number | null | undefined, month: string) {
  const repo = new PerformanceRepository(ctx.em);
  const v = await repo.weightVersionFor('client_manager', version ?? null, month);
  if (!v) throw version === null || version === undefined ? notFound('Client-manager score weight version', 'any') : notFound('Client-manager score weight version', version);
  return v;
}

/**
 * For the background refresher (after each round): makes sure the ranking the Rankings page opens
 * with (latest month, weights in force, the norm setting) has a snapshot for the current state, so
 * that after a write its first reader does not wait seconds for the whole bank's ranking.
 * Returns what it built, or null when nothing needed building (or the rollups are stale).
 */
export async function warmRankingSnapshot(em: EntityManager): Promise<{ month: string; ms: number; rows: number } | null> {
  const repo = new PerformanceRepository(em);
  const fr = await rollupFreshness(execOf(em));
  if (fr.stale) return null;
  const month = await repo.latestStatementMonth();
  if (!month) return null;
  const [norm, version] = await Promise.all([repo.workloadNorm(), repo.weightVersionFor('client_manager', null, month)]);
  if (!version) return null;
  const r = await ensureRankingSnapshot(em, { month, norm, versionId: Number(version.id) }, fr);
  return r?.built ? { month, ms: r.ms, rows: r.rows } : null;
}

/** `afterRound` for startRollupRefresher: warmRankingSnapshot on a fresh EntityManager, logged. */
export function rankingSnapshotWarmer(fork: () => EntityManager, log: (m: string) => void): () => Promise<void> {
  return async () => {
    const r = await warmRankingSnapshot(fork());
    if (r) log(`ranking ${r.month} snapshot built (${r.rows} client managers) in ${(r.ms / 1000).toFixed(1)} s`);
  };
}
