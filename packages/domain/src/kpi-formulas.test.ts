import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BRANCH_WEIGHTS,
  DEFAULT_CLIENT_MANAGER_WEIGHTS,
  attainmentComponent,
  branchComponents,
  branchScore,
  clientManagerComponents,
  clientManagerScore,
  compareCodePoints,
  compareIds,
  compareRankingKeys,
  compositeScore,
  coverageComponent,
  downgradeRate,
  isSubmittedOnTime,
  nplComponent,
  nplRatio,
  nplRatioOfStatements,
  planAttainment,
  quartile,
  rankByScore,
  rankChange,
  recoveryComponent,
  recoveryRate,
  recoveryRateOfStatements,
  shareOf,
  targetGapBps,
  targetGapPp,
  targetMet,
  timelinessComponent,
  weightsAreValid,
  weightsSumToOne,
  workloadComponent,
  workloadDeviation,
  workloadFlag,
  yearEndProjection,
  type RankingKey,
} from './kpi-formulas.js';

const H = '100.0000000000';

describe('ratios', () => {
  it('nplRatio divides and is 0 for an empty balance', () => {
    expect(nplRatio('345', '10000')).toBe('0.0345000000');
    expect(nplRatio('0.00', '0.00')).toBe('0.0000000000');
    expect(nplRatio('1', '3')).toBe('0.3333333333');
  });

  it('nplRatioOfStatements sums first and divides once (not an average of ratios)', () => {
    const rows = [
      { balance: '1000.00', classification: 'normal' as const },
      { balance: '100.00', classification: 'substandard' as const },
      { balance: '9000.00', classification: 'special_mention' as const },
      { balance: '900.00', classification: 'loss' as const },
    ];
    // NPL = 100 + 900 = 1000; total = 11000 → 0.0909090909…
    expect(nplRatioOfStatements(rows)).toBe('0.0909090909');
    expect(nplRatioOfStatements([])).toBe('0.0000000000');
  });

  it('recoveryRate is null when nothing fell due', () => {
    expect(recoveryRate('92', '100')).toBe('0.9200000000');
    expect(recoveryRate('115', '100')).toBe('1.1500000000');
    expect(recoveryRate('0', '0')).toBeNull();
  });

  it('recoveryRateOfStatements adds principal and interest', () => {
    const rows = [
      { principalDue: '100.00', interestDue: '20.00', principalRepaid: '100.00', interestRepaid: '20.00' },
      { principalDue: '50.00', interestDue: '10.00', principalRepaid: '0.00', interestRepaid: '10.00' },
    ];
    // repaid 130 / due 180 = 0.7222…
    expect(recoveryRateOfStatements(rows)).toBe('0.7222222222');
    expect(recoveryRateOfStatements([])).toBeNull();
  });

  it('planAttainment is null when nothing is planned', () => {
    expect(planAttainment('50', '200')).toBe('0.2500000000');
    expect(planAttainment('50', null)).toBeNull();
    expect(planAttainment('50', '0')).toBeNull();
  });

  it('shareOf counts', () => {
    expect(shareOf(3, 4)).toBe('0.7500000000');
    expect(shareOf(2, 3)).toBe('0.6666666667');
    expect(shareOf(0, 0)).toBeNull();
    expect(() => shareOf(1.5, 3)).toThrow(RangeError);
  });

  it('downgradeRate compares classifications three months apart', () => {
    expect(
      downgradeRate([
        { from: 'normal', to: 'substandard' },
        { from: 'loss', to: 'doubtful' },
        { from: 'normal', to: 'normal' },
      ]),
    ).toBe('0.3333333333');
    expect(downgradeRate([])).toBeNull();
  });

  it('isSubmittedOnTime: on or before the 10th of the following month', () => {
    expect(isSubmittedOnTime('2026-12', '2027-01-10')).toBe(true);
    expect(isSubmittedOnTime('2026-12', '2026-12-28')).toBe(true);
    expect(isSubmittedOnTime('2026-12', '2027-01-11')).toBe(false);
    expect(isSubmittedOnTime('2026-12', null)).toBe(false);
    expect(() => isSubmittedOnTime('2026-12', '2027-1-5')).toThrow(/Invalid date/);
  });
});

