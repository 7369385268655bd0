import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../common/errors.js';
import { decodeCursor, pageSize, toConnection, type ConnectionShape } from '../../common/pagination.js';
import { sql } from '../../common/sql.js';
import { ProjectSortField, SortDirection } from './portfolio.enums.js';
import type { ProjectsArgs, StatementsArgs } from './portfolio.inputs.js';
import { checkAmount, isoTs, keyset, likePattern, optionalId, pgArray, TODAY, type SortKey } from './portfolio.sql.js';
import type { AssignmentType, CashFlowStatementType, ClientType, ProjectType, RestructuringCaseType } from './portfolio.types.js';
import { rowFilter, type DataScope } from '../auth/data-scope.js';
import { STAFF_COLS } from '../organization/organization.repository.js';
import type { StaffType } from '../organization/organization.types.js';
import { CLIENT_COLS, CLIENT_PLAIN_FIELDS } from './client.repository.js';
import {
  attachRelations,
  relationJson,
  rowColumns,
  selectList,
  STAFF_PLAIN_FIELDS,
  type FieldSelection,
  type ProjectRelations,
} from './portfolio.prefetch.js';

/** Every project column, by output name (the ProjectType fields and the ids its field resolvers use). */
const PROJECT_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['id', 'p.id'],
  ['externalKey', 'p.external_key'],
  ['name', 'p.name'],
  ['clientId', 'p.client_id'],
  ['branchId', 'p.branch_id'],
  ['managerId', 'p.manager_id'],
  ['assistantId', 'p.assistant_id'],
  ['sector', 'p.sector'],
  ['approvedAmount', 'p.approved_amount::text'],
  ['disbursedAmount', 'p.disbursed_amount::text'],
  ['balance', 'p.balance::text'],
  ['currency', 'p.currency'],
  ['startDate', "to_char(p.start_date, 'YYYY-MM-DD')"],
  ['maturityDate', "to_char(p.maturity_date, 'YYYY-MM-DD')"],
  ['status', 'p.status'],
  ['importance', 'p.importance'],
  ['classification', 'p.classification'],
  ['agentBankId', 'p.agent_bank_id'],
  ['version', 'p.version'],
  ['createdAt', isoTs('p.created_at')],
  ['updatedAt', isoTs('p.updated_at')],
]);
export const PROJECT_COLS = selectList(PROJECT_COLUMNS);
/** Read for every listed project whatever the selection: what the Project field resolvers use. */
const PROJECT_KEYS = ['id', 'clientId', 'branchId', 'managerId', 'assistantId', 'agentBankId'];
/** Project fields answered by a field resolver (project.resolver.ts) from PROJECT_KEYS alone. */
const PROJECT_RESOLVED: ReadonlySet<string> = new Set([
  'client',
  'branch',
  'clientManager',
  'assistant',
  'team',
  'agentBank',
  'lastStatement',
  'statements',
  'assignments',
  'restructuringCases',
]);

/** Due date of a statement: the 10th of the following month (product rule). */
const DUE = `(s.month + interval '1 month 9 days')::date`;
const STATEMENT_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['projectId', 's.project_id'],
  ['month', "to_char(s.month, 'YYYY-MM')"],
  ['balance', 's.balance::text'],
  ['principalDue', 's.principal_due::text'],
  ['interestDue', 's.interest_due::text'],
  ['principalRepaid', 's.principal_repaid::text'],
  ['interestRepaid', 's.interest_repaid::text'],
  ['classification', 's.classification'],
  ['daysOverdue', 's.days_overdue'],
  ['submittedOn', "to_char(s.submitted_on, 'YYYY-MM-DD')"],
  ['dueDate', `to_char(${DUE}, 'YYYY-MM-DD')`],
  ['submittedOnTime', `CASE WHEN s.submitted_on IS NOT NULL THEN s.submitted_on <= ${DUE} WHEN ${TODAY} > ${DUE} THEN false END`],
]);
export const STATEMENT_COLS = selectList(STATEMENT_COLUMNS);
/** CashFlowStatement fields read from the row as they are (all but `project`, a field resolver). */
const STATEMENT_PLAIN_FIELDS: ReadonlySet<string> = new Set([...STATEMENT_COLUMNS.keys()].filter((k) => k !== 'projectId'));

