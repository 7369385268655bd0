import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { CONTACT_KINDS, type ContactKind } from '@loan-desk/domain';
import { Staff } from '../../organization/entities/staff.entity.js';
import { Client } from './client.entity.js';

/** A logged visit, call or meeting with a client (客户访谈及电话联络). */
@Entity({ tableName: 'client_contact' })
export class ClientContact {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Client })
  client!: Rel<Client>;

  @ManyToOne({ entity: () => Staff })
  staff!: Rel<Staff>;

  @Enum({ items: () => [...CONTACT_KINDS], nativeEnumName: 'contact_kind' })
  kind!: ContactKind;

  @Property({ type: 'date' })
  contactedOn!: string;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
