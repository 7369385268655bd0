import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { DecimalScalar, MonthScalar } from '../../common/scalars.js';
import { byKey, groupByKey } from '../../common/loaders.js';
import { notFound } from '../../common/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { orgLoaders } from './organization.loaders.js';
import { OrgUnitType } from './organization.types.js';
import { StaffingRepository } from './staffing.repository.js';
import { StaffingService } from './staffing.service.js';
import {
  BranchStaffingNeedType, CreateStaffingScenarioInput, StaffingLineType, StaffingPlanType, StaffingScenarioType,
  StaffingWhatIfType, UpdateStaffingScenarioInput,
} from './staffing.types.js';

const scenarioLoader = (ctx: Context) =>
  ctx.loaders.get<number, StaffingScenarioType>('staffing.scenario', async (ids) => byKey(ids, await new StaffingRepository(ctx.em).scenarios(ids), (r) => r.id));

/** The scenario with its lines, as recorded in the audit trail. */
async function scenarioSnapshot(em: Context['em'], id: number): Promise<unknown> {
  const repo = new StaffingRepository(em);
  const [s] = await repo.scenarios([id]);
  if (!s) return null;
  const lines = await repo.linesOf([id]);
  return { ...s, lines: lines.map((l) => ({ unitId: l.unitId, role: l.role, headcount: l.headcount })) };
}

@Resolver()
export class StaffingResolver {
  @Authorized('executive', 'hq_planner', 'branch_head')
  @Query(() => StaffingPlanType, { description: 'The staffing plan (人员规模): scenarios with derived totals and the table of domain.md section 3.' })
  staffingPlan(
    @Ctx() ctx: Context,
    @Arg('changeFrom', () => ID, { nullable: true, description: 'Scenario the change column starts from (default: the second-to-last scenario).' }) changeFrom?: string | null,
    @Arg('changeTo', () => ID, { nullable: true, description: 'Scenario the change column ends at (default: the last scenario).' }) changeTo?: string | null,
  ): Promise<StaffingPlanType> {
    return new StaffingService(ctx.em).plan(changeFrom ? Number(changeFrom) : null, changeTo ? Number(changeTo) : null);
  }

  @Authorized('executive', 'hq_planner', 'branch_head')
  @Query(() => StaffingWhatIfType, { description: 'What-if: for a workload norm, required client managers per branch (⌈active projects ÷ norm⌉) versus actual, and the gap.' })
  async staffingWhatIf(
    @Ctx() ctx: Context,
    @Arg('norm', () => DecimalScalar, { nullable: true, description: 'Projects per client manager (default: the workload norm setting, 4).' }) norm?: string | null,
    @Arg('month', () => MonthScalar, { nullable: true, description: 'Month whose active projects count (default: the latest month with statements).' }) month?: string | null,
  ): Promise<StaffingWhatIfType> {
    const r = await new StaffingService(ctx.em).whatIf(norm, month);
    const loader = orgLoaders(ctx).unit;
    const branches = await loader.loadMany(r.rows.map((x) => x.branchId));
    return { ...r, rows: r.rows.map((x, i) => ({ ...x, branch: branches[i] as OrgUnitType })) };
  }

  @Authorized('hq_planner')
  @Mutation(() => StaffingScenarioType, { description: 'Create a staffing scenario with its headcount lines (HQ planners).' })
  async createStaffingScenario(@Arg('input', () => CreateStaffingScenarioInput, { description: 'The scenario.' }) input: CreateStaffingScenarioInput, @Ctx() ctx: Context): Promise<StaffingScenarioType> {
    const id = await ctx.em.transactional(async (em) => {
      const created = await new StaffingService(em).create(input);
      await recordAudit(em, ctx.viewer, 'staffing_scenario.create', 'staffing_scenario', created, null, await scenarioSnapshot(em, created));
      return created;
    });
    return (await new StaffingRepository(ctx.em).scenarios([id]))[0]!;
  }

  @Authorized('hq_planner')
  @Mutation(() => StaffingScenarioType, { description: 'Edit a staffing scenario; refused with CONFLICT when it changed since you read it.' })
  async updateStaffingScenario(@Arg('input', () => UpdateStaffingScenarioInput, { description: 'The changes.' }) input: UpdateStaffingScenarioInput, @Ctx() ctx: Context): Promise<StaffingScenarioType> {
    const id = await ctx.em.transactional(async (em) => {
      const before = await scenarioSnapshot(em, Number(input.id));
      const updated = await new StaffingService(em).update(input);
      await recordAudit(em, ctx.viewer, 'staffing_scenario.update', 'staffing_scenario', updated, before, await scenarioSnapshot(em, updated));
      return updated;
    });
    return (await new StaffingRepository(ctx.em).scenarios([id]))[0]!;
  }

  @Authorized('hq_planner')
  @Mutation(() => ID, { description: 'Delete a staffing scenario and its lines; returns its id.' })
  async deleteStaffingScenario(
    @Arg('id', () => ID, { description: 'Scenario id.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read.' }) expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<string> {
    await ctx.em.transactional(async (em) => {
      const before = await scenarioSnapshot(em, Number(id));
      await new StaffingService(em).delete(id, expectedVersion);
      await recordAudit(em, ctx.viewer, 'staffing_scenario.delete', 'staffing_scenario', id, before, null);
    });
    return id;
  }

  @Authorized('executive', 'hq_planner', 'branch_head')
  @Query(() => StaffingScenarioType, { description: 'One staffing scenario by id.' })
  async staffingScenario(@Arg('id', () => ID, { description: 'Scenario id.' }) id: string, @Ctx() ctx: Context): Promise<StaffingScenarioType> {
    const s = await scenarioLoader(ctx).load(Number(id));
    if (!s) throw notFound('Staffing scenario', id);
    return s;
  }
}

@Resolver(() => StaffingScenarioType)
export class StaffingScenarioResolver {
  @FieldResolver(() => [StaffingLineType], { description: 'Headcount lines by unit and role.' })
  async lines(@Root() s: StaffingScenarioType, @Ctx() ctx: Context): Promise<StaffingLineType[]> {
    const loader = ctx.loaders.get<number, StaffingLineType[]>('staffing.lines', async (ids) => groupByKey(ids, await new StaffingRepository(ctx.em).linesOf(ids), (r) => r.scenarioId));
    return (await loader.load(s.id)) ?? [];
  }
}

@Resolver(() => StaffingLineType)
export class StaffingLineResolver {
  @FieldResolver(() => OrgUnitType, { description: 'Unit of the line.' })
  async unit(@Root() l: StaffingLineType, @Ctx() ctx: Context): Promise<OrgUnitType> {
    return (await orgLoaders(ctx).unit.load(l.unitId))!;
  }
}

export { BranchStaffingNeedType };
