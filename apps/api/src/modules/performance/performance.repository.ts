import type { EntityManager } from '@mikro-orm/postgresql';
import { placeholders, sql, sqlOne } from '../../common/sql.js';
import type { ScoreSubject } from './performance.enums.js';
import type { ScoreWeightType, ScoreWeightVersionType } from './performance.types.js';
import type { RollupFreshness } from '../rollup/rollup.service.js';
import { cached, freshnessOf } from '../rollup/rollup.cache.js';
import { CM_BRANCH, CM_FROM, CM_WHERE, popCte, type RankingSource } from './ranking.sql.js';
import { ensureRankingSnapshot } from './ranking.snapshot.js';
import { inWriteTransaction } from '../../db/read-replica.js';

/** A row as the workload query returns it. */
export interface WorkloadRow {
  total: number;
  id: number | null;
  name: string;
  branchId: number | null;
  teamId: number | null;
  activeProjects: number;
  balance: string;
  keyOrLargeProjects: number;
  deviation: string;
  flag: 'overloaded' | 'normal' | 'underloaded';
}

export interface DistributionRow {
  branchId: number;
  clientManagers: number;
  activeProjects: number;
  mean: string | null;
  min: number | null;
  p25: string | null;
  median: string | null;
  p75: string | null;
  max: number | null;
  overloaded: number;
  underloaded: number;
  histogram: { from: number; count: number }[];
}

export interface RankingRow {
  total: number;
  /** false when the snapshot read was deleted meanwhile (superseded): the caller recomputes. */
  present: boolean;
  id: number | null;
  branchId: number | null;
  teamId: number | null;
  score: string;
  rank: number;
  branchRank: number;
  quartile: number;
  previousRank: number | null;
  nplRatio: string;
  activeProjects: number;
  recoveryRate: string | null;
  timeliness: string | null;
  coverage: string | null;
  deviation: string;
  cAq: string; cRec: string; cRep: string; cCon: string; cWl: string;
  wAq: string; wRec: string; wRep: string; wCon: string; wWl: string;
  xAq: string; xRec: string; xRep: string; xCon: string; xWl: string;
}

export interface ScoreDistributionRow {
  present: boolean;
  count: number;
  mean: string | null;
  median: string | null;
  topThreshold: string | null;
  topCount: number;
  bottomThreshold: string | null;
  bottomCount: number;
  buckets: { from: number; count: number }[];
}

export interface WorkloadFilter {
  scope: string;
  month: string;
  norm: string;
  branchId: number | null;
  teamId: number | null;
}

export interface RankingFilter {
  /**
   * Row-level access (from modules/auth rowFilter().person): an SQL predicate over the columns
   * `id` (staff id) and `branch_id`, with ids inlined as integers. 'TRUE' for bank-wide viewers.
   */
  scope: string;
  month: string; // YYYY-MM
  norm: string;
  versionId: number;
  branchId: number | null;
  teamId: number | null;
  role: string | null;
}

const VERSION_COLS = `v.id, v.subject::text AS subject, v.version,
  to_char(v.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "publishedAt", v.note, v.published_by AS "publishedById"`;

/** Projects active at m per client manager: count, Σ balance, key-or-large count (one scan of month m). */
const ACTIVE_BY_MANAGER = `
  SELECT pr.manager_id, count(*)::int AS workload, sum(st.balance) AS balance,
         count(*) FILTER (WHERE pr.importance IN ('key', 'large'))::int AS key_or_large
  FROM cash_flow_statement st JOIN project pr ON pr.id = st.project_id
  WHERE st.month = (SELECT m FROM p) AND pr.manager_id IS NOT NULL
  GROUP BY pr.manager_id`;

/** The same from the per-manager rollup (month × client manager). */
const ACTIVE_BY_MANAGER_ROLLUP = `
  SELECT r.manager_id, r.n AS workload, r.balance, r.n_key_large AS key_or_large
  FROM rollup_manager r
  WHERE r.month = (SELECT m FROM p) AND r.manager_id <> 0 AND r.n > 0`;

