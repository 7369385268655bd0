import { Entity, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { MonthType } from '../../../db/month.type.js';
import { Staff } from '../../organization/entities/staff.entity.js';
import { SettlementAgentBank } from './settlement-agent-bank.entity.js';

/** Quarterly scores (0–100) for timeliness and accuracy of an agent bank's fund transfers. */
@Entity({ tableName: 'agent_bank_evaluation' })
export class AgentBankEvaluation {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => SettlementAgentBank })
  agentBank!: Rel<SettlementAgentBank>;

  /** First month of the quarter, `YYYY-MM`. */
  @Property({ type: MonthType })
  quarter!: string;

  @Property({ type: 'decimal', precision: 5, scale: 2 })
  timelinessScore!: string;

  @Property({ type: 'decimal', precision: 5, scale: 2 })
  accuracyScore!: string;

  @ManyToOne({ entity: () => Staff, nullable: true, fieldName: 'evaluated_by' })
  evaluatedBy?: Rel<Staff> | null;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
