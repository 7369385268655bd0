import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { execOf, rollupFreshness } from './rollup.service.js';

@ObjectType('KpiFreshness', { description: 'How fresh the pre-aggregated KPI rollups are. While stale, KPI, scorecard, workload and ranking queries are computed from the base tables instead (slower, never a stale figure).' })
export class KpiFreshnessType {
  @Field(() => Date, { nullable: true, description: 'When the rollups were last rebuilt completely (null: never).' })
  refreshedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the rollups were last brought up to date (full rebuild or incremental maintenance after a statement, reassignment or import).' })
  maintainedAt!: Date | null;

  @Field(() => Boolean, { description: 'True when base-table changes are not yet in the rollups; KPI reads then use the base tables.' })
  stale!: boolean;

  @Field(() => Int, { description: 'Pending base-table changes not yet in the rollups (counted up to 1,000).' })
  pendingChanges!: number;

  @Field(() => String, { description: 'Rollup generation, bumped by every rollup change (cache key).' })
  generation!: string;
}

@Resolver()
export class KpiFreshnessResolver {
  @Query(() => KpiFreshnessType, { description: 'Freshness of the KPI rollups that dashboard figures are read from.' })
  async kpiFreshness(@Ctx() ctx: Context): Promise<KpiFreshnessType> {
    const f = await rollupFreshness(execOf(ctx.em));
    return {
      refreshedAt: f.refreshedAt ? new Date(f.refreshedAt) : null,
      maintainedAt: f.maintainedAt ? new Date(f.maintainedAt) : null,
      stale: f.stale,
      pendingChanges: f.pending,
      generation: f.generation,
    };
  }
}