/** Where a ranking query runs: the request's EntityManager, or where a snapshot built during the request is visible. */
function readerOf(em: EntityManager, source: RankingSource | boolean): EntityManager {
  return typeof source === 'object' && source.readWith ? source.readWith : em;
}

export class PerformanceRepository {
  constructor(private readonly em: EntityManager) {}

  /** Rollup freshness: reads come from the rollups only while nothing is pending. */
  private freshness(): Promise<RollupFreshness> {
    return freshnessOf(this.em);
  }

  /** Cache only outside write transactions (a generation bumped there may still roll back). */
  private get cacheable(): boolean {
    return !inWriteTransaction(this.em);
  }

  /** The `workload_norm` setting, or 4 when it is not set. */
  async workloadNorm(): Promise<string> {
    const r = await sqlOne<{ norm: string }>(this.em, `SELECT coalesce((SELECT value::numeric FROM setting WHERE key = 'workload_norm'), 4)::text AS norm`);
    return r!.norm;
  }

  /** Latest month with any statement (YYYY-MM), or null when there are none. */
  async latestStatementMonth(): Promise<string | null> {
    const r = await sqlOne<{ m: string | null }>(this.em, `SELECT to_char(max(month), 'YYYY-MM') AS m FROM cash_flow_statement`);
    return r?.m ?? null;
  }

  /**
   * Client-manager workloads at m, one keyset page (workload desc, name by code point, id) plus
   * the filtered total, in one statement.
   */
  async workloadPage(f: WorkloadFilter, limit: number, after: [number, string, number] | null): Promise<WorkloadRow[]> {
    return this.workloadPageQuery(f, limit, after, !(await this.freshness()).stale);
  }

  private workloadPageQuery(f: WorkloadFilter, limit: number, after: [number, string, number] | null, fresh: boolean): Promise<WorkloadRow[]> {
    return sql<WorkloadRow>(this.em, `
      WITH p AS (SELECT ?::date AS m, ?::numeric AS norm, ?::int AS branch_filter, ?::int AS team_filter),
      act AS (${fresh ? ACTIVE_BY_MANAGER_ROLLUP : ACTIVE_BY_MANAGER}),
      w AS (
        SELECT s.id, s.name, ${CM_BRANCH} AS branch_id, s.team_id,
               coalesce(a.workload, 0) AS workload, coalesce(a.balance, 0)::numeric(20, 2) AS balance, coalesce(a.key_or_large, 0) AS key_or_large
        FROM ${CM_FROM} CROSS JOIN p LEFT JOIN act a ON a.manager_id = s.id
        WHERE ${CM_WHERE} AND s.hired_on <= (p.m + interval '1 month' - interval '1 day')::date
          AND (p.team_filter IS NULL OR s.team_id = p.team_filter)
      ),
      wf AS (SELECT w.* FROM w CROSS JOIN p WHERE (p.branch_filter IS NULL OR w.branch_id = p.branch_filter) AND (${f.scope}))
      SELECT t.total, x.* FROM (SELECT count(*)::int AS total FROM wf) t
      LEFT JOIN LATERAL (
        SELECT wf.id, wf.name, wf.branch_id AS "branchId", wf.team_id AS "teamId", wf.workload AS "activeProjects",
               wf.balance::text AS balance, wf.key_or_large AS "keyOrLargeProjects",
               round(wf.workload / p.norm, 10)::text AS deviation,
               CASE WHEN wf.workload > 1.5 * p.norm THEN 'overloaded' WHEN wf.workload < 0.5 * p.norm THEN 'underloaded' ELSE 'normal' END AS flag
        FROM wf CROSS JOIN p
        WHERE ?::int IS NULL OR wf.workload < ?::int OR (wf.workload = ?::int AND (wf.name COLLATE "C" > ?::text OR (wf.name = ?::text AND wf.id > ?::int)))
        ORDER BY wf.workload DESC, wf.name COLLATE "C", wf.id
        LIMIT ?
      ) x ON true`,
    [`${f.month}-01`, f.norm, f.branchId, f.teamId, after?.[0] ?? null, after?.[0] ?? null, after?.[0] ?? null, after?.[1] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit]);
  }

