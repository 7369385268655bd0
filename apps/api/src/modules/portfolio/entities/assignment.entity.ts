import { Entity, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Staff } from '../../organization/entities/staff.entity.js';
import { Project } from './project.entity.js';

/** One change of a project's client manager: who, when and why. */
@Entity({ tableName: 'assignment' })
export class Assignment {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Project })
  project!: Rel<Project>;

  @ManyToOne({ entity: () => Staff, nullable: true, fieldName: 'from_staff_id' })
  fromStaff?: Rel<Staff> | null;

  @ManyToOne({ entity: () => Staff, nullable: true, fieldName: 'to_staff_id' })
  toStaff?: Rel<Staff> | null;

  @ManyToOne({ entity: () => Staff, nullable: true, fieldName: 'assigned_by' })
  assignedBy?: Rel<Staff> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  assignedAt: Date = new Date();

  @Property({ type: 'text' })
  reason!: string;
}
