import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { STAFF_ROLES, type StaffRole } from '@loan-desk/domain';
import { OrgUnit } from './org-unit.entity.js';
import { Team } from './team.entity.js';

/** A person of the bank: HQ staff, branch client managers and their support staff. */
@Entity({ tableName: 'staff' })
export class Staff {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'text', unique: true })
  employeeNo!: string;

  @Property({ type: 'text' })
  name!: string;

  @ManyToOne({ entity: () => OrgUnit })
  unit!: Rel<OrgUnit>;

  @Enum({ items: () => [...STAFF_ROLES], nativeEnumName: 'staff_role' })
  role!: StaffRole;

  @Property({ type: 'smallint' })
  grade!: number;

  @ManyToOne({ entity: () => Team, nullable: true })
  team?: Rel<Team> | null;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Property({ type: 'date' })
  hiredOn!: string;

  @Property({ type: 'boolean' })
  active = true;
}