const CASE_COLS = `rc.id, rc.project_id AS "projectId", rc.specialist_id AS "specialistId", rc.status, to_char(rc.opened_on, 'YYYY-MM-DD') AS "openedOn",
  to_char(rc.closed_on, 'YYYY-MM-DD') AS "closedOn", rc.notes`;

/** Latest statement of project p (for DAYS_OVERDUE and the overdue filter). */
const LATEST_JOIN = `LEFT JOIN LATERAL (SELECT s.days_overdue FROM cash_flow_statement s WHERE s.project_id = p.id ORDER BY s.month DESC LIMIT 1) ls ON true`;

const PROJECT_SORT: Record<ProjectSortField, SortKey> = {
  ID: { expr: 'p.id', cast: 'int' },
  NAME: { expr: 'p.name', cast: 'text' },
  BALANCE: { expr: 'p.balance::numeric', cast: 'numeric' },
  MATURITY_DATE: { expr: 'p.maturity_date', cast: 'date' },
  // PostgreSQL orders enum values by declaration: normal < special_mention < … < loss (severity).
  CLASSIFICATION: { expr: 'p.classification', cast: 'classification' },
  IMPORTANCE: { expr: 'p.importance', cast: 'importance_grade' },
  START_DATE: { expr: 'p.start_date', cast: 'date' },
  DAYS_OVERDUE: { expr: 'coalesce(ls.days_overdue, 0)', cast: 'int' },
  UPDATED_AT: { expr: 'p.updated_at', cast: 'timestamptz' },
};

/**
 * What the operation selects on the rows of the project list (see `list`): `fields`, the Project
 * fields (all columns when absent); `client`, `clientManager`, `lastStatement`: the fields selected on
 * those relations, read with the rows when given.
 */
export interface ProjectListSelection {
  fields?: ReadonlySet<string>;
  client?: FieldSelection;
  clientManager?: FieldSelection;
  lastStatement?: FieldSelection;
}

type ListRow = ProjectType & {
  sortKey: string;
  relClient?: ClientType | null;
  relManager?: StaffType | null;
  relLast?: CashFlowStatementType | null;
};

export class ProjectRepository {
  /** `scope`: the viewer's rows (auth/data-scope.ts); every project read below is restricted to it. */
  constructor(
    private readonly em: EntityManager,
    private readonly scope: DataScope,
  ) {}

  private get visible(): string {
    return rowFilter(this.scope).project('p');
  }

