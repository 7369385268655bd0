import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type GqlResult, type TestServer } from '../support/server.js';
import { loadFixture, trim } from './fixture.js';

// Workloads and their distribution on the hand-built fixture (see fixture.ts); expected values by hand.
describe('client-manager workloads', () => {
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

  const Q = `query($m: Month, $b: ID, $t: ID, $n: Decimal, $first: Int, $after: String) {
    workloads(month: $m, branchId: $b, teamId: $t, norm: $n, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
      nodes { id staff { name role } branch { code } team { name } activeProjects balance keyOrLargeProjects deviation flag norm }
    } }`;

  const simplify = (n: any) => ({ name: n.staff.name, branch: n.branch?.code ?? null, w: n.activeProjects, bal: n.balance, kl: n.keyOrLargeProjects, dev: trim(n.deviation), flag: n.flag });

  it('lists every client manager at 2026-03 with workload, balance, key/large count, deviation and flag (norm 4 from the setting)', async () => {
    const res = await server.gql(Q, { m: '2026-03' });
    expect(res.errors).toBeUndefined();
    const w = res.data!.workloads;
    // 6 active client managers (Gus is an assistant, Hal has left); order: workload desc, then name.
    expect(w.totalCount).toBe(6);
    expect(w.nodes.every((n: any) => n.norm === '4')).toBe(true);
    expect(w.nodes.map(simplify)).toEqual([
      // Ann: P1–P4 → 4; 1000 + 1000 + 1500 + 500 = 4000.00; P1 key + P3 large = 2; 4 ÷ 4 = 1 → normal
      { name: 'Ann', branch: 'BA', w: 4, bal: '4000.00', kl: 2, dev: '1', flag: 'NORMAL' },
      // Bob sits in Alpha's loan management division → branch Alpha; P5, P6 → 2; 2000.00; P5 key; 2 ÷ 4 = 0.5 → normal (bound)
      { name: 'Bob', branch: 'BA', w: 2, bal: '2000.00', kl: 1, dev: '0.5', flag: 'NORMAL' },
      // Cid: P7 960 + P8 40 = 1000.00
      { name: 'Cid', branch: 'BA', w: 2, bal: '1000.00', kl: 0, dev: '0.5', flag: 'NORMAL' },
      // Dan: P9, P10 with zero balance
      { name: 'Dan', branch: 'BB', w: 2, bal: '0.00', kl: 0, dev: '0.5', flag: 'NORMAL' },
      // no projects: 0 ÷ 4 = 0 < 0.5 → underloaded
      { name: 'Eve', branch: 'BB', w: 0, bal: '0.00', kl: 0, dev: '0', flag: 'UNDERLOADED' },
      { name: 'Fay', branch: 'BB', w: 0, bal: '0.00', kl: 0, dev: '0', flag: 'UNDERLOADED' },
    ]);
  });

  it('applies an explicit norm: with norm 2, Ann (4 ÷ 2 = 2 > 1.5) is overloaded', async () => {
    const res = await server.gql(Q, { m: '2026-03', n: '2' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.workloads.nodes.map((n: any) => [n.staff.name, trim(n.deviation), n.flag, n.norm])).toEqual([
      ['Ann', '2', 'OVERLOADED', '2'], // 4 ÷ 2
      ['Bob', '1', 'NORMAL', '2'], // 2 ÷ 2
      ['Cid', '1', 'NORMAL', '2'],
      ['Dan', '1', 'NORMAL', '2'],
      ['Eve', '0', 'UNDERLOADED', '2'],
      ['Fay', '0', 'UNDERLOADED', '2'],
    ]);
    const bad = await server.gql(Q, { m: '2026-03', n: '0' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'norm' });
  });

  it('pages with keyset cursors in the same order', async () => {
    const names: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const res: GqlResult = await server.gql(Q, { m: '2026-03', first: 2, after });
      expect(res.errors).toBeUndefined();
      const w: any = res.data!.workloads;
      expect(w.totalCount).toBe(6);
      names.push(...w.nodes.map((n: any) => n.staff.name));
      pages.push(w.pageInfo.hasNextPage);
      if (!w.pageInfo.hasNextPage) break;
      after = w.pageInfo.endCursor;
    }
    expect(names).toEqual(['Ann', 'Bob', 'Cid', 'Dan', 'Eve', 'Fay']);
    expect(pages).toEqual([true, true, false]);
  });

  it('filters by branch and by team', async () => {
    const a = await server.gql(Q, { m: '2026-03', b: '2' });
    expect(a.data!.workloads.nodes.map((n: any) => n.staff.name)).toEqual(['Ann', 'Bob', 'Cid']);
    expect(a.data!.workloads.totalCount).toBe(3);
    const t = await server.gql(Q, { m: '2026-03', t: '3' });
    expect(t.data!.workloads.nodes.map((n: any) => n.staff.name)).toEqual(['Dan', 'Fay']);
  });

  it('counts only client managers hired by the end of the month: Fay is absent in 2026-02', async () => {
    const res = await server.gql(Q, { m: '2026-02' });
    expect(res.data!.workloads.nodes.map((n: any) => [n.staff.name, n.activeProjects])).toEqual([
      ['Ann', 4], ['Bob', 2], ['Cid', 2], ['Dan', 2], ['Eve', 0],
    ]);
  });

  it('summarises workloads per branch (percentile_cont quartiles, bands, histogram)', async () => {
    const res = await server.gql(`query($n: Decimal) { workloadDistribution(month: "2026-03", norm: $n) {
      branch { code } clientManagers activeProjects mean min p25 median p75 max overloaded underloaded histogram { from to count } norm } }`);
    expect(res.errors).toBeUndefined();
    const rows = res.data!.workloadDistribution.map((r: any) => ({ ...r, mean: trim(r.mean), histogram: r.histogram.filter((h: any) => h.count > 0) }));
    expect(res.data!.workloadDistribution[0].histogram).toHaveLength(11);
    expect(res.data!.workloadDistribution[0].histogram[10]).toEqual({ from: 10, to: null, count: 0 });
    expect(rows).toEqual([
      // Alpha: Ann 4, Bob 2, Cid 2 → sorted [2, 2, 4]; 8 projects; mean 8 ÷ 3 = 2.6666666667;
      // p25 at position 0.25 × 2 = 0.5 → 2; median position 1 → 2; p75 position 1.5 → 2 + 0.5 × (4 − 2) = 3;
      // norm 4: overloaded > 6 → 0, underloaded < 2 → 0
      { branch: { code: 'BA' }, clientManagers: 3, activeProjects: 8, mean: '2.6666666667', min: 2, p25: '2', median: '2', p75: '3', max: 4,
        overloaded: 0, underloaded: 0, histogram: [{ from: 2, to: 2, count: 2 }, { from: 4, to: 4, count: 1 }], norm: '4' },
      // Beta: Dan 2, Eve 0, Fay 0 (Hal has left) → [0, 0, 2]; 2 projects; mean 0.6666666667; p25 0, median 0,
      // p75 = 0 + 0.5 × 2 = 1; underloaded (< 2): Eve, Fay
      { branch: { code: 'BB' }, clientManagers: 3, activeProjects: 2, mean: '0.6666666667', min: 0, p25: '0', median: '0', p75: '1', max: 2,
        overloaded: 0, underloaded: 2, histogram: [{ from: 0, to: 0, count: 2 }, { from: 2, to: 2, count: 1 }], norm: '4' },
    ]);
    // norm 2: Alpha overloaded (> 3): Ann; Beta underloaded (< 1): Eve, Fay
    const n2 = await server.gql(`{ workloadDistribution(month: "2026-03", norm: "2") { overloaded underloaded } }`);
    expect(n2.data!.workloadDistribution).toEqual([{ overloaded: 1, underloaded: 0 }, { overloaded: 0, underloaded: 2 }]);
  });
});
