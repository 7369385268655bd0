import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../support/db.js';
import type { GqlResult, TestServer } from '../support/server.js';
import { withTestServer } from '../support/fixture.js';
import { DEMO_END_MONTH } from '../support/constants.js';

// Sanity checks of workloads and rankings on the demo bank (seed 20261129, statements 2024-11 … 2026-10),
// against plain SQL.
describe('performance on the demo bank', () => {
  let db: TestDatabase;
  let server: TestServer;
  withTestServer('demo', (d, s) => {
    db = d;
    server = s;
  });

  async function allRanks(month: string): Promise<{ rank: number; score: string; branchRank: number; quartile: number; rankChange: number | null; id: string }[]> {
    const out: { rank: number; score: string; branchRank: number; quartile: number; rankChange: number | null; id: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GqlResult = await server.gql(`query($m: Month, $after: String) { clientManagerRanking(month: $m, first: 500, after: $after) {
        count weightVersion { version } rows { totalCount pageInfo { hasNextPage endCursor } nodes { id rank branchRank quartile score rankChange } } } }`, { m: month, after });
      expect(res.errors).toBeUndefined();
      const r: any = res.data!.clientManagerRanking;
      expect(r.count).toBe(760);
      expect(r.rows.totalCount).toBe(760);
      expect(r.weightVersion.version).toBe(1);
      out.push(...r.rows.nodes);
      if (!r.rows.pageInfo.hasNextPage) break;
      after = r.rows.pageInfo.endCursor;
    }
    return out;
  }

  it(`ranks 760 client managers for ${DEMO_END_MONTH} with ranks 1..760 without gaps`, async () => {
    const rows = await allRanks(DEMO_END_MONTH);
    expect(rows).toHaveLength(760);
    expect(rows.map((r) => r.rank)).toEqual(Array.from({ length: 760 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.id)).size).toBe(760);
    // scores never increase down the ranking, and stay within 0..100
    for (let i = 1; i < rows.length; i++) expect(Number(rows[i]!.score)).toBeLessThanOrEqual(Number(rows[i - 1]!.score));
    expect(rows.every((r) => Number(r.score) >= 0 && Number(r.score) <= 100)).toBe(true);
    expect(rows[0]!.quartile).toBe(1);
    expect(rows[759]!.quartile).toBe(4);
    expect(rows.every((r) => r.rankChange !== null)).toBe(true);
    // branch ranks: per branch 1..n
    const [c] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM staff WHERE active AND role IN ('client_manager','senior_client_manager')`);
    expect(c!.n).toBe(760);
    expect(rows.filter((r) => r.branchRank === 1)).toHaveLength(28);
  });

  it('sums workloads to the number of projects active at the month (plain SQL)', async () => {
    const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cash_flow_statement WHERE month = $1::date`, [`${DEMO_END_MONTH}-01`])) as [{ n: number }];
    expect(n).toBe(3057);
    let total = 0;
    let count = 0;
    let after: string | null = null;
    for (;;) {
      const res: GqlResult = await server.gql(`query($m: Month, $after: String) { workloads(month: $m, first: 500, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { activeProjects } } }`, { m: DEMO_END_MONTH, after });
      expect(res.errors).toBeUndefined();
      const w: any = res.data!.workloads;
      expect(w.totalCount).toBe(760);
      total += w.nodes.reduce((s: number, x: { activeProjects: number }) => s + x.activeProjects, 0);
      count += w.nodes.length;
      if (!w.pageInfo.hasNextPage) break;
      after = w.pageInfo.endCursor;
    }
    expect(count).toBe(760);
    expect(total).toBe(n);
    const dist = await server.gql(`{ workloadDistribution(month: "${DEMO_END_MONTH}") { clientManagers activeProjects histogram { count } } }`);
    expect(dist.errors).toBeUndefined();
    const rows = dist.data!.workloadDistribution as { clientManagers: number; activeProjects: number; histogram: { count: number }[] }[];
    expect(rows).toHaveLength(28);
    expect(rows.reduce((s, r) => s + r.clientManagers, 0)).toBe(760);
    expect(rows.reduce((s, r) => s + r.activeProjects, 0)).toBe(n);
    expect(rows.every((r) => r.histogram.length === 11 && r.histogram.reduce((s, h) => s + h.count, 0) === r.clientManagers)).toBe(true);
  });
});