  /** Per branch: client managers, Σ workload, mean, min/quartiles/max (percentile_cont), bands and histogram. */
  async workloadDistribution(month: string, norm: string): Promise<DistributionRow[]> {
    const fr = await this.freshness();
    return cached(fr, `workloadDistribution|${month}|${norm}`, () => this.workloadDistributionQuery(month, norm, !fr.stale), this.cacheable);
  }

  private workloadDistributionQuery(month: string, norm: string, fresh: boolean): Promise<DistributionRow[]> {
    return sql<DistributionRow>(this.em, `
      WITH p AS (SELECT ?::date AS m, ?::numeric AS norm),
      act AS (${fresh ? ACTIVE_BY_MANAGER_ROLLUP : ACTIVE_BY_MANAGER}),
      w AS (
        SELECT ${CM_BRANCH} AS branch_id, coalesce(a.workload, 0) AS workload
        FROM ${CM_FROM} CROSS JOIN p LEFT JOIN act a ON a.manager_id = s.id
        WHERE ${CM_WHERE} AND s.hired_on <= (p.m + interval '1 month' - interval '1 day')::date
      ),
      agg AS (
        SELECT branch_id, count(*)::int AS cms, sum(workload)::int AS projects, min(workload) AS min, max(workload) AS max,
               percentile_cont(0.25) WITHIN GROUP (ORDER BY workload)::numeric AS p25,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY workload)::numeric AS median,
               percentile_cont(0.75) WITHIN GROUP (ORDER BY workload)::numeric AS p75,
               count(*) FILTER (WHERE workload > 1.5 * p.norm)::int AS overloaded,
               count(*) FILTER (WHERE workload < 0.5 * p.norm)::int AS underloaded
        FROM w CROSS JOIN p WHERE branch_id IS NOT NULL GROUP BY branch_id
      ),
      hist AS (SELECT branch_id, least(workload, 10) AS bucket, count(*)::int AS n FROM w GROUP BY 1, 2)
      SELECT b.id AS "branchId", coalesce(agg.cms, 0) AS "clientManagers", coalesce(agg.projects, 0) AS "activeProjects",
             round(agg.projects::numeric / nullif(agg.cms, 0), 10)::text AS mean,
             agg.min, agg.p25::text AS p25, agg.median::text AS median, agg.p75::text AS p75, agg.max,
             coalesce(agg.overloaded, 0) AS overloaded, coalesce(agg.underloaded, 0) AS underloaded,
             (SELECT json_agg(json_build_object('from', g, 'count', coalesce(h.n, 0)) ORDER BY g)
              FROM generate_series(0, 10) g LEFT JOIN hist h ON h.branch_id = b.id AND h.bucket = g) AS histogram
      FROM org_unit b LEFT JOIN agg ON agg.branch_id = b.id
      WHERE b.kind = 'branch'
      ORDER BY b.sort_order, b.id`, [`${month}-01`, norm]);
  }

  /**
   * Where this request's ranking comes from: the base tables while the rollups are stale; else a
   * stored snapshot (found or built, ranking.snapshot.ts); inside a write transaction (where a
   * snapshot may not be stored) computed from the rollups.
   */
  private async rankingSource(f: RankingFilter, fr: RollupFreshness): Promise<RankingSource> {
    if (fr.stale) return 'base';
    if (!this.cacheable) return 'rollups';
    // A failed build (e.g. its timeout) must not fail the reader: it computes from the rollups.
    const snap = await ensureRankingSnapshot(this.em, { month: f.month, norm: f.norm, versionId: f.versionId }, fr).catch((err: unknown) => {
      console.error(`ranking snapshot build failed, computing from the rollups: ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`);
      return null;
    });
    return snap ? { snapshot: snap.id, ...(snap.readWith ? { readWith: snap.readWith } : {}) } : 'rollups';
  }

