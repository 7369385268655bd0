import type { EntityManager } from '@mikro-orm/postgresql';
import { IMPORTANCE_GRADES, LABELS, SECTORS, type ImportanceGrade, type Sector } from '@loan-desk/domain';
import { badInput } from '../../common/errors.js';
import { sqlOne } from '../../common/sql.js';
import { ScopeKind } from './kpi.enums.js';
import type { KpiScopeInput } from './kpi.inputs.js';
import { q, raw, type Fragment } from './sql-fragment.js';

/** A validated scope: only the attribute its kind uses is kept. */
export interface ResolvedScope {
  kind: ScopeKind;
  id: number | null;
  sector: Sector | null;
  importance: ImportanceGrade | null;
  /** Display name: branch, team or client-manager name, sector or grade label, "Bank". */
  name: string;
}

function numericId(id: string | null | undefined, kind: string): number {
  if (id === null || id === undefined || id === '') throw badInput('scope.id', `is required for a ${kind} scope`);
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2147483647) throw badInput('scope.id', 'must be a numeric id');
  return Number(id);
}

/** Checks the scope input (BAD_USER_INPUT naming the field) and looks up its name. */
export async function resolveScope(em: EntityManager, input: KpiScopeInput): Promise<ResolvedScope> {
  const base = { id: null, sector: null, importance: null };
  switch (input.kind) {
    case ScopeKind.BANK:
      return { ...base, kind: input.kind, name: 'Bank' };
    case ScopeKind.BRANCH: {
      const id = numericId(input.id, 'BRANCH');
      const row = await sqlOne<{ name: string }>(em, `SELECT name FROM org_unit WHERE id = ? AND kind = 'branch'`, [id]);
      if (!row) throw badInput('scope.id', `${id} is not a branch`);
      return { ...base, kind: input.kind, id, name: row.name };
    }
    case ScopeKind.TEAM: {
      const id = numericId(input.id, 'TEAM');
      const row = await sqlOne<{ name: string }>(em, `SELECT name FROM team WHERE id = ?`, [id]);
      if (!row) throw badInput('scope.id', `${id} is not a team`);
      return { ...base, kind: input.kind, id, name: row.name };
    }
    case ScopeKind.CLIENT_MANAGER: {
      const id = numericId(input.id, 'CLIENT_MANAGER');
      const row = await sqlOne<{ name: string }>(em, `SELECT name FROM staff WHERE id = ?`, [id]);
      if (!row) throw badInput('scope.id', `${id} is not a staff member`);
      return { ...base, kind: input.kind, id, name: row.name };
    }
    case ScopeKind.SECTOR: {
      const sector = input.sector;
      if (!sector || !(SECTORS as readonly string[]).includes(sector)) throw badInput('scope.sector', 'is required for a SECTOR scope');
      return { ...base, kind: input.kind, sector, name: LABELS.sector[sector].en };
    }
    case ScopeKind.IMPORTANCE: {
      const importance = input.importance;
      if (!importance || !(IMPORTANCE_GRADES as readonly string[]).includes(importance)) throw badInput('scope.importance', 'is required for an IMPORTANCE scope');
      return { ...base, kind: input.kind, importance, name: LABELS.importanceGrade[importance].en };
    }
    default:
      throw badInput('scope.kind', 'is not a scope kind');
  }
}

/** Stable key of a scope (DataLoader keys, caches). */
export const scopeKey = (s: ResolvedScope): string => `${s.kind}:${s.id ?? ''}:${s.sector ?? ''}:${s.importance ?? ''}`;

/** Predicate on `project p`: the project belongs to the scope (current project attributes). */
export function projectInScope(s: ResolvedScope): Fragment {
  switch (s.kind) {
    case ScopeKind.BANK:
      return raw('TRUE');
    case ScopeKind.BRANCH:
      return q`p.branch_id = ${s.id}`;
    case ScopeKind.TEAM:
      return q`p.manager_id IN (SELECT tm.id FROM staff tm WHERE tm.team_id = ${s.id})`;
    case ScopeKind.CLIENT_MANAGER:
      return q`p.manager_id = ${s.id}`;
    case ScopeKind.SECTOR:
      return q`p.sector = ${s.sector}::sector`;
    case ScopeKind.IMPORTANCE:
      return q`p.importance = ${s.importance}::importance_grade`;
  }
}

/**
 * Contact coverage population, on `client c` joined to one of its projects `p` active at the month:
 * clients owned by the client managers in scope (bank: any owner; branch: owners working in the
 * branch; team: owners in the team; client manager: that person). Sector and grade scopes have no
 * set of client managers, so they take owned clients with an active project in the sector/grade.
 * Pool clients (no owner) never count.
 */
export function coveredClientInScope(s: ResolvedScope): Fragment {
  switch (s.kind) {
    case ScopeKind.BANK:
      return raw('c.owner_id IS NOT NULL');
    case ScopeKind.BRANCH:
      return q`c.owner_id IN (SELECT o.id FROM staff o JOIN org_unit ou ON ou.id = o.unit_id
        WHERE CASE ou.kind WHEN 'branch' THEN ou.id WHEN 'branch_division' THEN ou.parent_id END = ${s.id})`;
    case ScopeKind.TEAM:
      return q`c.owner_id IN (SELECT o.id FROM staff o WHERE o.team_id = ${s.id})`;
    case ScopeKind.CLIENT_MANAGER:
      return q`c.owner_id = ${s.id}`;
    case ScopeKind.SECTOR:
    case ScopeKind.IMPORTANCE:
      return q`c.owner_id IS NOT NULL AND ${projectInScope(s)}`;
  }
}

/**
 * Predicate on `branch_target bt`: whose planned recovery the scope's attainment divides by.
 * Plans exist per branch only: the bank sums all branches, a branch takes its own, and the
 * other scopes have no plan (attainment null).
 */
export function plansInScope(s: ResolvedScope): Fragment {
  switch (s.kind) {
    case ScopeKind.BANK:
      return raw('TRUE');
    case ScopeKind.BRANCH:
      return q`bt.branch_id = ${s.id}`;
    default:
      return raw('FALSE');
  }
}
