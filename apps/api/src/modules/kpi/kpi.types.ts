import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Classification, ImportanceGrade, Sector } from '@loan-desk/domain';
import { DateScalar, DecimalScalar, MonthScalar } from '../../common/scalars.js';
import { ClassificationEnum, ImportanceGradeEnum, SectorEnum } from '../organization/organization.enums.js';
import { KpiPeriod, ScopeKind } from './kpi.enums.js';
import type { ResolvedScope } from './kpi-scope.js';

@ObjectType('KpiScopeInfo', { description: 'The scope a KPI figure covers, as validated (attributes its kind does not use are dropped).' })
export class KpiScopeInfoType {
  @Field(() => ScopeKind, { description: 'Kind of scope.' })
  kind!: ScopeKind;

  @Field(() => ID, { nullable: true, description: 'Branch, team or staff id (BRANCH, TEAM, CLIENT_MANAGER).' })
  id!: number | null;

  @Field(() => SectorEnum, { nullable: true, description: 'Sector (SECTOR).' })
  sector!: Sector | null;

  @Field(() => ImportanceGradeEnum, { nullable: true, description: 'Importance grade (IMPORTANCE).' })
  importance!: ImportanceGrade | null;

  @Field({ description: 'Display name: "Bank", the branch, team or client-manager name, or the sector or grade label.' })
  name!: string;
}

@ObjectType('ClassificationShare', { description: 'One class of the five-tier loan classification (五级分类) at the month.' })
export class ClassificationShareType {
  @Field(() => ClassificationEnum, { description: 'Class.' })
  classification!: Classification;

  @Field(() => DecimalScalar, { description: 'Σ balance of the month’s statements in this class.' })
  balance!: string;

  @Field(() => Int, { description: 'Number of projects whose statement for the month is in this class.' })
  projectCount!: number;

  @Field(() => DecimalScalar, { description: 'Class balance ÷ outstanding balance (0 when the outstanding balance is 0).' })
  share!: string;
}

@ObjectType('KpiPoint', { description: 'The KPIs of domain.md section 6 for one scope and month. Ratios are exact decimal strings (one division of exact sums, 10 places).' })
export class KpiPointType {
  @Field(() => MonthScalar, { description: 'The month m.' })
  month!: string;

  @Field(() => DecimalScalar, { description: 'Outstanding balance: Σ balance of the statements for m.' })
  outstandingBalance!: string;

  @Field(() => DecimalScalar, { description: 'NPL balance (不良贷款余额): Σ balance of the statements for m classed substandard, doubtful or loss.' })
  nplBalance!: string;

  @Field(() => DecimalScalar, { description: 'NPL ratio (不良贷款率): NPL balance ÷ outstanding balance; 0 when the balance is 0.' })
  nplRatio!: string;

  @Field(() => [ClassificationShareType], { description: 'Classification mix at m: all five classes, best first.' })
  classificationMix!: ClassificationShareType[];

  @Field(() => DecimalScalar, { nullable: true, description: 'Σ (principal due + interest due) over the period’s statements; null when there are none.' })
  amountDue!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Σ (principal repaid + interest repaid) over the period’s statements; null when there are none.' })
  amountRepaid!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Recovery rate (本息回收率): amountRepaid ÷ amountDue over the period; null when nothing fell due.' })
  recoveryRate!: string | null;

  @Field(() => DecimalScalar, { description: 'Σ repaid from January through m (through December for the YEAR period): the numerator of plan attainment.' })
  repaidYearToDate!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'The year’s planned recovery (贷款回收计划) of the branch(es) in scope: all branches for BANK, the branch for BRANCH; null for other scopes (plans exist per branch only).' })
  plannedRecovery!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Recovery plan attainment: repaidYearToDate ÷ plannedRecovery; null when nothing is planned.' })
  recoveryPlanAttainment!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Downgrade rate: among projects with statements for both m and m−3, the share whose class at m is worse; null when there are none.' })
  downgradeRate!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Report timeliness: share of the period’s statements submitted on or before the 10th of the following month. An unsubmitted statement counts as late once its due date is before `asOf`, and is left out while not yet due. Null when no statement counts.' })
  reportTimeliness!: string | null;

  @Field(() => Int, { description: 'Statements counted by report timeliness (its denominator).' })
  statementsCounted!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Contact coverage: among clients owned by the scope’s client managers with a project active at m, the share with at least one logged contact (客户访谈及电话联络) in the 90 days ending on the last day of m; null when there are none. See docs/kpi.md for sector and grade scopes.' })
  contactCoverage!: string | null;

  @Field(() => Int, { description: 'Projects active at m (with a statement for m).' })
  activeProjects!: number;
}

@ObjectType('KpiSnapshot', { description: 'The KPIs of one scope at one month, with the previous month and the same month last year for comparison.' })
export class KpiSnapshotType extends KpiPointType {
  @Field(() => KpiScopeInfoType, { description: 'The scope, as validated.' })
  scope!: KpiScopeInfoType;

  @Field(() => KpiPeriod, { description: 'Period of the flow KPIs.' })
  period!: KpiPeriod;

  @Field(() => DateScalar, { description: 'Date the report-timeliness rule was applied at (unsubmitted statements due before it are late).' })
  asOf!: string;

  /** Internal: the validated scope, for comparison lookups. */
  resolvedScope!: ResolvedScope;
}
