import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../portfolio/portfolio.enums.js';
import { DecimalScalar, MonthScalar } from '../../common/scalars.js';
import { BranchTargetType } from '../planning/planning.types.js';

@ObjectType('BranchScoreWeight', { description: 'Weight of one branch-score component in a published weight version.' })
export class BranchScoreWeightType {
  @Field({ description: 'Component: `npl`, `recovery` or `attainment`.' })
  component!: string;

  @Field(() => DecimalScalar, { description: 'Weight, a fraction 0–1.' })
  weight!: string;
}

@ObjectType('BranchScoreWeightVersion', { description: 'The published branch score-weight version a ranking used (so past rankings stay reproducible).' })
export class BranchScoreWeightVersionType {
  @Field(() => ID, { description: 'Weight version id.' })
  id!: number;

  @Field(() => Int, { description: 'Version number of the branch weights.' })
  version!: number;

  @Field(() => Date, { description: 'When the version was published.' })
  publishedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Planner’s note.' })
  note!: string | null;

  @Field(() => [BranchScoreWeightType], { description: 'Component weights.' })
  weights!: BranchScoreWeightType[];
}

@ObjectType('NplRatioVsTarget', { description: 'A branch’s NPL ratio at the month against its annual target.' })
export class NplRatioVsTargetType {
  @Field(() => DecimalScalar, { description: 'Actual NPL ratio at the month (0 when the balance is 0).' })
  actual!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Target NPL ratio; null when the branch has no target for the year.' })
  target!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Target gap: (actual − target) in basis points (positive = worse than target).' })
  gapBps!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Actual ≤ target; null without a target.' })
  met!: boolean | null;
}

@ObjectType('RecoveryRateVsTarget', { description: 'A branch’s year-to-date recovery rate against its annual target.' })
export class RecoveryRateVsTargetType {
  @Field(() => DecimalScalar, { nullable: true, description: 'Recovery rate January…month; null when nothing fell due.' })
  actual!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Target recovery rate; null without a target.' })
  target!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Target gap: (actual − target) in percentage points (negative = short of target); null when either is missing.' })
  gapPp!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Actual ≥ target (true when nothing fell due: nothing was missed); null without a target.' })
  met!: boolean | null;
}

@ObjectType('BranchScoreComponent', { description: 'One component of the branch score and why the branch ranks where it does.' })
export class BranchScoreComponentType {
  @Field({ description: '`npl` (100 × (1 − min(NPL ratio ÷ 0.20, 1))), `recovery` (100 × min(YTD recovery rate, 1)) or `attainment` (100 × min(plan attainment, 1)).' })
  component!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'The KPI the component uses; null when it has no value (the component then scores 100).' })
  value!: string | null;

  @Field(() => DecimalScalar, { description: 'Normalised component, 0–100.' })
  normalized!: string;

  @Field(() => DecimalScalar, { description: 'Weight of the component in the weight version used.' })
  weight!: string;

  @Field(() => DecimalScalar, { description: 'weight × normalized; the contributions add up to the score.' })
  contribution!: string;
}

@ObjectType('BranchYearEndProjection', { description: 'Year-end projection: least-squares straight line through the year’s monthly values so far, evaluated at December (one month of data → that value).' })
export class BranchYearEndProjectionType {
  @Field(() => DecimalScalar, { nullable: true, description: 'Projected NPL ratio in December, kept within 0–1; null when the branch has no statements this year.' })
  nplRatio!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Projected year-to-date recovery rate in December, not below 0; null when nothing fell due this year.' })
  recoveryRateYtd!: string | null;

  @Field(() => Int, { description: 'Months of this year the NPL projection is based on.' })
  months!: number;
}

@ObjectType('BranchScorecard', { description: 'One branch against its annual asset-quality target, with its score and rank.' })
export class BranchScorecardType {
  @Field(() => BranchTargetType, { nullable: true, description: 'The branch’s target for the year; null when none is set.' })
  target!: BranchTargetType | null;

  @Field(() => NplRatioVsTargetType, { description: 'NPL ratio at the month vs target.' })
  nplRatio!: NplRatioVsTargetType;

  @Field(() => RecoveryRateVsTargetType, { description: 'Year-to-date recovery rate vs target.' })
  recoveryRateYtd!: RecoveryRateVsTargetType;

  @Field(() => DecimalScalar, { description: 'Σ repaid January…month (numerator of plan attainment).' })
  repaidYtd!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Recovery plan attainment: repaid year-to-date ÷ planned recovery; null when nothing is planned.' })
  planAttainment!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Target met: NPL ratio ≤ target and recovery rate ≥ target; null without a target.' })
  met!: boolean | null;

