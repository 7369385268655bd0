import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../support/db.js';
import type { TestServer } from '../support/server.js';
import { withTestServer } from '../support/fixture.js';
import { ids, pageAll } from './helpers.js';

const LATEST_DAYS = `coalesce((SELECT s.days_overdue FROM cash_flow_statement s WHERE s.project_id = p.id ORDER BY s.month DESC LIMIT 1), 0)`;

describe('projects', () => {
  let db: TestDatabase;
  let server: TestServer;
  let branch: number;
  let manager: number;
  let team: number;
  let client: number;
  withTestServer('demo', (d, s) => {
    db = d;
    server = s;
  });
  beforeAll(async () => {
    const [p] = await db.query<{ branch_id: number; manager_id: number; team_id: number; client_id: number }>(`
      SELECT p.branch_id, p.manager_id, s.team_id, p.client_id FROM project p JOIN staff s ON s.id = p.manager_id
      WHERE s.team_id IS NOT NULL ORDER BY p.id LIMIT 1`);
    ({ branch_id: branch, manager_id: manager, team_id: team, client_id: client } = p!);
    // A few non-active projects so the status filter has something to separate.
    await db.query(`UPDATE project SET status = 'settled' WHERE id IN (SELECT id FROM project ORDER BY id DESC LIMIT 3)`);
    await db.query(
      `UPDATE project SET status = 'written_off' WHERE id IN (SELECT id FROM project WHERE status = 'active' ORDER BY id DESC LIMIT 2)`,
    );
  });

  const sqlIds = async (where: string, order = 'p.id') =>
    ids(await db.query<{ id: number }>(`SELECT p.id FROM project p WHERE ${where} ORDER BY ${order}`));
  const apiIds = async (filter: string, first = 500) => pageAll(server, 'projects', `filter: { ${filter} }`, first);

  it.each([
    ['branch', () => `branchId: "${branch}"`, () => `p.branch_id = ${branch}`],
    ['client manager', () => `clientManagerId: "${manager}"`, () => `p.manager_id = ${manager}`],
    ['team', () => `teamId: "${team}"`, () => `p.manager_id IN (SELECT id FROM staff WHERE team_id = ${team})`],
    ['sector', () => `sector: ENERGY`, () => `p.sector = 'energy'`],
    ['classification list', () => `classification: [SUBSTANDARD, LOSS]`, () => `p.classification::text IN ('substandard', 'loss')`],
    ['importance list', () => `importance: [KEY, LARGE]`, () => `p.importance::text IN ('key', 'large')`],
    ['status list', () => `status: [SETTLED, WRITTEN_OFF]`, () => `p.status <> 'active'`],
    ['balance range', () => `balanceMin: "10000000", balanceMax: "50000000.50"`, () => `p.balance BETWEEN 10000000 AND 50000000.50`],
    [
      'maturity range',
      () => `maturityFrom: "2027-01-01", maturityTo: "2027-12-31"`,
      () => `p.maturity_date >= '2027-01-01' AND p.maturity_date <= '2027-12-31'`,
    ],
    ['overdue', () => `overdue: true`, () => `${LATEST_DAYS} > 0`],
    ['not overdue, one branch', () => `overdue: false, branchId: "${branch}"`, () => `${LATEST_DAYS} = 0 AND p.branch_id = ${branch}`],
    ['client', () => `clientId: "${client}"`, () => `p.client_id = ${client}`],
    [
      'search',
      () => `search: "PRJ0000012"`,
      () => `strpos(lower(p.name), 'prj0000012') > 0 OR strpos(lower(coalesce(p.external_key, '')), 'prj0000012') > 0`,
    ],
  ])('filter: %s returns exactly the SQL rows', async (_n, filter, where) => {
    const expected = await sqlIds(where());
    const r = await apiIds(filter());
    expect(r.ids).toEqual(expected);
    expect(r.totalCounts[0]).toBe(expected.length);
  });

  it('search matches the project name too', async () => {
    const [p] = await db.query<{ name: string }>(`SELECT name FROM project ORDER BY id LIMIT 1 OFFSET 10`);
    const part = p!.name.slice(0, 4);
    const expected = ids(
      await db.query(
        `SELECT id FROM project WHERE strpos(lower(name), lower($1)) > 0 OR strpos(lower(coalesce(external_key, '')), lower($1)) > 0 ORDER BY id`,
        [part],
      ),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect((await apiIds(`search: ${JSON.stringify(part)}`)).ids).toEqual(expected);
  });

  const SEVERITY = `array_position(ARRAY['normal','special_mention','substandard','doubtful','loss'], p.classification::text)`;
  const IMPORTANCE = `array_position(ARRAY['key','large','normal'], p.importance::text)`;
  it.each([
    ['NAME', 'p.name'],
    ['BALANCE', 'p.balance'],
    ['MATURITY_DATE', 'p.maturity_date'],
    ['CLASSIFICATION', SEVERITY],
    ['IMPORTANCE', IMPORTANCE],
    ['START_DATE', 'p.start_date'],
    ['DAYS_OVERDUE', LATEST_DAYS],
    ['UPDATED_AT', 'p.updated_at'],
  ])('order %s: paging both directions visits every row once, ties by id', async (field, expr) => {
    for (const dir of ['ASC', 'DESC']) {
      const r = await pageAll(server, 'projects', `orderBy: { field: ${field}, direction: ${dir} }`, 400);
      const expected = await sqlIds('true', `${expr} ${dir}, p.id ${dir}`);
      expect(r.ids).toEqual(expected);
      expect(new Set(r.ids).size).toBe(expected.length);
    }
  });

  it('enforces the maximum page size, naming first', async () => {
    const r = await server.gql(`{ projects(first: 501) { totalCount } }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const z = await server.gql(`{ projects(first: 0) { totalCount } }`);
    expect(z.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const neg = await server.gql(`{ projects(filter: { balanceMin: "-1" }) { totalCount } }`);
    expect(neg.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.balanceMin' });
  });

  it('resolves nested fields: client, branch, manager, team, agent bank, last statement, history', async () => {
    const r = await server.gql(
      `query($id: ID!) { project(id: $id) { id version client { id } branch { id } clientManager { id } team { id }
      agentBank { id } lastStatement { month balance } assignments { toClientManager { id } reason } } }`,
      { id: '1' },
    );
    expect(r.errors).toBeUndefined();
    const p = r.data!.project;
    const [row] = await db.query<
      Record<string, number>
    >(`SELECT p.client_id, p.branch_id, p.manager_id, p.agent_bank_id, p.version, s.team_id
      FROM project p JOIN staff s ON s.id = p.manager_id WHERE p.id = 1`);
    expect([p.client.id, p.branch.id, p.clientManager.id, p.agentBank.id, p.team.id, p.version]).toEqual(
      [row!.client_id, row!.branch_id, row!.manager_id, row!.agent_bank_id, row!.team_id].map(String).concat([row!.version] as never[]),
    );
    const [ls] = await db.query<{ m: string; balance: string }>(
      `SELECT to_char(month, 'YYYY-MM') AS m, balance FROM cash_flow_statement WHERE project_id = 1 ORDER BY month DESC LIMIT 1`,
    );
    expect(p.lastStatement).toEqual({ month: ls!.m, balance: ls!.balance });
    const hist = await db.query<{ to_staff_id: number }>(
      `SELECT to_staff_id FROM assignment WHERE project_id = 1 ORDER BY assigned_at DESC, id DESC`,
    );
    expect(p.assignments.map((a: { toClientManager: { id: string } }) => a.toClientManager.id)).toEqual(
      hist.map((h) => String(h.to_staff_id)),
    );
  });

  it('statements: newest first, from/to range, paging visits each month once', async () => {
    const all = await db.query<{ m: string }>(
      `SELECT to_char(month, 'YYYY-MM') AS m FROM cash_flow_statement WHERE project_id = 1 AND month BETWEEN '2025-03-01' AND '2026-08-01' ORDER BY month DESC`,
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r: { data?: Record<string, any> } = await server.gql(
        `query($after: String) { project(id: "1") { statements(from: "2025-03", to: "2026-08", first: 5, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { month } } } }`,
        { after },
      );
      const c = r.data!.project.statements;
      expect(c.totalCount).toBe(all.length);
      seen.push(...c.nodes.map((n: { month: string }) => n.month));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((a) => a.m));
  });

  it('statement due date and submittedOnTime: on time, late, missing and overdue, missing and not yet due', async () => {
    const [{ today }] = (await db.query<{ today: string }>(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM') AS today`,
    )) as [{ today: string }];
    // Fixture on project 2: a late statement, a missing old one, and a missing one for this month (due next month).
    await db.query(`DELETE FROM cash_flow_statement WHERE project_id = 2 AND month >= '2026-08-01'`);
    await db.query(
      `INSERT INTO cash_flow_statement (project_id, month, balance, principal_due, interest_due, principal_repaid, interest_repaid, classification, days_overdue, submitted_on) VALUES
      (2, '2026-08-01', 1, 0, 0, 0, 0, 'normal', 0, '2026-09-10'),
      (2, '2026-09-01', 1, 0, 0, 0, 0, 'normal', 0, '2026-10-11'),
      (2, '2026-10-01', 1, 0, 0, 0, 0, 'normal', 0, NULL),
      (2, $1::date, 1, 0, 0, 0, 0, 'normal', 0, NULL)`,
      [`${today}-01`],
    );
    const r = await server.gql(`{ project(id: "2") { statements(first: 4) { nodes { month dueDate submittedOn submittedOnTime } } } }`);
    const nodes = r.data!.project.statements.nodes;
    const next = new Date(`${today}-01T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    expect(nodes).toEqual([
      { month: today, dueDate: `${next.toISOString().slice(0, 7)}-10`, submittedOn: null, submittedOnTime: null },
      { month: '2026-10', dueDate: '2026-11-10', submittedOn: null, submittedOnTime: false },
      { month: '2026-09', dueDate: '2026-10-10', submittedOn: '2026-10-11', submittedOnTime: false },
      { month: '2026-08', dueDate: '2026-09-10', submittedOn: '2026-09-10', submittedOnTime: true },
    ]);
  });

  it('restructuring cases: filters by status and branch, newest first', async () => {
    const all = await pageAll(server, 'restructuringCases', '', 7);
    expect(all.ids).toEqual(ids(await db.query(`SELECT id FROM restructuring_case ORDER BY opened_on DESC, id DESC`)));
    expect(all.ids.length).toBeGreaterThan(0);
    const [c] = await db.query<{ status: string; branch_id: number }>(
      `SELECT rc.status, p.branch_id FROM restructuring_case rc JOIN project p ON p.id = rc.project_id LIMIT 1`,
    );
    const r = await pageAll(server, 'restructuringCases', `status: ${c!.status.toUpperCase()}, branchId: "${c!.branch_id}"`, 500);
    expect(r.ids).toEqual(
      ids(
        await db.query(
          `SELECT rc.id FROM restructuring_case rc JOIN project p ON p.id = rc.project_id
      WHERE rc.status = $1 AND p.branch_id = $2 ORDER BY rc.opened_on DESC, rc.id DESC`,
          [c!.status, c!.branch_id],
        ),
      ),
    );
  });

  it('settlement agent banks: project counts and the latest evaluations', async () => {
    const r = await server.gql(`{ settlementAgentBanks { id projectCount evaluations(last: 2) { quarter accuracyScore } } }`);
    expect(r.errors).toBeUndefined();
    const counts = await db.query<{ id: number; n: number }>(`SELECT b.id, count(p.id) FILTER (WHERE p.status = 'active')::int AS n
      FROM settlement_agent_bank b LEFT JOIN project p ON p.agent_bank_id = b.id GROUP BY b.id, b.name ORDER BY b.name, b.id`);
    expect(r.data!.settlementAgentBanks.map((b: { id: string; projectCount: number }) => [b.id, b.projectCount])).toEqual(
      counts.map((c) => [String(c.id), c.n]),
    );
    const b0 = r.data!.settlementAgentBanks[0];
    const ev = await db.query<{ q: string; a: string }>(
      `SELECT to_char(quarter, 'YYYY-MM') AS q, accuracy_score::text AS a FROM agent_bank_evaluation WHERE agent_bank_id = $1 ORDER BY quarter DESC LIMIT 2`,
      [Number(b0.id)],
    );
    expect(b0.evaluations).toEqual(ev.map((e) => ({ quarter: e.q, accuracyScore: e.a })));
  });

  it.each([30, 100])('upcoming repayments in %i days match an independent SQL computation', async (days) => {
    const expected = await db.query<{ id: string; interest: string; principal: string; total: string }>(
      `
      WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d),
      dues AS (SELECT make_date(extract(year FROM m)::int, extract(month FROM m)::int, 20) AS due
               FROM today, generate_series(date_trunc('month', today.d), date_trunc('month', today.d) + interval '14 months', interval '1 month') m),
      latest AS (SELECT DISTINCT ON (project_id) project_id, interest_due FROM cash_flow_statement ORDER BY project_id, month DESC),
      lastp AS (SELECT DISTINCT ON (project_id) project_id, principal_due FROM cash_flow_statement WHERE principal_due > 0 ORDER BY project_id, month DESC)
      SELECT p.id || ':' || to_char(dues.due, 'YYYY-MM-DD') AS id,
        coalesce(latest.interest_due, 0)::text AS interest,
        (CASE WHEN extract(month FROM dues.due) IN (3,6,9,12) THEN least(coalesce(lastp.principal_due, 0), p.balance) ELSE 0 END)::numeric(20,2)::text AS principal,
        (coalesce(latest.interest_due, 0) + CASE WHEN extract(month FROM dues.due) IN (3,6,9,12) THEN least(coalesce(lastp.principal_due, 0), p.balance) ELSE 0 END)::numeric(20,2)::text AS total
      FROM project p CROSS JOIN dues CROSS JOIN today
      LEFT JOIN latest ON latest.project_id = p.id LEFT JOIN lastp ON lastp.project_id = p.id
      WHERE p.status = 'active' AND p.branch_id = $2 AND dues.due BETWEEN today.d AND today.d + $1::int AND dues.due <= p.maturity_date
      ORDER BY dues.due, p.id`,
      [days, branch],
    );
    expect(expected.length).toBeGreaterThan(0);
    const got: { id: string; expectedInterest: string; expectedPrincipal: string; expectedTotal: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const r: { data?: Record<string, any>; errors?: unknown } = await server.gql(
        `query($after: String, $days: Int, $b: ID) { upcomingRepayments(days: $days, branchId: $b, first: 50, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id expectedInterest expectedPrincipal expectedTotal client { id } contacts { id } clientManager { id } } } }`,
        { after, days, b: String(branch) },
      );
      expect(r.errors).toBeUndefined();
      const c = r.data!.upcomingRepayments;
      expect(c.totalCount).toBe(expected.length);
      got.push(...c.nodes);
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    const norm = (s: string) => Number(s).toFixed(2); // compare exact two-decimal renderings
    expect(got.map((g) => [g.id, norm(g.expectedInterest), norm(g.expectedPrincipal), norm(g.expectedTotal)])).toEqual(
      expected.map((e) => [e.id, norm(e.interest), norm(e.principal), norm(e.total)]),
    );
    expect(got.every((g) => /^\d+\.\d{2}$/.test(g.expectedTotal))).toBe(true);
  });
});
