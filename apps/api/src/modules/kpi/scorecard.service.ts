import type { EntityManager } from '@mikro-orm/postgresql';
import { type Month, addMonths, compareDecimal, DEFAULT_BRANCH_WEIGHTS, formatDecimal, KPI_SCALE, yearEndProjection, yearOf } from '@loan-desk/domain';
import { PlanningRepository, toDate } from '../planning/planning.repository.js';
import type { BranchTargetType } from '../planning/planning.types.js';
import { KpiService } from './kpi.service.js';
import { ScorecardRepository, type BranchWeights, type MonthlyBranchValue } from './scorecard.repository.js';
import type { BranchScorecardReportType, BranchScorecardType, BranchScoreWeightVersionType } from './scorecard.types.js';
import { cached, freshnessOf } from '../rollup/rollup.cache.js';
import { inWriteTransaction } from '../../db/read-replica.js';

/** Keeps a projected value inside [min, max] (a straight line can leave the meaningful range). */
function clamp(v: string | null, min: string, max?: string): string | null {
  if (v === null) return null;
  if (compareDecimal(v, min) < 0) return formatDecimal(min, KPI_SCALE);
  if (max !== undefined && compareDecimal(v, max) > 0) return formatDecimal(max, KPI_SCALE);
  return v;
}

function project(values: MonthlyBranchValue[], pick: (v: MonthlyBranchValue) => string | null): string | null {
  const points = values.flatMap((v) => {
    const value = pick(v);
    return value === null ? [] : [{ monthIndex: v.monthIndex, value }];
  });
  return yearEndProjection(points);
}

/** The branch weight version in force with its weights (undefined: none published, defaults apply). */
type PublishedWeights = Awaited<ReturnType<ScorecardRepository['latestBranchWeights']>>;

export class ScorecardService {
  constructor(private readonly em: EntityManager) {}

  /**
   * The scorecards of every branch: from the rollups while they are fresh (cached per rollup and
   * configuration generation, day and weight version in force), otherwise from the base tables.
   */
  async report(monthInput: string | null | undefined): Promise<BranchScorecardReportType> {
    const { month } = await new KpiService(this.em).defaults(monthInput, '1970-01-01');
    const [freshness, published] = await Promise.all([freshnessOf(this.em), new ScorecardRepository(this.em).latestBranchWeights()]);
    // Keyed by the weight version too: a version published for a later time takes effect then,
    // without any generation change.
    return cached(freshness, `scorecards|${month}|${published?.version.id ?? 'default'}`, () => this.compute(month, !freshness.stale, published), !inWriteTransaction(this.em));
  }

  /** The report computed from the rollups (`fromRollups`) or the base tables. */
  async compute(month: Month, fromRollups: boolean, publishedWeights: PublishedWeights | 'load' = 'load'): Promise<BranchScorecardReportType> {
    const year = yearOf(month);
    const repo = new ScorecardRepository(this.em);

    const published = publishedWeights === 'load' ? await repo.latestBranchWeights() : publishedWeights;
    const weightOf = (c: keyof BranchWeights, fallback: string) =>
      published ? (published.weights.find((w) => w.component === c)?.weight ?? '0') : fallback;
    const weights: BranchWeights = {
      npl: weightOf('npl', DEFAULT_BRANCH_WEIGHTS.npl),
      recovery: weightOf('recovery', DEFAULT_BRANCH_WEIGHTS.recovery),
      attainment: weightOf('attainment', DEFAULT_BRANCH_WEIGHTS.attainment),
    };
    const weightVersion: BranchScoreWeightVersionType | null = published ? { ...published.version, publishedAt: toDate(published.version.publishedAt), weights: published.weights } : null;

    const previous = addMonths(month, -1);
    const [scores, monthly] = await Promise.all([repo.scores([previous, month], weights, fromRollups), repo.monthlyValues(month, fromRollups)]);
    const current = scores.filter((r) => r.month === month);
    const previousRows = scores.filter((r) => r.month === previous && r.hasStatements);
    const previousRank = new Map(previousRows.map((r) => [r.branchId, r.rank]));
    const targets = new Map<number, BranchTargetType>(
      (await new PlanningRepository(this.em).targetsOf(current.map((r) => r.branchId), year)).map((t) => [t.branchId, t]),
    );
    const byBranch = new Map<number, MonthlyBranchValue[]>();
    for (const v of monthly) byBranch.set(v.branchId, [...(byBranch.get(v.branchId) ?? []), v]);

    const rows: BranchScorecardType[] = current.map((r) => {
      const target = targets.get(r.branchId) ?? null;
      const values = byBranch.get(r.branchId) ?? [];
      const prev = previousRank.get(r.branchId) ?? null;
      return {
        branchId: r.branchId,
        target,
        nplRatio: { actual: r.nplRatio, target: r.targetNplRatio, gapBps: r.nplGapBps, met: r.nplMet },
        recoveryRateYtd: { actual: r.recoveryRateYtd, target: r.targetRecoveryRate, gapPp: r.recoveryGapPp, met: r.recoveryMet },
        repaidYtd: r.repaidYtd,
        planAttainment: r.planAttainment,
        met: target === null ? null : Boolean(r.nplMet && r.recoveryMet),
        score: r.score,
        components: [
          { component: 'npl', value: r.nplRatio, normalized: r.nplComponent, weight: weights.npl, contribution: r.nplContribution },
          { component: 'recovery', value: r.recoveryRateYtd, normalized: r.recoveryComponent, weight: weights.recovery, contribution: r.recoveryContribution },
          { component: 'attainment', value: r.planAttainment, normalized: r.attainmentComponent, weight: weights.attainment, contribution: r.attainmentContribution },
        ],
        rank: r.rank,
        quartile: r.quartile,
        previousRank: prev,
        rankChange: prev === null ? null : prev - r.rank,
        projection: {
          nplRatio: clamp(project(values, (v) => v.nplRatio), '0', '1'),
          recoveryRateYtd: clamp(project(values, (v) => v.recoveryRateYtd), '0'),
          months: values.length,
        },
      };
    });
    return { month, year, weightVersion, rows };
  }
}
