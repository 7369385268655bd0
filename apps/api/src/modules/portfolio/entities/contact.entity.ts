import { Entity, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Client } from './client.entity.js';

/** A person at a client (联系人). */
@Entity({ tableName: 'contact' })
export class Contact {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Client, deleteRule: 'cascade' })
  client!: Rel<Client>;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  title?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  @Property({ type: 'text', nullable: true })
  email?: string | null;
}
