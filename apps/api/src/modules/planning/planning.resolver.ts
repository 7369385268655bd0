import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { badInput } from '../../common/errors.js';
import { DecimalScalar } from '../../common/scalars.js';
import { OrgUnitType, orgLoaders } from '../organization/index.js';
import { SetBranchTargetInput } from './planning.inputs.js';
import { PlanningRepository } from './planning.repository.js';
import { PlanningService } from './planning.service.js';
import { BranchTargetType, SettingsType } from './planning.types.js';

@Resolver(() => BranchTargetType)
export class BranchTargetResolver {
  @Authorized('executive', 'hq_planner', 'branch_head')
  @Query(() => [BranchTargetType], { description: 'Annual asset-quality targets (年度资产质量目标) of all branches for one year, in branch display order.' })
  branchTargets(@Arg('year', () => Int, { description: 'Year.' }) year: number, @Ctx() ctx: Context): Promise<BranchTargetType[]> {
    if (!Number.isInteger(year) || year < 1990 || year > 2100) throw badInput('year', 'must be between 1990 and 2100');
    return new PlanningRepository(ctx.em).targetsOfYear(year);
  }

  @Authorized('hq_planner')
  @Mutation(() => BranchTargetType, { description: 'Creates (expectedVersion null) or replaces (expectedVersion = current version) a branch’s annual target. One transaction; a refused change writes nothing.' })
  setBranchTarget(@Arg('input', () => SetBranchTargetInput, { description: 'The target.' }) input: SetBranchTargetInput, @Ctx() ctx: Context): Promise<BranchTargetType> {
    return PlanningService.setBranchTarget(ctx.em, input, ctx.viewer);
  }

  @FieldResolver(() => OrgUnitType, { description: 'The branch (分行).' })
  async branch(@Root() t: BranchTargetType, @Ctx() ctx: Context): Promise<OrgUnitType> {
    return (await orgLoaders(ctx).unit.load(t.branchId))!;
  }
}

@Resolver(() => SettingsType)
export class SettingsResolver {
  @Authorized()
  @Query(() => SettingsType, { description: 'Product settings (workload norm).' })
  settings(@Ctx() ctx: Context): Promise<SettingsType> {
    return new PlanningRepository(ctx.em).settings();
  }

  @Authorized('hq_planner')
  @Mutation(() => SettingsType, { description: 'Sets the workload norm (projects per client manager): greater than 0 and at most 100.' })
  setWorkloadNorm(@Arg('value', () => DecimalScalar, { description: 'New norm, e.g. "4" or "4.5".' }) value: string, @Ctx() ctx: Context): Promise<SettingsType> {
    return PlanningService.setWorkloadNorm(ctx.em, value, ctx.viewer);
  }
}
