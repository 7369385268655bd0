import { Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Rel } from '@mikro-orm/core';
import { ScoreWeightVersion } from './score-weight-version.entity.js';

/** Weight of one score component within a weight version; a version's weights sum to 1. */
@Entity({ tableName: 'score_weight' })
export class ScoreWeight {
  [PrimaryKeyProp]?: ['version', 'component'];

  @ManyToOne({ entity: () => ScoreWeightVersion, primary: true, fieldName: 'version_id' })
  version!: Rel<ScoreWeightVersion>;

  @PrimaryKey({ type: 'text' })
  component!: string;

  @Property({ type: 'decimal', precision: 5, scale: 4 })
  weight!: string;
}
