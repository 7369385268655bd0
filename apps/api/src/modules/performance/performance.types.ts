import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { WorkloadFlag } from '@loan-desk/domain';
import { DecimalScalar, MonthScalar } from '../../common/scalars.js';
import { Connection } from '../../common/pagination.js';
import { ClientManagerScoreComponentEnum, ScoreSubjectEnum, WorkloadFlagEnum, type ClientManagerScoreComponent, type ScoreSubject } from './performance.enums.js';

// ------------------------------------------------------------------ workloads

@ObjectType('ClientManagerWorkload', { description: 'Workload (工作量) of one client manager at a month: projects active at m whose client manager is the person (domain.md §6).' })
export class ClientManagerWorkloadType {
  @Field(() => ID, { description: 'Staff id of the client manager (same as `staff.id`).' })
  id!: number;

  @Field(() => Int, { description: 'Workload: number of projects active at m (with a statement for m) whose client manager is this person.' })
  activeProjects!: number;

  @Field(() => DecimalScalar, { description: 'Σ balance of this person’s statements for m (exact).' })
  balance!: string;

  @Field(() => Int, { description: 'Of the active projects, how many are graded key or large (大型及重点项目).' })
  keyOrLargeProjects!: number;

  @Field(() => DecimalScalar, { description: 'Workload norm deviation: workload ÷ norm (10 decimal places).' })
  deviation!: string;

  @Field(() => WorkloadFlagEnum, { description: 'OVERLOADED when deviation > 1.5, UNDERLOADED when < 0.5, else NORMAL.' })
  flag!: WorkloadFlag;

  @Field(() => DecimalScalar, { description: 'The norm used (projects per client manager): the `norm` argument or the `workload_norm` setting (default 4).' })
  norm!: string;

  name!: string;
  branchId!: number | null;
  teamId!: number | null;
}

export const ClientManagerWorkloadConnection = Connection(ClientManagerWorkloadType, 'ClientManagerWorkload', 'client manager workload');

@ObjectType('WorkloadBucket', { description: 'One histogram bucket of client-manager workloads.' })
export class WorkloadBucketType {
  @Field(() => Int, { description: 'Smallest workload in the bucket.' })
  from!: number;

  @Field(() => Int, { nullable: true, description: 'Largest workload in the bucket; null for the open last bucket (10 or more).' })
  to!: number | null;

  @Field(() => Int, { description: 'Number of client managers whose workload falls in the bucket.' })
  count!: number;
}

@ObjectType('BranchWorkloadDistribution', { description: 'Spread of client-manager workloads in one branch (分行) at a month.' })
export class BranchWorkloadDistributionType {
  @Field(() => ID, { description: 'Branch id (same as `branch.id`).' })
  branchId!: number;

  @Field(() => Int, { description: 'Client managers of the branch (active, senior and regular, hired by the end of m).' })
  clientManagers!: number;

  @Field(() => Int, { description: 'Σ workload of the branch’s client managers (projects active at m that they manage).' })
  activeProjects!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'activeProjects ÷ clientManagers (10 decimal places); null without client managers.' })
  mean!: string | null;

  @Field(() => Int, { nullable: true, description: 'Smallest workload; null without client managers.' })
  min!: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: '25th percentile of workloads (percentile_cont: linear interpolation between neighbours).' })
  p25!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Median workload (percentile_cont(0.5): mean of the two middle values for an even count).' })
  median!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '75th percentile of workloads (percentile_cont).' })
  p75!: string | null;

  @Field(() => Int, { nullable: true, description: 'Largest workload; null without client managers.' })
  max!: number | null;

  @Field(() => Int, { description: 'Client managers with workload ÷ norm above 1.5.' })
  overloaded!: number;

  @Field(() => Int, { description: 'Client managers with workload ÷ norm below 0.5 (those with no project included).' })
  underloaded!: number;

  @Field(() => [WorkloadBucketType], { description: 'Histogram of workloads: buckets 0, 1, 2, …, 9 and 10 or more (always 11 buckets).' })
  histogram!: WorkloadBucketType[];

  @Field(() => DecimalScalar, { description: 'The norm used.' })
  norm!: string;
}

