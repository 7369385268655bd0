import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Month } from '@loan-desk/domain';
import type { Context } from '../../context.js';
import { DateScalar, DecimalScalar, MonthScalar } from '../../common/scalars.js';
import { KpiPeriod } from './kpi.enums.js';
import { KpiScopeInput } from './kpi.inputs.js';
import { change, comparisonKey, comparisonLoader, KpiService } from './kpi.service.js';
import { KpiPointType, KpiSnapshotType } from './kpi.types.js';
import { authorizeKpiScope } from './kpi-access.js';

const AS_OF_DESCRIPTION = 'Date at which unsubmitted statements are judged for report timeliness (late once their due date, the 10th of the following month, is before it; left out while not yet due). Default: today.';

@Resolver(() => KpiSnapshotType)
export class KpiResolver {
  @Query(() => KpiSnapshotType, { description: 'The KPIs of domain.md section 6 for one scope and month, with comparisons to the previous month and the same month last year.' })
  async kpi(
    @Arg('scope', () => KpiScopeInput, { description: 'Which projects to cover.' }) scope: KpiScopeInput,
    @Arg('month', () => MonthScalar, { nullable: true, description: 'The month m; default: the latest month that has statements.' }) month: string | null | undefined,
    @Arg('period', () => KpiPeriod, { defaultValue: KpiPeriod.MONTH, description: 'Period of the flow KPIs (recovery rate, report timeliness).' }) period: KpiPeriod,
    @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF_DESCRIPTION }) asOf: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<KpiSnapshotType> {
    await authorizeKpiScope(ctx, scope);
    return new KpiService(ctx.em).snapshot(scope, month, period, asOf, ctx.em);
  }

  @Query(() => [KpiPointType], { description: `The same KPIs month by month, one point per month from \`from\` to \`to\` (at most 60 months), computed in set-based queries.` })
  async kpiSeries(
    @Arg('scope', () => KpiScopeInput, { description: 'Which projects to cover.' }) scope: KpiScopeInput,
    @Arg('from', () => MonthScalar, { description: 'First month (inclusive).' }) from: string,
    @Arg('to', () => MonthScalar, { description: 'Last month (inclusive).' }) to: string,
    @Arg('period', () => KpiPeriod, { defaultValue: KpiPeriod.MONTH, description: 'Period of the flow KPIs of each point.' }) period: KpiPeriod,
    @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF_DESCRIPTION }) asOf: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<KpiPointType[]> {
    await authorizeKpiScope(ctx, scope);
    return new KpiService(ctx.em).series(scope, from as Month, to as Month, period, asOf, ctx.em);
  }

  @FieldResolver(() => KpiSnapshotType, { nullable: true, description: 'Same scope and period one month earlier; null when the bank has no statements for that month.' })
  previousMonth(@Root() s: KpiSnapshotType, @Ctx() ctx: Context): Promise<KpiSnapshotType | null> {
    return comparisonLoader(ctx).load(comparisonKey(s, 1));
  }

  @FieldResolver(() => KpiSnapshotType, { nullable: true, description: 'Same scope and period twelve months earlier; null when the bank has no statements for that month.' })
  sameMonthLastYear(@Root() s: KpiSnapshotType, @Ctx() ctx: Context): Promise<KpiSnapshotType | null> {
    return comparisonLoader(ctx).load(comparisonKey(s, 12));
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'NPL ratio change vs the previous month, in basis points (this − previous) × 10,000; null without a previous month.' })
  async nplRatioChangeBps(@Root() s: KpiSnapshotType, @Ctx() ctx: Context): Promise<string | null> {
    const p = await comparisonLoader(ctx).load(comparisonKey(s, 1));
    return change(s.nplRatio, p?.nplRatio, '10000', 6);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'NPL ratio change vs the same month last year, in basis points; null without that month.' })
  async nplRatioChangeBpsYoY(@Root() s: KpiSnapshotType, @Ctx() ctx: Context): Promise<string | null> {
    const p = await comparisonLoader(ctx).load(comparisonKey(s, 12));
    return change(s.nplRatio, p?.nplRatio, '10000', 6);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'Recovery rate change vs the previous month, in percentage points (this − previous) × 100; null when either rate is null.' })
  async recoveryRateChangePp(@Root() s: KpiSnapshotType, @Ctx() ctx: Context): Promise<string | null> {
    const p = await comparisonLoader(ctx).load(comparisonKey(s, 1));
    return change(s.recoveryRate, p?.recoveryRate, '100', 8);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'Recovery rate change vs the same month last year, in percentage points; null when either rate is null.' })
  async recoveryRateChangePpYoY(@Root() s: KpiSnapshotType, @Ctx() ctx: Context): Promise<string | null> {
    const p = await comparisonLoader(ctx).load(comparisonKey(s, 12));
    return change(s.recoveryRate, p?.recoveryRate, '100', 8);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'Outstanding balance change vs the previous month (this − previous); null without a previous month.' })
  async outstandingBalanceChange(@Root() s: KpiSnapshotType, @Ctx() ctx: Context): Promise<string | null> {
    const p = await comparisonLoader(ctx).load(comparisonKey(s, 1));
    return change(s.outstandingBalance, p?.outstandingBalance, '1', 2);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'Outstanding balance change vs the same month last year; null without that month.' })
  async outstandingBalanceChangeYoY(@Root() s: KpiSnapshotType, @Ctx() ctx: Context): Promise<string | null> {
    const p = await comparisonLoader(ctx).load(comparisonKey(s, 12));
    return change(s.outstandingBalance, p?.outstandingBalance, '1', 2);
  }
}
