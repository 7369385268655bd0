import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { StaffRole } from '@loan-desk/domain';
import { DecimalScalar, MonthScalar } from '../../common/scalars.js';
import { StaffRoleEnum } from './organization.enums.js';
import { OrgUnitType } from './organization.types.js';

@ObjectType('StaffingLine', { description: 'Headcount of one role in one unit under a staffing scenario.' })
export class StaffingLineType {
  @Field(() => ID, { description: 'Line id.' })
  id!: number;

  @Field(() => StaffRoleEnum, { description: 'Role.' })
  role!: StaffRole;

  @Field(() => Int, { description: 'Planned headcount.' })
  headcount!: number;

  unitId!: number;
  scenarioId!: number;
}

@ObjectType('StaffingScenario', { description: 'One column of the staffing plan (人员规模), e.g. before merger, transition, proposed. Derived totals are computed from its lines.' })
export class StaffingScenarioType {
  @Field(() => ID, { description: 'Scenario id.' })
  id!: number;

  @Field({ description: 'Name (unique).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Chinese name.' })
  nameZh!: string | null;

  @Field(() => String, { nullable: true, description: 'What the scenario assumes.' })
  description!: string | null;

  @Field(() => Int, { description: 'Projects the scenario is sized for (3,057 outstanding at end-1998 in the source).' })
  projectCount!: number;

  @Field(() => Int, { description: 'Display order.' })
  sortOrder!: number;

  @Field(() => Int, { description: 'Version for optimistic concurrency: pass it back as `expectedVersion` when editing.' })
  version!: number;

  @Field(() => Int, { description: 'HQ Loan Management Bureau (贷款管理局) headcount, including HQ credit officers.' })
  hqBureauTotal!: number;

  @Field(() => Int, { description: 'Of which HQ credit officers acting as client managers.' })
  hqCreditOfficers!: number;

  @Field(() => Int, { description: 'Client managers (senior and regular) in branches.' })
  branchClientManagers!: number;

  @Field(() => Int, { description: 'Client managers in total = HQ credit officers acting as client managers + branch client managers.' })
  clientManagersTotal!: number;

  @Field(() => Int, { description: 'Loan management staff in total = HQ bureau + branch client managers.' })
  loanManagementStaffTotal!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Projects per client manager = projectCount ÷ clientManagersTotal (null when there are no client managers).' })
  projectsPerClientManager!: string | null;
}

@ObjectType('StaffingPlanRow', { description: 'One row of the staffing table (domain.md section 3), with a value per scenario.' })
export class StaffingPlanRowType {
  @Field({ description: 'Stable row key, e.g. `hq_bureau`, `branch_client_managers`.' })
  key!: string;

  @Field({ description: 'English label.' })
  label!: string;

  @Field({ description: 'Chinese label.' })
  labelZh!: string;

  @Field(() => [DecimalScalar], { nullable: 'items', description: 'Value per scenario, in the order of `StaffingPlan.scenarios`.' })
  values!: (string | null)[];

  @Field(() => DecimalScalar, { nullable: true, description: 'Change from the `changeFrom` scenario to the `changeTo` scenario (null for ratios).' })
  change!: string | null;
}

@ObjectType('StaffingPlan', { description: 'The staffing plan: scenarios × units × roles with derived totals.' })
export class StaffingPlanType {
  @Field(() => [StaffingScenarioType], { description: 'Scenarios in display order.' })
  scenarios!: StaffingScenarioType[];

  @Field(() => [StaffingPlanRowType], { description: 'The derived table: HQ bureau, HQ credit officers, branch client managers, client managers in total, loan management staff in total, projects per client manager.' })
  rows!: StaffingPlanRowType[];

  @Field(() => ID, { nullable: true, description: 'Scenario the change column starts from.' })
  changeFrom!: number | null;

  @Field(() => ID, { nullable: true, description: 'Scenario the change column ends at.' })
  changeTo!: number | null;
}

@ObjectType('BranchStaffingNeed', { description: 'Required versus actual client managers of one branch for a workload norm.' })
export class BranchStaffingNeedType {
  @Field(() => OrgUnitType, { description: 'Branch.' })
  branch!: OrgUnitType;

  @Field(() => Int, { description: 'Projects active at the month (with a statement for it).' })
  activeProjects!: number;

  @Field(() => Int, { description: 'Active client managers in the branch now.' })
  actualClientManagers!: number;

  @Field(() => Int, { description: 'Required client managers = ⌈active projects ÷ norm⌉.' })
  requiredClientManagers!: number;

  @Field(() => Int, { description: 'Required − actual: positive means the branch is short of client managers.' })
  gap!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Projects per client manager today (null without client managers).' })
  projectsPerClientManager!: string | null;
}

@ObjectType('StaffingWhatIf', { description: 'What-if: client managers each branch needs for a given workload norm.' })
export class StaffingWhatIfType {
  @Field(() => DecimalScalar, { description: 'Workload norm used (projects per client manager).' })
  norm!: string;

  @Field(() => MonthScalar, { description: 'Month whose active projects were counted.' })
  month!: string;

  @Field(() => [BranchStaffingNeedType], { description: 'One row per branch, largest shortage first.' })
  rows!: BranchStaffingNeedType[];

  @Field(() => Int, { description: 'Active projects, all branches.' })
  totalActiveProjects!: number;

  @Field(() => Int, { description: 'Actual client managers, all branches.' })
  totalActualClientManagers!: number;

  @Field(() => Int, { description: 'Required client managers, all branches (sum of the per-branch requirements).' })
  totalRequiredClientManagers!: number;
}

@InputType('StaffingLineInput', { description: 'Headcount of one role in one unit.' })
export class StaffingLineInput {
  @Field(() => ID, { description: 'Organization unit id.' })
  unitId!: string;

  @Field(() => StaffRoleEnum, { description: 'Role.' })
  role!: StaffRole;

  @Field(() => Int, { description: 'Headcount, 0 or more.' })
  headcount!: number;
}

@InputType('CreateStaffingScenarioInput', { description: 'A new staffing scenario.' })
export class CreateStaffingScenarioInput {
  @Field({ description: 'Unique name, 1–100 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Chinese name.' })
  nameZh?: string | null;

  @Field(() => String, { nullable: true, description: 'What the scenario assumes.' })
  description?: string | null;

  @Field(() => Int, { description: 'Projects the scenario is sized for.' })
  projectCount!: number;

  @Field(() => [StaffingLineInput], { description: 'Headcount lines; at most one per (unit, role).' })
  lines!: StaffingLineInput[];
}

@InputType('UpdateStaffingScenarioInput', { description: 'Changes to a staffing scenario; omitted fields stay as they are; `lines`, when given, replaces all lines.' })
export class UpdateStaffingScenarioInput {
  @Field(() => ID, { description: 'Scenario id.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a different current version means someone else changed it (CONFLICT).' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New unique name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New Chinese name.' })
  nameZh?: string | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'New project count.' })
  projectCount?: number | null;

  @Field(() => [StaffingLineInput], { nullable: true, description: 'Replacement headcount lines.' })
  lines?: StaffingLineInput[] | null;
}
