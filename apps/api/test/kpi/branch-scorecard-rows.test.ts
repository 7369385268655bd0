import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { DEMO_END_MONTH } from '../support/constants.js';

const ROW = `branch { id } rank score planAttainment met nplRatio { actual gapBps met } recoveryRateYtd { actual gapPp met }`;
type Row = { branch: { id: string }; rank: number; planAttainment: string | null; met: boolean | null; nplRatio: { actual: string; gapBps: string | null; met: boolean | null }; recoveryRateYtd: { actual: string | null; gapPp: string | null; met: boolean | null } };

/** Rows with a value first, ordered by it (exact decimals compared as numbers here: 10 places fit), ties by rank. */
function expected(rows: Row[], value: (r: Row) => string | null, desc: boolean): string[] {
  return [...rows]
    .sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null || vb === null) return va === vb ? a.rank - b.rank : va === null ? 1 : -1;
      return (desc ? -1 : 1) * (Number(va) - Number(vb)) || a.rank - b.rank;
    })
    .map((r) => r.branch.id);
}

describe('branchScorecards rows: first, orderBy, branchIds and summary', () => {
  let db: TestDatabase;
  let server: TestServer;
  let all: Row[];

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    server = await startTestServer(db.orm);
    const r = await server.gql(`query ($m: Month) { branchScorecards(month: $m) { rows { ${ROW} } } }`, { m: DEMO_END_MONTH });
    expect(r.errors).toBeUndefined();
    all = r.data!.branchScorecards.rows;
    expect(all.length).toBe(28);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('orders by each field in both directions, values missing last, and keeps the first n', async () => {
    const fields: [string, (r: Row) => string | null][] = [
      ['RANK', (r) => String(r.rank)],
      ['NPL_RATIO', (r) => r.nplRatio.actual],
      ['NPL_GAP', (r) => r.nplRatio.gapBps],
      ['RECOVERY_RATE', (r) => r.recoveryRateYtd.actual],
      ['RECOVERY_GAP', (r) => r.recoveryRateYtd.gapPp],
      ['PLAN_ATTAINMENT', (r) => r.planAttainment],
    ];
    for (const [field, value] of fields) {
      for (const direction of ['ASC', 'DESC']) {
        const r = await server.gql(`query ($m: Month, $o: BranchScorecardOrder) { branchScorecards(month: $m) {
          all: rows(orderBy: $o) { branch { id } } five: rows(orderBy: $o, first: 5) { branch { id } } } }`, { m: DEMO_END_MONTH, o: { field, direction } });
        expect(r.errors).toBeUndefined();
        const want = expected(all, value, direction === 'DESC');
        expect([field, direction, r.data!.branchScorecards.all.map((x: Row) => x.branch.id)]).toEqual([field, direction, want]);
        expect(r.data!.branchScorecards.five.map((x: Row) => x.branch.id)).toEqual(want.slice(0, 5));
      }
    }
  });

  it('defaults to rank order, every row; direction defaults to ASC', async () => {
    const r = await server.gql(`query ($m: Month) { branchScorecards(month: $m) { rows(first: 3) { rank } worst: rows(orderBy: { field: RANK }, first: 2) { rank } } }`, { m: DEMO_END_MONTH });
    expect(r.errors).toBeUndefined();
    expect(r.data!.branchScorecards.rows.map((x: Row) => x.rank)).toEqual([1, 2, 3]);
    expect(r.data!.branchScorecards.worst.map((x: Row) => x.rank)).toEqual([1, 2]);
  });

  it('branchIds keeps those branches (in the order asked for by orderBy), unknown ids give nothing', async () => {
    const ids = [all[20]!.branch.id, all[3]!.branch.id];
    const r = await server.gql(`query ($m: Month, $ids: [ID!]) { branchScorecards(month: $m) { rows(branchIds: $ids) { branch { id } rank } none: rows(branchIds: ["999999"]) { rank } empty: rows(branchIds: []) { rank } } }`, { m: DEMO_END_MONTH, ids });
    expect(r.errors).toBeUndefined();
    expect(r.data!.branchScorecards.rows.map((x: Row) => x.branch.id)).toEqual([all[3]!.branch.id, all[20]!.branch.id]);
    expect(r.data!.branchScorecards.none).toEqual([]);
    expect(r.data!.branchScorecards.empty).toEqual([]);
  });

  it('summary counts every branch, whatever rows shows', async () => {
    const r = await server.gql(`query ($m: Month) { branchScorecards(month: $m) { summary { branches withTarget met missed nplMet nplMissed recoveryMet recoveryMissed } rows(first: 1) { rank } } }`, { m: DEMO_END_MONTH });
    expect(r.errors).toBeUndefined();
    const count = (f: (r: Row) => boolean) => all.filter(f).length;
    expect(r.data!.branchScorecards.summary).toEqual({
      branches: 28,
      withTarget: count((x) => x.met !== null),
      met: count((x) => x.met === true),
      missed: count((x) => x.met === false),
      nplMet: count((x) => x.nplRatio.met === true),
      nplMissed: count((x) => x.nplRatio.met === false),
      recoveryMet: count((x) => x.recoveryRateYtd.met === true),
      recoveryMissed: count((x) => x.recoveryRateYtd.met === false),
    });
    expect(r.data!.branchScorecards.summary.met + r.data!.branchScorecards.summary.missed).toBe(r.data!.branchScorecards.summary.withTarget);
  });

  it('refuses a page size outside 1–500 and ids that are not ids, naming the argument', async () => {
    for (const [args, field] of [['first: 0', 'first'], ['first: 501', 'first'], ['branchIds: ["x1"]', 'branchIds']] as const) {
      const r = await server.gql(`{ branchScorecards(month: "${DEMO_END_MONTH}") { rows(${args}) { rank } } }`);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
