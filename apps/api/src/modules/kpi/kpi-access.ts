import { forbidden } from '../../common/errors.js';
import { sqlOne } from '../../common/sql.js';
import type { Context } from '../../context.js';
import { dataScope } from '../auth/data-scope.js';
import { ScopeKind } from './kpi.enums.js';
import type { KpiScopeInput } from './kpi.inputs.js';

/**
 * Who may ask for which KPI scope (docs/security.md): executives and planners any; branch heads
 * bank-level and per-branch aggregates of every branch, and team or person scopes of their own
 * branch only; client managers their own figures only.
 */
export async function authorizeKpiScope(ctx: Context, input: KpiScopeInput): Promise<void> {
  const scope = dataScope(ctx.viewer);
  if (scope.kind === 'bank') return;
  if (scope.kind === 'self') {
    if (input.kind === ScopeKind.CLIENT_MANAGER && Number(input.id) === scope.staffId) return;
    throw forbidden('Client managers see their own KPIs only');
  }
  if (input.kind === ScopeKind.TEAM || input.kind === ScopeKind.CLIENT_MANAGER) {
    const row = input.kind === ScopeKind.TEAM
      ? await sqlOne<{ b: number }>(ctx.em, `SELECT branch_id AS b FROM team WHERE id = ?`, [Number(input.id) || 0])
      : await sqlOne<{ b: number }>(ctx.em, `SELECT CASE u.kind WHEN 'branch' THEN u.id ELSE u.parent_id END AS b FROM staff s JOIN org_unit u ON u.id = s.unit_id WHERE s.id = ?`, [Number(input.id) || 0]);
    if (!row || row.b !== scope.branchId) throw forbidden('Team and person figures are limited to your own branch');
  }
}
