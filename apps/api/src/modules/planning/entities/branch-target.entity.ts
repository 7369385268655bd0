import { Entity, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { OrgUnit } from '../../organization/entities/org-unit.entity.js';

/** A branch's annual asset-quality target (年度资产质量目标). Ratios are fractions (0.05 = 5%). */
@Entity({ tableName: 'branch_target' })
export class BranchTarget {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => OrgUnit })
  branch!: Rel<OrgUnit>;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'decimal', precision: 9, scale: 6 })
  targetNplRatio!: string;

  @Property({ type: 'decimal', precision: 9, scale: 6 })
  targetRecoveryRate!: string;

  @Property({ type: 'decimal', precision: 20, scale: 2 })
  plannedRecovery!: string;

  @Property({ type: 'decimal', precision: 20, scale: 2 })
  plannedNewLending!: string;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