describe('components', () => {
  it('nplComponent = 100 × (1 − min(ratio ÷ 0.20, 1))', () => {
    expect(nplComponent('0')).toBe(H);
    expect(nplComponent('0.05')).toBe('75.0000000000');
    expect(nplComponent('0.0345')).toBe('82.7500000000'); // 100 × (1 − 0.1725)
    // 100 × (0.20 − 0.1999999999999) ÷ 0.20 = 5e-11 exactly → half-up to 1e-10
    expect(nplComponent('0.1999999999999')).toBe('0.0000000001');
    expect(nplComponent('0.20')).toBe('0.0000000000');
    expect(nplComponent('0.35')).toBe('0.0000000000');
    // 100 − 500 × 0.123456789012345 = 38.2716054938275 → 38.2716054938
    expect(nplComponent('0.123456789012345')).toBe('38.2716054938');
    expect(nplComponent(null)).toBe(H);
  });

  it('recoveryComponent = 100 × min(rate, 1)', () => {
    expect(recoveryComponent('0.92')).toBe('92.0000000000');
    expect(recoveryComponent('1.15')).toBe(H);
    expect(recoveryComponent('0')).toBe('0.0000000000');
    expect(recoveryComponent('0.333333333333')).toBe('33.3333333333');
    expect(recoveryComponent('0.0000000000005')).toBe('0.0000000001'); // 5e-11 rounds half-up
    expect(recoveryComponent(null)).toBe(H);
  });

  it('timeliness and coverage are 100 × share', () => {
    expect(timelinessComponent('0.75')).toBe('75.0000000000');
    expect(timelinessComponent(null)).toBe(H);
    expect(coverageComponent('0.5')).toBe('50.0000000000');
    expect(coverageComponent('1')).toBe(H);
    expect(coverageComponent(null)).toBe(H);
  });

  it('workloadComponent = 100 × min(workload ÷ norm, 1)', () => {
    expect(workloadComponent(3)).toBe('75.0000000000');
    expect(workloadComponent(4)).toBe(H);
    expect(workloadComponent(6)).toBe(H);
    expect(workloadComponent(0)).toBe('0.0000000000');
    expect(workloadComponent(3, '5')).toBe('60.0000000000');
    expect(workloadComponent(1, 3)).toBe('33.3333333333');
    expect(workloadComponent('2', '2.5')).toBe('80.0000000000');
    expect(workloadComponent(null)).toBe(H);
    expect(() => workloadComponent(3, 0)).toThrow(/norm must be positive/);
    expect(() => workloadComponent(2.5)).toThrow(RangeError);
  });

  it('attainmentComponent = 100 × min(attainment, 1)', () => {
    expect(attainmentComponent('0.8')).toBe('80.0000000000');
    expect(attainmentComponent('1.2')).toBe(H);
    expect(attainmentComponent(null)).toBe(H);
  });
});

describe('weights', () => {
  it('defaults match domain.md §6', () => {
    expect(DEFAULT_CLIENT_MANAGER_WEIGHTS).toEqual({
      assetQuality: '0.35',
      recovery: '0.30',
      reporting: '0.15',
      contact: '0.10',
      workload: '0.10',
    });
    expect(DEFAULT_BRANCH_WEIGHTS).toEqual({ npl: '0.50', recovery: '0.30', attainment: '0.20' });
    expect(Object.isFrozen(DEFAULT_CLIENT_MANAGER_WEIGHTS)).toBe(true);
  });

  it('weightsSumToOne is exact', () => {
    expect(weightsSumToOne(DEFAULT_CLIENT_MANAGER_WEIGHTS)).toBe(true);
    expect(weightsSumToOne(DEFAULT_BRANCH_WEIGHTS)).toBe(true);
    expect(0.35 + 0.3 + 0.15 + 0.1 + 0.1).not.toBe(1); // why floats are not used
    expect(weightsSumToOne({ a: '0.7', b: '0.2', c: '0.1' })).toBe(true);
    expect(weightsSumToOne({ a: '0.5', b: '0.49' })).toBe(false);
    expect(weightsSumToOne({ a: '0.5', b: '0.5000000001' })).toBe(false);
  });

  it('weightsAreValid also forbids negative weights', () => {
    expect(weightsAreValid(DEFAULT_CLIENT_MANAGER_WEIGHTS)).toBe(true);
    expect(weightsAreValid({ a: '1.5', b: '-0.5' })).toBe(false);
    expect(weightsAreValid({ a: '1', b: '0' })).toBe(true);
  });
});