  /**
   * `selection`: what the operation reads of the rows. Only those columns are read (plus the ids the
   * field resolvers use), and the selected client, client manager and latest statement of each row
   * of the page are read in the same statement (one sub-select per row of the page, evaluated after
   * the LIMIT) and attached to the rows (portfolio.prefetch.ts) instead of three DataLoader queries in
   * a second round trip. Each relation is what the field's DataLoader returns — same columns, same
   * data-scope predicates, null when there is none or the viewer may not see it — restricted to the
   * selected fields when those are plain columns.
   */
  async list(args: ProjectsArgs, selection: ProjectListSelection = {}): Promise<ConnectionShape<ProjectType>> {
    const first = pageSize(args.first);
    const f = args.filter ?? {};
    const where: string[] = [this.visible];
    const params: unknown[] = [];
    const add = (cond: string, ...p: unknown[]) => {
      where.push(cond);
      params.push(...p);
    };
    const branchId = optionalId(f.branchId, 'filter.branchId');
    if (branchId !== undefined) add('p.branch_id = ?', branchId);
    const managerId = optionalId(f.clientManagerId, 'filter.clientManagerId');
    if (managerId !== undefined) add('p.manager_id = ?', managerId);
    const teamId = optionalId(f.teamId, 'filter.teamId');
    if (teamId !== undefined) add('p.manager_id IN (SELECT st.id FROM staff st WHERE st.team_id = ?)', teamId);
    const clientId = optionalId(f.clientId, 'filter.clientId');
    if (clientId !== undefined) add('p.client_id = ?', clientId);
    if (f.sector != null) add('p.sector = ?', f.sector);
    if (f.classification?.length) add('p.classification = ANY(?::classification[])', pgArray(f.classification));
    if (f.importance?.length) add('p.importance = ANY(?::importance_grade[])', pgArray(f.importance));
    if (f.status?.length) add('p.status = ANY(?::project_status[])', pgArray(f.status));
    if (f.balanceMin != null) add('p.balance >= ?::numeric', checkAmount(f.balanceMin, 'filter.balanceMin'));
    if (f.balanceMax != null) add('p.balance <= ?::numeric', checkAmount(f.balanceMax, 'filter.balanceMax'));
    if (f.maturityFrom != null) add('p.maturity_date >= ?::date', f.maturityFrom);
    if (f.maturityTo != null) add('p.maturity_date <= ?::date', f.maturityTo);
    if (f.search?.trim())
      add(`(p.name ILIKE ? ESCAPE '!' OR p.external_key ILIKE ? ESCAPE '!')`, likePattern(f.search.trim()), likePattern(f.search.trim()));
    if (f.overdue != null) where.push(f.overdue ? 'coalesce(ls.days_overdue, 0) > 0' : 'coalesce(ls.days_overdue, 0) = 0');

    const order = args.orderBy ?? { field: ProjectSortField.ID, direction: SortDirection.ASC };
    const key = PROJECT_SORT[order.field];
    const ks = keyset(key, 'p.id', order.direction === SortDirection.DESC, `project:${order.field}:${order.direction}`, args.after);
    const cond = where.join(' AND ');
    const needLatest = f.overdue != null;
    const filters = rowFilter(this.scope);
    const rel: string[] = [];
    if (selection.client)
      rel.push(
        `${relationJson(`SELECT ${CLIENT_COLS} FROM client c WHERE c.id = p.client_id AND ${filters.client('c')}`, CLIENT_PLAIN_FIELDS, selection.client)} AS "relClient"`,
      );
    if (selection.clientManager)
      rel.push(
        `${relationJson(
          `SELECT ${STAFF_COLS} FROM staff s JOIN org_unit u ON u.id = s.unit_id WHERE s.id = p.manager_id AND ${filters.staff('s')}`,
          STAFF_PLAIN_FIELDS,
          selection.clientManager,
        )} AS "relManager"`,
      );
    if (selection.lastStatement)
      rel.push(
        `${relationJson(
          `SELECT ${STATEMENT_COLS} FROM (SELECT * FROM cash_flow_statement cs WHERE cs.project_id = p.id ORDER BY cs.month DESC LIMIT 1) s`,
          STATEMENT_PLAIN_FIELDS,
          selection.lastStatement,
        )} AS "relLast"`,
      );
    const [rows, count] = await Promise.all([
      sql<ListRow>(
        this.em,
        `SELECT ${rowColumns(PROJECT_COLUMNS, PROJECT_KEYS, PROJECT_RESOLVED, selection.fields)}, (${key.expr})::text AS "sortKey"${rel.map((r) => `, ${r}`).join('')} FROM project p
        ${needLatest || order.field === ProjectSortField.DAYS_OVERDUE ? LATEST_JOIN : ''}
        WHERE ${cond} AND ${ks.where} ORDER BY ${ks.orderBy} LIMIT ?`,
        [...params, ...ks.params, first + 1],
      ),
      sql<{ n: number }>(this.em, `SELECT count(*)::int AS n FROM project p ${needLatest ? LATEST_JOIN : ''} WHERE ${cond}`, params),
    ]);
    const withRelations = rel.length > 0;
    return toConnection(
      rows,
      first,
      count[0]?.n ?? 0,
      args.after,
      (r) => [ks.tag, r.sortKey, r.id],
      ({ sortKey: _k, relClient, relManager, relLast, ...p }) => {
        if (!withRelations) return p;
        const related: ProjectRelations = {};
        if (selection.client) related.client = relClient!;
        if (selection.clientManager) related.clientManager = relManager!;
        if (selection.lastStatement) related.lastStatement = relLast!;
        return attachRelations(p, related);
      },
    );
  }

