import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../support/db.js';
import type { TestServer } from '../support/server.js';
import { withTestServer } from '../support/fixture.js';

// Every mutation: one success test, and refusals that leave the database exactly as it was.
describe('portfolio mutations', () => {
  let db: TestDatabase;
  let server: TestServer;
  withTestServer('demo', (d, s) => {
    db = d;
    server = s;
  });

  /** Plain-SQL snapshot of everything the portfolio mutations may write. */
  const snapshot = async () => ({
    project: await db.query(`SELECT id, manager_id, version, balance, classification, updated_at FROM project ORDER BY id`),
    assignment: await db.query(`SELECT * FROM assignment ORDER BY id`),
    client: await db.query(`SELECT id, owner_id, updated_at FROM client ORDER BY id`),
    contactLog: await db.query(`SELECT * FROM client_contact ORDER BY id`),
    statements: await db.query(`SELECT count(*)::int AS n, sum(balance)::text AS b FROM cash_flow_statement`),
  });
  const expectRefused = async (query: string, vars: Record<string, unknown>, code: string, field?: string) => {
    const before = await snapshot();
    const r = await server.gql(query, vars);
    expect(r.data?.[Object.keys(r.data ?? {})[0] ?? ''] ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe(code);
    if (field) expect(r.errors?.[0]?.extensions?.field).toBe(field);
    expect(await snapshot()).toEqual(before);
    return r.errors![0]!;
  };

  /** A branch with projects, and an active client manager of it who manages none of `count` of its projects. */
  async function pick(count: number, offset = 0) {
    const [t] = await db.query<{ id: number; branch: number }>(
      `
      SELECT s.id, CASE u.kind WHEN 'branch' THEN u.id ELSE u.parent_id END AS branch
      FROM staff s JOIN org_unit u ON u.id = s.unit_id
      WHERE s.active AND s.role IN ('client_manager', 'senior_client_manager') ORDER BY s.id OFFSET $1 LIMIT 1`,
      [offset],
    );
    const projects = await db.query<{ id: number; version: number; manager_id: number | null }>(
      `
      SELECT id, version, manager_id FROM project WHERE branch_id = $1 AND manager_id IS DISTINCT FROM $2 ORDER BY id LIMIT $3`,
      [t!.branch, t!.id, count],
    );
    return { target: t!.id, branch: t!.branch, projects };
  }

  const REASSIGN = `mutation($input: ReassignProjectsInput!) { reassignProjects(input: $input) { id version clientManager { id } } }`;

  describe('reassignProjects', () => {
    it('reassigns several projects: manager, version and one history row each', async () => {
      const { target, projects } = await pick(3);
      const before = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM assignment`);
      const r = await server.gql(REASSIGN, {
        input: {
          items: projects.map((p) => ({ projectId: String(p.id), expectedVersion: p.version })),
          toClientManagerId: String(target),
          reason: 'Workload balancing',
        },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data!.reassignProjects).toEqual(
        projects.map((p) => ({ id: String(p.id), version: p.version + 1, clientManager: { id: String(target) } })),
      );
      const rows = await db.query<{ id: number; manager_id: number; version: number }>(
        `SELECT id, manager_id, version FROM project WHERE id = ANY($1) ORDER BY id`,
        [projects.map((p) => p.id)],
      );
      expect(rows).toEqual(projects.map((p) => ({ id: p.id, manager_id: target, version: p.version + 1 })));
      const hist = await db.query<
        Record<string, unknown>
      >(`SELECT project_id, from_staff_id, to_staff_id, assigned_by, reason, assigned_at > now() - interval '1 minute' AS recent
        FROM assignment WHERE id > (SELECT max(id) - 3 FROM assignment) ORDER BY project_id`);
      expect(hist).toEqual(
        projects.map((p) => ({
          project_id: p.id,
          from_staff_id: p.manager_id,
          to_staff_id: target,
          assigned_by: null,
          reason: 'Workload balancing',
          recent: true,
        })),
      );
      expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM assignment`))[0]!.n).toBe(before[0]!.n + 3);
    });

    it('records the signed-in person as assigned_by when the account is linked to a staff member', async () => {
      const { target, projects, branch } = await pick(1, 10);
      const [head] = await db.query<{ id: number }>(
        `SELECT s.id FROM staff s JOIN org_unit u ON u.id = s.unit_id WHERE s.role = 'loan_division_head' AND (u.id = $1 OR u.parent_id = $1) LIMIT 1`,
        [branch],
      );
      const asHead = await server.as({ role: 'hq_planner', staffId: head!.id });
      const r = await asHead(REASSIGN, {
        input: {
          items: [{ projectId: String(projects[0]!.id), expectedVersion: projects[0]!.version }],
          toClientManagerId: String(target),
          reason: 'Specialist needed',
        },
      });
      expect(r.errors).toBeUndefined();
      const [a] = await db.query(`SELECT assigned_by, to_staff_id FROM assignment WHERE project_id = $1 ORDER BY id DESC LIMIT 1`, [
        projects[0]!.id,
      ]);
      expect(a).toEqual({ assigned_by: head!.id, to_staff_id: target });
    });

    it('reassigns a bulk batch of up to 500 projects in one request', async () => {
      const { target, projects } = await pick(500, 5);
      expect(projects.length).toBeGreaterThan(20);
      const r = await server.gql(REASSIGN, {
        input: {
          items: projects.map((p) => ({ projectId: String(p.id), expectedVersion: p.version })),
          toClientManagerId: String(target),
          reason: 'Branch reorganisation',
        },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data!.reassignProjects).toHaveLength(projects.length);
      const [n] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM project WHERE id = ANY($1) AND manager_id = $2`, [
        projects.map((p) => p.id),
        target,
      ]);
      expect(n!.n).toBe(projects.length);
    });

    it('refuses a target that is not an active client manager, in another branch, or a blank reason', async () => {
      const { projects, branch } = await pick(2, 20);
      const items = projects.map((p) => ({ projectId: String(p.id), expectedVersion: p.version }));
      const [assistant] = await db.query<{ id: number }>(
        `SELECT s.id FROM staff s JOIN org_unit u ON u.id = s.unit_id WHERE s.role = 'assistant' AND (u.id = $1 OR u.parent_id = $1) LIMIT 1`,
        [branch],
      );
      await expectRefused(
        REASSIGN,
        { input: { items, toClientManagerId: String(assistant!.id), reason: 'x' } },
        'BAD_USER_INPUT',
        'input.toClientManagerId',
      );
      const [inactive] = await db.query<{ id: number }>(
        `SELECT s.id FROM staff s JOIN org_unit u ON u.id = s.unit_id WHERE s.role = 'client_manager' AND (u.id = $1 OR u.parent_id = $1) LIMIT 1`,
        [branch],
      );
      await db.query(`UPDATE staff SET active = false WHERE id = $1`, [inactive!.id]);
      await expectRefused(
        REASSIGN,
        { input: { items, toClientManagerId: String(inactive!.id), reason: 'x' } },
        'BAD_USER_INPUT',
        'input.toClientManagerId',
      );
      await db.query(`UPDATE staff SET active = true WHERE id = $1`, [inactive!.id]);
      const [other] = await db.query<{ id: number }>(
        `SELECT s.id FROM staff s JOIN org_unit u ON u.id = s.unit_id
        WHERE s.active AND s.role = 'client_manager' AND u.id <> $1 AND u.parent_id <> $1 LIMIT 1`,
        [branch],
      );
      const e = await expectRefused(
        REASSIGN,
        { input: { items, toClientManagerId: String(other!.id), reason: 'x' } },
        'BAD_USER_INPUT',
        'input.toClientManagerId',
      );
      expect(e.message).toMatch(/another branch/);
      const [cm] = await db.query<{ id: number }>(
        `SELECT s.id FROM staff s JOIN org_unit u ON u.id = s.unit_id
        WHERE s.active AND s.role = 'client_manager' AND (u.id = $1 OR u.parent_id = $1) AND s.id <> ALL($2) LIMIT 1`,
        [branch, projects.map((p) => p.manager_id)],
      );
      await expectRefused(
        REASSIGN,
        { input: { items, toClientManagerId: String(cm!.id), reason: '   ' } },
        'BAD_USER_INPUT',
        'input.reason',
      );
      await expectRefused(
        REASSIGN,
        { input: { items: [], toClientManagerId: String(cm!.id), reason: 'x' } },
        'BAD_USER_INPUT',
        'input.items',
      );
      await expectRefused(
        REASSIGN,
        {
          input: {
            items: Array.from({ length: 501 }, (_, i) => ({ projectId: String(i + 1), expectedVersion: 1 })),
            toClientManagerId: String(cm!.id),
            reason: 'x',
          },
        },
        'BAD_USER_INPUT',
        'input.items',
      );
      await expectRefused(
        REASSIGN,
        { input: { items: [items[0], items[0]], toClientManagerId: String(cm!.id), reason: 'x' } },
        'BAD_USER_INPUT',
        'input.items[1].projectId',
      );
    });

    it('refuses unknown projects and unknown staff with NOT_FOUND', async () => {
      const { target, projects } = await pick(1, 30);
      await expectRefused(
        REASSIGN,
        {
          input: {
            items: [
              { projectId: String(projects[0]!.id), expectedVersion: projects[0]!.version },
              { projectId: '99999999', expectedVersion: 1 },
            ],
            toClientManagerId: String(target),
            reason: 'x',
          },
        },
        'NOT_FOUND',
      );
      await expectRefused(
        REASSIGN,
        { input: { items: [{ projectId: String(projects[0]!.id), expectedVersion: 1 }], toClientManagerId: '99999999', reason: 'x' } },
        'NOT_FOUND',
      );
    });

    it('refuses the whole batch with CONFLICT when one project changed since it was read', async () => {
      const { target, projects } = await pick(3, 40);
      const items = projects.map((p, i) => ({ projectId: String(p.id), expectedVersion: i === 2 ? p.version - 1 : p.version }));
      const e = await expectRefused(REASSIGN, { input: { items, toClientManagerId: String(target), reason: 'x' } }, 'CONFLICT');
      expect(e.message).toMatch(new RegExp(`Project ${projects[2]!.id}`));
    });

    it('two concurrent reassignments of the same project: exactly one wins, one history row', async () => {
      const a = await pick(1, 50);
      const p = a.projects[0]!;
      const [b] = await db.query<{ id: number }>(
        `SELECT s.id FROM staff s JOIN org_unit u ON u.id = s.unit_id
        WHERE s.active AND s.role IN ('client_manager', 'senior_client_manager') AND (u.id = $1 OR u.parent_id = $1) AND s.id NOT IN ($2, $3) LIMIT 1`,
        [a.branch, a.target, p.manager_id ?? 0],
      );
      const [h0] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM assignment WHERE project_id = $1`, [p.id]);
      const send = (to: number) =>
        server.gql(REASSIGN, {
          input: { items: [{ projectId: String(p.id), expectedVersion: p.version }], toClientManagerId: String(to), reason: `race ${to}` },
        });
      const results = await Promise.all([send(a.target), send(b!.id)]);
      const ok = results.filter((r) => !r.errors);
      const refused = results.filter((r) => r.errors);
      expect(ok).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]!.errors![0]!.extensions?.code).toBe('CONFLICT');
      const winner = ok[0]!.data!.reassignProjects[0].clientManager.id;
      const [row] = await db.query<{ manager_id: number; version: number }>(`SELECT manager_id, version FROM project WHERE id = $1`, [
        p.id,
      ]);
      expect(row).toEqual({ manager_id: Number(winner), version: p.version + 1 });
      const hist = await db.query<{ to_staff_id: number }>(`SELECT to_staff_id FROM assignment WHERE project_id = $1 ORDER BY id`, [p.id]);
      expect(hist).toHaveLength(h0!.n + 1);
      expect(hist[hist.length - 1]!.to_staff_id).toBe(Number(winner));
    });
  });

  describe('client pool', () => {
    const MOVE = `mutation($id: ID!, $reason: String) { moveClientToPool(clientId: $id, reason: $reason) { id inPool owner { id } } }`;
    const TAKE = `mutation($id: ID!, $owner: ID!) { assignClientFromPool(clientId: $id, ownerId: $owner) { id inPool owner { id } } }`;

    it('moves an owned client (even with active projects) to the pool, then a branch client manager takes it', async () => {
      const [c] = await db.query<{ id: number; owner_id: number; branch_id: number }>(`SELECT c.id, c.owner_id, c.branch_id FROM client c
        WHERE c.owner_id IS NOT NULL AND EXISTS (SELECT 1 FROM project p WHERE p.client_id = c.id AND p.status = 'active') ORDER BY c.id LIMIT 1`);
      const r = await server.gql(MOVE, { id: String(c!.id), reason: 'Owner left' });
      expect(r.errors).toBeUndefined();
      expect(r.data!.moveClientToPool).toEqual({ id: String(c!.id), inPool: true, owner: null });
      expect((await db.query(`SELECT owner_id FROM client WHERE id = $1`, [c!.id]))[0]).toEqual({ owner_id: null });
      const [cm] = await db.query<{ id: number }>(
        `SELECT s.id FROM staff s JOIN org_unit u ON u.id = s.unit_id
        WHERE s.active AND s.role = 'client_manager' AND (u.id = $1 OR u.parent_id = $1) AND s.id <> $2 LIMIT 1`,
        [c!.branch_id, c!.owner_id],
      );
      const t = await server.gql(TAKE, { id: String(c!.id), owner: String(cm!.id) });
      expect(t.errors).toBeUndefined();
      expect(t.data!.assignClientFromPool).toEqual({ id: String(c!.id), inPool: false, owner: { id: String(cm!.id) } });
      expect((await db.query(`SELECT owner_id FROM client WHERE id = $1`, [c!.id]))[0]).toEqual({ owner_id: cm!.id });
    });

    it('refuses: moving a pooled client (CONFLICT), unknown client (NOT_FOUND), taking an owned client (CONFLICT), wrong owner (BAD_USER_INPUT)', async () => {
      const [pooled] = await db.query<{ id: number; branch_id: number }>(
        `SELECT id, branch_id FROM client WHERE owner_id IS NULL ORDER BY id LIMIT 1`,
      );
      await expectRefused(MOVE, { id: String(pooled!.id) }, 'CONFLICT');
      await expectRefused(MOVE, { id: '99999999' }, 'NOT_FOUND');
      const [owned] = await db.query<{ id: number; branch_id: number }>(
        `SELECT id, branch_id FROM client WHERE owner_id IS NOT NULL ORDER BY id LIMIT 1`,
      );
      const [cm] = await db.query<{ id: number }>(
        `SELECT s.id FROM staff s JOIN org_unit u ON u.id = s.unit_id
        WHERE s.active AND s.role = 'client_manager' AND (u.id = $1 OR u.parent_id = $1) LIMIT 1`,
        [owned!.branch_id],
      );
      await expectRefused(TAKE, { id: String(owned!.id), owner: String(cm!.id) }, 'CONFLICT');
      const [far] = await db.query<{ id: number }>(
        `SELECT s.id FROM staff s JOIN org_unit u ON u.id = s.unit_id
        WHERE s.active AND s.role = 'client_manager' AND u.id <> $1 AND u.parent_id <> $1 LIMIT 1`,
        [pooled!.branch_id],
      );
      await expectRefused(TAKE, { id: String(pooled!.id), owner: String(far!.id) }, 'BAD_USER_INPUT', 'ownerId');
      const [sec] = await db.query<{ id: number }>(`SELECT id FROM staff WHERE role = 'secretary' LIMIT 1`);
      await expectRefused(TAKE, { id: String(pooled!.id), owner: String(sec!.id) }, 'BAD_USER_INPUT', 'ownerId');
      await expectRefused(MOVE, { id: String(owned!.id), reason: 'x'.repeat(2001) }, 'BAD_USER_INPUT', 'reason');
    });
  });

  describe('logClientContact', () => {
    const LOG = `mutation($input: LogClientContactInput!) { logClientContact(input: $input) { id kind contactedOn notes client { id } staff { id } } }`;
    it("logs a contact and it becomes the client's last contact", async () => {
      const [{ today }] = (await db.query<{ today: string }>(
        `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS today`,
      )) as [{ today: string }];
      const [c] = await db.query<{ id: number; owner_id: number }>(
        `SELECT id, owner_id FROM client WHERE owner_id IS NOT NULL ORDER BY id LIMIT 1`,
      );
      const r = await server.gql(LOG, {
        input: { clientId: String(c!.id), staffId: String(c!.owner_id), kind: 'VISIT', contactedOn: today, notes: '走访企业' },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data!.logClientContact).toMatchObject({
        kind: 'VISIT',
        contactedOn: today,
        notes: '走访企业',
        client: { id: String(c!.id) },
        staff: { id: String(c!.owner_id) },
      });
      const [row] = await db.query(
        `SELECT client_id, staff_id, kind::text, to_char(contacted_on, 'YYYY-MM-DD') AS d, notes FROM client_contact WHERE id = $1`,
        [Number(r.data!.logClientContact.id)],
      );
      expect(row).toEqual({ client_id: c!.id, staff_id: c!.owner_id, kind: 'visit', d: today, notes: '走访企业' });
      const l = await server.gql(`query($id: ID!) { client(id: $id) { lastContactOn } }`, { id: String(c!.id) });
      expect(l.data!.client.lastContactOn).toBe(today);
    });

    it('refuses a future date, a date before 2000, long notes, unknown client or staff', async () => {
      const [c] = await db.query<{ id: number; owner_id: number }>(
        `SELECT id, owner_id FROM client WHERE owner_id IS NOT NULL ORDER BY id LIMIT 1`,
      );
      const [{ tomorrow }] = (await db.query<{ tomorrow: string }>(
        `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date + 1, 'YYYY-MM-DD') AS tomorrow`,
      )) as [{ tomorrow: string }];
      const base = { clientId: String(c!.id), staffId: String(c!.owner_id), kind: 'CALL', contactedOn: '2026-01-05', notes: 'ok' };
      await expectRefused(LOG, { input: { ...base, contactedOn: tomorrow } }, 'BAD_USER_INPUT', 'input.contactedOn');
      await expectRefused(LOG, { input: { ...base, contactedOn: '1999-12-31' } }, 'BAD_USER_INPUT', 'input.contactedOn');
      await expectRefused(LOG, { input: { ...base, notes: 'x'.repeat(2001) } }, 'BAD_USER_INPUT', 'input.notes');
      await expectRefused(LOG, { input: { ...base, clientId: '99999999' } }, 'NOT_FOUND');
      await expectRefused(LOG, { input: { ...base, staffId: '99999999' } }, 'NOT_FOUND');
    });
  });

  describe('submitStatement', () => {
    const SUBMIT = `mutation($input: SubmitStatementInput!) { submitStatement(input: $input) { month balance principalDue classification daysOverdue submittedOn dueDate submittedOnTime project { id balance classification } } }`;
    let month: string;
    let nextMonth: string;
    beforeAll(async () => {
      const [r] = await db.query<{ m: string; n: string }>(`SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM') AS m,
        to_char((now() AT TIME ZONE 'Asia/Shanghai')::date + interval '1 month', 'YYYY-MM') AS n`);
      month = r!.m;
      nextMonth = r!.n;
    });
    const input = (projectId: number, over: Record<string, unknown> = {}) => ({
      projectId: String(projectId),
      month,
      balance: '1000000.50',
      principalDue: '100000',
      interestDue: '4500.25',
      principalRepaid: '100000',
      interestRepaid: '4500.25',
      classification: 'SPECIAL_MENTION',
      daysOverdue: 0,
      ...over,
    });
    const activeProject = async (offset: number) =>
      (
        await db.query<{ id: number }>(
          `SELECT p.id FROM project p WHERE p.status = 'active' AND NOT EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month >= date_trunc('month', (now() AT TIME ZONE 'Asia/Shanghai')::date)) ORDER BY p.id OFFSET $1 LIMIT 1`,
          [offset],
        )
      )[0]!.id;

    it('files the latest month: statement stored, project balance and classification follow, version bumped', async () => {
      const id = await activeProject(0);
      const [v] = await db.query<{ version: number }>(`SELECT version FROM project WHERE id = $1`, [id]);
      const r = await server.gql(SUBMIT, { input: input(id) });
      expect(r.errors).toBeUndefined();
      expect(r.data!.submitStatement).toMatchObject({
        month,
        balance: '1000000.50',
        principalDue: '100000.00',
        classification: 'SPECIAL_MENTION',
        submittedOnTime: true,
        project: { id: String(id), balance: '1000000.50', classification: 'SPECIAL_MENTION' },
      });
      const [s] = await db.query(
        `SELECT balance::text, interest_due::text, classification::text, submitted_on = (now() AT TIME ZONE 'Asia/Shanghai')::date AS today FROM cash_flow_statement WHERE project_id = $1 AND month = $2::date`,
        [id, `${month}-01`],
      );
      expect(s).toEqual({ balance: '1000000.50', interest_due: '4500.25', classification: 'special_mention', today: true });
      const [p] = await db.query(`SELECT balance::text, classification::text, version FROM project WHERE id = $1`, [id]);
      expect(p).toEqual({ balance: '1000000.50', classification: 'special_mention', version: v!.version + 1 });
    });

    it('refuses negative amounts, a future month, a duplicate month, an inactive project, bad daysOverdue', async () => {
      const id = await activeProject(1);
      await expectRefused(SUBMIT, { input: input(id, { balance: '-1' }) }, 'BAD_USER_INPUT', 'input.balance');
      await expectRefused(SUBMIT, { input: input(id, { interestRepaid: '-0.01' }) }, 'BAD_USER_INPUT', 'input.interestRepaid');
      await expectRefused(SUBMIT, { input: input(id, { principalDue: '1.234' }) }, 'BAD_USER_INPUT', 'input.principalDue');
      await expectRefused(SUBMIT, { input: input(id, { daysOverdue: -3 }) }, 'BAD_USER_INPUT', 'input.daysOverdue');
      await expectRefused(SUBMIT, { input: input(id, { month: nextMonth }) }, 'BAD_USER_INPUT', 'input.month');
      await expectRefused(SUBMIT, { input: input(id, { month: '2026-10' }) }, 'CONFLICT');
      await expectRefused(SUBMIT, { input: input(99999999) }, 'NOT_FOUND');
      const [settled] = await db.query<{ id: number }>(
        `UPDATE project SET status = 'settled' WHERE id = (SELECT id FROM project WHERE status = 'active' ORDER BY id DESC LIMIT 1) RETURNING id`,
      );
      await expectRefused(SUBMIT, { input: input(settled!.id) }, 'BAD_USER_INPUT', 'input.projectId');
    });
  });
});
