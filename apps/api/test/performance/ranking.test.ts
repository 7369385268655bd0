import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loadFixture, trim } from './fixture.js';

/*
 * Client-manager ranking on the hand-built fixture (fixture.ts), m = 2026-03, weights v1
 * (asset quality 0.35, recovery 0.30, reporting 0.15, contact 0.10, workload 0.10), norm 4.
 * Contact window for March: 2026-01-01 … 2026-03-31 (90 days); for February: 2025-12-01 … 2026-02-28.
 *
 *        NPL ratio (m)         recovery YTD         timeliness YTD       coverage (m)       workload
 * Ann    500/4000 = 0.125      1080/1200 = 0.9      9/12 = 0.75          C1 C2 C3 / 4 = 0.75  4/4
 *        → 100×(0.2−0.125)/0.2 = 37.5   → 90        → 75                  → 75  (C9 has no project)  → 100
 *        score = 0.35×37.5 + 0.30×90 + 0.15×75 + 0.10×75 + 0.10×100 = 13.125 + 27 + 11.25 + 7.5 + 10 = 68.875
 * Bob    1000/2000 = 0.5 → 0   300/600 = 0.5 → 50   4/6 = 0.6666666667 → 66.66666667   C6 (by Ann) / 2 = 0.5 → 50   2/4 → 50
 *        score = 0 + 15 + 0.15×66.66666667 (= 10.0000000005) + 5 + 5 = 35.0000000005
 * Cid    40/1000 = 0.04 → 80   540/600 = 0.9 → 90   6/6 → 100            C7 1/1 → 100         2/4 → 50
 *        score = 28 + 27 + 15 + 10 + 5 = 85
 * Dan    balance 0 → 0 → 100   nothing due: null → 100   6/6 → 100       C8 0/1 → 0           2/4 → 50
 *        score = 35 + 30 + 15 + 0 + 5 = 85        (ties with Cid; lower NPL ratio wins)
 * Eve    0 → 100               null → 100           null → 100           null (no clients) → 100   0 → 0
 *        score = 35 + 30 + 15 + 10 + 0 = 90
 * Fay    same as Eve → 90      (ties with Eve and same NPL ratio 0; "Eve" < "Fay" although Fay's id 15 < 16)
 *
 * Bank-wide ranking (6 ranked): 1 Eve 90, 2 Fay 90, 3 Dan 85, 4 Cid 85, 5 Ann 68.875, 6 Bob 35.0000000005.
 * Quartile ⌈4 × rank ÷ 6⌉: 1, 2 (1.33), 2, 3 (2.67), 4 (3.33), 4.
 * Branch ranks: Alpha Cid 1, Ann 2, Bob 3; Beta Eve 1, Fay 2, Dan 3.
 *
 * February (YTD Jan–Feb, same weights; Fay not hired yet → 5 ranked):
 * Ann   37.5, 720/800 = 0.9 → 90, 6/8 → 75, coverage C2 C3 = 2/4 → 50, 100 → 13.125 + 27 + 11.25 + 5 + 10 = 66.375
 * Bob   P6 still normal → NPL 0 → 100; 200/400 → 50; 3/4 → 75; C5 only → 50; 50 → 35 + 15 + 11.25 + 5 + 5 = 71.25
 * Cid   85, Dan 85, Eve 90 (as in March)
 * February ranks: 1 Eve, 2 Dan, 3 Cid, 4 Bob, 5 Ann → rank change (Feb − Mar): Eve 0, Fay null, Dan −1, Cid −1, Ann 0, Bob −2.
 */
