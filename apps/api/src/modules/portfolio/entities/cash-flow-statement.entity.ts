import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Rel, PrimaryKeyProp } from '@mikro-orm/core';
import { CLASSIFICATIONS, type Classification } from '@loan-desk/domain';
import { MonthType } from '../../../db/month.type.js';
import { Project } from './project.entity.js';

/** Monthly cash-flow statement (月度现金流表): one per project per month. */
@Entity({ tableName: 'cash_flow_statement' })
export class CashFlowStatement {
  [PrimaryKeyProp]?: ['project', 'month'];

  @ManyToOne({ entity: () => Project, primary: true })
  project!: Rel<Project>;

  @PrimaryKey({ type: MonthType })
  month!: string;

  @Property({ type: 'decimal', precision: 20, scale: 2 })
  balance!: string;

  @Property({ type: 'decimal', precision: 20, scale: 2 })
  principalDue!: string;

  @Property({ type: 'decimal', precision: 20, scale: 2 })
  interestDue!: string;

  @Property({ type: 'decimal', precision: 20, scale: 2 })
  principalRepaid!: string;

  @Property({ type: 'decimal', precision: 20, scale: 2 })
  interestRepaid!: string;

  @Enum({ items: () => [...CLASSIFICATIONS], nativeEnumName: 'classification' })
  classification!: Classification;

  @Property({ type: 'integer' })
  daysOverdue = 0;

  @Property({ type: 'date', nullable: true })
  submittedOn?: string | null;
}