  @Field(() => DecimalScalar, { description: 'Branch score 0–100 = Σ weight × component (full precision; round to 2 decimals for display).' })
  score!: string;

  @Field(() => [BranchScoreComponentType], { description: 'Score components with their contributions.' })
  components!: BranchScoreComponentType[];

  @Field(() => Int, { description: 'Rank, 1 = best: score descending, ties by lower NPL ratio, then name, then id.' })
  rank!: number;

  @Field(() => Int, { description: 'Quartile ⌈4 × rank ÷ number of branches⌉ (1 = top quarter).' })
  quartile!: number;

  @Field(() => Int, { nullable: true, description: 'Rank in the previous month (same weights); null when the bank has no statements for it.' })
  previousRank!: number | null;

  @Field(() => Int, { nullable: true, description: 'previousRank − rank (positive = moved up).' })
  rankChange!: number | null;

  @Field(() => BranchYearEndProjectionType, { description: 'Year-end projections.' })
  projection!: BranchYearEndProjectionType;

  branchId!: number;
}

@ObjectType('BranchScorecardReport', { description: 'Branch scorecards for one month (domain.md section 6: target gap, year-end projection, branch ranking).' })
export class BranchScorecardReportType {
  @Field(() => MonthScalar, { description: 'The month.' })
  month!: string;

  @Field(() => Int, { description: 'Year of the targets and year-to-date figures.' })
  year!: number;

  @Field(() => BranchScoreWeightVersionType, { nullable: true, description: 'Branch score-weight version used: the latest published at or before the request; null when none is published (the domain.md defaults 50/30/20 are then used).' })
  weightVersion!: BranchScoreWeightVersionType | null;

  /** Every branch, ordered by rank (the GraphQL field `rows` pages, sorts and filters it). */
  rows!: BranchScorecardType[];
}

@ObjectType('BranchScorecardSummary', { description: 'How many branches meet their targets (counts over every branch of the report, whatever `rows` shows).' })
export class BranchScorecardSummaryType {
  @Field(() => Int, { description: 'Branches ranked (every branch).' })
  branches!: number;

  @Field(() => Int, { description: 'Branches with a target for the year.' })
  withTarget!: number;

  @Field(() => Int, { description: 'Branches meeting both targets (NPL ratio and recovery rate).' })
  met!: number;

  @Field(() => Int, { description: 'Branches with a target that miss at least one of them.' })
  missed!: number;

  @Field(() => Int, { description: 'Branches whose NPL ratio is at or below target.' })
  nplMet!: number;

  @Field(() => Int, { description: 'Branches whose NPL ratio is above target.' })
  nplMissed!: number;

  @Field(() => Int, { description: 'Branches whose year-to-date recovery rate is at or above target.' })
  recoveryMet!: number;

  @Field(() => Int, { description: 'Branches whose year-to-date recovery rate is below target.' })
  recoveryMissed!: number;
}

export enum BranchScorecardOrderField {
  RANK = 'RANK',
  NPL_RATIO = 'NPL_RATIO',
  NPL_GAP = 'NPL_GAP',
  RECOVERY_RATE = 'RECOVERY_RATE',
  RECOVERY_GAP = 'RECOVERY_GAP',
  PLAN_ATTAINMENT = 'PLAN_ATTAINMENT',
}

registerEnumType(BranchScorecardOrderField, {
  name: 'BranchScorecardOrderField',
  description: 'What branch scorecard rows can be ordered by. Rows without a value (no target, nothing due, nothing planned) come last in either direction; ties by rank.',
  valuesConfig: {
    RANK: { description: 'Rank (ASC = best first).' },
    NPL_RATIO: { description: 'Actual NPL ratio.' },
    NPL_GAP: { description: 'NPL ratio gap to target in basis points (DESC = furthest above target first).' },
    RECOVERY_RATE: { description: 'Year-to-date recovery rate.' },
    RECOVERY_GAP: { description: 'Recovery rate gap to target in percentage points (ASC = furthest short of target first).' },
    PLAN_ATTAINMENT: { description: 'Recovery plan attainment (ASC = lowest first).' },
  },
});

@InputType('BranchScorecardOrder', { description: 'Order of branch scorecard rows.' })
export class BranchScorecardOrderInput {
  @Field(() => BranchScorecardOrderField, { description: 'Sort field.' })
  field!: BranchScorecardOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction (default ASC); rows without a value stay last.' })
  direction!: SortDirection;
}
