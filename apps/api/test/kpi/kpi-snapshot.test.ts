import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loadKpiFixture } from './fixture.js';

// Every expected value is worked out by hand from the fixture (see fixture.ts for the rows).
const FIELDS = `
  month outstandingBalance nplBalance nplRatio
  classificationMix { classification balance projectCount share }
  amountDue amountRepaid recoveryRate repaidYearToDate plannedRecovery recoveryPlanAttainment
  downgradeRate reportTimeliness statementsCounted contactCoverage activeProjects`;

const KPI = `query ($scope: KpiScope!, $month: Month, $period: KpiPeriod, $asOf: Date) {
  kpi(scope: $scope, month: $month, period: $period, asOf: $asOf) {
    scope { kind id sector importance name } period asOf ${FIELDS}
  }
}`;

describe('kpi snapshot on the hand-built fixture', () => {
  let db: TestDatabase;
  let server: TestServer;
  const kpi = async (variables: Record<string, unknown>) => {
    const res = await server.gql(KPI, variables);
    expect(res.errors).toBeUndefined();
    return res.data!.kpi;
  };

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    await loadKpiFixture(db);
    server = await startTestServer(db.orm);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('bank, 2026-04, MONTH: every KPI', async () => {
    const k = await kpi({ scope: { kind: 'BANK' }, month: '2026-04' });
    expect(k.scope).toEqual({ kind: 'BANK', id: null, sector: null, importance: null, name: 'Bank' });
    expect(k).toMatchObject({
      month: '2026-04',
      period: 'MONTH',
      // P1 1000 + P2 500 + P3 2000 + P4 500 + P5 3500 + P6 1000 + P7 500 + P8 1000
      outstandingBalance: '10000.00',
      // P2 substandard 500 + P4 doubtful 500 + P7 loss 500
      nplBalance: '1500.00',
      nplRatio: '0.1500000000', // 1500 / 10000
      // 8 statements × 100 due; repaid 100+50+100+25+100+100+50+100 = 625
      amountDue: '800.00',
      amountRepaid: '625.00',
      recoveryRate: '0.7812500000', // 625 / 800
      // Jan 500 + Feb 500 + Mar 625 + Apr 625 = 2250 ÷ plans 2026 (5000 + 3000 + 0) = 8000
      repaidYearToDate: '2250.00',
      plannedRecovery: '8000.00',
      recoveryPlanAttainment: '0.2812500000',
      // P1..P7 have 2026-01 and 2026-04 statements (P8 has no 2026-01); P2 SM→SS and P4 SS→D got worse, P6 improved
      downgradeRate: '0.2857142857', // 2 / 7
      // 8 statements; P8 never submitted and its due date 2026-05-10 has passed (asOf = today) → late
      reportTimeliness: '0.8750000000', // 7 / 8
      statementsCounted: 8,
      // clients with an active project: K1..K6; contacted within 2026-01-31…2026-04-30: K1, K3, K6
      contactCoverage: '0.5000000000', // 3 / 6
      activeProjects: 8,
    });
    expect(k.classificationMix).toEqual([
      { classification: 'NORMAL', balance: '7500.00', projectCount: 4, share: '0.7500000000' }, // P1 1000 + P3 2000 + P5 3500 + P8 1000
      { classification: 'SPECIAL_MENTION', balance: '1000.00', projectCount: 1, share: '0.1000000000' }, // P6
      { classification: 'SUBSTANDARD', balance: '500.00', projectCount: 1, share: '0.0500000000' }, // P2
      { classification: 'DOUBTFUL', balance: '500.00', projectCount: 1, share: '0.0500000000' }, // P4
      { classification: 'LOSS', balance: '500.00', projectCount: 1, share: '0.0500000000' }, // P7
    ]);
  });

  it('report timeliness: an unsubmitted statement is left out while not yet due, late once the due date has passed', async () => {
    // asOf 2026-05-10 is P8's due date: not yet late → excluded → 7 / 7
    const due = await kpi({ scope: { kind: 'BANK' }, month: '2026-04', asOf: '2026-05-10' });
    expect(due).toMatchObject({ reportTimeliness: '1.0000000000', statementsCounted: 7, asOf: '2026-05-10' });
    // the day after: counted as late → 7 / 8
    const late = await kpi({ scope: { kind: 'BANK' }, month: '2026-04', asOf: '2026-05-11' });
    expect(late).toMatchObject({ reportTimeliness: '0.8750000000', statementsCounted: 8 });
    // 2026-02: P1 submitted on the due date 2026-03-10 (on time), P4 on 2026-03-11 (late) → 6 / 7
    const feb = await kpi({ scope: { kind: 'BANK' }, month: '2026-02' });
    expect(feb).toMatchObject({ reportTimeliness: '0.8571428571', statementsCounted: 7 });
  });

  it('bank, YEAR_TO_DATE and YEAR periods', async () => {
    const ytd = await kpi({ scope: { kind: 'BANK' }, month: '2026-04', period: 'YEAR_TO_DATE' });
    expect(ytd).toMatchObject({
      period: 'YEAR_TO_DATE',
      outstandingBalance: '10000.00', // stocks stay at m
      nplRatio: '0.1500000000',
      amountDue: '3000.00', // 700 + 700 + 800 + 800
      amountRepaid: '2250.00', // 500 + 500 + 625 + 625
      recoveryRate: '0.7500000000',
      recoveryPlanAttainment: '0.2812500000', // 2250 / 8000
      // 30 statements Jan–Apr; late: Feb P4, Mar P3, Apr P8 → 27 / 30
      reportTimeliness: '0.9000000000',
      statementsCounted: 30,
      downgradeRate: '0.2857142857',
      activeProjects: 8,
    });
    // YTD through February: due 1400, repaid 1000
    const febYtd = await kpi({ scope: { kind: 'BANK' }, month: '2026-02', period: 'YEAR_TO_DATE' });
    expect(febYtd).toMatchObject({ recoveryRate: '0.7142857143', recoveryPlanAttainment: '0.1250000000', nplRatio: '0.2000000000' });
    // YEAR at February covers January…December 2026 (data through April): 2250 / 3000
    const febYear = await kpi({ scope: { kind: 'BANK' }, month: '2026-02', period: 'YEAR' });
    expect(febYear).toMatchObject({
      period: 'YEAR',
      recoveryRate: '0.7500000000',
      repaidYearToDate: '2250.00',
      recoveryPlanAttainment: '0.2812500000',
      // Jan–Feb: 10000 balance, NPL = P4 500 + P6 1000 + P7 500 = 2000
      nplRatio: '0.2000000000',
      activeProjects: 7,
    });
  });

  it('branch Alpha, 2026-04 (client manager Li sits in the branch division)', async () => {
    const k = await kpi({ scope: { kind: 'BRANCH', id: '2' }, month: '2026-04' });
    expect(k.scope.name).toBe('Alpha Branch');
    expect(k).toMatchObject({
      outstandingBalance: '5000.00', // P1 1000 + P2 500 + P3 2000 + P4 500 + P8 1000
      nplBalance: '1000.00', // P2 500 + P4 500
      nplRatio: '0.2000000000',
      recoveryRate: '0.7500000000', // (100 + 50 + 100 + 25 + 100) / 500
      repaidYearToDate: '1350.00', // 300 + 300 + 375 + 375
      plannedRecovery: '5000.00',
      recoveryPlanAttainment: '0.2700000000', // 1350 / 5000
      downgradeRate: '0.5000000000', // P1..P4: P2 and P4 worse
      reportTimeliness: '0.8000000000', // 5 statements, P8 late
      contactCoverage: '0.6666666667', // K1, K2, K3 (K7 has no project): K1, K3 contacted
      activeProjects: 5,
    });
    expect(k.classificationMix.map((c: { balance: string; projectCount: number; share: string }) => [c.balance, c.projectCount, c.share])).toEqual([
      ['4000.00', 3, '0.8000000000'], // P1, P3, P8
      ['0.00', 0, '0.0000000000'],
      ['500.00', 1, '0.1000000000'],
      ['500.00', 1, '0.1000000000'],
      ['0.00', 0, '0.0000000000'],
    ]);
    const ytd = await kpi({ scope: { kind: 'BRANCH', id: '2' }, month: '2026-04', period: 'YEAR_TO_DATE' });
    // due 400 + 400 + 500 + 500 = 1800, repaid 1350; statements 4+4+5+5 = 18, late Feb P4, Mar P3, Apr P8
    expect(ytd).toMatchObject({ recoveryRate: '0.7500000000', reportTimeliness: '0.8333333333', statementsCounted: 18 });
  });

  it('branch Beta, YEAR_TO_DATE 2026-04', async () => {
    const k = await kpi({ scope: { kind: 'BRANCH', id: '3' }, month: '2026-04', period: 'YEAR_TO_DATE' });
    expect(k).toMatchObject({
      outstandingBalance: '5000.00', // 3500 + 1000 + 500
      nplRatio: '0.1000000000', // P7 500 / 5000
      recoveryRate: '0.7500000000', // (200 + 200 + 250 + 250) / 1200
      recoveryPlanAttainment: '0.3000000000', // 900 / 3000
      downgradeRate: '0.0000000000', // P5 same, P6 better, P7 same
      reportTimeliness: '1.0000000000', // 12 / 12
      contactCoverage: '0.3333333333', // K4 (contact after the month), K5 (none), K6 (2026-03-01)
      activeProjects: 3,
    });
  });

  it('team, client manager, sector and importance scopes', async () => {
    // Team 2 = Li: P3, P4
    const team = await kpi({ scope: { kind: 'TEAM', id: '2' }, month: '2026-04', period: 'YEAR_TO_DATE' });
    expect(team).toMatchObject({
      scope: { kind: 'TEAM', id: '2', name: 'Alpha Transport' },
      outstandingBalance: '2500.00',
      nplRatio: '0.2000000000', // P4 500 / 2500
      recoveryRate: '0.5625000000', // (100 + 100 + 125 + 125) / (4 × 200)
      plannedRecovery: null,
      recoveryPlanAttainment: null, // plans exist per branch only
      downgradeRate: '0.5000000000', // P4 SS→D
      reportTimeliness: '0.7500000000', // 8 statements, Feb P4 and Mar P3 late
      contactCoverage: '1.0000000000', // K3 (contact on 2026-01-31, the window's first day)
      activeProjects: 2,
    });
    // Team 1 = Chen: P1, P2, P8 (P8 is agriculture: the team is the manager's, not the sector)
    const team1 = await kpi({ scope: { kind: 'TEAM', id: '1' }, month: '2026-04' });
    expect(team1).toMatchObject({ outstandingBalance: '2500.00', nplRatio: '0.2000000000', activeProjects: 3, contactCoverage: '0.5000000000' });

    // Client manager Wang (3): P5, P6, P7
    const cm = await kpi({ scope: { kind: 'CLIENT_MANAGER', id: '3' }, month: '2026-04', period: 'YEAR_TO_DATE' });
    expect(cm).toMatchObject({
      scope: { kind: 'CLIENT_MANAGER', id: '3', name: 'Wang Three' },
      outstandingBalance: '5000.00',
      nplRatio: '0.1000000000',
      recoveryRate: '0.7500000000', // 900 / 1200
      recoveryPlanAttainment: null,
      downgradeRate: '0.0000000000',
      reportTimeliness: '1.0000000000',
      contactCoverage: '0.3333333333', // K4, K5, K6 → K6
      activeProjects: 3,
    });
    // Chen (1): clients K1 (contacted 2026-04-15), K2 (2026-01-30: one day before the window)
    const chen = await kpi({ scope: { kind: 'CLIENT_MANAGER', id: '1' }, month: '2026-04' });
    expect(chen).toMatchObject({ contactCoverage: '0.5000000000', nplRatio: '0.2000000000' }); // P2 500 / (1000 + 500 + 1000)

    // Energy: P1, P2, P5, P6
    const energy = await kpi({ scope: { kind: 'SECTOR', sector: 'ENERGY' }, month: '2026-04' });
    expect(energy).toMatchObject({
      scope: { kind: 'SECTOR', id: null, sector: 'ENERGY', name: 'Energy' },
      outstandingBalance: '6000.00', // 1000 + 500 + 3500 + 1000
      nplRatio: '0.0833333333', // P2 500 / 6000
      recoveryRate: '0.8750000000', // (100 + 50 + 100 + 100) / 400
      recoveryPlanAttainment: null,
      downgradeRate: '0.2500000000', // P2 only, of 4
      reportTimeliness: '1.0000000000',
      contactCoverage: '0.2500000000', // owned clients with an active energy project: K1, K2, K4, K5 → K1
      activeProjects: 4,
    });

    // Key projects: P1, P5
    const key = await kpi({ scope: { kind: 'IMPORTANCE', importance: 'KEY' }, month: '2026-04' });
    expect(key).toMatchObject({ outstandingBalance: '4500.00', nplRatio: '0.0000000000', recoveryRate: '1.0000000000', activeProjects: 2 });
  });

  it('a branch with no projects: zero balance, NPL ratio 0, nothing due, no statements, nothing planned', async () => {
    const k = await kpi({ scope: { kind: 'BRANCH', id: '4' }, month: '2026-04', period: 'YEAR_TO_DATE' });
    expect(k).toMatchObject({
      outstandingBalance: '0.00',
      nplBalance: '0.00',
      nplRatio: '0.0000000000',
      amountDue: null,
      recoveryRate: null,
      repaidYearToDate: '0.00',
      plannedRecovery: '0.00',
      recoveryPlanAttainment: null, // planned 0 = nothing planned
      downgradeRate: null,
      reportTimeliness: null,
      statementsCounted: 0,
      contactCoverage: null,
      activeProjects: 0,
    });
    expect(k.classificationMix.every((c: { balance: string; share: string }) => c.balance === '0.00' && c.share === '0.0000000000')).toBe(true);
    // Delta has no target at all
    const d = await kpi({ scope: { kind: 'BRANCH', id: '5' }, month: '2026-04' });
    expect(d).toMatchObject({ plannedRecovery: null, recoveryPlanAttainment: null });
  });

  it('downgrade rate is null when no project has a statement three months earlier', async () => {
    const k = await kpi({ scope: { kind: 'BANK' }, month: '2026-03' }); // 2025-12 has no statements
    expect(k.downgradeRate).toBeNull();
    // 2026-03 contact window 2026-01-01…2026-03-31: K2, K3, K6 of K1..K6
    expect(k.contactCoverage).toBe('0.5000000000');
  });

  it('the month defaults to the latest month with statements', async () => {
    const k = await kpi({ scope: { kind: 'BANK' } });
    expect(k.month).toBe('2026-04');
  });

  it('last year: the 2025 plans and statements', async () => {
    const k = await kpi({ scope: { kind: 'BANK' }, month: '2025-04', period: 'YEAR_TO_DATE' });
    expect(k).toMatchObject({
      outstandingBalance: '2000.00', // P1 1000 + P5 1000
      nplRatio: '0.5000000000', // P5 substandard
      recoveryRate: '0.7500000000', // (100 + 50) / 200
      plannedRecovery: '1000.00', // Alpha 2025
      recoveryPlanAttainment: '0.1500000000', // 150 / 1000
      activeProjects: 2,
    });
  });

  it('rejects a scope without the attribute its kind needs, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'BRANCH' }, 'scope.id'],
      [{ kind: 'BRANCH', id: '1' }, 'scope.id'], // the head office is not a branch
      [{ kind: 'BRANCH', id: 'abc' }, 'scope.id'],
      [{ kind: 'TEAM', id: '99' }, 'scope.id'],
      [{ kind: 'CLIENT_MANAGER' }, 'scope.id'],
      [{ kind: 'SECTOR' }, 'scope.sector'],
      [{ kind: 'IMPORTANCE', sector: 'ENERGY' }, 'scope.importance'],
    ];
    for (const [scope, field] of cases) {
      const res = await server.gql(KPI, { scope, month: '2026-04' });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
