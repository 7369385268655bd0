import { Ctx, Field, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { requestStateOf } from '../auth/access.plugin.js';
import { execOf, rollupFreshness } from './rollup.service.js';
import { behindSummary, figureSource, pendingSummary } from './stale-reads.js';

export enum ReadSource {
  PRIMARY = 'PRIMARY',
  REPLICA = 'REPLICA',
}
registerEnumType(ReadSource, {
  name: 'ReadSource',
  description: 'The database a read-only request was answered from (docs/scaling.md, read replicas).',
  valuesConfig: {
    PRIMARY: { description: 'The primary (DATABASE_URL): always without a read replica, for mutations, and for reads the replica cannot serve.' },
    REPLICA: { description: 'A streaming read replica (DATABASE_READ_URL), consistent with itself, at most the configured lag behind the primary.' },
  },
});

export enum FigureSourceEnum {
  ROLLUPS = 'ROLLUPS',
  BASE_TABLES = 'BASE_TABLES',
  ROLLUPS_BEHIND = 'ROLLUPS_BEHIND',
}
registerEnumType(FigureSourceEnum, {
  name: 'FigureSource',
  description: 'Where the KPI, scorecard, workload and ranking figures of a request come from (docs/performance.md, "Stale rollups").',
  valuesConfig: {
    ROLLUPS: { description: 'The rollups, up to date with every committed change.' },
    BASE_TABLES: { description: 'Changes are pending: computed from the base tables (exact, slower).' },
    ROLLUPS_BEHIND: { description: 'Changes are pending and the base tables took longer than STALE_READ_BUDGET_MS: the rollups as they are, i.e. every committed change except the pending ones (see pendingMonths). The response also carries extensions.freshness and the header x-figures: rollups-behind.' },
  },
});

@ObjectType('KpiFreshness', { description: 'How fresh the pre-aggregated KPI rollups are. While stale, KPI, scorecard, workload and ranking queries are computed from the base tables within a time budget, and from the rollups as they are (said in figuresFrom, extensions.freshness and x-figures) when the base tables take longer — never a stale figure without saying so.' })
export class KpiFreshnessType {
  @Field(() => Date, { nullable: true, description: 'When the rollups were last rebuilt completely (null: never).' })
  refreshedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the rollups were last brought up to date (full rebuild or incremental maintenance after a statement, reassignment or import).' })
  maintainedAt!: Date | null;

  @Field(() => Boolean, { description: 'True when base-table changes are not yet in the rollups; KPI reads then use the base tables.' })
  stale!: boolean;

  @Field(() => Int, { description: 'Pending base-table changes not yet in the rollups (counted up to 1,000).' })
  pendingChanges!: number;

  @Field(() => FigureSourceEnum, { description: 'Where this request\'s KPI, scorecard, workload and ranking figures come from.' })
  figuresFrom!: FigureSourceEnum;

  @Field(() => [String], { nullable: true, description: 'Months (YYYY-MM) with pending changes, oldest first: figures of these months (and of periods containing them) are the ones the pending changes will alter. Empty when nothing is pending; null when some pending change concerns every month (e.g. a project moved to another branch).' })
  pendingMonths!: string[] | null;

  @Field(() => String, { description: 'Rollup generation, bumped by every rollup change (cache key).' })
  generation!: string;

  @Field(() => ReadSource, { description: 'Where this request read these figures (and would read any other in the same request).' })
  readFrom!: ReadSource;

  @Field(() => Int, { nullable: true, description: 'With a read replica configured: how far it was behind the primary when this request started, in ms (0: it had replayed everything; null: unknown, or no replica).' })
  replicaLagMs!: number | null;

  @Field(() => String, { nullable: true, description: 'With a read replica configured, why the primary answered: OWN_WRITE (the replica had not yet replayed this session\'s last write), LAG (more than READ_REPLICA_MAX_LAG_MS behind), UNAVAILABLE (it did not answer), NOT_STANDBY (it is not replaying, e.g. promoted), REPLICA_ERROR (the read failed on the replica, e.g. cancelled by a recovery conflict, and ran again on the primary). Null when the replica answered or none is configured.' })
  readFromPrimaryBecause!: string | null;
}

@Resolver()
export class KpiFreshnessResolver {
  @Query(() => KpiFreshnessType, { description: 'Freshness of the KPI rollups that dashboard figures are read from.' })
  async kpiFreshness(@Ctx() ctx: Context): Promise<KpiFreshnessType> {
    const f = await rollupFreshness(execOf(ctx.em));
    const read = requestStateOf(ctx)?.read;
    const pendingMonths = !f.stale ? [] : (behindSummary(ctx) ?? (await pendingSummary(ctx.em, f))).pendingMonths;
    return {
      figuresFrom: FigureSourceEnum[figureSource(ctx, f.stale)],
      pendingMonths,
      refreshedAt: f.refreshedAt ? new Date(f.refreshedAt) : null,
      maintainedAt: f.maintainedAt ? new Date(f.maintainedAt) : null,
      stale: f.stale,
      pendingChanges: f.pending,
      generation: f.generation,
      readFrom: read?.replica ? ReadSource.REPLICA : ReadSource.PRIMARY,
      replicaLagMs: read?.lagMs ?? null,
      readFromPrimaryBecause: read && !read.replica ? read.reason.toUpperCase().replace('-', '_') : null,
    };
  }
}