describe('compositeScore', () => {
  const components = {
    assetQuality: '75',
    recovery: '92',
    reporting: '80',
    contact: '50',
    workload: '75',
  };

  it('sums weight × component and reports each contribution', () => {
    // 0.35×75 + 0.30×92 + 0.15×80 + 0.10×50 + 0.10×75 = 26.25 + 27.6 + 12 + 5 + 7.5 = 78.35
    const score = compositeScore(components, DEFAULT_CLIENT_MANAGER_WEIGHTS);
    expect(score.total).toBe('78.3500000000');
    expect(score.contributions).toEqual({
      assetQuality: '26.2500000000',
      recovery: '27.6000000000',
      reporting: '12.0000000000',
      contact: '5.0000000000',
      workload: '7.5000000000',
    });
  });

  it('gives 100 when every component is 100', () => {
    const all = { npl: H, recovery: H, attainment: H };
    expect(compositeScore(all, DEFAULT_BRANCH_WEIGHTS).total).toBe(H);
  });

  it('sums exact products before rounding', () => {
    // 0.5 × 33.33333333335 twice = 33.33333333335 exactly, though each half rounds up
    const s = compositeScore({ a: '33.33333333335', b: '33.33333333335' }, { a: '0.5', b: '0.5' });
    expect(s.total).toBe('33.3333333334');
    expect(s.contributions).toEqual({ a: '16.6666666667', b: '16.6666666667' });
  });

  it('rejects mismatched component and weight keys', () => {
    expect(() => compositeScore({ a: '1' } as Record<'a' | 'b', string>, { a: '0.5', b: '0.5' })).toThrow(
      /missing component b/,
    );
    expect(() => compositeScore({ a: '1', c: '2' } as Record<'a', string>, { a: '1' })).toThrow(/no weight.*c/);
  });

  it('clientManagerScore builds components from KPIs', () => {
    const kpis = {
      nplRatio: '0.05',
      recoveryRateYtd: '0.92',
      timelinessYtd: '0.8',
      contactCoverage: '0.5',
      workload: 3,
    };
    expect(clientManagerComponents(kpis)).toEqual({
      assetQuality: '75.0000000000',
      recovery: '92.0000000000',
      reporting: '80.0000000000',
      contact: '50.0000000000',
      workload: '75.0000000000',
    });
    expect(clientManagerScore(kpis).total).toBe('78.3500000000');
    // norm 3 makes workload 100: +0.10 × 25 = +2.5
    expect(clientManagerScore(kpis, DEFAULT_CLIENT_MANAGER_WEIGHTS, 3).total).toBe('80.8500000000');
  });

  it('null KPIs score 100 (nothing fell due, nothing was late)', () => {
    const s = clientManagerScore({
      nplRatio: null,
      recoveryRateYtd: null,
      timelinessYtd: null,
      contactCoverage: null,
      workload: null,
    });
    expect(s.total).toBe(H);
  });

  it('branchScore: 50% NPL, 30% recovery, 20% attainment', () => {
    const kpis = { nplRatio: '0.03', recoveryRateYtd: '0.9', attainment: '0.75' };
    expect(branchComponents(kpis)).toEqual({
      npl: '85.0000000000',
      recovery: '90.0000000000',
      attainment: '75.0000000000',
    });
    // 0.5×85 + 0.3×90 + 0.2×75 = 42.5 + 27 + 15 = 84.5
    expect(branchScore(kpis).total).toBe('84.5000000000');
  });
});