// ------------------------------------------------------------------ score weights

@ObjectType('ScoreWeight', { description: 'Weight of one component in a published weight version.' })
export class ScoreWeightType {
  @Field({ description: 'Component label: asset_quality, recovery, reporting, contact, workload (client managers) or npl, recovery, attainment (branches).' })
  component!: string;

  @Field(() => DecimalScalar, { description: 'Weight between 0 and 1; a version’s weights sum to exactly 1.' })
  weight!: string;
}

@ObjectType('ScoreWeightVersion', { description: 'A published, immutable set of composite-score weights (绩效考核权重). Rankings name the version they used so past rankings stay reproducible.' })
export class ScoreWeightVersionType {
  @Field(() => ID, { description: 'Version row id.' })
  id!: number;

  @Field(() => ScoreSubjectEnum, { description: 'What the weights score.' })
  subject!: ScoreSubject;

  @Field(() => Int, { description: 'Version number, 1, 2, … per subject.' })
  version!: number;

  @Field({ description: 'When the version was published (ISO 8601, UTC).' })
  publishedAt!: string;

  @Field(() => String, { nullable: true, description: 'Why it was published.' })
  note!: string | null;

  publishedById!: number | null;
}

@InputType('ScoreWeightInput', { description: 'One component weight of a new weight version.' })
export class ScoreWeightInput {
  @Field({ description: 'Component label, e.g. `asset_quality` (must be one of the subject’s components).' })
  component!: string;

  @Field(() => DecimalScalar, { description: 'Weight between 0 and 1, at most 4 decimal places.' })
  weight!: string;
}

@InputType('PublishScoreWeightsInput', { description: 'A new weight version: exactly the subject’s components, each weight in [0, 1], summing to exactly 1.' })
export class PublishScoreWeightsInput {
  @Field(() => ScoreSubjectEnum, { description: 'What the weights score.' })
  subject!: ScoreSubject;

  @Field(() => [ScoreWeightInput], { description: 'One weight per component of the subject.' })
  weights!: ScoreWeightInput[];

  @Field(() => String, { nullable: true, description: 'Why the weights change.' })
  note?: string | null;
}

// ------------------------------------------------------------------ rankings

@ObjectType('ScoreComponentValue', { description: 'One component of a client manager’s composite score: the KPI, its 0–100 normalisation, the weight and the contribution (weight × normalised), so one can see why a person ranks where they do.' })
export class ScoreComponentValueType {
  @Field(() => ClientManagerScoreComponentEnum, { description: 'The component.' })
  component!: ClientManagerScoreComponent;

  @Field(() => DecimalScalar, { nullable: true, description: 'The KPI: NPL ratio at m, recovery rate YTD, report timeliness YTD, contact coverage at m, or workload ÷ norm; null when nothing to measure (the component then scores 100).' })
  kpiValue!: string | null;

  @Field(() => DecimalScalar, { description: 'Normalised component, 0–100 (10 decimal places).' })
  normalized!: string;

  @Field(() => DecimalScalar, { description: 'Weight of the component in the weight version used.' })
  weight!: string;

  @Field(() => DecimalScalar, { description: 'weight × normalised (10 decimal places); the contributions add up to the score.' })
  contribution!: string;
}

@ObjectType('RankedClientManager', { description: 'A client manager’s composite performance score (绩效得分) and ranks at a month.' })
export class RankedClientManagerType {
  @Field(() => ID, { description: 'Staff id (same as `staff.id`).' })
  id!: number;

  @Field(() => DecimalScalar, { description: 'Composite score Σ weight × component, full precision (10 decimal places); round to 2 only for display.' })
  score!: string;

  @Field(() => Int, { description: 'Bank-wide rank among all client managers (1 = best), regardless of filters.' })
  rank!: number;

  @Field(() => Int, { description: 'Rank within the client manager’s own branch (1 = best).' })
  branchRank!: number;

