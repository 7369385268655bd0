import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { RESTRUCTURING_STATUSES, type RestructuringStatus } from '@loan-desk/domain';
import { Staff } from '../../organization/entities/staff.entity.js';
import { Project } from './project.entity.js';

/** An NPL project handed to an asset-restructuring specialist (不良资产化解). */
@Entity({ tableName: 'restructuring_case' })
export class RestructuringCase {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Project })
  project!: Rel<Project>;

  @ManyToOne({ entity: () => Staff, nullable: true })
  specialist?: Rel<Staff> | null;

  @Enum({ items: () => [...RESTRUCTURING_STATUSES], nativeEnumName: 'restructuring_status' })
  status: RestructuringStatus = 'open';

  @Property({ type: 'date' })
  openedOn!: string;

  @Property({ type: 'date', nullable: true })
  closedOn?: string | null;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
