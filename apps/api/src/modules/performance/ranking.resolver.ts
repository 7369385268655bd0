import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { decodeCursor, pageSize, toConnection, type ConnectionShape } from '../../common/pagination.js';
import { MonthScalar } from '../../common/scalars.js';
import { badInput } from '../../common/errors.js';
import { StaffRoleEnum } from '../organization/organization.enums.js';
import { orgLoaders, OrgUnitType, StaffType, TeamType } from '../organization/index.js';
import { PerformanceRepository, type RankingRow } from './performance.repository.js';
import {
  ClientManagerRankingReportType,
  RankedClientManagerConnection,
  RankedClientManagerType,
  ScoreDistributionType,
} from './performance.types.js';
import { parseId, parseRole, personScope, resolveMonth, resolveNorm, resolveWeightVersion } from './performance.service.js';

function toRanked(r: RankingRow): RankedClientManagerType {
  return {
    id: r.id!,
    branchId: r.branchId,
    teamId: r.teamId,
    score: r.score,
    rank: r.rank,
    branchRank: r.branchRank,
    quartile: r.quartile,
    previousRank: r.previousRank,
    rankChange: r.previousRank === null ? null : r.previousRank - r.rank,
    nplRatio: r.nplRatio,
    activeProjects: r.activeProjects,
    components: [
      { component: 'asset_quality', kpiValue: r.nplRatio, normalized: r.cAq, weight: r.wAq, contribution: r.xAq },
      { component: 'recovery', kpiValue: r.recoveryRate, normalized: r.cRec, weight: r.wRec, contribution: r.xRec },
      { component: 'reporting', kpiValue: r.timeliness, normalized: r.cRep, weight: r.wRep, contribution: r.xRep },
      { component: 'contact', kpiValue: r.coverage, normalized: r.cCon, weight: r.wCon, contribution: r.xCon },
      { component: 'workload', kpiValue: r.deviation, normalized: r.cWl, weight: r.wWl, contribution: r.xWl },
    ],
  };
}

function distribution(report: ClientManagerRankingReportType, ctx: Context): Promise<ScoreDistributionType> {
  report.distributionPromise ??= new PerformanceRepository(ctx.em).scoreDistribution(report.params).then((d) => ({
    count: d.count,
    mean: d.mean,
    median: d.median,
    topDecile: { threshold: d.topThreshold, count: d.topCount },
    bottomDecile: { threshold: d.bottomThreshold, count: d.bottomCount },
    buckets: d.buckets.map((b) => ({ from: b.from, to: b.from + 10, count: b.count })),
  }));
  return report.distributionPromise;
}

@Resolver(() => ClientManagerRankingReportType)
export class RankingResolver {
  @Query(() => ClientManagerRankingReportType, {
    description: 'Client managers ranked by composite performance score (绩效得分, domain.md §6) at a month. Filters restrict the rows shown and the distribution; `rank` is always bank-wide, `branchRank` within the branch.',
  })
  async clientManagerRanking(
    @Ctx() ctx: Context,
    @Arg('month', () => MonthScalar, { nullable: true, description: 'Month (default: the latest month with statements).' }) month?: string | null,
    @Arg('branchId', () => ID, { nullable: true, description: 'Only show client managers of this branch.' }) branchId?: string | null,
    @Arg('teamId', () => ID, { nullable: true, description: 'Only show client managers of this sector team.' }) teamId?: string | null,
    @Arg('role', () => StaffRoleEnum, { nullable: true, description: 'Only show CLIENT_MANAGER or SENIOR_CLIENT_MANAGER.' }) role?: string | null,
    @Arg('weightVersion', () => Int, { nullable: true, description: 'Client-manager weight version number (default: the latest published by the end of the month).' }) weightVersion?: number | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size of `rows`, 1–500 (default 50).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor: rows after this one (`rows.pageInfo.endCursor`).' }) after?: string | null,
  ): Promise<ClientManagerRankingReportType> {
    const size = pageSize(first);
    const scope = personScope(ctx);
    const cursor = decodeCursor(after, 1);
    if (cursor && !Number.isInteger(cursor[0])) throw badInput('after', 'is not a cursor from this list');
    const b = parseId('branchId', branchId);
    const t = parseId('teamId', teamId);
    const r = parseRole(role);
    if (weightVersion !== null && weightVersion !== undefined && weightVersion < 1) throw badInput('weightVersion', 'must be 1 or more');
    const m = await resolveMonth(ctx, month);
    const [norm, version] = await Promise.all([resolveNorm(ctx, null), resolveWeightVersion(ctx, weightVersion, m)]);
    return {
      month: m,
      norm,
      weightVersion: version,
      params: { scope, month: m, norm, versionId: version.id, branchId: b, teamId: t, role: r, first: size, after },
    };
  }

  @FieldResolver(() => Int, { description: 'Number of client managers ranked in the filtered population.' })
  async count(@Root() report: ClientManagerRankingReportType, @Ctx() ctx: Context): Promise<number> {
    return (await distribution(report, ctx)).count;
  }

  @FieldResolver(() => RankedClientManagerConnection, { description: 'The ranked client managers of the filtered population, best first (by bank-wide rank).' })
  async rows(@Root() report: ClientManagerRankingReportType, @Ctx() ctx: Context): Promise<ConnectionShape<RankedClientManagerType>> {
    const p = report.params;
    const cursor = decodeCursor(p.after, 1);
    const rows = await new PerformanceRepository(ctx.em).rankingPage(p, p.first + 1, cursor ? (cursor[0] as number) : null);
    const data = rows.filter((x) => x.id !== null);
    return toConnection(data, p.first, rows[0]?.total ?? 0, p.after, (x) => [x.rank], toRanked);
  }

  @FieldResolver(() => ScoreDistributionType, { description: 'Score distribution of the filtered population.' })
  distribution(@Root() report: ClientManagerRankingReportType, @Ctx() ctx: Context): Promise<ScoreDistributionType> {
    return distribution(report, ctx);
  }
}

@Resolver(() => RankedClientManagerType)
export class RankedClientManagerResolver {
  @FieldResolver(() => StaffType, { description: 'The client manager.' })
  async staff(@Root() r: RankedClientManagerType, @Ctx() ctx: Context): Promise<StaffType> {
    return (await orgLoaders(ctx).staff.load(r.id))!;
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'Branch (分行) of the client manager.' })
  branch(@Root() r: RankedClientManagerType, @Ctx() ctx: Context): Promise<OrgUnitType | null> | null {
    return r.branchId === null ? null : orgLoaders(ctx).unit.load(r.branchId);
  }

  @FieldResolver(() => TeamType, { nullable: true, description: 'Sector team of the client manager.' })
  team(@Root() r: RankedClientManagerType, @Ctx() ctx: Context): Promise<TeamType | null> | null {
    return r.teamId === null ? null : orgLoaders(ctx).team.load(r.teamId);
  }
}
