import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { MonthScalar } from '../../common/scalars.js';
import { OrgUnitType, orgLoaders } from '../organization/index.js';
import { ScorecardService } from './scorecard.service.js';
import { BranchScorecardReportType, BranchScorecardType } from './scorecard.types.js';

@Resolver(() => BranchScorecardType)
export class BranchScorecardResolver {
  @Authorized('executive', 'hq_planner', 'branch_head')
  @Query(() => BranchScorecardReportType, { description: 'Branch scorecards: each branch’s NPL ratio and year-to-date recovery rate against its annual target, plan attainment, score, rank, rank change and year-end projections. Rows come ordered by rank.' })
  branchScorecards(
    @Arg('month', () => MonthScalar, { nullable: true, description: 'Month; default: the latest month that has statements.' }) month: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<BranchScorecardReportType> {
    return new ScorecardService(ctx.em).report(month);
  }

  @FieldResolver(() => OrgUnitType, { description: 'The branch (分行).' })
  async branch(@Root() r: BranchScorecardType, @Ctx() ctx: Context): Promise<OrgUnitType> {
    return (await orgLoaders(ctx).unit.load(r.branchId))!;
  }
}
