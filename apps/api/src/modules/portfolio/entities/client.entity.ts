import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { COMPANY_NATURES, type CompanyNature } from '@loan-desk/domain';
import { OrgUnit } from '../../organization/entities/org-unit.entity.js';
import { Staff } from '../../organization/entities/staff.entity.js';

/** A borrower (客户). No owner means the client sits in the client pool (客户池). */
@Entity({ tableName: 'client' })
export class Client {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'text', nullable: true, unique: true })
  externalKey?: string | null;

  @Property({ type: 'string', length: 50, unique: true })
  name!: string;

  @Property({ type: 'text', nullable: true })
  clientType?: string | null;

  @Property({ type: 'text', nullable: true })
  industry?: string | null;

  @Property({ type: 'text', nullable: true })
  source?: string | null;

  @Enum({ items: () => [...COMPANY_NATURES], nativeEnumName: 'company_nature' })
  companyNature: CompanyNature = 'other';

  @Property({ type: 'decimal', precision: 20, scale: 2, nullable: true })
  annualRevenue?: string | null;

  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @ManyToOne({ entity: () => OrgUnit, nullable: true })
  branch?: Rel<OrgUnit> | null;

  @ManyToOne({ entity: () => Staff, nullable: true })
  owner?: Rel<Staff> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