  /** One page of the ranking (ordered by bank-wide rank) of the filtered population, with its size. */
  async rankingPage(f: RankingFilter, limit: number, afterRank: number | null): Promise<RankingRow[]> {
    const fr = await this.freshness();
    return cached(fr, `rankingPage|${JSON.stringify(f)}|${limit}|${afterRank}`, async () => {
      const rows = await this.rankingPageQuery(f, limit, afterRank, await this.rankingSource(f, fr));
      return rows[0]?.present === false ? this.rankingPageQuery(f, limit, afterRank, fr.stale ? 'base' : 'rollups') : rows;
    }, this.cacheable);
  }

  /** `source` true / false: computed from the rollups / the base tables (the rollup tests compare them). */
  private rankingPageQuery(f: RankingFilter, limit: number, afterRank: number | null, source: RankingSource | boolean): Promise<RankingRow[]> {
    const pop = popCte(f, source === true ? 'rollups' : source === false ? 'base' : source);
    return sql<RankingRow>(readerOf(this.em, source), `
      WITH ${pop.sql}
      SELECT t.total, snap.present, x.* FROM snap CROSS JOIN (SELECT count(*)::int AS total FROM pop) t
      LEFT JOIN LATERAL (
        SELECT id, branch_id AS "branchId", team_id AS "teamId", score::text AS score, rank, branch_rank AS "branchRank", quartile,
               previous_rank AS "previousRank", npl_ratio::text AS "nplRatio", workload AS "activeProjects",
               recovery_rate::text AS "recoveryRate", timeliness::text AS timeliness, coverage::text AS coverage, deviation::text AS deviation,
               c_aq::text AS "cAq", c_rec::text AS "cRec", c_rep::text AS "cRep", c_con::text AS "cCon", c_wl::text AS "cWl",
               w_aq::text AS "wAq", w_rec::text AS "wRec", w_rep::text AS "wRep", w_con::text AS "wCon", w_wl::text AS "wWl",
               round(w_aq * c_aq, 10)::text AS "xAq", round(w_rec * c_rec, 10)::text AS "xRec", round(w_rep * c_rep, 10)::text AS "xRep",
               round(w_con * c_con, 10)::text AS "xCon", round(w_wl * c_wl, 10)::text AS "xWl"
        FROM pop WHERE ?::int IS NULL OR rank > ?::int
        ORDER BY rank
        LIMIT ?
      ) x ON true`, [...pop.params, afterRank, afterRank, limit]);
  }

  /**
   * Score distribution of the filtered population: 10 buckets of width 10 (the last includes 100),
   * deciles by percentile_disc (an actual score), exact mean and median.
   */
  async scoreDistribution(f: RankingFilter): Promise<ScoreDistributionRow> {
    const fr = await this.freshness();
    return cached(fr, `scoreDistribution|${JSON.stringify(f)}`, async () => {
      const d = await this.scoreDistributionQuery(f, await this.rankingSource(f, fr));
      return d.present ? d : this.scoreDistributionQuery(f, fr.stale ? 'base' : 'rollups');
    }, this.cacheable);
  }

