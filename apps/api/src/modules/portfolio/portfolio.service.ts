import type { EntityManager } from '@mikro-orm/postgresql';
import { CLIENT_MANAGER_ROLES } from '@loan-desk/domain';
import { badInput, conflict, notFound } from '../../common/errors.js';
import { MAX_PAGE_SIZE } from '../../common/pagination.js';
import { sql, sqlOne } from '../../common/sql.js';
import { STAFF_COLS } from '../organization/organization.repository.js';
import { CLIENT_COLS, ClientRepository } from './client.repository.js';
import type { LogClientContactInput, ReassignProjectsInput, SubmitStatementInput } from './portfolio.inputs.js';
import { checkAmount, pgArray, toId, TODAY } from './portfolio.sql.js';
import type { CashFlowStatementType, ClientContactLogType, ClientType, ProjectType } from './portfolio.types.js';
import { PROJECT_COLS, ProjectRepository } from './project.repository.js';
import type { Viewer } from '../../context.js';
import { dataScope, rowFilter, type DataScope } from '../auth/data-scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { maintainAfterClientChange, maintainAfterReassign, maintainAfterStatement } from '../rollup/rollup.service.js';

const MAX_TEXT = 2000;

interface StaffRow {
  id: number;
  role: string;
  active: boolean;
  branchId: number | null;
}

/**
 * Portfolio changes. Each method runs in one transaction; every refusal is thrown before or
 * inside it, so a refused change writes nothing.
 */
export class PortfolioService {
  private readonly scope: DataScope;
  private readonly visible: ReturnType<typeof rowFilter>;

  /** Changes act only on rows the viewer can read: anything else is NOT_FOUND, as if it did not exist. */
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {
    this.scope = dataScope(viewer);
    this.visible = rowFilter(this.scope);
  }

  private async activeClientManager(em: EntityManager, id: number, field: string): Promise<StaffRow> {
    const s = await sqlOne<StaffRow>(em, `SELECT ${STAFF_COLS} FROM staff s JOIN org_unit u ON u.id = s.unit_id WHERE s.id = ?`, [id]);
    if (!s) throw notFound('Staff member', id);
    if (!s.active || !(CLIENT_MANAGER_ROLES as readonly string[]).includes(s.role))
      throw badInput(field, `staff member ${id} is not an active client manager`);
    return s;
  }

