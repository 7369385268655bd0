import { Field, ID, InputType } from 'type-graphql';
import type { ImportanceGrade, Sector } from '@loan-desk/domain';
import { ImportanceGradeEnum, SectorEnum } from '../organization/organization.enums.js';
import { ScopeKind } from './kpi.enums.js';

@InputType('KpiScope', { description: 'Which projects a KPI covers.' })
export class KpiScopeInput {
  @Field(() => ScopeKind, { description: 'Kind of scope.' })
  kind!: ScopeKind;

  @Field(() => ID, { nullable: true, description: 'Branch id (BRANCH), team id (TEAM) or staff id (CLIENT_MANAGER); ignored for other kinds.' })
  id?: string | null;

  @Field(() => SectorEnum, { nullable: true, description: 'Sector (SECTOR scope only).' })
  sector?: Sector | null;

  @Field(() => ImportanceGradeEnum, { nullable: true, description: 'Importance grade (IMPORTANCE scope only).' })
  importance?: ImportanceGrade | null;
}
