import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loadKpiFixture } from './fixture.js';

const SCORECARDS = `query ($month: Month) {
  branchScorecards(month: $month) {
    month year
    weightVersion { id version note publishedAt weights { component weight } }
    rows {
      branch { id name }
      target { year targetNplRatio targetRecoveryRate plannedRecovery version }
      nplRatio { actual target gapBps met }
      recoveryRateYtd { actual target gapPp met }
      repaidYtd planAttainment met score
      components { component value normalized weight contribution }
      rank quartile previousRank rankChange
      projection { nplRatio recoveryRateYtd months }
    }
  }
}`;

type Row = Record<string, any>;

// Hand-computed from fixture.ts. Branch score = 0.5 × NPL component + 0.3 × recovery + 0.2 × attainment.
describe('branch scorecards on the hand-built fixture', () => {
  let db: TestDatabase;
  let server: TestServer;
  const report = async (month?: string) => {
    const res = await server.gql(SCORECARDS, { month });
    expect(res.errors).toBeUndefined();
    return res.data!.branchScorecards;
  };
  const byName = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.branch.name, r]));

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    await loadKpiFixture(db);
    server = await startTestServer(db.orm);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('names the branch weight version in force (not the future one, not the client-manager one)', async () => {
    const r = await report('2026-04');
    expect(r.month).toBe('2026-04');
    expect(r.year).toBe(2026);
    expect(r.weightVersion).toEqual({
      id: '1', version: 1, note: 'Initial branch weights', publishedAt: '2025-01-01T01:00:00.000Z',
      weights: [{ component: 'attainment', weight: '0.2000' }, { component: 'npl', weight: '0.5000' }, { component: 'recovery', weight: '0.3000' }],
    });
  });

  it('2026-04: actuals, targets, gaps, met/missed, scores, ranks, quartiles', async () => {
    const r = await report('2026-04');
    // Delta and Gamma both score 100 with NPL ratio 0: the name breaks the tie (Delta < Gamma).
    expect(r.rows.map((x: Row) => [x.branch.name, x.rank, x.quartile])).toEqual([
      ['Delta Branch', 1, 1], // ⌈4×1/4⌉
      ['Gamma Branch', 2, 2],
      ['Beta Branch', 3, 3],
      ['Alpha Branch', 4, 4],
    ]);
    const b = byName(r.rows);

    // Alpha: NPL 1000/5000 = 0.2 vs 0.15 → +500 bps, missed; YTD recovery 1350/1800 = 0.75 vs 0.70 → +5 pp, met;
    // attainment 1350/5000 = 0.27. Score 0.5×0 + 0.3×75 + 0.2×27 = 27.9
    expect(b['Alpha Branch']).toMatchObject({
      target: { year: 2026, targetNplRatio: '0.150000', targetRecoveryRate: '0.700000', plannedRecovery: '5000.00', version: 1 },
      nplRatio: { actual: '0.2000000000', target: '0.150000', gapBps: '500.000000', met: false },
      recoveryRateYtd: { actual: '0.7500000000', target: '0.700000', gapPp: '5.00000000', met: true },
      repaidYtd: '1350.00',
      planAttainment: '0.2700000000',
      met: false,
      score: '27.9000000000',
    });
    expect(b['Alpha Branch'].components).toEqual([
      { component: 'npl', value: '0.2000000000', normalized: '0.0000000000', weight: '0.5000', contribution: '0.0000000000' },
      { component: 'recovery', value: '0.7500000000', normalized: '75.0000000000', weight: '0.3000', contribution: '22.5000000000' },
      { component: 'attainment', value: '0.2700000000', normalized: '27.0000000000', weight: '0.2000', contribution: '5.4000000000' },
    ]);

    // Beta: NPL 500/5000 = 0.1 vs 0.12 → −200 bps, met; recovery 900/1200 = 0.75 vs 0.80 → −5 pp, missed;
    // attainment 900/3000 = 0.3. Score 0.5×50 + 0.3×75 + 0.2×30 = 53.5
    expect(b['Beta Branch']).toMatchObject({
      nplRatio: { actual: '0.1000000000', target: '0.120000', gapBps: '-200.000000', met: true },
      recoveryRateYtd: { actual: '0.7500000000', target: '0.800000', gapPp: '-5.00000000', met: false },
      planAttainment: '0.3000000000',
      met: false,
      score: '53.5000000000',
    });

    // Gamma: no projects → NPL 0 (−500 bps vs 0.05, met), nothing fell due (rate null → component 100,
    // met), planned recovery 0 (attainment null → 100). Score 100.
    expect(b['Gamma Branch']).toMatchObject({
      nplRatio: { actual: '0.0000000000', target: '0.050000', gapBps: '-500.000000', met: true },
      recoveryRateYtd: { actual: null, target: '0.900000', gapPp: null, met: true },
      planAttainment: null,
      met: true,
      score: '100.0000000000',
    });
    expect(b['Gamma Branch'].components.map((c: Row) => [c.value, c.normalized, c.contribution])).toEqual([
      ['0.0000000000', '100.0000000000', '50.0000000000'],
      [null, '100.0000000000', '30.0000000000'],
      [null, '100.0000000000', '20.0000000000'],
    ]);

    // Delta: no target → no gaps, met null
    expect(b['Delta Branch']).toMatchObject({
      target: null,
      nplRatio: { actual: '0.0000000000', target: null, gapBps: null, met: null },
      recoveryRateYtd: { actual: null, target: null, gapPp: null, met: null },
      met: null,
      score: '100.0000000000',
    });
  });

  it('2026-04: previous ranks (March: same order) and projections', async () => {
    const b = byName((await report('2026-04')).rows);
    expect(['Delta Branch', 'Gamma Branch', 'Beta Branch', 'Alpha Branch'].map((n) => [b[n].previousRank, b[n].rankChange])).toEqual([[1, 0], [2, 0], [3, 0], [4, 0]]);
    // Alpha NPL Jan–Apr 0.125, 0.125, 0.2, 0.2: x̄ 2.5, ȳ 0.1625, slope 0.15/5 = 0.03 → 0.1625 + 0.03 × 9.5 = 0.4475
    // Alpha YTD recovery 300/400, 600/800, 975/1300, 1350/1800: all 0.75 → 0.75
    expect(b['Alpha Branch'].projection).toEqual({ nplRatio: '0.4475000000', recoveryRateYtd: '0.7500000000', months: 4 });
    // Beta NPL 0.25, 0.25, 0.1, 0.1: slope −0.06 → 0.175 − 0.57 < 0 → kept at 0
    expect(b['Beta Branch'].projection.nplRatio).toBe('0.0000000000');
    // Beta YTD recovery 2/3, 2/3, 13/18, 3/4 (in 36ths: 24, 24, 26, 27): ȳ 25.25, slope 5.5/5 = 1.1
    // → (25.25 + 1.1 × 9.5) / 36 = 35.7 / 36 = 0.991666…
    expect(Number(b['Beta Branch'].projection.recoveryRateYtd)).toBeCloseTo(0.9916666667, 9);
    // No statements this year → no projection
    expect(b['Gamma Branch'].projection).toEqual({ nplRatio: null, recoveryRateYtd: null, months: 0 });
  });

  it('2026-03: Beta moves up past Alpha (rank change +1 / −1)', async () => {
    const r = await report('2026-03');
    // March: Alpha 0 + 0.3×75 + 0.2×(975/5000 = 19.5) = 26.4;
    //        Beta 0.5×50 + 0.3×(650/900 × 100) + 0.2×(650/3000 × 100) = 25 + 21.666… + 4.333… = 51
    // February: Alpha 0.5×37.5 + 0.3×75 + 0.2×12 = 43.65; Beta 0 + 0.3×66.67 + 0.2×13.33 = 22.67 → Alpha 3rd, Beta 4th
    const b = byName(r.rows);
    expect(b['Alpha Branch']).toMatchObject({ score: '26.4000000000', rank: 4, previousRank: 3, rankChange: -1, quartile: 4 });
    expect(b['Beta Branch']).toMatchObject({ score: '51.0000000000', rank: 3, previousRank: 4, rankChange: 1, quartile: 3 });
  });

  it('2026-01: one month of data → the projection is that value; no previous month → no previous rank', async () => {
    const r = await report('2026-01');
    const b = byName(r.rows);
    // Alpha January: NPL 500/4000 = 0.125; recovery 300/400 = 0.75; score 0.5×37.5 + 0.3×75 + 0.2×6 = 42.45
    expect(b['Alpha Branch']).toMatchObject({
      score: '42.4500000000',
      rank: 3,
      previousRank: null,
      rankChange: null,
      projection: { nplRatio: '0.1250000000', recoveryRateYtd: '0.7500000000', months: 1 },
    });
    expect(r.rows.every((x: Row) => x.previousRank === null)).toBe(true);
  });

  it('defaults to the latest month with statements', async () => {
    const r = await report();
    expect(r.month).toBe('2026-04');
  });
});
