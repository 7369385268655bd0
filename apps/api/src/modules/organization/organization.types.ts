import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { OrgUnitKind, Sector, StaffRole } from '@loan-desk/domain';
import { DateScalar } from '../../common/scalars.js';
import { OrgUnitKindEnum, SectorEnum, StaffRoleEnum } from './organization.enums.js';

@ObjectType('OrgUnit', { description: 'A node of the organization tree (head office 总行, bureau 局, division 处, branch 分行, branch loan management division 贷款管理处).' })
export class OrgUnitType {
  @Field(() => ID, { description: 'Unit id.' })
  id!: number;

  @Field({ description: 'Stable short code, e.g. `BJ` for the Beijing branch.' })
  code!: string;

  @Field({ description: 'English name.' })
  name!: string;

  @Field({ description: 'Chinese name.' })
  nameZh!: string;

  @Field(() => OrgUnitKindEnum, { description: 'Kind of unit.' })
  kind!: OrgUnitKind;

  @Field(() => String, { nullable: true, description: 'Region of a branch (North, East, …).' })
  region!: string | null;

  parentId!: number | null;
}

@ObjectType('Team', { description: 'Client managers of one branch grouped by project type (sector).' })
export class TeamType {
  @Field(() => ID, { description: 'Team id.' })
  id!: number;

  @Field({ description: 'Team name.' })
  name!: string;

  @Field(() => SectorEnum, { description: 'Sector the team covers.' })
  sector!: Sector;

  branchId!: number;
}

@ObjectType('Staff', { description: 'A staff member: HQ staff, client managers (客户经理) and their support staff.' })
export class StaffType {
  @Field(() => ID, { description: 'Staff id.' })
  id!: number;

  @Field({ description: 'Employee number.' })
  employeeNo!: string;

  @Field({ description: 'Full name.' })
  name!: string;

  @Field(() => StaffRoleEnum, { description: 'Role.' })
  role!: StaffRole;

  @Field(() => Int, { description: 'Job grade, 1 (entry) to 12 (president).' })
  grade!: number;

  @Field(() => String, { nullable: true, description: 'Work e-mail.' })
  email!: string | null;

  @Field(() => DateScalar, { description: 'Date hired.' })
  hiredOn!: string;

  @Field({ description: 'False once the person has left.' })
  active!: boolean;

  unitId!: number;
  teamId!: number | null;
  /** Nearest branch above the unit (null for head-office staff). */
  branchId!: number | null;
}

@ObjectType('RoleCount', { description: 'Number of staff in one role.' })
export class RoleCountType {
  @Field(() => StaffRoleEnum, { description: 'Role.' })
  role!: StaffRole;

  @Field(() => Int, { description: 'Headcount.' })
  count!: number;
}
