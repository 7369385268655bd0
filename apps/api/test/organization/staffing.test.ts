import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../support/db.js';
import type { TestServer } from '../support/server.js';
import { withTestServer } from '../support/fixture.js';

const PLAN = `query { staffingPlan { changeFrom changeTo scenarios { id name version hqBureauTotal hqCreditOfficers branchClientManagers clientManagersTotal loanManagementStaffTotal projectsPerClientManager }
  rows { key values change } } }`;

describe('staffing plan', () => {
  let db: TestDatabase;
  let server: TestServer;
  const snapshot = async () => db.query(`SELECT s.id, s.name, s.version, s.project_count, coalesce(json_agg(json_build_object('u', l.unit_id, 'r', l.role, 'h', l.headcount) ORDER BY l.id) FILTER (WHERE l.id IS NOT NULL), '[]') AS lines
    FROM staffing_scenario s LEFT JOIN staffing_line l ON l.scenario_id = s.id GROUP BY s.id ORDER BY s.id`);

  withTestServer('demo', (d, s) => {
    db = d;
    server = s;
  });

  it('answers with the table of domain.md section 3 from the demo data', async () => {
    const { data, errors } = await server.gql(PLAN);
    expect(errors).toBeUndefined();
    const rows = Object.fromEntries(data!.staffingPlan.rows.map((r: { key: string; values: string[]; change: string | null }) => [r.key, r]));
    // domain.md section 3: before merger | after merger (transition) | proposed | change
    expect(rows.hq_bureau).toEqual({ key: 'hq_bureau', values: ['260', '260', '30'], change: '-230' });
    expect(rows.hq_credit_officers).toEqual({ key: 'hq_credit_officers', values: ['200', '200', '0'], change: '-200' });
    expect(rows.branch_client_managers).toEqual({ key: 'branch_client_managers', values: ['10', '690', '760'], change: '70' });
    expect(rows.client_managers_total).toEqual({ key: 'client_managers_total', values: ['210', '890', '760'], change: '-130' });
    expect(rows.loan_management_staff_total).toEqual({ key: 'loan_management_staff_total', values: ['270', '950', '790'], change: '-160' });
    // Projects per client manager: 3057/210 ≈ 15, 3057/890 ≈ 3.5 (3.43), 3057/760 ≈ 4 (4.02)
    const ppcm = rows.projects_per_client_manager.values.map((v: string) => Number(v).toFixed(2));
    expect(ppcm).toEqual(['14.56', '3.43', '4.02']);
    expect(rows.projects_per_client_manager.change).toBeNull();
    expect(data!.staffingPlan.scenarios.map((s: { name: string }) => s.name)).toEqual(['Before merger', 'After merger (transition)', 'Proposed']);
  });

  it('what-if: required client managers per branch = ⌈active projects ÷ norm⌉ against actual', async () => {
    const { data, errors } = await server.gql(`{ staffingWhatIf(norm: "5", month: "2026-10") { norm month totalActiveProjects totalActualClientManagers totalRequiredClientManagers
      rows { branch { code } activeProjects actualClientManagers requiredClientManagers gap } } }`);
    expect(errors).toBeUndefined();
    const w = data!.staffingWhatIf;
    const expected = await db.query<{ code: string; active: number; actual: number }>(`
      SELECT b.code,
        (SELECT count(*)::int FROM cash_flow_statement s JOIN project p ON p.id = s.project_id WHERE p.branch_id = b.id AND s.month = '2026-10-01') AS active,
        (SELECT count(*)::int FROM staff st JOIN org_unit u ON u.id = st.unit_id WHERE (u.id = b.id OR u.parent_id = b.id) AND st.active AND st.role IN ('client_manager','senior_client_manager')) AS actual
      FROM org_unit b WHERE b.kind = 'branch'`);
    expect(w.rows).toHaveLength(28);
    for (const e of expected) {
      const row = w.rows.find((r: { branch: { code: string } }) => r.branch.code === e.code);
      expect(row).toEqual({ branch: { code: e.code }, activeProjects: e.active, actualClientManagers: e.actual, requiredClientManagers: Math.ceil(e.active / 5), gap: Math.ceil(e.active / 5) - e.actual });
    }
    expect(w.totalActiveProjects).toBe(3057);
    expect(w.totalActualClientManagers).toBe(760);
    // Largest shortage first
    const gaps = w.rows.map((r: { gap: number }) => r.gap);
    expect([...gaps].sort((a, b) => b - a)).toEqual(gaps);
  });

  it('what-if refuses a norm of zero, naming the argument', async () => {
    const { errors } = await server.gql(`{ staffingWhatIf(norm: "0") { norm } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'norm' });
  });

  it('creates, edits and deletes a scenario; totals follow its lines', async () => {
    const [lmb] = await db.query<{ id: number }>(`SELECT id FROM org_unit WHERE code = 'LMB'`);
    const [bj] = await db.query<{ id: number }>(`SELECT id FROM org_unit WHERE code = 'BJ'`);
    const created = await server.gql(`mutation($i: CreateStaffingScenarioInput!) { createStaffingScenario(input: $i) { id name version hqBureauTotal branchClientManagers clientManagersTotal loanManagementStaffTotal projectsPerClientManager lines { role headcount unit { code } } } }`, {
      i: { name: 'Lean HQ', projectCount: 3000, lines: [{ unitId: String(lmb!.id), role: 'BUREAU_OFFICER', headcount: 20 }, { unitId: String(bj!.id), role: 'CLIENT_MANAGER', headcount: 600 }] },
    });
    expect(created.errors).toBeUndefined();
    const s = created.data!.createStaffingScenario;
    expect(s).toMatchObject({ name: 'Lean HQ', version: 1, hqBureauTotal: 20, branchClientManagers: 600, clientManagersTotal: 600, loanManagementStaffTotal: 620, projectsPerClientManager: '5' });
    const upd = await server.gql(`mutation($i: UpdateStaffingScenarioInput!) { updateStaffingScenario(input: $i) { version branchClientManagers projectCount } }`, {
      i: { id: s.id, expectedVersion: 1, projectCount: 3600, lines: [{ unitId: String(bj!.id), role: 'CLIENT_MANAGER', headcount: 900 }] },
    });
    expect(upd.data!.updateStaffingScenario).toEqual({ version: 2, branchClientManagers: 900, projectCount: 3600 });
    const del = await server.gql(`mutation { deleteStaffingScenario(id: "${s.id}", expectedVersion: 2) }`);
    expect(del.data!.deleteStaffingScenario).toBe(s.id);
    expect(await db.query(`SELECT 1 FROM staffing_line WHERE scenario_id = $1`, [Number(s.id)])).toHaveLength(0);
  });

  it('refuses bad scenarios and stale edits, leaving everything unchanged', async () => {
    const before = await snapshot();
    const [bj] = await db.query<{ id: number }>(`SELECT id FROM org_unit WHERE code = 'BJ'`);
    const create = (i: Record<string, unknown>) => server.gql(`mutation($i: CreateStaffingScenarioInput!) { createStaffingScenario(input: $i) { id } }`, { i });
    const dup = await create({ name: 'Proposed', projectCount: 1, lines: [] });
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const neg = await create({ name: 'X', projectCount: 1, lines: [{ unitId: String(bj!.id), role: 'CLIENT_MANAGER', headcount: -1 }] });
    expect(neg.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].headcount' });
    const twice = await create({ name: 'Y', projectCount: 1, lines: [{ unitId: String(bj!.id), role: 'CLIENT_MANAGER', headcount: 1 }, { unitId: String(bj!.id), role: 'CLIENT_MANAGER', headcount: 2 }] });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[1]' });
    const ghost = await create({ name: 'Z', projectCount: 1, lines: [{ unitId: '999999', role: 'CLIENT_MANAGER', headcount: 1 }] });
    expect(ghost.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].unitId' });
    const blank = await create({ name: '  ', projectCount: 1, lines: [] });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const [proposed] = await db.query<{ id: number; version: number }>(`SELECT id, version FROM staffing_scenario WHERE name = 'Proposed'`);
    const stale = await server.gql(`mutation($i: UpdateStaffingScenarioInput!) { updateStaffingScenario(input: $i) { version } }`, {
      i: { id: String(proposed!.id), expectedVersion: proposed!.version + 5, projectCount: 1, lines: [] },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const staleDelete = await server.gql(`mutation { deleteStaffingScenario(id: "${proposed!.id}", expectedVersion: 99) }`);
    expect(staleDelete.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const missing = await server.gql(`mutation { deleteStaffingScenario(id: "424242", expectedVersion: 1) }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });
});