  /** `source` true / false: computed from the rollups / the base tables (the rollup tests compare them). */
  private async scoreDistributionQuery(f: RankingFilter, source: RankingSource | boolean): Promise<ScoreDistributionRow> {
    const pop = popCte(f, source === true ? 'rollups' : source === false ? 'base' : source);
    const rows = await sql<ScoreDistributionRow>(readerOf(this.em, source), `
      WITH ${pop.sql},
      -- only the score: pop itself is read once (inlined), not materialised with every column
      sc AS (SELECT score FROM pop),
      ordered AS (SELECT score, ROW_NUMBER() OVER (ORDER BY score) AS rn, count(*) OVER () AS n FROM sc),
      dec AS (
        SELECT percentile_disc(0.9) WITHIN GROUP (ORDER BY score) AS top,
               percentile_disc(0.1) WITHIN GROUP (ORDER BY score) AS bottom
        FROM sc
      ),
      hist AS (SELECT least(floor(score / 10), 9)::int AS bucket, count(*)::int AS n FROM sc GROUP BY 1)
      SELECT snap.present, (SELECT count(*)::int FROM sc) AS count,
             (SELECT round(sum(score) / nullif(count(*), 0), 10)::text FROM sc) AS mean,
             (SELECT round(avg(score), 10)::text FROM ordered WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) AS median,
             dec.top::text AS "topThreshold", (SELECT count(*)::int FROM sc WHERE score >= dec.top) AS "topCount",
             dec.bottom::text AS "bottomThreshold", (SELECT count(*)::int FROM sc WHERE score <= dec.bottom) AS "bottomCount",
             (SELECT json_agg(json_build_object('from', g * 10, 'count', coalesce(h.n, 0)) ORDER BY g)
              FROM generate_series(0, 9) g LEFT JOIN hist h ON h.bucket = g) AS buckets
      FROM dec CROSS JOIN snap`, pop.params);
    return rows[0]!;
  }

  /** A client-manager weight version by number, or (number null) the one in force for the month. */
  async weightVersionFor(subject: ScoreSubject, version: number | null, month: string): Promise<ScoreWeightVersionType | undefined> {
    if (version !== null) {
      return sqlOne(this.em, `SELECT ${VERSION_COLS} FROM score_weight_version v WHERE v.subject = ?::score_subject AND v.version = ?`, [subject, version]);
    }
    // The latest version published before the month ended (Beijing time); when none was published
    // yet, the earliest version (the weights first in force).
    return sqlOne(this.em, `
      WITH p AS (SELECT ((?::date + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai') AS cutoff)
      SELECT ${VERSION_COLS} FROM score_weight_version v CROSS JOIN p
      WHERE v.subject = ?::score_subject
      ORDER BY (v.published_at < p.cutoff) DESC, CASE WHEN v.published_at < p.cutoff THEN v.version END DESC, v.version
      LIMIT 1`, [`${month}-01`, subject]);
  }

  weightVersions(subject: ScoreSubject): Promise<ScoreWeightVersionType[]> {
    return sql(this.em, `SELECT ${VERSION_COLS} FROM score_weight_version v WHERE v.subject = ?::score_subject ORDER BY v.version DESC`, [subject]);
  }

  weightsOf(versionIds: readonly number[]): Promise<(ScoreWeightType & { versionId: number })[]> {
    if (!versionIds.length) return Promise.resolve([]);
    return sql(this.em, `SELECT version_id AS "versionId", component, weight::text AS weight FROM score_weight WHERE version_id IN (${placeholders(versionIds.length)}) ORDER BY version_id, component`, versionIds);
  }

  /**
   * Inserts version n + 1 of the subject and its weights. Call inside a transaction; a concurrent
   * publish of the same subject fails on UNIQUE (subject, version) and becomes a CONFLICT.
   */
  async insertWeightVersion(subject: ScoreSubject, weights: { component: string; weight: string }[], note: string | null, publishedBy: number | null): Promise<number> {
    const v = await sqlOne<{ id: number }>(this.em, `
      INSERT INTO score_weight_version (subject, version, published_by, note)
      SELECT ?::score_subject, coalesce(max(version), 0) + 1, ?::int, ?::text FROM score_weight_version WHERE subject = ?::score_subject
      RETURNING id`, [subject, publishedBy, note, subject]);
    const id = v!.id;
    await sql(this.em, `INSERT INTO score_weight (version_id, component, weight) VALUES ${weights.map(() => '(?, ?, ?::numeric)').join(', ')}`,
      weights.flatMap((w) => [id, w.component, w.weight]));
    return id;
  }

  async weightVersionById(id: number): Promise<ScoreWeightVersionType | undefined> {
    return sqlOne(this.em, `SELECT ${VERSION_COLS} FROM score_weight_version v WHERE v.id = ?`, [id]);
  }
}
