import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '@loan-desk/domain';

/** A node of the organization tree: head office, bureau, division, branch or branch division. */
@Entity({ tableName: 'org_unit' })
export class OrgUnit {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  nameZh!: string;

  @Enum({ items: () => [...ORG_UNIT_KINDS], nativeEnumName: 'org_unit_kind' })
  kind!: OrgUnitKind;

  @ManyToOne({ entity: () => OrgUnit, nullable: true })
  parent?: Rel<OrgUnit> | null;

  @Property({ type: 'text', nullable: true })
  region?: string | null;

  @Property({ type: 'integer' })
  sortOrder = 0;
}
