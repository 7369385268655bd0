import type { EntityManager } from '@mikro-orm/postgresql';
import { placeholders, sql, sqlOne } from '../../common/sql.js';
import type { BranchTargetType, SettingsType } from './planning.types.js';

const TARGET_COLS = `t.id, t.branch_id AS "branchId", t.year, t.target_npl_ratio AS "targetNplRatio",
  t.target_recovery_rate AS "targetRecoveryRate", t.planned_recovery AS "plannedRecovery",
  t.planned_new_lending AS "plannedNewLending", t.version, t.updated_at AS "updatedAt"`;

/** The driver may hand timestamps back as strings; GraphQL's DateTimeISO wants a Date. */
export const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const withDate = (t: BranchTargetType): BranchTargetType => ({ ...t, updatedAt: toDate(t.updatedAt) });

export const WORKLOAD_NORM_KEY = 'workload_norm';
export const DEFAULT_WORKLOAD_NORM = '4';

export interface TargetValues {
  branchId: number;
  year: number;
  targetNplRatio: string;
  targetRecoveryRate: string;
  plannedRecovery: string;
  plannedNewLending: string;
}

export class PlanningRepository {
  constructor(private readonly em: EntityManager) {}

  async targetsOfYear(year: number): Promise<BranchTargetType[]> {
    return (await sql<BranchTargetType>(this.em, `SELECT ${TARGET_COLS} FROM branch_target t JOIN org_unit b ON b.id = t.branch_id
      WHERE t.year = ? ORDER BY b.sort_order, b.id`, [year])).map(withDate);
  }

  /** Targets of the given branches in one year (for scorecards). */
  async targetsOf(branchIds: readonly number[], year: number): Promise<BranchTargetType[]> {
    if (!branchIds.length) return [];
    return (await sql<BranchTargetType>(this.em, `SELECT ${TARGET_COLS} FROM branch_target t WHERE t.year = ? AND t.branch_id IN (${placeholders(branchIds.length)})`, [year, ...branchIds])).map(withDate);
  }

  branchKind(id: number): Promise<{ kind: string } | undefined> {
    return sqlOne(this.em, `SELECT kind FROM org_unit WHERE id = ?`, [id]);
  }

  /** Locks the row so the version check and the update see the same state. */
  findTargetForUpdate(branchId: number, year: number): Promise<{ id: number; version: number } | undefined> {
    return sqlOne(this.em, `SELECT id, version FROM branch_target WHERE branch_id = ? AND year = ? FOR UPDATE`, [branchId, year]);
  }

  /** Inserts; undefined when a target for (branch, year) appeared meanwhile. */
  async insertTarget(v: TargetValues): Promise<BranchTargetType | undefined> {
    const row = await sqlOne<BranchTargetType>(this.em, `INSERT INTO branch_target AS t (branch_id, year, target_npl_ratio, target_recovery_rate, planned_recovery, planned_new_lending)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (branch_id, year) DO NOTHING RETURNING ${TARGET_COLS}`,
    [v.branchId, v.year, v.targetNplRatio, v.targetRecoveryRate, v.plannedRecovery, v.plannedNewLending]);
    return row && withDate(row);
  }

  /** Updates when the version still matches; undefined otherwise. */
  async updateTarget(id: number, expectedVersion: number, v: TargetValues): Promise<BranchTargetType | undefined> {
    const row = await sqlOne<BranchTargetType>(this.em, `UPDATE branch_target AS t SET target_npl_ratio = ?, target_recovery_rate = ?, planned_recovery = ?,
      planned_new_lending = ?, version = t.version + 1, updated_at = now()
      WHERE t.id = ? AND t.version = ? RETURNING ${TARGET_COLS}`,
    [v.targetNplRatio, v.targetRecoveryRate, v.plannedRecovery, v.plannedNewLending, id, expectedVersion]);
    return row && withDate(row);
  }

  async settings(): Promise<SettingsType> {
    const row = await sqlOne<{ value: string; updatedAt: Date | string }>(this.em, `SELECT value, updated_at AS "updatedAt" FROM setting WHERE key = ?`, [WORKLOAD_NORM_KEY]);
    return row ? { workloadNorm: row.value, updatedAt: toDate(row.updatedAt) } : { workloadNorm: DEFAULT_WORKLOAD_NORM, updatedAt: null };
  }

  async setWorkloadNorm(value: string): Promise<SettingsType> {
    const row = await sqlOne<{ value: string; updatedAt: Date | string }>(this.em, `INSERT INTO setting (key, value, description, updated_at)
      VALUES (?, ?, 'Projects per client manager (domain.md section 3: about 4 each)', now())
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
      RETURNING value, updated_at AS "updatedAt"`, [WORKLOAD_NORM_KEY, value]);
    return { workloadNorm: row!.value, updatedAt: toDate(row!.updatedAt) };
  }
}