  /**
   * Reassigns projects to a client manager of their branch. Optimistic concurrency: one
   * set-based UPDATE … WHERE id = i.id AND version = i.v for the whole batch; when fewer rows
   * than requested were updated, another change won and the whole batch is refused.
   */
  async reassignProjects(input: ReassignProjectsInput): Promise<ProjectType[]> {
    const assignedBy = this.viewer?.staffId ?? null;
    const items = input.items ?? [];
    if (items.length < 1 || items.length > MAX_PAGE_SIZE)
      throw badInput('input.items', `must list between 1 and ${MAX_PAGE_SIZE} projects`);
    const reason = (input.reason ?? '').trim();
    if (!reason) throw badInput('input.reason', 'must not be blank');
    if (reason.length > MAX_TEXT) throw badInput('input.reason', `must be at most ${MAX_TEXT} characters`);
    const toStaff = toId(input.toClientManagerId, 'input.toClientManagerId');
    const ids: number[] = [];
    const seen = new Set<number>();
    items.forEach((it, i) => {
      const id = toId(it.projectId, `input.items[${i}].projectId`);
      if (seen.has(id)) throw badInput(`input.items[${i}].projectId`, `project ${id} is listed more than once`);
      seen.add(id);
      ids.push(id);
    });
    const versions = items.map((it) => it.expectedVersion);

    return this.em.transactional(async (em) => {
      const target = await this.activeClientManager(em, toStaff, 'input.toClientManagerId');
      // Lock the rows in id order: a concurrent reassignment of the same projects waits here (no
      // deadlock between overlapping batches) and then sees the new version.
      const current = await sql<{ id: number; branchId: number; managerId: number | null; version: number }>(
        em,
        `SELECT id, branch_id AS "branchId", manager_id AS "managerId", version FROM project p
        WHERE id = ANY(?::int[]) AND ${this.visible.project('p')} ORDER BY id FOR UPDATE`,
        [pgArray(ids)],
      );
      const byId = new Map(current.map((r) => [r.id, r]));
      ids.forEach((id) => {
        if (!byId.has(id)) throw notFound('Project', id);
      });
      ids.forEach((id, i) => {
        const p = byId.get(id)!;
        if (p.branchId !== target.branchId)
          throw badInput('input.toClientManagerId', `staff member ${toStaff} is in another branch than project ${id}`);
        if (p.managerId === toStaff)
          throw badInput(`input.items[${i}].projectId`, `project ${id} is already managed by staff member ${toStaff}`);
      });
      const stale = ids.findIndex((id, i) => byId.get(id)!.version !== versions[i]);
      if (stale >= 0)
        throw conflict(
          `Project ${ids[stale]} changed since it was read (version ${byId.get(ids[stale]!)!.version}, expected ${versions[stale]}); reload and try again. Nothing was reassigned.`,
        );

      const [res] = await sql<{ n: number }>(
        em,
        `
        WITH i AS (SELECT * FROM unnest(?::int[], ?::int[]) AS i(id, v)),
        old AS (SELECT p.id, p.manager_id FROM project p JOIN i ON i.id = p.id),
        upd AS (UPDATE project p SET manager_id = ?, version = p.version + 1, updated_at = now()
                FROM i WHERE p.id = i.id AND p.version = i.v RETURNING p.id),
        ins AS (INSERT INTO assignment (project_id, from_staff_id, to_staff_id, assigned_by, assigned_at, reason)
                SELECT upd.id, old.manager_id, ?, ?::int, now(), ? FROM upd JOIN old ON old.id = upd.id RETURNING project_id)
        SELECT count(*)::int AS n FROM ins`,
        [pgArray(ids), pgArray(versions), toStaff, toStaff, assignedBy, reason],
      );
      if ((res?.n ?? 0) !== ids.length) {
        throw conflict(
          'One or more projects changed while the request ran (another reassignment won); reload and try again. Nothing was reassigned.',
        );
      }
      await maintainAfterReassign(em, ids);
      // One audit entry per project, written set-based in the same transaction.
      await sql(
        em,
        `INSERT INTO audit_log (user_id, username, action, entity, entity_id, before, after)
        SELECT ?::int, ?, 'project.reassign', 'project', x.id::text,
          jsonb_build_object('managerId', x.old, 'version', x.v), jsonb_build_object('managerId', ?::int, 'version', x.v + 1, 'reason', ?::text)
        FROM unnest(?::int[], ?::int[], ?::int[]) AS x(id, old, v)`,
        [this.viewer?.userId ?? null, this.viewer?.username ?? null, toStaff, reason, pgArray(ids), pgArray(ids.map((id) => byId.get(id)!.managerId)), pgArray(versions)],
      );
      return sql<ProjectType>(
        em,
        `SELECT ${PROJECT_COLS} FROM project p WHERE p.id = ANY(?::int[]) ORDER BY array_position(?::int[], p.id)`,
        [pgArray(ids), pgArray(ids)],
      );
    });
  }