describe('client-manager ranking', () => {
  let db: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    db = await createTestDatabase('empty');
    await loadFixture(db);
    server = await startTestServer(db.orm);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const Q = `query($m: Month, $b: ID, $t: ID, $r: StaffRole, $v: Int, $first: Int, $after: String) {
    clientManagerRanking(month: $m, branchId: $b, teamId: $t, role: $r, weightVersion: $v, first: $first, after: $after) {
      month norm count
      weightVersion { version subject weights { component weight } }
      rows { totalCount pageInfo { hasNextPage endCursor }
        nodes { staff { name } branch { code } team { name } score rank branchRank quartile previousRank rankChange nplRatio activeProjects
                components { component kpiValue normalized weight contribution } } }
      distribution { buckets { from to count } topDecile { threshold count } bottomDecile { threshold count } mean median }
    } }`;

  async function ranking(vars: Record<string, unknown>) {
    const res = await server.gql(Q, vars);
    expect(res.errors).toBeUndefined();
    return res.data!.clientManagerRanking;
  }

  it('scores, ranks, quartiles and rank changes at 2026-03 with weights v1', async () => {
    const r = await ranking({ m: '2026-03' });
    expect(r.month).toBe('2026-03');
    expect(r.norm).toBe('4');
    expect(r.count).toBe(6);
    expect(r.weightVersion).toEqual({
      version: 1, subject: 'CLIENT_MANAGER',
      weights: [
        { component: 'asset_quality', weight: '0.3500' }, { component: 'recovery', weight: '0.3000' }, { component: 'reporting', weight: '0.1500' },
        { component: 'contact', weight: '0.1000' }, { component: 'workload', weight: '0.1000' },
      ],
    });
    expect(r.rows.totalCount).toBe(6);
    expect(r.rows.nodes.map((n: any) => [n.staff.name, n.branch.code, trim(n.score), n.rank, n.branchRank, n.quartile, n.previousRank, n.rankChange, trim(n.nplRatio), n.activeProjects])).toEqual([
      ['Eve', 'BB', '90', 1, 1, 1, 1, 0, '0', 0],
      ['Fay', 'BB', '90', 2, 2, 2, null, null, '0', 0],
      ['Dan', 'BB', '85', 3, 3, 2, 2, -1, '0', 2],
      ['Cid', 'BA', '85', 4, 1, 3, 3, -1, '0.04', 2],
      ['Ann', 'BA', '68.875', 5, 2, 4, 5, 0, '0.125', 4],
      ['Bob', 'BA', '35.0000000005', 6, 3, 4, 4, -2, '0.5', 2],
    ]);
    // the score is kept at full precision (10 places), not rounded to 2
    expect(r.rows.nodes[5].score).toBe('35.0000000005');
  });

  it('explains each score by its components (KPI, normalised, weight, contribution)', async () => {
    const r = await ranking({ m: '2026-03' });
    const comps = (name: string) =>
      r.rows.nodes.find((n: any) => n.staff.name === name).components.map((c: any) => [c.component, trim(c.kpiValue), trim(c.normalized), trim(c.weight), trim(c.contribution)]);
    expect(comps('Ann')).toEqual([
      ['ASSET_QUALITY', '0.125', '37.5', '0.35', '13.125'],
      ['RECOVERY', '0.9', '90', '0.3', '27'],
      ['REPORTING', '0.75', '75', '0.15', '11.25'],
      ['CLIENT_CONTACT', '0.75', '75', '0.1', '7.5'],
      ['WORKLOAD', '1', '100', '0.1', '10'], // KPI = workload ÷ norm = 4 ÷ 4
    ]);
    expect(comps('Bob')).toEqual([
      ['ASSET_QUALITY', '0.5', '0', '0.35', '0'], // NPL ratio 0.5 ≥ 0.20 → 0
      ['RECOVERY', '0.5', '50', '0.3', '15'],
      ['REPORTING', '0.6666666667', '66.66666667', '0.15', '10.0000000005'], // 4 ÷ 6 rounded to 10 places, × 100, × 0.15
      ['CLIENT_CONTACT', '0.5', '50', '0.1', '5'], // C6 contacted by Ann counts; C5's contact on 2025-12-31 is outside the window
      ['WORKLOAD', '0.5', '50', '0.1', '5'],
    ]);
    expect(comps('Dan')).toEqual([
      ['ASSET_QUALITY', '0', '100', '0.35', '35'], // balance 0 → NPL ratio 0
      ['RECOVERY', null, '100', '0.3', '30'], // nothing fell due → null → 100
      ['REPORTING', '1', '100', '0.15', '15'],
      ['CLIENT_CONTACT', '0', '0', '0.1', '0'], // C8's only contact (2026-04-01) is after March
      ['WORKLOAD', '0.5', '50', '0.1', '5'],
    ]);
    expect(comps('Eve')).toEqual([
      ['ASSET_QUALITY', '0', '100', '0.35', '35'],
      ['RECOVERY', null, '100', '0.3', '30'],
      ['REPORTING', null, '100', '0.15', '15'],
      ['CLIENT_CONTACT', null, '100', '0.1', '10'],
      ['WORKLOAD', '0', '0', '0.1', '0'],
    ]);
    expect(comps('Cid')).toEqual([
      ['ASSET_QUALITY', '0.04', '80', '0.35', '28'],
      ['RECOVERY', '0.9', '90', '0.3', '27'],
      ['REPORTING', '1', '100', '0.15', '15'],
      ['CLIENT_CONTACT', '1', '100', '0.1', '10'],
      ['WORKLOAD', '0.5', '50', '0.1', '5'],
    ]);
  });

  it('gives the distribution of the whole population', async () => {
    const r = await ranking({ m: '2026-03' });
    const d = r.distribution;
    // scores 35.0000000005, 68.875, 85, 85, 90, 90
    expect(d.buckets).toHaveLength(10);
    expect(d.buckets[0]).toEqual({ from: 0, to: 10, count: 0 });
    expect(d.buckets[9]).toEqual({ from: 90, to: 100, count: 2 }); // 90, 90 (the last bucket includes 100)
    expect(d.buckets.filter((b: any) => b.count > 0)).toEqual([
      { from: 30, to: 40, count: 1 }, { from: 60, to: 70, count: 1 }, { from: 80, to: 90, count: 2 }, { from: 90, to: 100, count: 2 },
    ]);
    // mean = 453.8750000005 ÷ 6 = 75.64583333341666… → 75.6458333334; median = (85 + 85) ÷ 2
    expect(trim(d.mean)).toBe('75.6458333334');
    expect(trim(d.median)).toBe('85');
    // percentile_disc(0.9) of 6 → 6th value 90 (two at or above); percentile_disc(0.1) → 1st value
    expect({ ...d.topDecile, threshold: trim(d.topDecile.threshold) }).toEqual({ threshold: '90', count: 2 });
    expect({ ...d.bottomDecile, threshold: trim(d.bottomDecile.threshold) }).toEqual({ threshold: '35.0000000005', count: 1 });
  });

  it('filters rows and distribution by branch, team and role while rank stays bank-wide', async () => {
    const a = await ranking({ m: '2026-03', b: '2' });
    expect(a.count).toBe(3);
    expect(a.rows.totalCount).toBe(3);
    expect(a.rows.nodes.map((n: any) => [n.staff.name, n.rank, n.branchRank, n.quartile])).toEqual([
      ['Cid', 4, 1, 3], ['Ann', 5, 2, 4], ['Bob', 6, 3, 4],
    ]);
    // 85, 68.875, 35.0000000005: mean 188.8750000005 ÷ 3 = 62.9583333335; median 68.875;
    // top: percentile_disc(0.9) of 3 → 85 (1); bottom: percentile_disc(0.1) → 35.0000000005 (1)
    expect(trim(a.distribution.mean)).toBe('62.9583333335');
    expect(trim(a.distribution.median)).toBe('68.875');
    expect(trim(a.distribution.topDecile.threshold)).toBe('85');
    expect(a.distribution.topDecile.count).toBe(1);
    expect(a.distribution.bottomDecile.count).toBe(1);
    expect(a.distribution.buckets.filter((b: any) => b.count > 0)).toEqual([
      { from: 30, to: 40, count: 1 }, { from: 60, to: 70, count: 1 }, { from: 80, to: 90, count: 1 },
    ]);

    const senior = await ranking({ m: '2026-03', r: 'SENIOR_CLIENT_MANAGER' });
    expect(senior.count).toBe(1);
    expect(senior.rows.nodes.map((n: any) => [n.staff.name, n.rank, n.branchRank])).toEqual([['Bob', 6, 3]]);
    expect(trim(senior.distribution.median)).toBe('35.0000000005');

    const team = await ranking({ m: '2026-03', t: '3' });
    expect(team.rows.nodes.map((n: any) => [n.staff.name, n.rank, n.branchRank])).toEqual([['Fay', 2, 2], ['Dan', 3, 3]]);

    const bad = await server.gql(Q, { m: '2026-03', r: 'ASSISTANT' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
  });

  it('pages rows by rank', async () => {
    const p1 = await ranking({ m: '2026-03', first: 4 });
    expect(p1.rows.nodes.map((n: any) => n.rank)).toEqual([1, 2, 3, 4]);
    expect(p1.rows.pageInfo.hasNextPage).toBe(true);
    const p2 = await ranking({ m: '2026-03', first: 4, after: p1.rows.pageInfo.endCursor });
    expect(p2.rows.nodes.map((n: any) => n.staff.name)).toEqual(['Ann', 'Bob']);
    expect(p2.rows.pageInfo.hasNextPage).toBe(false);
    expect(p2.count).toBe(6);
  });

  it('ranks the previous month on its own year-to-date figures (2026-02), compared with January', async () => {
    // January (YTD = January; contact window 2025-11-03 … 2026-01-31):
    //   Ann 37.5, 360/400 → 90, 3/4 → 75, C3 only → 1/4 → 25, 100 → 13.125 + 27 + 11.25 + 2.5 + 10 = 63.875
    //   Bob NPL 0 → 100, 100/200 → 50, 2/2 → 100, C5 → 1/2 → 50, 50 → 35 + 15 + 15 + 5 + 5 = 75
    //   Cid 80, 90, 100, C7 (contacted 02-15) → 0, 50 → 28 + 27 + 15 + 0 + 5 = 75 (ties Bob; Bob's NPL 0 < 0.04)
    //   Dan 85, Eve 90 → January ranks: Eve 1, Dan 2, Bob 3, Cid 4, Ann 5
    const r = await ranking({ m: '2026-02' });
    expect(r.count).toBe(5);
    expect(r.weightVersion.version).toBe(1);
    expect(r.rows.nodes.map((n: any) => [n.staff.name, trim(n.score), n.rank, n.quartile, n.previousRank, n.rankChange])).toEqual([
      ['Eve', '90', 1, 1, 1, 0], // quartile ⌈4 × 1 ÷ 5⌉ = 1
      ['Dan', '85', 2, 2, 2, 0], // ⌈1.6⌉ = 2
      ['Cid', '85', 3, 3, 4, 1], // ⌈2.4⌉ = 3; 4 − 3 = +1
      ['Bob', '71.25', 4, 4, 3, -1], // ⌈3.2⌉ = 4; 3 − 4 = −1
      ['Ann', '66.375', 5, 4, 5, 0],
    ]);
  });

  it('ranks the first month with data without previous ranks (nothing to compare with)', async () => {
    const r = await ranking({ m: '2026-01' });
    expect(r.rows.nodes.every((n: any) => n.previousRank === null && n.rankChange === null)).toBe(true);
  });

  it('limits rows to what the viewer may see: a branch head their branch, a client manager themselves (ranks stay bank-wide)', async () => {
    const head = await server.as({ role: 'branch_head', branchId: 3 });
    const h = await head(Q, { m: '2026-03' });
    expect(h.errors).toBeUndefined();
    expect(h.data!.clientManagerRanking.rows.nodes.map((n: any) => [n.staff.name, n.rank, n.branchRank])).toEqual([['Eve', 1, 1], ['Fay', 2, 2], ['Dan', 3, 3]]);
    expect(h.data!.clientManagerRanking.count).toBe(3);
    const hw = await head(`{ workloads(month: "2026-03") { totalCount nodes { staff { name } } } }`);
    expect(hw.data!.workloads.nodes.map((n: any) => n.staff.name)).toEqual(['Dan', 'Eve', 'Fay']);

    const cid = await server.as({ role: 'client_manager', staffId: 13, branchId: 2 });
    const c = await cid(Q, { m: '2026-03' });
    expect(c.errors).toBeUndefined();
    expect(c.data!.clientManagerRanking.rows.nodes.map((n: any) => [n.staff.name, n.rank, n.branchRank, n.quartile])).toEqual([['Cid', 4, 1, 3]]);
    const cw = await cid(`{ workloads(month: "2026-03") { totalCount nodes { staff { name } activeProjects } } }`);
    expect(cw.data!.workloads).toEqual({ totalCount: 1, nodes: [{ staff: { name: 'Cid' }, activeProjects: 2 }] });
  });

  it('refuses an unknown weight version', async () => {
    const res = await server.gql(Q, { m: '2026-03', v: 9 });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
