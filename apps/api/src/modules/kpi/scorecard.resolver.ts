import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { MonthScalar } from '../../common/scalars.js';
import { badInput } from '../../common/errors.js';
import { MAX_PAGE_SIZE } from '../../common/pagination.js';
import { OrgUnitType, orgLoaders } from '../organization/index.js';
import { ScorecardService } from './scorecard.service.js';
import { selectRows, summaryOf } from './scorecard.rows.js';
import { BranchScorecardOrderInput, BranchScorecardReportType, BranchScorecardSummaryType, BranchScorecardType } from './scorecard.types.js';

@Resolver(() => BranchScorecardType)
export class BranchScorecardResolver {
  @Authorized('executive', 'hq_planner', 'branch_head')
  @Query(() => BranchScorecardReportType, { description: 'Branch scorecards: each branch’s NPL ratio and year-to-date recovery rate against its annual target, plan attainment, score, rank, rank change and year-end projections. Rows come ordered by rank unless `rows(orderBy)` says otherwise.' })
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

@Resolver(() => BranchScorecardReportType)
export class BranchScorecardReportResolver {
  @FieldResolver(() => [BranchScorecardType], {
    description: 'Branch scorecards: every branch ordered by rank by default; `branchIds` keeps only those branches, `orderBy` sorts, `first` keeps the first n (e.g. the ten furthest from target). Alias the field to ask for several orders in one request.',
  })
  rows(
    @Root() report: BranchScorecardReportType,
    @Arg('first', () => Int, { nullable: true, description: `Only the first n rows (1–${MAX_PAGE_SIZE}); default: every row.` }) first?: number | null,
    @Arg('orderBy', () => BranchScorecardOrderInput, { nullable: true, description: 'Sort order; default: rank, best first.' }) orderBy?: BranchScorecardOrderInput | null,
    @Arg('branchIds', () => [ID], { nullable: true, description: 'Only these branches (ids); default: every branch.' }) branchIds?: string[] | null,
  ): readonly BranchScorecardType[] {
    if (first !== null && first !== undefined && (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)) throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
    if (branchIds && branchIds.length > MAX_PAGE_SIZE) throw badInput('branchIds', `at most ${MAX_PAGE_SIZE} ids`);
    const ids = branchIds?.map((id) => {
      if (!/^\d{1,9}$/.test(id)) throw badInput('branchIds', `${id} is not an id`);
      return Number(id);
    });
    return selectRows(report, { first, orderBy, branchIds: ids });
  }

  @FieldResolver(() => BranchScorecardSummaryType, { description: 'Branches meeting and missing their targets, over every branch.' })
  summary(@Root() report: BranchScorecardReportType): BranchScorecardSummaryType {
    return summaryOf(report);
  }
}