  /** Releases a client to the client pool (owner = none). Allowed with active projects: the pool is about the client relationship. */
  async moveClientToPool(clientIdArg: string, reasonArg: string | null | undefined): Promise<ClientType> {
    const clientId = toId(clientIdArg, 'clientId');
    if (reasonArg != null && reasonArg.length > MAX_TEXT) throw badInput('reason', `must be at most ${MAX_TEXT} characters`);
    return this.em.transactional(async (em) => {
      const row = await sqlOne<ClientType>(
        em,
        `UPDATE client c SET owner_id = NULL, updated_at = now() FROM client old
        WHERE c.id = ? AND old.id = c.id AND c.owner_id IS NOT NULL AND ${this.visible.client('c')} RETURNING ${CLIENT_COLS}, old.owner_id AS "previousOwnerId"`,
        [clientId],
      );
      if (row) {
        const { previousOwnerId, ...client } = row as ClientType & { previousOwnerId: number };
        await maintainAfterClientChange(em);
        await recordAudit(em, this.viewer, 'client.to_pool', 'client', clientId, { ownerId: previousOwnerId }, { ownerId: null, reason: reasonArg ?? null });
        return client;
      }
      const exists = await sqlOne(em, `SELECT 1 FROM client c WHERE c.id = ? AND ${this.visible.client('c')}`, [clientId]);
      if (!exists) throw notFound('Client', clientId);
      throw conflict(`Client ${clientId} is already in the client pool`);
    });
  }

  /** Takes a client from the pool: the new owner must be an active client manager of the client's branch. */
  async assignClientFromPool(clientIdArg: string, ownerIdArg: string): Promise<ClientType> {
    const clientId = toId(clientIdArg, 'clientId');
    const ownerId = toId(ownerIdArg, 'ownerId');
    return this.em.transactional(async (em) => {
      const client = await sqlOne<{ branchId: number | null; ownerId: number | null }>(
        em,
        `SELECT branch_id AS "branchId", owner_id AS "ownerId" FROM client c WHERE c.id = ? AND ${this.visible.client('c')}`,
        [clientId],
      );
      if (!client) throw notFound('Client', clientId);
      const owner = await this.activeClientManager(em, ownerId, 'ownerId');
      if (client.branchId !== null && client.branchId !== owner.branchId)
        throw badInput('ownerId', `staff member ${ownerId} is in another branch than client ${clientId}`);
      const row = await sqlOne<ClientType>(
        em,
        `UPDATE client c SET owner_id = ?, updated_at = now() WHERE c.id = ? AND c.owner_id IS NULL RETURNING ${CLIENT_COLS}`,
        [ownerId, clientId],
      );
      if (!row) throw conflict(`Client ${clientId} is not in the client pool (it has a responsible client manager)`);
      await maintainAfterClientChange(em);
      await recordAudit(em, this.viewer, 'client.from_pool', 'client', clientId, { ownerId: null }, { ownerId });
      return row;
    });
  }

  async logClientContact(input: LogClientContactInput): Promise<ClientContactLogType> {
    const clientId = toId(input.clientId, 'input.clientId');
    const staffId = toId(input.staffId, 'input.staffId');
    if (input.notes != null && input.notes.length > MAX_TEXT) throw badInput('input.notes', `must be at most ${MAX_TEXT} characters`);
    if (input.contactedOn < '2000-01-01') throw badInput('input.contactedOn', 'must not be before 2000-01-01');
    return this.em.transactional(async (em) => {
      const check = await sqlOne<{ today: string; client: boolean; staff: boolean }>(
        em,
        `SELECT ${TODAY}::text AS today,
        EXISTS (SELECT 1 FROM client c WHERE c.id = ? AND ${this.visible.client('c')}) AS client,
        EXISTS (SELECT 1 FROM staff s WHERE s.id = ? AND ${this.visible.staff('s')}) AS staff`,
        [clientId, staffId],
      );
      if (input.contactedOn > check!.today) throw badInput('input.contactedOn', `must not be in the future (today is ${check!.today})`);
      if (!check!.client) throw notFound('Client', clientId);
      if (!check!.staff) throw notFound('Staff member', staffId);
      const [row] = await sql<{ id: number }>(
        em,
        `INSERT INTO client_contact (client_id, staff_id, kind, contacted_on, notes) VALUES (?, ?, ?, ?::date, ?) RETURNING id`,
        [clientId, staffId, input.kind, input.contactedOn, input.notes ?? null],
      );
      await maintainAfterClientChange(em);
      const [log] = await new ClientRepository(em, this.scope).contactLogById(row!.id);
      await recordAudit(em, this.viewer, 'client_contact.create', 'client_contact', row!.id, null, log);
      return log!;
    });
  }