  byIds(ids: readonly number[]): Promise<ProjectType[]> {
    if (!ids.length) return Promise.resolve([]);
    return sql(this.em, `SELECT ${PROJECT_COLS} FROM project p WHERE p.id = ANY(?::int[]) AND ${this.visible}`, [pgArray(ids)]);
  }

  ofClients(clientIds: readonly number[]): Promise<ProjectType[]> {
    if (!clientIds.length) return Promise.resolve([]);
    return sql(this.em, `SELECT ${PROJECT_COLS} FROM project p WHERE p.client_id = ANY(?::int[]) AND ${this.visible} ORDER BY p.client_id, p.id`, [
      pgArray(clientIds),
    ]);
  }

  /**
   * The latest statement of each project, for the whole batch in one statement: one backward
   * primary-key probe per id (LATERAL … LIMIT 1) instead of reading every month (DISTINCT ON).
   */
  lastStatements(projectIds: readonly number[]): Promise<CashFlowStatementType[]> {
    if (!projectIds.length) return Promise.resolve([]);
    return sql(
      this.em,
      `SELECT ${STATEMENT_COLS} FROM unnest(?::int[]) AS i(id)
      CROSS JOIN LATERAL (SELECT * FROM cash_flow_statement x WHERE x.project_id = i.id ORDER BY x.month DESC LIMIT 1) s`,
      [pgArray([...new Set(projectIds)])],
    );
  }

  /**
   * One page of statements (newest first) per project for a batch of projects, with each
   * project's total, in one statement: counts per project LEFT JOIN the numbered page rows.
   */
  async statementPages(projectIds: readonly number[], args: StatementsArgs): Promise<Map<number, ConnectionShape<CashFlowStatementType>>> {
    const first = pageSize(args.first);
    const cursor = decodeCursor(args.after, 2);
    if (cursor && (cursor[0] !== 'statement' || typeof cursor[1] !== 'string' || !/^\d{4}-\d{2}$/.test(cursor[1])))
      throw badInput('after', 'is not a cursor from this list');
    const out = new Map<number, ConnectionShape<CashFlowStatementType>>();
    if (!projectIds.length) return out;
    const params: unknown[] = [pgArray(projectIds)];
    let range = '';
    if (args.from) {
      range += ` AND s.month >= ?::date`;
      params.push(`${args.from}-01`);
    }
    if (args.to) {
      range += ` AND s.month <= ?::date`;
      params.push(`${args.to}-01`);
    }
    const before = cursor ? `WHERE f.m < ?::date` : '';
    if (cursor) params.push(`${cursor[1] as string}-01`);
    params.push(first + 1);
    const rows = await sql<CashFlowStatementType & { pid: number; total: number; rn: number | null }>(
      this.em,
      `
      WITH f AS (SELECT s.month AS m, ${STATEMENT_COLS} FROM cash_flow_statement s WHERE s.project_id = ANY(?::int[]) ${range}),
      c AS (SELECT "projectId" AS pid, count(*)::int AS total FROM f GROUP BY "projectId"),
      pg AS (SELECT f.*, row_number() OVER (PARTITION BY f."projectId" ORDER BY f.m DESC) AS rn FROM f ${before})
      SELECT c.pid, c.total, pg.* FROM c LEFT JOIN pg ON pg."projectId" = c.pid AND pg.rn <= ?
      ORDER BY c.pid, pg.rn`,
      params,
    );
    const grouped = new Map<number, { total: number; rows: CashFlowStatementType[] }>();
    for (const r of rows) {
      const g = grouped.get(r.pid) ?? { total: r.total, rows: [] };
      if (r.rn !== null) {
        const { pid: _p, total: _t, rn: _r, m: _m, ...st } = r as typeof r & { m: unknown };
        g.rows.push(st);
      }
      grouped.set(r.pid, g);
    }
    for (const id of projectIds) {
      const g = grouped.get(id) ?? { total: 0, rows: [] };
      out.set(
        id,
        toConnection(
          g.rows,
          first,
          g.total,
          args.after,
          (s) => ['statement', s.month],
          (s) => s,
        ),
      );
    }
    return out;
  }