describe('rankings', () => {
  const key = (score: string, nplRatio: string, name: string, id: string | number): RankingKey => ({
    score,
    nplRatio,
    name,
    id,
  });

  it('orders by score descending first', () => {
    expect(compareRankingKeys(key('80', '0.5', 'b', 2), key('70', '0', 'a', 1))).toBeLessThan(0);
    expect(compareRankingKeys(key('70', '0', 'a', 1), key('80', '0.5', 'b', 2))).toBeGreaterThan(0);
  });

  it('treats equal scores at different scales as ties and breaks by lower NPL ratio', () => {
    expect(compareRankingKeys(key('78.35', '0.02', 'z', 9), key('78.3500000000', '0.03', 'a', 1))).toBeLessThan(0);
  });

  it('then by name in code-point order, then by id', () => {
    // 张 U+5F20 < 陈 U+9648 by code point, although pinyin would put chen before zhang
    expect(compareRankingKeys(key('80', '0.02', '张伟', 2), key('80', '0.02', '陈静', 1))).toBeLessThan(0);
    expect(compareRankingKeys(key('80', '0.02', 'Zhang', 2), key('80', '0.02', 'zhang', 1))).toBeLessThan(0);
    expect(compareRankingKeys(key('80', '0.02', 'Li', 9), key('80', '0.02', 'Li', 10))).toBeLessThan(0);
    expect(compareRankingKeys(key('80', '0.02', 'Li', '9'), key('80', '0.02', 'Li', '10'))).toBeLessThan(0);
    expect(compareRankingKeys(key('80', '0.02', 'Li', 5), key('80', '0.02', 'Li', 5))).toBe(0);
  });

  it('compareCodePoints differs from UTF-16 order for astral characters', () => {
    const bmp = '\uFFFF';
    const astral = '\u{1F600}';
    expect(astral < bmp).toBe(true); // UTF-16 code units
    expect(compareCodePoints(bmp, astral)).toBe(-1);
    expect(compareCodePoints('ab', 'abc')).toBe(-1);
    expect(compareCodePoints('abc', 'ab')).toBe(1);
    expect(compareCodePoints('', '')).toBe(0);
  });

  it('compareIds: numeric ids numerically, others by code point', () => {
    expect(compareIds('9', '10')).toBe(-1);
    expect(compareIds(10n, 9)).toBe(1);
    expect(compareIds('b-1', 'a-2')).toBe(1);
    expect(compareIds('007', '7')).not.toBe(0); // still a total order
  });

  it('quartile = ⌈4 × rank ÷ count⌉', () => {
    expect(quartile(1, 10)).toBe(1); // ⌈0.4⌉
    expect(quartile(2, 10)).toBe(1); // ⌈0.8⌉
    expect(quartile(3, 10)).toBe(2); // ⌈1.2⌉
    expect(quartile(5, 10)).toBe(2); // ⌈2.0⌉
    expect(quartile(6, 10)).toBe(3); // ⌈2.4⌉
    expect(quartile(7, 10)).toBe(3); // ⌈2.8⌉
    expect(quartile(8, 10)).toBe(4); // ⌈3.2⌉
    expect(quartile(10, 10)).toBe(4);
    expect(quartile(1, 4)).toBe(1);
    expect(quartile(4, 4)).toBe(4);
    expect(quartile(1, 1)).toBe(4); // a lone entry lands in the last quarter by the formula
    expect(quartile(760, 760)).toBe(4);
    expect(quartile(190, 760)).toBe(1);
    expect(quartile(191, 760)).toBe(2);
  });

  it('quartiles split 8 entries 2/2/2/2', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((r) => quartile(r, 8))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('quartile rejects impossible ranks', () => {
    expect(() => quartile(0, 10)).toThrow(RangeError);
    expect(() => quartile(11, 10)).toThrow(RangeError);
    expect(() => quartile(1.5, 10)).toThrow(RangeError);
    expect(() => quartile(1, 0)).toThrow(RangeError);
  });

  it('rankByScore gives a total order with ranks and quartiles', () => {
    const people = [
      key('70.00', '0.01', 'Wang', 1),
      key('85.10', '0.05', 'Li', 2),
      key('85.1', '0.02', 'Zhao', 3),
      key('85.10', '0.02', 'Sun', 4),
      key('60', '0', 'Zhou', 5),
    ];
    const ranked = rankByScore(people);
    expect(ranked.map((r) => [r.name, r.rank, r.quartile])).toEqual([
      ['Sun', 1, 1], // 85.10, npl 0.02, S < Z
      ['Zhao', 2, 2], // ⌈8/5⌉
      ['Li', 3, 3], // 85.10 but npl 0.05
      ['Wang', 4, 4], // ⌈16/5⌉
      ['Zhou', 5, 4],
    ]);
    expect(people[0]?.name).toBe('Wang'); // input untouched
    expect(rankByScore([])).toEqual([]);
  });

  it('rankChange = previous − current', () => {
    expect(rankChange(5, 3)).toBe(2);
    expect(rankChange(3, 5)).toBe(-2);
    expect(rankChange(null, 3)).toBeNull();
    expect(rankChange(undefined, 3)).toBeNull();
  });
});

describe('workload', () => {
  it('deviation = workload ÷ norm', () => {
    expect(workloadDeviation(6)).toBe('1.5000000000');
    expect(workloadDeviation(5, '4')).toBe('1.2500000000');
    expect(workloadDeviation(1, 3)).toBe('0.3333333333');
    expect(() => workloadDeviation(1, '0')).toThrow(RangeError);
  });

  it('flags strictly above 1.5 and strictly below 0.5', () => {
    expect(workloadFlag(workloadDeviation(6))).toBe('normal'); // 1.5 exactly
    expect(workloadFlag(workloadDeviation(7))).toBe('overloaded'); // 1.75
    expect(workloadFlag('1.5000000001')).toBe('overloaded');
    expect(workloadFlag(workloadDeviation(2))).toBe('normal'); // 0.5 exactly
    expect(workloadFlag(workloadDeviation(1))).toBe('underloaded'); // 0.25
    expect(workloadFlag(workloadDeviation(0))).toBe('underloaded');
    expect(workloadFlag('0.4999999999')).toBe('underloaded');
  });
});

describe('yearEndProjection', () => {
  it('extends the least-squares line to December', () => {
    // slope 0.01, intercept 0.01 → 0.01 + 12 × 0.01
    expect(
      yearEndProjection([
        { monthIndex: 1, value: '0.02' },
        { monthIndex: 2, value: '0.03' },
        { monthIndex: 3, value: '0.04' },
      ]),
    ).toBe('0.1300000000');
  });

  it('fits non-collinear points', () => {
    // x̄ = 2, ȳ = 2, Sxy = 1, Sxx = 2 → slope 0.5; ŷ(12) = 2 + 0.5 × 10 = 7
    expect(
      yearEndProjection([
        { monthIndex: 1, value: '1' },
        { monthIndex: 2, value: '3' },
        { monthIndex: 3, value: '2' },
      ]),
    ).toBe('7.0000000000');
    // x̄ = 2, ȳ = 1/3, Sxy = 1, Sxx = 2 → ŷ(12) = 1/3 + 5 = 5.333…
    expect(
      yearEndProjection([
        { monthIndex: 1, value: '0' },
        { monthIndex: 2, value: '0' },
        { monthIndex: 3, value: '1' },
      ]),
    ).toBe('5.3333333333');
  });

  it('does not need consecutive or ordered months', () => {
    // (3, 0.04), (1, 0.05): slope −0.005 → 0.05 + 11 × (−0.005) = −0.005 (a straight line, not clipped)
    expect(
      yearEndProjection([
        { monthIndex: 3, value: '0.04' },
        { monthIndex: 1, value: '0.05' },
      ]),
    ).toBe('-0.0050000000');
  });

  it('returns the fitted, not the observed, December value for a full year', () => {
    const values = Array.from({ length: 12 }, (_, i) => ({ monthIndex: i + 1, value: `0.0${i % 2 === 0 ? 2 : 4}` }));
    // alternating 0.02/0.04: x̄ = 6.5, ȳ = 0.03, Sxx = 143, Sxy = Σ(x−x̄)(y−ȳ) = 6 × 0.01 = 0.06
    // ŷ(12) = 0.03 + (0.06/143) × 5.5 = 0.03 + 0.33/143 = 0.0323076923…
    expect(yearEndProjection(values)).toBe('0.0323076923');
  });

  it('one point → that value; none → null', () => {
    expect(yearEndProjection([{ monthIndex: 7, value: '0.05' }])).toBe('0.0500000000');
    expect(yearEndProjection([])).toBeNull();
  });

  it('rounds half-up at the 10th place', () => {
    // the line through (1, 0) and (12, v) passes through v at December
    expect(
      yearEndProjection([
        { monthIndex: 1, value: '0' },
        { monthIndex: 12, value: '0.00000000005' },
      ]),
    ).toBe('0.0000000001');
    expect(
      yearEndProjection([
        { monthIndex: 1, value: '0' },
        { monthIndex: 12, value: '-0.00000000005' },
      ]),
    ).toBe('-0.0000000001');
  });

  it('supports another evaluation month', () => {
    expect(
      yearEndProjection(
        [
          { monthIndex: 1, value: '0.02' },
          { monthIndex: 2, value: '0.03' },
        ],
        6,
      ),
    ).toBe('0.0700000000');
  });

  it('rejects bad month indexes and duplicates', () => {
    expect(() => yearEndProjection([{ monthIndex: 13, value: '1' }])).toThrow(RangeError);
    expect(() => yearEndProjection([{ monthIndex: 0, value: '1' }])).toThrow(RangeError);
    expect(() =>
      yearEndProjection([
        { monthIndex: 2, value: '1' },
        { monthIndex: 2, value: '2' },
      ]),
    ).toThrow(/duplicate/);
    expect(() => yearEndProjection([{ monthIndex: 1, value: 'x' }])).toThrow(/Invalid decimal/);
  });
});

describe('targets', () => {
  it('NPL gap in basis points', () => {
    expect(targetGapBps('0.0345', '0.03')).toBe('45.0000000000');
    expect(targetGapBps('0.02', '0.03')).toBe('-100.0000000000');
    expect(targetGapBps('0.0425', '0.03')).toBe('125.0000000000');
    expect(targetGapBps(null, '0.03')).toBeNull();
    expect(targetGapBps('0.03', null)).toBeNull();
  });

  it('recovery gap in percentage points', () => {
    expect(targetGapPp('0.92', '0.95')).toBe('-3.0000000000');
    expect(targetGapPp('0.9612', '0.95')).toBe('1.1200000000');
    expect(targetGapPp(null, '0.95')).toBeNull();
  });

  it('target met when NPL ≤ target and recovery ≥ target (bounds inclusive)', () => {
    expect(targetMet('0.03', '0.03', '0.95', '0.95')).toBe(true);
    expect(targetMet('0.0301', '0.03', '1', '0.95')).toBe(false);
    expect(targetMet('0.02', '0.03', '0.9499', '0.95')).toBe(false);
    expect(targetMet('0.04', '0.03', '0.5', '0.95')).toBe(false);
  });

  it('a null recovery rate (nothing fell due) does not miss the target', () => {
    expect(targetMet('0.02', '0.03', null, '0.95')).toBe(true);
    expect(targetMet('0.05', '0.03', null, '0.95')).toBe(false);
  });
});
