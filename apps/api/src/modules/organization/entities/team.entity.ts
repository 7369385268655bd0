import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { SECTORS, type Sector } from '@loan-desk/domain';
import { OrgUnit } from './org-unit.entity.js';

/** Client managers of one branch grouped by project type (sector). */
@Entity({ tableName: 'team' })
export class Team {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => OrgUnit })
  branch!: Rel<OrgUnit>;

  @Enum({ items: () => [...SECTORS], nativeEnumName: 'sector' })
  sector!: Sector;

  @Property({ type: 'text' })
  name!: string;
}