  statement(projectId: number, month: string): Promise<CashFlowStatementType[]> {
    return sql(this.em, `SELECT ${STATEMENT_COLS} FROM cash_flow_statement s WHERE s.project_id = ? AND s.month = ?::date`, [
      projectId,
      `${month}-01`,
    ]);
  }

  assignmentsOf(projectIds: readonly number[]): Promise<AssignmentType[]> {
    if (!projectIds.length) return Promise.resolve([]);
    return sql(
      this.em,
      `SELECT a.id, a.project_id AS "projectId", a.from_staff_id AS "fromStaffId", a.to_staff_id AS "toStaffId",
        a.assigned_by AS "assignedById", ${isoTs('a.assigned_at')} AS "assignedAt", a.reason
      FROM assignment a WHERE a.project_id = ANY(?::int[]) ORDER BY a.project_id, a.assigned_at DESC, a.id DESC`,
      [pgArray(projectIds)],
    );
  }

  casesOf(projectIds: readonly number[]): Promise<RestructuringCaseType[]> {
    if (!projectIds.length) return Promise.resolve([]);
    return sql(
      this.em,
      `SELECT ${CASE_COLS} FROM restructuring_case rc WHERE rc.project_id = ANY(?::int[]) ORDER BY rc.project_id, rc.opened_on DESC, rc.id DESC`,
      [pgArray(projectIds)],
    );
  }

  async restructuringCases(args: {
    status?: string | null;
    branchId?: string | null;
    first?: number;
    after?: string;
  }): Promise<ConnectionShape<RestructuringCaseType>> {
    const first = pageSize(args.first);
    const where: string[] = [this.visible];
    const params: unknown[] = [];
    if (args.status != null) {
      where.push('rc.status = ?');
      params.push(args.status);
    }
    const branchId = optionalId(args.branchId, 'branchId');
    if (branchId !== undefined) {
      where.push('p.branch_id = ?');
      params.push(branchId);
    }
    const key: SortKey = { expr: 'rc.opened_on', cast: 'date' };
    const ks = keyset(key, 'rc.id', true, 'case:opened', args.after);
    const cond = where.join(' AND ');
    const [rows, count] = await Promise.all([
      sql<RestructuringCaseType & { sortKey: string }>(
        this.em,
        `SELECT ${CASE_COLS}, rc.opened_on::text AS "sortKey"
        FROM restructuring_case rc JOIN project p ON p.id = rc.project_id
        WHERE ${cond} AND ${ks.where} ORDER BY ${ks.orderBy} LIMIT ?`,
        [...params, ...ks.params, first + 1],
      ),
      sql<{ n: number }>(
        this.em,
        `SELECT count(*)::int AS n FROM restructuring_case rc JOIN project p ON p.id = rc.project_id WHERE ${cond}`,
        params,
      ),
    ]);
    return toConnection(
      rows,
      first,
      count[0]?.n ?? 0,
      args.after,
      (r) => [ks.tag, r.sortKey, r.id],
      ({ sortKey: _k, ...r }) => r,
    );
  }
}
