import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loadKpiFixture } from './fixture.js';

// Hand-computed from fixture.ts.
describe('kpi comparisons and series', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    await loadKpiFixture(db);
    server = await startTestServer(db.orm);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const COMPARE = `query ($scope: KpiScope!, $month: Month, $period: KpiPeriod) {
    kpi(scope: $scope, month: $month, period: $period) {
      month nplRatio recoveryRate outstandingBalance
      previousMonth { month period nplRatio recoveryRate outstandingBalance scope { kind id } previousMonth { month } }
      sameMonthLastYear { month nplRatio recoveryRate outstandingBalance previousMonth { month } }
      nplRatioChangeBps nplRatioChangeBpsYoY recoveryRateChangePp recoveryRateChangePpYoY
      outstandingBalanceChange outstandingBalanceChangeYoY
    }
  }`;

  it('bank 2026-04 vs 2026-03 and 2025-04', async () => {
    const res = await server.gql(COMPARE, { scope: { kind: 'BANK' }, month: '2026-04' });
    expect(res.errors).toBeUndefined();
    const k = res.data!.kpi;
    expect(k.previousMonth).toMatchObject({
      month: '2026-03', period: 'MONTH', scope: { kind: 'BANK', id: null },
      nplRatio: '0.1500000000', // same balances and classes as April
      recoveryRate: '0.7812500000', // 625 / 800
      outstandingBalance: '10000.00',
      previousMonth: { month: '2026-02' },
    });
    expect(k.sameMonthLastYear).toEqual({
      month: '2025-04',
      nplRatio: '0.5000000000', // 1000 / 2000
      recoveryRate: '0.7500000000', // 150 / 200
      outstandingBalance: '2000.00',
      previousMonth: null, // the bank has no statements for 2025-03
    });
    expect(k).toMatchObject({
      nplRatioChangeBps: '0.000000', // 0.15 − 0.15
      nplRatioChangeBpsYoY: '-3500.000000', // (0.15 − 0.50) × 10,000
      recoveryRateChangePp: '0.00000000',
      recoveryRateChangePpYoY: '3.12500000', // (0.78125 − 0.75) × 100
      outstandingBalanceChange: '0.00',
      outstandingBalanceChangeYoY: '8000.00', // 10000 − 2000
    });
  });

  it('branch Alpha 2026-03 vs 2026-02 (YTD) and no statements a year before', async () => {
    const res = await server.gql(COMPARE, { scope: { kind: 'BRANCH', id: '2' }, month: '2026-03', period: 'YEAR_TO_DATE' });
    expect(res.errors).toBeUndefined();
    const k = res.data!.kpi;
    // March: NPL (500 + 500) / 5000; YTD recovery (300 + 300 + 375) / 1300 = 0.75
    // February: NPL P4 500 / 4000 = 0.125; YTD 600 / 800 = 0.75
    expect(k).toMatchObject({
      nplRatio: '0.2000000000',
      recoveryRate: '0.7500000000',
      previousMonth: { month: '2026-02', nplRatio: '0.1250000000', recoveryRate: '0.7500000000', outstandingBalance: '4000.00', scope: { kind: 'BRANCH', id: '2' } },
      sameMonthLastYear: null, // no statements anywhere in 2025-03
      nplRatioChangeBps: '750.000000', // (0.2 − 0.125) × 10,000
      nplRatioChangeBpsYoY: null,
      recoveryRateChangePp: '0.00000000',
      outstandingBalanceChange: '1000.00', // P8 appears in March
      outstandingBalanceChangeYoY: null,
    });
  });

  const SERIES = `query ($scope: KpiScope!, $from: Month!, $to: Month!, $period: KpiPeriod) {
    kpiSeries(scope: $scope, from: $from, to: $to, period: $period) {
      month outstandingBalance nplRatio recoveryRate recoveryPlanAttainment downgradeRate reportTimeliness activeProjects
      classificationMix { classification projectCount }
    }
  }`;

  it('bank series 2025-12 … 2026-04, MONTH', async () => {
    const res = await server.gql(SERIES, { scope: { kind: 'BANK' }, from: '2025-12', to: '2026-04' });
    expect(res.errors).toBeUndefined();
    const pts = res.data!.kpiSeries as Record<string, unknown>[];
    expect(pts.map((p) => p.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    expect(pts.map((p) => p.outstandingBalance)).toEqual(['0.00', '10000.00', '10000.00', '10000.00', '10000.00']);
    // Jan/Feb NPL = P4 500 + P6 1000 + P7 500 = 2000; Mar/Apr 1500
    expect(pts.map((p) => p.nplRatio)).toEqual(['0.0000000000', '0.2000000000', '0.2000000000', '0.1500000000', '0.1500000000']);
    // Jan/Feb 500 / 700; Mar/Apr 625 / 800; nothing due in 2025-12
    expect(pts.map((p) => p.recoveryRate)).toEqual([null, '0.7142857143', '0.7142857143', '0.7812500000', '0.7812500000']);
    // YTD repaid ÷ 8000: Jan 500, Feb 1000, Mar 1625, Apr 2250; 2025-12: 2025 repaid 150 ÷ 2025 plan 1000
    expect(pts.map((p) => p.recoveryPlanAttainment)).toEqual(['0.1500000000', '0.0625000000', '0.1250000000', '0.2031250000', '0.2812500000']);
    // downgrade needs m−3: only 2026-04 (vs 2026-01) has pairs
    expect(pts.map((p) => p.downgradeRate)).toEqual([null, null, null, null, '0.2857142857']);
    // Jan 7/7; Feb 6/7; Mar 7/8 (P3 late); Apr 7/8 (P8 unsubmitted, overdue)
    expect(pts.map((p) => p.reportTimeliness)).toEqual([null, '1.0000000000', '0.8571428571', '0.8750000000', '0.8750000000']);
    expect(pts.map((p) => p.activeProjects)).toEqual([0, 7, 7, 8, 8]);
    expect((pts[4]!.classificationMix as { projectCount: number }[]).map((c) => c.projectCount)).toEqual([4, 1, 1, 1, 1]);
  });

  it('bank series YEAR_TO_DATE and YEAR', async () => {
    const ytd = await server.gql(SERIES, { scope: { kind: 'BANK' }, from: '2026-01', to: '2026-04', period: 'YEAR_TO_DATE' });
    expect(ytd.errors).toBeUndefined();
    // 500/700, 1000/1400, 1625/2200, 2250/3000
    expect(ytd.data!.kpiSeries.map((p: { recoveryRate: string }) => p.recoveryRate)).toEqual(['0.7142857143', '0.7142857143', '0.7386363636', '0.7500000000']);
    // on time / counted: 7/7, 13/14, 20/22, 27/30
    expect(ytd.data!.kpiSeries.map((p: { reportTimeliness: string }) => p.reportTimeliness)).toEqual(['1.0000000000', '0.9285714286', '0.9090909091', '0.9000000000']);
    const year = await server.gql(SERIES, { scope: { kind: 'BANK' }, from: '2026-01', to: '2026-04', period: 'YEAR' });
    expect(year.data!.kpiSeries.map((p: { recoveryRate: string }) => p.recoveryRate)).toEqual(Array(4).fill('0.7500000000'));
  });

  it('branch Beta series (NPL falls from 0.25 to 0.10)', async () => {
    const res = await server.gql(SERIES, { scope: { kind: 'BRANCH', id: '3' }, from: '2026-01', to: '2026-04' });
    // Jan/Feb (1000 + 500) / 6000; Mar/Apr 500 / 5000
    expect(res.data!.kpiSeries.map((p: { nplRatio: string }) => p.nplRatio)).toEqual(['0.2500000000', '0.2500000000', '0.1000000000', '0.1000000000']);
    // 200/300, 200/300, 250/300, 250/300
    expect(res.data!.kpiSeries.map((p: { recoveryRate: string }) => p.recoveryRate)).toEqual(['0.6666666667', '0.6666666667', '0.8333333333', '0.8333333333']);
  });

  it('rejects a reversed range and more than 60 months', async () => {
    const reversed = await server.gql(SERIES, { scope: { kind: 'BANK' }, from: '2026-04', to: '2026-01' });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const long = await server.gql(SERIES, { scope: { kind: 'BANK' }, from: '2021-01', to: '2026-01' }); // 61 months
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const sixty = await server.gql(SERIES, { scope: { kind: 'BANK' }, from: '2021-02', to: '2026-01' });
    expect(sixty.errors).toBeUndefined();
    expect(sixty.data!.kpiSeries).toHaveLength(60);
  });
});
