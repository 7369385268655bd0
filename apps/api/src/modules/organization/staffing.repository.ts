import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, placeholders, sql, sqlOne } from '../../common/sql.js';
import type { StaffingLineType, StaffingScenarioType } from './staffing.types.js';

const CM_ROLES = `('client_manager', 'senior_client_manager')`;

export interface LineRow {
  unitId: number;
  role: string;
  headcount: number;
}

export class StaffingRepository {
  constructor(private readonly em: EntityManager) {}

  /** Scenarios with their derived totals, summed from the lines in one statement. */
  scenarios(ids?: readonly number[]): Promise<StaffingScenarioType[]> {
    const where = ids ? `WHERE sc.id IN (${placeholders(ids.length)})` : '';
    return sql(this.em, `
      WITH RECURSIVE bureau(id) AS (
        SELECT id FROM org_unit WHERE code = 'LMB'
        UNION ALL SELECT u.id FROM org_unit u JOIN bureau ON u.parent_id = bureau.id
      ),
      totals AS (
        SELECT sc.id,
          coalesce(sum(l.headcount) FILTER (WHERE l.unit_id IN (SELECT id FROM bureau)), 0)::int AS hq,
          coalesce(sum(l.headcount) FILTER (WHERE l.role = 'hq_credit_officer'), 0)::int AS hq_cm,
          coalesce(sum(l.headcount) FILTER (WHERE l.role IN ${CM_ROLES} AND u.kind IN ('branch', 'branch_division')), 0)::int AS branch_cm
        FROM staffing_scenario sc
        LEFT JOIN staffing_line l ON l.scenario_id = sc.id
        LEFT JOIN org_unit u ON u.id = l.unit_id
        GROUP BY sc.id
      )
      SELECT sc.id, sc.name, sc.name_zh AS "nameZh", sc.description, sc.project_count AS "projectCount",
        sc.sort_order AS "sortOrder", sc.version,
        t.hq AS "hqBureauTotal", t.hq_cm AS "hqCreditOfficers", t.branch_cm AS "branchClientManagers",
        t.hq_cm + t.branch_cm AS "clientManagersTotal", t.hq + t.branch_cm AS "loanManagementStaffTotal",
        trim_scale(round(sc.project_count::numeric / nullif(t.hq_cm + t.branch_cm, 0), 10))::text AS "projectsPerClientManager"
      FROM staffing_scenario sc JOIN totals t ON t.id = sc.id ${where}
      ORDER BY sc.sort_order, sc.id`, ids ?? []);
  }

  linesOf(scenarioIds: readonly number[]): Promise<StaffingLineType[]> {
    if (!scenarioIds.length) return Promise.resolve([]);
    return sql(this.em, `SELECT l.id, l.scenario_id AS "scenarioId", l.unit_id AS "unitId", l.role, l.headcount
      FROM staffing_line l JOIN org_unit u ON u.id = l.unit_id
      WHERE l.scenario_id IN (${placeholders(scenarioIds.length)}) ORDER BY u.sort_order, u.id, l.role`, scenarioIds);
  }

  async latestMonth(): Promise<string | null> {
    const r = await sqlOne<{ m: string | null }>(this.em, `SELECT to_char(max(month), 'YYYY-MM') AS m FROM cash_flow_statement`);
    return r?.m ?? null;
  }

  async workloadNorm(): Promise<string> {
    const r = await sqlOne<{ value: string }>(this.em, `SELECT value FROM setting WHERE key = 'workload_norm'`);
    return r?.value ?? '4';
  }

