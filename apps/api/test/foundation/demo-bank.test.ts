import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_END_MONTH } from '../support/constants.js';

// The demo bank against domain.md sections 2, 3 and 7, checked with plain SQL.
describe('demo bank', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('demo');
  });
  afterAll(async () => db?.drop());

  it('has 28 branches, Beijing and Wuhan among them, each with a loan management division', async () => {
    const rows = await db.query<{ name: string; divisions: number }>(`
      SELECT b.name, count(d.id)::int AS divisions FROM org_unit b
      LEFT JOIN org_unit d ON d.parent_id = b.id AND d.kind = 'branch_division'
      WHERE b.kind = 'branch' GROUP BY b.name`);
    expect(rows).toHaveLength(28);
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Beijing Branch', 'Wuhan Branch']));
    expect(rows.every((r) => r.divisions === 1)).toBe(true);
  });

  it('has 760 branch client managers, about 15% senior, and support roles', async () => {
    const [r] = await db.query<{ cms: number; seniors: number; assistants: number; secretaries: number; back: number }>(`
      SELECT count(*) FILTER (WHERE role IN ('client_manager', 'senior_client_manager'))::int AS cms,
             count(*) FILTER (WHERE role = 'senior_client_manager')::int AS seniors,
             count(*) FILTER (WHERE role = 'assistant')::int AS assistants,
             count(*) FILTER (WHERE role = 'secretary')::int AS secretaries,
             count(*) FILTER (WHERE role = 'back_office')::int AS back
      FROM staff s JOIN org_unit u ON u.id = s.unit_id WHERE u.kind IN ('branch', 'branch_division')`);
    expect(r!.cms).toBe(760);
    expect(r!.seniors / r!.cms).toBeGreaterThan(0.13);
    expect(r!.seniors / r!.cms).toBeLessThan(0.17);
    expect(r!.assistants).toBeGreaterThan(0);
    expect(r!.secretaries).toBeGreaterThan(0);
    expect(r!.back).toBeGreaterThan(0);
    const [hq] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM staff s JOIN org_unit u ON u.id = s.unit_id WHERE u.kind IN ('head_office','bureau','division') AND s.role IN ('client_manager','senior_client_manager')`);
    expect(hq!.n).toBe(0); // all client managers sit in branches
  });

  it('has an HQ Loan Management Bureau of 30: planning 10, client management 15, client support 5', async () => {
    const rows = await db.query<{ code: string; n: number }>(`
      SELECT d.code, count(s.id)::int AS n FROM org_unit d JOIN org_unit b ON b.id = d.parent_id AND b.code = 'LMB'
      LEFT JOIN staff s ON s.unit_id = d.id GROUP BY d.code ORDER BY d.code`);
    expect(Object.fromEntries(rows.map((r) => [r.code, r.n]))).toEqual({ LMB_CLIENT_MGMT: 15, LMB_CLIENT_SUPPORT: 5, LMB_PLANNING: 10 });
    const [direct] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM staff s JOIN org_unit b ON b.id = s.unit_id AND b.code = 'LMB'`);
    expect(direct!.n).toBe(0);
  });

  it(`has 3,057 active projects, each with statements for the last month ${DEMO_END_MONTH}, about 4 per client manager, skewed to large branches`, async () => {
    const [r] = await db.query<{ active: number; with_last: number; months: number; last: string }>(`
      SELECT (SELECT count(*)::int FROM project WHERE status = 'active') AS active,
             (SELECT count(DISTINCT project_id)::int FROM cash_flow_statement WHERE month = $1::date) AS with_last,
             (SELECT count(DISTINCT month)::int FROM cash_flow_statement) AS months,
             (SELECT to_char(max(month), 'YYYY-MM') FROM cash_flow_statement) AS last`, [`${DEMO_END_MONTH}-01`]);
    expect(r).toEqual({ active: 3057, with_last: 3057, months: 24, last: DEMO_END_MONTH });
    const sizes = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM project WHERE status = 'active' GROUP BY branch_id ORDER BY n`);
    expect(sizes[sizes.length - 1]!.n).toBeGreaterThan(3 * sizes[0]!.n);
    expect(3057 / 760).toBeCloseTo(4.02, 2);
  });

  it('spreads branch NPL ratios from about 1% to about 12%, and some branches miss their targets', async () => {
    const rows = await db.query<{ npl: string; target: string }>(`
      SELECT sum(s.balance) FILTER (WHERE s.classification IN ('substandard','doubtful','loss')) / sum(s.balance) AS npl,
             t.target_npl_ratio AS target
      FROM cash_flow_statement s JOIN project p ON p.id = s.project_id
      JOIN branch_target t ON t.branch_id = p.branch_id AND t.year = 2026
      WHERE s.month = $1::date GROUP BY p.branch_id, t.target_npl_ratio`, [`${DEMO_END_MONTH}-01`]);
    const ratios = rows.map((r) => Number(r.npl));
    expect(Math.min(...ratios)).toBeLessThan(0.025);
    expect(Math.max(...ratios)).toBeGreaterThan(0.09);
    expect(Math.max(...ratios)).toBeLessThan(0.16);
    const missing = rows.filter((r) => Number(r.npl) > Number(r.target)).length;
    expect(missing).toBeGreaterThan(2);
    expect(missing).toBeLessThan(26);
  });

  it('has contacts, agent-bank evaluations, restructuring cases, assignments and a client pool', async () => {
    const [r] = await db.query<Record<string, number>>(`
      SELECT (SELECT count(*)::int FROM contact) AS contacts, (SELECT count(*)::int FROM client_contact) AS contact_log,
             (SELECT count(*)::int FROM agent_bank_evaluation) AS evaluations, (SELECT count(*)::int FROM restructuring_case) AS cases,
             (SELECT count(*)::int FROM assignment) AS assignments, (SELECT count(*)::int FROM client WHERE owner_id IS NULL) AS pool`);
    expect(r!.contacts).toBeGreaterThan(1000);
    expect(r!.contact_log).toBeGreaterThan(1000);
    expect(r!.evaluations).toBeGreaterThan(12 * 4);
    expect(r!.cases).toBeGreaterThan(3);
    expect(r!.cases).toBeLessThan(300);
    expect(r!.assignments).toBeGreaterThan(3057);
    expect(r!.pool).toBeGreaterThan(10);
  });

  it('stores the three staffing scenarios whose lines reproduce the table of domain.md section 3', async () => {
    // Derived rows computed here in plain SQL from stored lines, compared with the source table.
    const rows = await db.query<Record<string, string | number>>(`
      WITH RECURSIVE lmb(id) AS (SELECT id FROM org_unit WHERE code = 'LMB' UNION ALL SELECT u.id FROM org_unit u JOIN lmb ON u.parent_id = lmb.id),
      t AS (
        SELECT sc.name, sc.sort_order, sc.project_count,
          coalesce(sum(l.headcount) FILTER (WHERE l.unit_id IN (SELECT id FROM lmb)), 0)::int AS hq,
          coalesce(sum(l.headcount) FILTER (WHERE l.role = 'hq_credit_officer'), 0)::int AS hq_cm,
          coalesce(sum(l.headcount) FILTER (WHERE l.role IN ('client_manager','senior_client_manager')), 0)::int AS branch_cm
        FROM staffing_scenario sc LEFT JOIN staffing_line l ON l.scenario_id = sc.id GROUP BY sc.id)
      SELECT name, hq, hq_cm, branch_cm, hq_cm + branch_cm AS cm_total, hq + branch_cm AS staff_total,
             round(project_count::numeric / (hq_cm + branch_cm), 1)::text AS per_cm
      FROM t ORDER BY sort_order`);
    expect(rows).toEqual([
      { name: 'Before merger', hq: 260, hq_cm: 200, branch_cm: 10, cm_total: 210, staff_total: 270, per_cm: '14.6' },
      { name: 'After merger (transition)', hq: 260, hq_cm: 200, branch_cm: 690, cm_total: 890, staff_total: 950, per_cm: '3.4' },
      { name: 'Proposed', hq: 30, hq_cm: 0, branch_cm: 760, cm_total: 760, staff_total: 790, per_cm: '4.0' },
    ]);
    const [wuhan] = await db.query<{ n: number }>(`SELECT l.headcount AS n FROM staffing_line l JOIN staffing_scenario s ON s.id = l.scenario_id JOIN org_unit u ON u.id = l.unit_id WHERE s.name = 'Before merger' AND u.name = 'Wuhan Branch'`);
    expect(wuhan!.n).toBe(10);
  });
});
