import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * A second tiny bank for rank ties, one month (2026-01), no weight version published (defaults 50/30/20):
 *   Xi (id 2):      one project 1000 normal; due 100, repaid 50; no target.
 *                   NPL 0 → 100; recovery 0.5 → 50; attainment null → 100. Score 50 + 15 + 20 = 85.
 *   Upsilon (id 3): 980 normal + 20 substandard; due 200, repaid 200; planned recovery 400.
 *                   NPL 20/1000 = 0.02 → 100 × (1 − 0.1) = 90; recovery 1 → 100; attainment 0.5 → 50.
 *                   Score 45 + 30 + 10 = 85 — ties with Xi; Xi's lower NPL ratio ranks it first even
 *                   though "Upsilon" sorts before "Xi" by name.
 *   Zeta (id 4):    1000 normal; nothing due (recovery null → 100); planned 1000, repaid 0 → 0.
 *                   Score 50 + 30 + 0 = 80.
 */
describe('branch scorecard ties and edge cases', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    await db.query(`
      INSERT INTO org_unit (id, code, name, name_zh, kind, parent_id, sort_order) VALUES
        (1, 'HO', 'Head Office', '总行', 'head_office', NULL, 0),
        (2, 'XI', 'Xi Branch', '西分行', 'branch', 1, 1),
        (3, 'UP', 'Upsilon Branch', '宇分行', 'branch', 1, 2),
        (4, 'ZE', 'Zeta Branch', '泽分行', 'branch', 1, 3);
      INSERT INTO client (id, name) VALUES (1, 'X client'), (2, 'U client'), (3, 'Z client');
      INSERT INTO project (id, name, client_id, branch_id, sector, approved_amount, disbursed_amount, balance, start_date, maturity_date) VALUES
        (1, 'X1', 1, 2, 'energy', 1000, 1000, 1000, '2025-01-01', '2030-01-01'),
        (2, 'U1', 2, 3, 'energy', 1000, 1000, 980, '2025-01-01', '2030-01-01'),
        (3, 'U2', 2, 3, 'energy', 1000, 1000, 20, '2025-01-01', '2030-01-01'),
        (4, 'Z1', 3, 4, 'energy', 1000, 1000, 1000, '2025-01-01', '2030-01-01');
      INSERT INTO cash_flow_statement (project_id, month, balance, principal_due, interest_due, principal_repaid, interest_repaid, classification, submitted_on) VALUES
        (1, '2026-01-01', 1000, 90, 10, 40, 10, 'normal', '2026-02-05'),
        (2, '2026-01-01', 980, 90, 10, 90, 10, 'normal', '2026-02-05'),
        (3, '2026-01-01', 20, 90, 10, 90, 10, 'substandard', '2026-02-05'),
        (4, '2026-01-01', 1000, 0, 0, 0, 0, 'normal', '2026-02-05');
      INSERT INTO branch_target (branch_id, year, target_npl_ratio, target_recovery_rate, planned_recovery, planned_new_lending) VALUES
        (3, 2026, 0.03, 0.95, 400, 0), (4, 2026, 0.01, 0.90, 1000, 0);
    `);
    server = await startTestServer(db.orm);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('equal scores are broken by the lower NPL ratio before the name; quartiles of three', async () => {
    const res = await server.gql(`{ branchScorecards(month: "2026-01") {
      weightVersion { id }
      rows { branch { name } score rank quartile nplRatio { actual } recoveryRateYtd { actual met } planAttainment met
             components { component weight } projection { nplRatio recoveryRateYtd months } } } }`);
    expect(res.errors).toBeUndefined();
    const r = res.data!.branchScorecards;
    expect(r.weightVersion).toBeNull();
    expect(r.rows.map((x: Record<string, any>) => [x.branch.name, x.score, x.rank, x.quartile])).toEqual([
      ['Xi Branch', '85.0000000000', 1, 2], // ⌈4 × 1 / 3⌉ = 2
      ['Upsilon Branch', '85.0000000000', 2, 3], // ⌈8/3⌉ = 3
      ['Zeta Branch', '80.0000000000', 3, 4],
    ]);
    expect(r.rows[0].components.map((c: { weight: string }) => c.weight)).toEqual(['0.50', '0.30', '0.20']);
    const [xi, up, ze] = r.rows;
    expect(xi).toMatchObject({ nplRatio: { actual: '0.0000000000' }, recoveryRateYtd: { actual: '0.5000000000', met: null }, planAttainment: null, met: null });
    // Upsilon: NPL 0.02 ≤ 0.03 and recovery 1 ≥ 0.95 → met; one month → projection = the month's values
    expect(up).toMatchObject({ nplRatio: { actual: '0.0200000000' }, planAttainment: '0.5000000000', met: true,
      projection: { nplRatio: '0.0200000000', recoveryRateYtd: '1.0000000000', months: 1 } });
    // Zeta: nothing fell due → recovery null (met), NPL 0 ≤ 0.01 → met, attainment 0
    expect(ze).toMatchObject({ recoveryRateYtd: { actual: null, met: true }, planAttainment: '0.0000000000', met: true,
      projection: { nplRatio: '0.0000000000', recoveryRateYtd: null, months: 1 } });
  });

  it('kpi: nothing fell due → recovery rate null', async () => {
    const res = await server.gql(`{ kpi(scope: { kind: BRANCH, id: "4" }, month: "2026-01") { recoveryRate amountDue recoveryPlanAttainment reportTimeliness } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.kpi).toEqual({ recoveryRate: null, amountDue: '0.00', recoveryPlanAttainment: '0.0000000000', reportTimeliness: '1.0000000000' });
  });
});
