import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';

const SET_TARGET = `mutation ($input: SetBranchTargetInput!) {
  setBranchTarget(input: $input) {
    id year targetNplRatio targetRecoveryRate plannedRecovery plannedNewLending version branch { id name }
  }
}`;
const SET_NORM = `mutation ($v: Decimal!) { setWorkloadNorm(value: $v) { workloadNorm updatedAt } }`;

describe('planning: branch targets and settings', () => {
  let db: TestDatabase;
  let server: TestServer;
  const targets = () => db.query(`SELECT branch_id, year, target_npl_ratio::text, target_recovery_rate::text, planned_recovery::text, planned_new_lending::text, version, updated_at FROM branch_target ORDER BY branch_id, year`);
  const settings = () => db.query(`SELECT key, value, updated_at FROM setting ORDER BY key`);
  const valid = { branchId: '2', year: 2027, targetNplRatio: '0.04', targetRecoveryRate: '0.9', plannedRecovery: '120000.50', plannedNewLending: '500000' };

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    await db.query(`
      INSERT INTO org_unit (id, code, name, name_zh, kind, parent_id, sort_order) VALUES
        (1, 'HO', 'Head Office', '总行', 'head_office', NULL, 0),
        (2, 'WH', 'Wuhan Branch', '武汉分行', 'branch', 1, 2),
        (3, 'BJ', 'Beijing Branch', '北京分行', 'branch', 1, 1),
        (4, 'WH-LD', 'Wuhan Loan Management Division', '武汉贷款管理处', 'branch_division', 2, 0);
      INSERT INTO branch_target (branch_id, year, target_npl_ratio, target_recovery_rate, planned_recovery, planned_new_lending) VALUES
        (2, 2026, 0.05, 0.85, 1000000, 2000000), (3, 2026, 0.03, 0.90, 3000000, 4000000), (3, 2025, 0.04, 0.88, 100, 200);
    `);
    server = await startTestServer(db.orm);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('branchTargets lists one year in branch display order', async () => {
    const res = await server.gql(`{ branchTargets(year: 2026) { year targetNplRatio targetRecoveryRate plannedRecovery plannedNewLending version branch { name } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.branchTargets).toEqual([
      { year: 2026, targetNplRatio: '0.030000', targetRecoveryRate: '0.900000', plannedRecovery: '3000000.00', plannedNewLending: '4000000.00', version: 1, branch: { name: 'Beijing Branch' } },
      { year: 2026, targetNplRatio: '0.050000', targetRecoveryRate: '0.850000', plannedRecovery: '1000000.00', plannedNewLending: '2000000.00', version: 1, branch: { name: 'Wuhan Branch' } },
    ]);
    const stamped = await server.gql(`{ branchTargets(year: 2025) { updatedAt } }`);
    expect(stamped.errors).toBeUndefined();
    expect(stamped.data!.branchTargets[0].updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const none = await server.gql(`{ branchTargets(year: 2030) { id } }`);
    expect(none.data!.branchTargets).toEqual([]);
  });

  it('setBranchTarget creates a missing target (expectedVersion null), then updates it with the right version', async () => {
    const created = await server.gql(SET_TARGET, { input: { ...valid, expectedVersion: null } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.setBranchTarget).toMatchObject({
      year: 2027, targetNplRatio: '0.040000', targetRecoveryRate: '0.900000', plannedRecovery: '120000.50', plannedNewLending: '500000.00', version: 1,
      branch: { id: '2', name: 'Wuhan Branch' },
    });
    const updated = await server.gql(SET_TARGET, { input: { ...valid, targetNplRatio: '0.035', plannedRecovery: '130000', expectedVersion: 1 } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.setBranchTarget).toMatchObject({ targetNplRatio: '0.035000', plannedRecovery: '130000.00', version: 2 });
    const [row] = await db.query(`SELECT target_npl_ratio::text AS npl, planned_recovery::text AS planned, version FROM branch_target WHERE branch_id = 2 AND year = 2027`);
    expect(row).toEqual({ npl: '0.035000', planned: '130000.00', version: 2 });
  });

  it('setBranchTarget refuses a stale or missing version with CONFLICT and writes nothing', async () => {
    const before = await targets();
    const stale = await server.gql(SET_TARGET, { input: { ...valid, year: 2026, targetNplRatio: '0.01', expectedVersion: 7 } });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const noVersion = await server.gql(SET_TARGET, { input: { ...valid, year: 2026, expectedVersion: null } });
    expect(noVersion.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const absent = await server.gql(SET_TARGET, { input: { ...valid, year: 2031, expectedVersion: 1 } });
    expect(absent.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await targets()).toEqual(before);
  });

  it('setBranchTarget refuses invalid input with BAD_USER_INPUT naming the field and writes nothing', async () => {
    const before = await targets();
    const cases: [Record<string, unknown>, string][] = [
      [{ targetNplRatio: '1.01' }, 'input.targetNplRatio'],
      [{ targetNplRatio: '-0.01' }, 'input.targetNplRatio'],
      [{ targetNplRatio: '0.0000001' }, 'input.targetNplRatio'], // more than 6 decimals
      [{ targetRecoveryRate: '2' }, 'input.targetRecoveryRate'],
      [{ plannedRecovery: '-1' }, 'input.plannedRecovery'],
      [{ plannedRecovery: '1.005' }, 'input.plannedRecovery'],
      [{ plannedNewLending: '-0.01' }, 'input.plannedNewLending'],
      [{ year: 1999 }, 'input.year'],
      [{ year: 2101 }, 'input.year'],
      [{ branchId: '1' }, 'input.branchId'], // head office
      [{ branchId: '4' }, 'input.branchId'], // a branch division
      [{ branchId: '999' }, 'input.branchId'],
    ];
    for (const [change, field] of cases) {
      const res = await server.gql(SET_TARGET, { input: { ...valid, year: 2028, ...change, expectedVersion: null } });
      expect(res.errors?.[0]?.extensions, JSON.stringify(change)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await targets()).toEqual(before);
  });

  it('settings: the default norm 4 until set; setWorkloadNorm stores a valid value', async () => {
    const first = await server.gql(`{ settings { workloadNorm updatedAt } }`);
    expect(first.data!.settings).toEqual({ workloadNorm: '4', updatedAt: null });
    const set = await server.gql(SET_NORM, { v: '4.5' });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setWorkloadNorm.workloadNorm).toBe('4.5');
    expect(typeof set.data!.setWorkloadNorm.updatedAt).toBe('string');
    const [row] = await db.query<{ value: string }>(`SELECT value FROM setting WHERE key = 'workload_norm'`);
    expect(row!.value).toBe('4.5');
    const again = await server.gql(SET_NORM, { v: '100' }); // the upper bound is allowed
    expect(again.data!.setWorkloadNorm.workloadNorm).toBe('100');
    const read = await server.gql(`{ settings { workloadNorm } }`);
    expect(read.data!.settings.workloadNorm).toBe('100');
  });

  it('setWorkloadNorm refuses 0, negatives and values above 100, and writes nothing', async () => {
    const before = await settings();
    for (const v of ['0', '-1', '100.01', '0.00001']) {
      const res = await server.gql(SET_NORM, { v });
      expect(res.errors?.[0]?.extensions, v).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
    }
    expect(await settings()).toEqual(before);
  });
});
