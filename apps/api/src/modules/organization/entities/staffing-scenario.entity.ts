import { Collection, Entity, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { StaffingLine } from './staffing-line.entity.js';

/** One column of the staffing plan (before merger, transition, proposed, or a planner's own). */
@Entity({ tableName: 'staffing_scenario' })
export class StaffingScenario {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'text', unique: true })
  name!: string;

  @Property({ type: 'text', nullable: true })
  nameZh?: string | null;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /** Projects the scenario is sized for (3,057 at end-1998 in the source). */
  @Property({ type: 'integer' })
  projectCount!: number;

  @Property({ type: 'integer' })
  sortOrder = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;

  @OneToMany({ entity: () => StaffingLine, mappedBy: 'scenario', orphanRemoval: true })
  lines = new Collection<StaffingLine>(this);
}
