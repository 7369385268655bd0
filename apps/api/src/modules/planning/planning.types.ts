import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../common/scalars.js';

@ObjectType('BranchTarget', { description: 'A branch’s annual asset-quality target (年度资产质量目标). Ratios are fractions (0.05 = 5%).' })
export class BranchTargetType {
  @Field(() => ID, { description: 'Target id.' })
  id!: number;

  @Field(() => Int, { description: 'Year the target applies to.' })
  year!: number;

  @Field(() => DecimalScalar, { description: 'Target NPL ratio (不良贷款率), a fraction 0–1: met when the actual ratio is at or below it.' })
  targetNplRatio!: string;

  @Field(() => DecimalScalar, { description: 'Target recovery rate (本息回收率), a fraction 0–1: met when the year-to-date rate is at or above it.' })
  targetRecoveryRate!: string;

  @Field(() => DecimalScalar, { description: 'Planned recovery amount for the year (贷款回收计划).' })
  plannedRecovery!: string;

  @Field(() => DecimalScalar, { description: 'Planned new lending for the year.' })
  plannedNewLending!: string;

  @Field(() => Int, { description: 'Version for optimistic concurrency: send it as `expectedVersion` when changing the target.' })
  version!: number;

  @Field(() => Date, { description: 'When the target was last changed.' })
  updatedAt!: Date;

  branchId!: number;
}

@ObjectType('Settings', { description: 'Product settings an HQ planner can change.' })
export class SettingsType {
  @Field(() => DecimalScalar, { description: 'Workload norm: projects per client manager (default 4, domain.md section 3). Workload ÷ norm above 1.5 is overloaded, below 0.5 underloaded.' })
  workloadNorm!: string;

  @Field(() => Date, { nullable: true, description: 'When the workload norm was last changed; null while it is the built-in default.' })
  updatedAt!: Date | null;
}
