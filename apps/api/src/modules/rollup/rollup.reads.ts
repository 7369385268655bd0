import { ScopeKind } from '../kpi/kpi.enums.js';
import type { ResolvedScope } from '../kpi/kpi-scope.js';
import { q, raw, type Fragment } from '../kpi/sql-fragment.js';
import { CLASSES } from './rollup.sql.js';

/**
 * The rollup a scope reads and the predicate on it (`r`): bank / sector / grade from rollup_bank
 * (month × sector × importance), a branch from rollup_branch, a team or client manager from
 * rollup_manager (team = its members, read at query time).
 */
export function rollupOf(s: ResolvedScope): { table: string; where: Fragment } {
  switch (s.kind) {
    case ScopeKind.BANK:
      return { table: 'rollup_bank', where: raw('TRUE') };
    case ScopeKind.SECTOR:
      return { table: 'rollup_bank', where: q`r.sector = ${s.sector}::sector` };
    case ScopeKind.IMPORTANCE:
      return { table: 'rollup_bank', where: q`r.importance = ${s.importance}::importance_grade` };
    case ScopeKind.BRANCH:
      return { table: 'rollup_branch', where: q`r.branch_id = ${s.id}` };
    case ScopeKind.CLIENT_MANAGER:
      return { table: 'rollup_manager', where: q`r.manager_id = ${s.id}` };
    case ScopeKind.TEAM:
      return { table: 'rollup_manager', where: q`r.manager_id IN (SELECT tm.id FROM staff tm WHERE tm.team_id = ${s.id})` };
  }
}

/** Coverage rows of a scope in rollup_coverage (`cv`); same population rules as coveredClientInScope. */
export function coverageOf(s: ResolvedScope): Fragment {
  switch (s.kind) {
    case ScopeKind.BANK:
      return raw(`cv.dim = 'bank'`);
    case ScopeKind.SECTOR:
      return q`cv.dim = 'sector' AND cv.key = ${s.sector}::text`;
    case ScopeKind.IMPORTANCE:
      return q`cv.dim = 'importance' AND cv.key = ${s.importance}::text`;
    case ScopeKind.CLIENT_MANAGER:
      return q`cv.dim = 'owner' AND cv.key = ${String(s.id)}`;
    case ScopeKind.TEAM:
      return q`cv.dim = 'owner' AND cv.key IN (SELECT o.id::text FROM staff o WHERE o.team_id = ${s.id})`;
    case ScopeKind.BRANCH:
      return q`cv.dim = 'owner' AND cv.key IN (SELECT o.id::text FROM staff o JOIN org_unit ou ON ou.id = o.unit_id
        WHERE CASE ou.kind WHEN 'branch' THEN ou.id WHEN 'branch_division' THEN ou.parent_id END = ${s.id})`;
  }
}

/** Per-month sums of a scope's rollup rows (`mf`), over the months in `rng`. */
export function monthlySums(s: ResolvedScope): Fragment {
  const { table, where } = rollupOf(s);
  return q`
    SELECT r.month, sum(r.n) AS n, sum(r.balance) AS bal, sum(r.npl_balance) AS npl,
           sum(r.due) AS due, sum(r.repaid) AS repaid, sum(r.n_submitted) AS sub, sum(r.n_on_time) AS on_time,
           sum(r.dg_pairs) AS pairs, sum(r.dg_down) AS down,
           ${raw(CLASSES.map((c) => `sum(r.n_${c}) AS n_${c}, sum(r.b_${c}) AS b_${c}`).join(', '))}
    FROM rng JOIN ${raw(table)} r ON r.month BETWEEN rng.lo AND rng.hi
    WHERE ${where}
    GROUP BY r.month
    HAVING sum(r.n) > 0`;
}

/** (class, count, balance) rows of a monthly-sums row `x`, for the classification mix. */
export const CLASS_VALUES = `(VALUES ${CLASSES.map((c) => `('${c}'::classification, x.n_${c}, x.b_${c})`).join(', ')})`;
