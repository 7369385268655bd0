import { forbidden } from '../../common/errors.js';
import type { Viewer } from '../../context.js';
import { unauthenticated } from './auth-checker.js';
import { BANK_WIDE_ROLES } from './roles.js';

/**
 * What rows a viewer may read, decided once per request from the role:
 * - `bank`: executives and HQ planners read every row;
 * - `branch`: branch heads read rows of their own branch;
 * - `self`: client managers read their own clients, projects and statements.
 * Every repository that reads rows takes its predicates from here (see `rowFilter`).
 */
export type DataScope =
  | { kind: 'bank' }
  | { kind: 'branch'; branchId: number }
  | { kind: 'self'; branchId: number; staffId: number };

export function dataScope(viewer: Viewer | null): DataScope {
  if (!viewer) throw unauthenticated();
  if (BANK_WIDE_ROLES.includes(viewer.role)) return { kind: 'bank' };
  if (viewer.role === 'branch_head' && viewer.branchId) return { kind: 'branch', branchId: viewer.branchId };
  if (viewer.role === 'client_manager' && viewer.branchId && viewer.staffId) return { kind: 'self', branchId: viewer.branchId, staffId: viewer.staffId };
  throw forbidden('Your account is not linked to a branch or a person');
}

const int = (n: number): string => {
  if (!Number.isSafeInteger(n)) throw new Error('scope ids are integers');
  return String(n);
};

/**
 * SQL predicates (ids inlined as integers, so they add no bind parameters) that restrict each
 * base table to the rows the scope may see. `TRUE` for the bank scope.
 */
export function rowFilter(scope: DataScope) {
  return {
    /** project (and through it statements, assignments, restructuring cases) */
    project: (p = 'p'): string =>
      scope.kind === 'bank' ? 'TRUE' : scope.kind === 'branch' ? `${p}.branch_id = ${int(scope.branchId)}` : `${p}.manager_id = ${int(scope.staffId)}`,
    /**
     * client (and through it contacts and the contact log): a branch's own clients and the clients
     * of its projects; a client manager's own clients and the clients of the projects they manage.
     */
    client: (c = 'c'): string =>
      scope.kind === 'bank'
        ? 'TRUE'
        : scope.kind === 'branch'
          ? `(${c}.branch_id = ${int(scope.branchId)} OR EXISTS (SELECT 1 FROM project px WHERE px.client_id = ${c}.id AND px.branch_id = ${int(scope.branchId)}))`
          : `(${c}.owner_id = ${int(scope.staffId)} OR EXISTS (SELECT 1 FROM project px WHERE px.client_id = ${c}.id AND px.manager_id = ${int(scope.staffId)}))`,
    /** staff rows (person-level data) */
    staff: (s = 's'): string =>
      scope.kind === 'bank'
        ? 'TRUE'
        : scope.kind === 'branch'
          ? `${s}.unit_id IN (SELECT id FROM org_unit WHERE id = ${int(scope.branchId)} OR parent_id = ${int(scope.branchId)})`
          : `${s}.id = ${int(scope.staffId)}`,
    /** a column holding a branch id (teams, targets, per-branch person-level figures) */
    branch: (col: string): string => (scope.kind === 'bank' ? 'TRUE' : `${col} = ${int(scope.branchId)}`),
    /** a column holding a staff id (workloads, scores, contacts logged) */
    person: (col: string, branchCol?: string): string =>
      scope.kind === 'bank' ? 'TRUE' : scope.kind === 'self' ? `${col} = ${int(scope.staffId)}` : branchCol ? `${branchCol} = ${int(scope.branchId)}` : 'FALSE',
  };
}
