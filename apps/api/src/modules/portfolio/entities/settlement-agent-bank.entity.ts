import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Bank that handles a project's fund transfers (结算经办行). */
@Entity({ tableName: 'settlement_agent_bank' })
export class SettlementAgentBank {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'text', unique: true })
  name!: string;

  @Property({ type: 'text', nullable: true })
  nameZh?: string | null;

  @Property({ type: 'text', nullable: true })
  city?: string | null;
}
