import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import {
  CLASSIFICATIONS, CURRENCIES, IMPORTANCE_GRADES, PROJECT_STATUSES, SECTORS,
  type Classification, type Currency, type ImportanceGrade, type ProjectStatus, type Sector,
} from '@loan-desk/domain';
import { OrgUnit } from '../../organization/entities/org-unit.entity.js';
import { Staff } from '../../organization/entities/staff.entity.js';
import { Client } from './client.entity.js';
import { SettlementAgentBank } from './settlement-agent-bank.entity.js';

/** A loan project (项目/贷款). Money fields are exact decimals carried as strings. */
@Entity({ tableName: 'project' })
export class Project {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'text', nullable: true, unique: true })
  externalKey?: string | null;

  @Property({ type: 'text' })
  name!: string;

  @ManyToOne({ entity: () => Client })
  client!: Rel<Client>;

  @ManyToOne({ entity: () => OrgUnit })
  branch!: Rel<OrgUnit>;

  @ManyToOne({ entity: () => Staff, nullable: true })
  manager?: Rel<Staff> | null;

  @ManyToOne({ entity: () => Staff, nullable: true })
  assistant?: Rel<Staff> | null;

  @Enum({ items: () => [...SECTORS], nativeEnumName: 'sector' })
  sector!: Sector;

  @Property({ type: 'decimal', precision: 20, scale: 2 })
  approvedAmount!: string;

  @Property({ type: 'decimal', precision: 20, scale: 2 })
  disbursedAmount!: string;

  @Property({ type: 'decimal', precision: 20, scale: 2 })
  balance!: string;

  @Enum({ items: () => [...CURRENCIES], nativeEnumName: 'currency' })
  currency: Currency = 'CNY';

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date' })
  maturityDate!: string;

  @Enum({ items: () => [...PROJECT_STATUSES], nativeEnumName: 'project_status' })
  status: ProjectStatus = 'active';

  @Enum({ items: () => [...IMPORTANCE_GRADES], nativeEnumName: 'importance_grade' })
  importance: ImportanceGrade = 'normal';

  @Enum({ items: () => [...CLASSIFICATIONS], nativeEnumName: 'classification' })
  classification: Classification = 'normal';

  @ManyToOne({ entity: () => SettlementAgentBank, nullable: true })
  agentBank?: Rel<SettlementAgentBank> | null;

  /** Optimistic lock: a write carrying an older version is refused with CONFLICT. */
  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
