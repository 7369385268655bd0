import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { STAFF_ROLES, type StaffRole } from '@loan-desk/domain';
import { OrgUnit } from './org-unit.entity.js';
import { StaffingScenario } from './staffing-scenario.entity.js';

/** Headcount of one role in one unit under one scenario. */
@Entity({ tableName: 'staffing_line' })
export class StaffingLine {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => StaffingScenario, deleteRule: 'cascade' })
  scenario!: Rel<StaffingScenario>;

  @ManyToOne({ entity: () => OrgUnit })
  unit!: Rel<OrgUnit>;

  @Enum({ items: () => [...STAFF_ROLES], nativeEnumName: 'staff_role' })
  role!: StaffRole;

  @Property({ type: 'integer' })
  headcount!: number;
}
