import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { decodeCursor, pageSize, toConnection, type ConnectionShape } from '../../common/pagination.js';
import { DecimalScalar, MonthScalar } from '../../common/scalars.js';
import { badInput } from '../../common/errors.js';
import { orgLoaders, OrgUnitType, StaffType, TeamType } from '../organization/index.js';
import { PerformanceRepository } from './performance.repository.js';
import { BranchWorkloadDistributionType, ClientManagerWorkloadConnection, ClientManagerWorkloadType } from './performance.types.js';
import { parseId, personScope, resolveMonth, resolveNorm } from './performance.service.js';

@Resolver(() => ClientManagerWorkloadType)
export class WorkloadResolver {
  @Query(() => ClientManagerWorkloadConnection, {
    description: 'Workload (工作量) of every client manager at a month with its deviation from the norm (domain.md §6), heaviest first (workload desc, then name, then id). Client managers without projects are included (workload 0, underloaded).',
  })
  async workloads(
    @Ctx() ctx: Context,
    @Arg('month', () => MonthScalar, { nullable: true, description: 'Month (default: the latest month with statements).' }) month?: string | null,
    @Arg('branchId', () => ID, { nullable: true, description: 'Only client managers of this branch.' }) branchId?: string | null,
    @Arg('teamId', () => ID, { nullable: true, description: 'Only client managers of this sector team.' }) teamId?: string | null,
    @Arg('norm', () => DecimalScalar, { nullable: true, description: 'Workload norm (projects per client manager); default: the `workload_norm` setting, 4 when unset.' }) norm?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–500 (default 50).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor: rows after this one (`pageInfo.endCursor`).' }) after?: string | null,
  ): Promise<ConnectionShape<ClientManagerWorkloadType>> {
    const size = pageSize(first);
    const scope = personScope(ctx);
    const filter = { branchId: parseId('branchId', branchId), teamId: parseId('teamId', teamId) };
    const cursor = decodeCursor(after, 3);
    if (cursor && (typeof cursor[0] !== 'number' || typeof cursor[1] !== 'string' || typeof cursor[2] !== 'number')) throw badInput('after', 'is not a cursor from this list');
    const m = await resolveMonth(ctx, month);
    const n = await resolveNorm(ctx, norm);
    const rows = await new PerformanceRepository(ctx.em).workloadPage({ scope, month: m, norm: n, ...filter }, size + 1, cursor as [number, string, number] | null ?? null);
    const data = rows.filter((r) => r.id !== null);
    return toConnection(data, size, rows[0]?.total ?? 0, after, (r) => [r.activeProjects, r.name, r.id], (r) => ({ ...r, id: r.id!, norm: n }));
  }

  @Query(() => [BranchWorkloadDistributionType], {
    description: 'Per branch (分行): how client-manager workloads are spread at a month — count, mean, min, quartiles (percentile_cont), max, overloaded and underloaded counts and a histogram.',
  })
  async workloadDistribution(
    @Ctx() ctx: Context,
    @Arg('month', () => MonthScalar, { nullable: true, description: 'Month (default: the latest month with statements).' }) month?: string | null,
    @Arg('norm', () => DecimalScalar, { nullable: true, description: 'Workload norm; default: the `workload_norm` setting, 4 when unset.' }) norm?: string | null,
  ): Promise<BranchWorkloadDistributionType[]> {
    const m = await resolveMonth(ctx, month);
    const n = await resolveNorm(ctx, norm);
    const rows = await new PerformanceRepository(ctx.em).workloadDistribution(m, n);
    return rows.map((r) => ({
      ...r,
      norm: n,
      histogram: r.histogram.map((h) => ({ from: h.from, to: h.from === 10 ? null : h.from, count: h.count })),
    }));
  }

  @FieldResolver(() => StaffType, { description: 'The client manager.' })
  async staff(@Root() w: ClientManagerWorkloadType, @Ctx() ctx: Context): Promise<StaffType> {
    return (await orgLoaders(ctx).staff.load(w.id))!;
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'Branch (分行) the client manager sits in.' })
  branch(@Root() w: ClientManagerWorkloadType, @Ctx() ctx: Context): Promise<OrgUnitType | null> | null {
    return w.branchId === null ? null : orgLoaders(ctx).unit.load(w.branchId);
  }

  @FieldResolver(() => TeamType, { nullable: true, description: 'Sector team of the client manager.' })
  team(@Root() w: ClientManagerWorkloadType, @Ctx() ctx: Context): Promise<TeamType | null> | null {
    return w.teamId === null ? null : orgLoaders(ctx).team.load(w.teamId);
  }
}

@Resolver(() => BranchWorkloadDistributionType)
export class BranchWorkloadDistributionResolver {
  @FieldResolver(() => OrgUnitType, { description: 'The branch.' })
  async branch(@Root() d: BranchWorkloadDistributionType, @Ctx() ctx: Context): Promise<OrgUnitType> {
    return (await orgLoaders(ctx).unit.load(d.branchId))!;
  }
}