  /** Per branch: projects active at the month, client managers now, and ⌈projects ÷ norm⌉. */
  needs(month: string, norm: string): Promise<{ branchId: number; activeProjects: number; actualClientManagers: number; requiredClientManagers: number; gap: number; projectsPerClientManager: string | null }[]> {
    return sql(this.em, `
      WITH active AS (
        SELECT p.branch_id, count(*)::int AS n FROM cash_flow_statement s JOIN project p ON p.id = s.project_id
        WHERE s.month = ?::date GROUP BY p.branch_id
      ),
      cms AS (
        SELECT CASE u.kind WHEN 'branch' THEN u.id ELSE u.parent_id END AS branch_id, count(*)::int AS n
        FROM staff s JOIN org_unit u ON u.id = s.unit_id
        WHERE s.active AND s.role IN ${CM_ROLES} AND u.kind IN ('branch', 'branch_division') GROUP BY 1
      ),
      need AS (
        SELECT b.id AS branch_id, b.sort_order, coalesce(a.n, 0) AS active, coalesce(c.n, 0) AS actual,
          ceil(coalesce(a.n, 0)::numeric / ?::numeric)::int AS required
        FROM org_unit b LEFT JOIN active a ON a.branch_id = b.id LEFT JOIN cms c ON c.branch_id = b.id
        WHERE b.kind = 'branch'
      )
      SELECT branch_id AS "branchId", active AS "activeProjects", actual AS "actualClientManagers",
        required AS "requiredClientManagers", required - actual AS gap,
        trim_scale(round(active::numeric / nullif(actual, 0), 10))::text AS "projectsPerClientManager"
      FROM need ORDER BY required - actual DESC, sort_order, branch_id`, [`${month}-01`, norm]);
  }

  async unitIdsExisting(ids: readonly number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = await sql<{ id: number }>(this.em, `SELECT id FROM org_unit WHERE id IN (${placeholders(ids.length)})`, ids);
    return new Set(rows.map((r) => r.id));
  }

  async insertScenario(s: { name: string; nameZh: string | null; description: string | null; projectCount: number }): Promise<number> {
    const r = await sqlOne<{ id: number }>(this.em, `INSERT INTO staffing_scenario (name, name_zh, description, project_count, sort_order)
      VALUES (?, ?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM staffing_scenario)) RETURNING id`, [s.name, s.nameZh, s.description, s.projectCount]);
    return r!.id;
  }

  /** Bumps the version only when it still equals `expected`; false means someone else changed it. */
  async updateScenario(id: number, expected: number, s: { name?: string | null; nameZh?: string | null; description?: string | null; projectCount?: number | null }): Promise<boolean> {
    const rows = await sql<{ id: number }>(this.em, `UPDATE staffing_scenario SET
        name = coalesce(?, name), name_zh = coalesce(?, name_zh), description = coalesce(?, description),
        project_count = coalesce(?, project_count), version = version + 1, updated_at = now()
      WHERE id = ? AND version = ? RETURNING id`, [s.name ?? null, s.nameZh ?? null, s.description ?? null, s.projectCount ?? null, id, expected]);
    return rows.length === 1;
  }

  async exists(id: number): Promise<boolean> {
    return (await sql(this.em, `SELECT 1 FROM staffing_scenario WHERE id = ?`, [id])).length > 0;
  }

  async replaceLines(scenarioId: number, lines: readonly LineRow[]): Promise<void> {
    await sql(this.em, `DELETE FROM staffing_line WHERE scenario_id = ?`, [scenarioId]);
    if (!lines.length) return;
    await sql(this.em, `INSERT INTO staffing_line (scenario_id, unit_id, role, headcount)
      SELECT ?, u, r::staff_role, h FROM unnest(?::int[], ?::text[], ?::int[]) AS t(u, r, h)`,
    [scenarioId, pgArray(lines.map((l) => l.unitId)), pgArray(lines.map((l) => l.role)), pgArray(lines.map((l) => l.headcount))]);
  }

  async deleteScenario(id: number, expected: number): Promise<boolean> {
    const rows = await sql(this.em, `DELETE FROM staffing_scenario WHERE id = ? AND version = ? RETURNING id`, [id, expected]);
    return rows.length === 1;
  }
}