  @Field(() => Int, { description: 'Bank-wide quartile ⌈4 × rank ÷ number ranked⌉ (1 = top quarter).' })
  quartile!: number;

  @Field(() => Int, { nullable: true, description: 'Bank-wide rank in the previous month (same weight version and norm); null when not ranked then.' })
  previousRank!: number | null;

  @Field(() => Int, { nullable: true, description: 'previousRank − rank (positive = moved up); null when not ranked in the previous month.' })
  rankChange!: number | null;

  @Field(() => DecimalScalar, { description: 'NPL ratio (不良贷款率) at m of own projects (0 when the balance is 0); the first tie-break.' })
  nplRatio!: string;

  @Field(() => Int, { description: 'Workload at m (projects active at m).' })
  activeProjects!: number;

  @Field(() => [ScoreComponentValueType], { description: 'The five components in fixed order: asset quality, recovery, reporting, client contact, workload.' })
  components!: ScoreComponentValueType[];

  branchId!: number | null;
  teamId!: number | null;
}

export const RankedClientManagerConnection = Connection(RankedClientManagerType, 'RankedClientManager', 'ranked client manager');

@ObjectType('ScoreBucket', { description: 'One score histogram bucket [from, to); the last bucket includes 100.' })
export class ScoreBucketType {
  @Field(() => Int, { description: 'Lower bound (inclusive).' })
  from!: number;

  @Field(() => Int, { description: 'Upper bound (exclusive, except 100 for the last bucket).' })
  to!: number;

  @Field(() => Int, { description: 'Client managers with a score in the bucket.' })
  count!: number;
}

@ObjectType('ScoreDecile', { description: 'A decile boundary of the score distribution.' })
export class ScoreDecileType {
  @Field(() => DecimalScalar, { nullable: true, description: 'Threshold score: percentile_disc(0.9) for the top decile, percentile_disc(0.1) for the bottom decile (an actual score); null when nobody is ranked.' })
  threshold!: string | null;

  @Field(() => Int, { description: 'Client managers at or above (top) / at or below (bottom) the threshold.' })
  count!: number;
}

@ObjectType('ScoreDistribution', { description: 'Spread of the composite scores of the filtered population, to tell good performers from poor ones.' })
export class ScoreDistributionType {
  @Field(() => [ScoreBucketType], { description: '10 buckets of width 10 over 0–100.' })
  buckets!: ScoreBucketType[];

  @Field(() => ScoreDecileType, { description: 'Top decile.' })
  topDecile!: ScoreDecileType;

  @Field(() => ScoreDecileType, { description: 'Bottom decile.' })
  bottomDecile!: ScoreDecileType;

  @Field(() => DecimalScalar, { nullable: true, description: 'Mean score, Σ score ÷ count (10 decimal places); null when nobody is ranked.' })
  mean!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Median score (middle value, or the exact mean of the two middle values for an even count).' })
  median!: string | null;

  count!: number;
}

/** What the ranking was asked for; field resolvers run the SQL they need from it. */
export interface RankingParams {
  scope: string;
  month: string;
  norm: string;
  versionId: number;
  branchId: number | null;
  teamId: number | null;
  role: string | null;
  first: number;
  after: string | null | undefined;
}

@ObjectType('ClientManagerRankingReport', { description: 'Ranking of client managers by composite performance score (绩效得分) at a month, with the weight version used and the score distribution.' })
export class ClientManagerRankingReportType {
  @Field(() => MonthScalar, { description: 'Month ranked.' })
  month!: string;

  @Field(() => ScoreWeightVersionType, { description: 'The weight version used (default: the latest client-manager version published by the end of the month, Beijing time).' })
  weightVersion!: ScoreWeightVersionType;

  @Field(() => DecimalScalar, { description: 'Workload norm used by the workload component (the `workload_norm` setting, default 4).' })
  norm!: string;

  params!: RankingParams;
  /** Memoised distribution query (count and distribution share it). */
  distributionPromise?: Promise<ScoreDistributionType>;
}