  /**
   * Files a monthly cash-flow statement. When its month is the project's latest statement
   * month, the project's balance and classification follow it (and its version is bumped).
   */
  async submitStatement(input: SubmitStatementInput): Promise<CashFlowStatementType> {
    const projectId = toId(input.projectId, 'input.projectId');
    const amounts = {
      balance: checkAmount(input.balance, 'input.balance'),
      principalDue: checkAmount(input.principalDue, 'input.principalDue'),
      interestDue: checkAmount(input.interestDue, 'input.interestDue'),
      principalRepaid: checkAmount(input.principalRepaid, 'input.principalRepaid'),
      interestRepaid: checkAmount(input.interestRepaid, 'input.interestRepaid'),
    };
    if (!Number.isInteger(input.daysOverdue) || input.daysOverdue < 0) throw badInput('input.daysOverdue', 'must not be negative');
    const monthStart = `${input.month}-01`;
    return this.em.transactional(async (em) => {
      const today = (await sqlOne<{ today: string }>(em, `SELECT ${TODAY}::text AS today`))!.today;
      if (input.month > today.slice(0, 7)) throw badInput('input.month', `must not be in the future (today is ${today})`);
      const submittedOn = input.submittedOn ?? today;
      if (submittedOn > today) throw badInput('input.submittedOn', `must not be in the future (today is ${today})`);
      if (submittedOn < monthStart) throw badInput('input.submittedOn', 'must not be before the first day of the month reported on');
      // Row lock: concurrent statements of one project apply their balance update one after the other.
      const project = await sqlOne<{ status: string; startMonth: string }>(
        em,
        `SELECT status, to_char(start_date, 'YYYY-MM') AS "startMonth" FROM project p WHERE p.id = ? AND ${this.visible.project('p')} FOR UPDATE`,
        [projectId],
      );
      if (!project) throw notFound('Project', projectId);
      if (project.status !== 'active') throw badInput('input.projectId', `project ${projectId} is not active (status ${project.status})`);
      if (input.month < project.startMonth) throw badInput('input.month', `is before the project started (${project.startMonth})`);
      const inserted = await sql(
        em,
        `INSERT INTO cash_flow_statement (project_id, month, balance, principal_due, interest_due, principal_repaid,
          interest_repaid, classification, days_overdue, submitted_on)
        VALUES (?, ?::date, ?::numeric, ?::numeric, ?::numeric, ?::numeric, ?::numeric, ?::classification, ?, ?::date)
        ON CONFLICT (project_id, month) DO NOTHING RETURNING project_id`,
        [
          projectId,
          monthStart,
          amounts.balance,
          amounts.principalDue,
          amounts.interestDue,
          amounts.principalRepaid,
          amounts.interestRepaid,
          input.classification,
          input.daysOverdue,
          submittedOn,
        ],
      );
      if (!inserted.length) throw conflict(`input.month: project ${projectId} already has a statement for ${input.month}`);
      await sql(
        em,
        `UPDATE project SET balance = ?::numeric, classification = ?::classification, version = version + 1, updated_at = now()
        WHERE id = ? AND ?::date >= (SELECT max(month) FROM cash_flow_statement WHERE project_id = ?)`,
        [amounts.balance, input.classification, projectId, monthStart, projectId],
      );
      await maintainAfterStatement(em, projectId, input.month);
      const [st] = await new ProjectRepository(em, this.scope).statement(projectId, input.month);
      await recordAudit(em, this.viewer, 'statement.submit', 'cash_flow_statement', `${projectId}:${input.month}`, null, st);
      return st!;
    });
  }
}
