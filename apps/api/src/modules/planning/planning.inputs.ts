import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../common/scalars.js';

@InputType('SetBranchTargetInput', { description: 'A branch’s annual asset-quality target to create or replace.' })
export class SetBranchTargetInput {
  @Field(() => ID, { description: 'Branch (分行) id.' })
  branchId!: string;

  @Field(() => Int, { description: 'Year, 2000–2100.' })
  year!: number;

  @Field(() => DecimalScalar, { description: 'Target NPL ratio, a fraction 0–1 with at most 6 decimals.' })
  targetNplRatio!: string;

  @Field(() => DecimalScalar, { description: 'Target recovery rate, a fraction 0–1 with at most 6 decimals.' })
  targetRecoveryRate!: string;

  @Field(() => DecimalScalar, { description: 'Planned recovery amount, ≥ 0, at most 2 decimals.' })
  plannedRecovery!: string;

  @Field(() => DecimalScalar, { description: 'Planned new lending, ≥ 0, at most 2 decimals.' })
  plannedNewLending!: string;

  @Field(() => Int, { nullable: true, description: 'Version the client last saw; null to create a target that does not exist yet. A mismatch is a CONFLICT.' })
  expectedVersion?: number | null;
}
