import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../support/db.js';
import type { TestServer } from '../support/server.js';
import { withTestServer } from '../support/fixture.js';
import { DEMO_END_MONTH } from '../support/constants.js';

// The demo bank (statements 2024-11 … 2026-10), checked against plain SQL written here.
describe('kpi on the demo bank', () => {
  let db: TestDatabase;
  let server: TestServer;

  withTestServer('demo', (d, s) => {
    db = d;
    server = s;
  });

  it(`bank outstanding balance and NPL ratio for ${DEMO_END_MONTH} equal a plain SQL query`, async () => {
    const [expected] = await db.query<{ balance: string; ratio: string; active: number }>(`
      SELECT sum(balance)::text AS balance,
             round(sum(balance) FILTER (WHERE classification IN ('substandard', 'doubtful', 'loss')) / sum(balance), 10)::text AS ratio,
             count(*)::int AS active
      FROM cash_flow_statement WHERE month = $1::date`, [`${DEMO_END_MONTH}-01`]);
    const res = await server.gql(`query ($m: Month) { kpi(scope: { kind: BANK }, month: $m) { month outstandingBalance nplRatio activeProjects } }`, { m: DEMO_END_MONTH });
    expect(res.errors).toBeUndefined();
    expect(res.data!.kpi).toEqual({ month: DEMO_END_MONTH, outstandingBalance: expected!.balance, nplRatio: expected!.ratio, activeProjects: expected!.active });
    expect(expected!.active).toBe(3057);
  });

  it('defaults to the last demo month; a 24-month series and the branch scorecards run', async () => {
    const res = await server.gql(`{
      kpi(scope: { kind: BANK }) { month previousMonth { month } sameMonthLastYear { month } }
      kpiSeries(scope: { kind: BANK }, from: "2024-11", to: "2026-10", period: YEAR_TO_DATE) { month recoveryRate }
      branchScorecards { weightVersion { version } rows { rank quartile } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.kpi).toEqual({ month: '2026-10', previousMonth: { month: '2026-09' }, sameMonthLastYear: { month: '2025-10' } });
    expect(res.data!.kpiSeries).toHaveLength(24);
    expect(res.data!.kpiSeries.every((p: { recoveryRate: string | null }) => p.recoveryRate !== null)).toBe(true);
    const rows = res.data!.branchScorecards.rows as { rank: number; quartile: number }[];
    expect(rows.map((r) => r.rank)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect(rows[0]!.quartile).toBe(1);
    expect(rows[27]!.quartile).toBe(4);
    expect(res.data!.branchScorecards.weightVersion).toEqual({ version: 1 });
  });
});
