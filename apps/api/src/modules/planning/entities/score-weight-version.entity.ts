import { Collection, Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Staff } from '../../organization/entities/staff.entity.js';
import { ScoreWeight } from './score-weight.entity.js';

export type ScoreSubject = 'client_manager' | 'branch';

/** A published, immutable set of composite-score weights; rankings name the version they used. */
@Entity({ tableName: 'score_weight_version' })
export class ScoreWeightVersion {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Enum({ items: ['client_manager', 'branch'], nativeEnumName: 'score_subject' })
  subject!: ScoreSubject;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  publishedAt: Date = new Date();

  @ManyToOne({ entity: () => Staff, nullable: true, fieldName: 'published_by' })
  publishedBy?: Rel<Staff> | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @OneToMany({ entity: () => ScoreWeight, mappedBy: 'version' })
  weights = new Collection<ScoreWeight>(this);
}
