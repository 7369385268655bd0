import type { EntityManager } from '@mikro-orm/postgresql';
import { placeholders, sql, sqlOne } from '../../common/sql.js';
import type { ScoreSubject } from './performance.enums.js';
import type { ScoreWeightType, ScoreWeightVersionType } from './performance.types.js';
import type { RollupFreshness } from '../rollup/rollup.service.js';
import { cached, freshnessOf } from '../rollup/rollup.cache.js';

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

/**
 * "Client manager at m": active staff in a client-manager role hired by the last day of m, with the
 * branch they sit in (the unit itself, or the parent of a branch loan management division).
 * Expects a CTE/relation exposing `last_day` (and optionally `k`) joined as `mon`.
 */
const CM_FROM = `staff s JOIN org_unit u ON u.id = s.unit_id`;
const CM_WHERE = `s.active AND s.role IN ('client_manager', 'senior_client_manager')`;
const CM_BRANCH = `CASE u.kind WHEN 'branch' THEN u.id WHEN 'branch_division' THEN u.parent_id END`;

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

/** Facts (2)–(4) of the ranking read from the rollups instead of statements (same columns). */
const RANKING_FACTS_ROLLUP = `
    SELECT mo.k, r.manager_id, false, NULL, NULL, NULL, NULL,
           r.n, r.balance, r.npl_balance, NULL, NULL,
           NULL, NULL, NULL, NULL
    FROM mo JOIN rollup_manager r ON r.month = mo.month
    WHERE r.manager_id <> 0 AND r.n > 0
    UNION ALL
    -- year to date, summed per (k, manager) before the UNION (≈ 10× fewer rows into the big GROUP BY)
    SELECT mo.k, r.manager_id, false, NULL, NULL, NULL, NULL,
           0, NULL, NULL, sum(r.due), sum(r.repaid),
           sum(r.n_submitted + CASE WHEN (r.month + interval '1 month 9 days')::date < current_date THEN r.n - r.n_submitted ELSE 0 END)::int,
           sum(r.n_on_time)::int,
           NULL, NULL
    FROM mo JOIN rollup_manager r ON r.month BETWEEN mo.y0 AND mo.month
    WHERE r.manager_id <> 0 AND r.n > 0
    GROUP BY mo.k, r.manager_id
    UNION ALL
    SELECT mo.k, r.key::int, false, NULL, NULL, NULL, NULL,
           0, NULL, NULL, NULL, NULL, NULL, NULL,
           r.clients, r.covered
    FROM mo JOIN rollup_coverage r ON r.month = mo.month AND r.dim = 'owner'
  ),`;

/**
 * The whole client-manager ranking for month m and (when the bank has statements then) m − 1, in
 * one statement: `k` = 0 for m, 1 for m − 1. Every KPI is an exact sum divided once, rounded to 10
 * places like packages/domain kpi-formulas.ts; components, contributions and score likewise.
 * Params: month (date), norm, weight version id.
 */
const RANKING_CTE = `
  p AS (SELECT ?::date AS m, ?::numeric AS norm, ?::int AS version_id),
  mon AS (
    SELECT 0 AS k, p.m AS month FROM p
    UNION ALL
    SELECT 1, (p.m - interval '1 month')::date FROM p
    WHERE EXISTS (SELECT 1 FROM cash_flow_statement x WHERE x.month = (p.m - interval '1 month')::date)
  ),
  mo AS (
    SELECT k, month, date_trunc('year', month)::date AS y0, (month + interval '1 month' - interval '1 day')::date AS last_day FROM mon
  ),
  wt AS (
    SELECT coalesce(max(weight) FILTER (WHERE component = 'asset_quality'), 0) AS w_aq,
           coalesce(max(weight) FILTER (WHERE component = 'recovery'), 0) AS w_rec,
           coalesce(max(weight) FILTER (WHERE component = 'reporting'), 0) AS w_rep,
           coalesce(max(weight) FILTER (WHERE component = 'contact'), 0) AS w_con,
           coalesce(max(weight) FILTER (WHERE component = 'workload'), 0) AS w_wl
    FROM score_weight WHERE version_id = (SELECT version_id FROM p)
  ),
  facts AS (
    -- Every input of the score as rows keyed by (k, client manager); one GROUP BY below adds them up,
    -- so no aggregate is joined to another (no nested-loop risk from row estimates).
    -- (1) client managers at each month: active, client-manager role, hired by the last day of the month
    SELECT mo.k, s.id, true AS is_cm, s.name, s.role::text AS role, s.team_id, ${CM_BRANCH} AS branch_id,
           0 AS workload, NULL::numeric AS balance, NULL::numeric AS npl_balance, NULL::numeric AS due, NULL::numeric AS repaid,
           NULL::int AS reports, NULL::int AS on_time, NULL::int AS clients, NULL::int AS covered
    FROM mo JOIN ${CM_FROM} ON s.hired_on <= mo.last_day
    WHERE ${CM_WHERE}
    UNION ALL
    /*facts*/  sums AS (
    SELECT k, id, max(name) AS name, max(role) AS role, max(team_id) AS team_id, max(branch_id) AS branch_id,
           sum(workload)::int AS workload, sum(balance) AS balance, sum(npl_balance) AS npl_balance,
           sum(due) AS due, sum(repaid) AS repaid, sum(reports) AS reports, sum(on_time) AS on_time,
           sum(clients) AS clients, sum(covered) AS covered
    FROM facts GROUP BY k, id HAVING bool_or(is_cm)
  ),
  kpi AS (
    -- Exact sums divided once, rounded to 10 places like packages/domain kpi-formulas.ts.
    SELECT k, id, name, role, team_id, branch_id, workload,
           round(coalesce(npl_balance / nullif(balance, 0), 0), 10) AS npl_ratio,
           round(repaid / nullif(due, 0), 10) AS recovery_rate,
           round(on_time::numeric / nullif(reports, 0), 10) AS timeliness,
           round(covered::numeric / nullif(clients, 0), 10) AS coverage
    FROM sums
  ),
  comp AS (
    SELECT kpi.*,
           round(kpi.workload / p.norm, 10) AS deviation,
           CASE WHEN npl_ratio >= 0.20 THEN round(0, 10) ELSE round(100 * (0.20 - npl_ratio) / 0.20, 10) END AS c_aq,
           coalesce(round(100 * least(recovery_rate, 1), 10), round(100, 10)) AS c_rec,
           coalesce(round(100 * timeliness, 10), round(100, 10)) AS c_rep,
           coalesce(round(100 * coverage, 10), round(100, 10)) AS c_con,
           CASE WHEN kpi.workload >= p.norm THEN round(100, 10) ELSE round(100 * kpi.workload / p.norm, 10) END AS c_wl
    FROM kpi CROSS JOIN p
  ),
  scored AS (
    SELECT comp.*, wt.*,
           round(w_aq * c_aq + w_rec * c_rec + w_rep * c_rep + w_con * c_con + w_wl * c_wl, 10) AS score
    FROM comp CROSS JOIN wt
  ),
  ranked AS (
    SELECT scored.*,
           ROW_NUMBER() OVER (PARTITION BY k ORDER BY score DESC, npl_ratio ASC, name COLLATE "C", id)::int AS rank,
           ROW_NUMBER() OVER (PARTITION BY k, branch_id ORDER BY score DESC, npl_ratio ASC, name COLLATE "C", id)::int AS branch_rank,
           count(*) OVER (PARTITION BY k)::int AS ranked_count
    FROM scored
  ),
  with_prev AS (
    -- the same person's rank in m − 1 (k = 1), without a self-join
    SELECT ranked.*, max(rank) FILTER (WHERE k = 1) OVER (PARTITION BY id) AS previous_rank FROM ranked
  ),
  cur_ranked AS (
    -- quartile = ⌈4 × rank ÷ number ranked⌉ in integer arithmetic
    SELECT with_prev.*, ((4 * rank + ranked_count - 1) / ranked_count)::int AS quartile FROM with_prev WHERE k = 0
  ),
  pop AS (
    SELECT * FROM cur_ranked
    WHERE (?::int IS NULL OR branch_id = ?::int) AND (?::int IS NULL OR team_id = ?::int) AND (?::text IS NULL OR role = ?::text)
      AND (/*scope*/)
  )`;

/** Facts (2)–(4) of the ranking from the base tables. */
const RANKING_FACTS_BASE = `    -- (2) statements for the month of the projects they manage: workload, balance, NPL balance
    SELECT mo.k, pr.manager_id, false, NULL, NULL, NULL, NULL,
           1, st.balance, CASE WHEN st.classification IN ('substandard', 'doubtful', 'loss') THEN st.balance ELSE 0 END, NULL, NULL,
           NULL, NULL, NULL, NULL
    FROM mo JOIN cash_flow_statement st ON st.month = mo.month JOIN project pr ON pr.id = st.project_id
    WHERE pr.manager_id IS NOT NULL
    UNION ALL
    -- (3) statements January … month: amounts due and repaid; report timeliness. A statement of month x
    -- is due on the 10th of x + 1: submitted by then = on time, later = late; not submitted = late once
    -- the due date has passed (before today), left out while not yet due.
    SELECT mo.k, pr.manager_id, false, NULL, NULL, NULL, NULL,
           0, NULL, NULL, st.principal_due + st.interest_due, st.principal_repaid + st.interest_repaid,
           CASE WHEN st.submitted_on IS NOT NULL OR (st.month + interval '1 month 9 days')::date < current_date THEN 1 ELSE 0 END,
           CASE WHEN st.submitted_on <= (st.month + interval '1 month 9 days')::date THEN 1 ELSE 0 END,
           NULL, NULL
    FROM mo JOIN cash_flow_statement st ON st.month BETWEEN mo.y0 AND mo.month JOIN project pr ON pr.id = st.project_id
    WHERE pr.manager_id IS NOT NULL
    UNION ALL
    -- (4) clients they own that have a project active at the month, and whether anyone logged a contact
    -- with the client in the 90 days ending on the last day of the month
    SELECT mo.k, c.owner_id, false, NULL, NULL, NULL, NULL,
           0, NULL, NULL, NULL, NULL, NULL, NULL,
           1, CASE WHEN EXISTS (SELECT 1 FROM client_contact cc WHERE cc.client_id = c.id AND cc.contacted_on BETWEEN mo.last_day - 89 AND mo.last_day) THEN 1 ELSE 0 END
    FROM mo JOIN client c ON c.owner_id IS NOT NULL
    WHERE EXISTS (SELECT 1 FROM project pr JOIN cash_flow_statement st ON st.project_id = pr.id AND st.month = mo.month WHERE pr.client_id = c.id)
  ),
`;

/** The ranking CTE with the viewer's row scope spliced in (a predicate built from integers only). */
function rankingCte(f: RankingFilter, fromRollups = false): string {
  return RANKING_CTE.replace('/*scope*/', f.scope).replace('/*facts*/', fromRollups ? RANKING_FACTS_ROLLUP : RANKING_FACTS_BASE);
}

function rankingParams(f: RankingFilter): unknown[] {
  return [`${f.month}-01`, f.norm, f.versionId, f.branchId, f.branchId, f.teamId, f.teamId, f.role, f.role];
}

export class PerformanceRepository {
  constructor(private readonly em: EntityManager) {}

  /** Rollup freshness: reads come from the rollups only while nothing is pending. */
  private freshness(): Promise<RollupFreshness> {
    return freshnessOf(this.em);
  }

  /** Cache only outside write transactions (a generation bumped there may still roll back). */
  private get cacheable(): boolean {
    return !this.em.getTransactionContext();
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

  /** One page of the ranking (ordered by bank-wide rank) of the filtered population, with its size. */
  async rankingPage(f: RankingFilter, limit: number, afterRank: number | null): Promise<RankingRow[]> {
    const fr = await this.freshness();
    return cached(fr, `rankingPage|${JSON.stringify(f)}|${limit}|${afterRank}`, () => this.rankingPageQuery(f, limit, afterRank, !fr.stale), this.cacheable);
  }

  private rankingPageQuery(f: RankingFilter, limit: number, afterRank: number | null, fresh: boolean): Promise<RankingRow[]> {
    return sql<RankingRow>(this.em, `
      WITH ${rankingCte(f, fresh)}
      SELECT t.total, x.* FROM (SELECT count(*)::int AS total FROM pop) t
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
      ) x ON true`, [...rankingParams(f), afterRank, afterRank, limit]);
  }

  /**
   * Score distribution of the filtered population: 10 buckets of width 10 (the last includes 100),
   * deciles by percentile_disc (an actual score), exact mean and median.
   */
  async scoreDistribution(f: RankingFilter): Promise<ScoreDistributionRow> {
    const fr = await this.freshness();
    return cached(fr, `scoreDistribution|${JSON.stringify(f)}`, () => this.scoreDistributionQuery(f, !fr.stale), this.cacheable);
  }

  private async scoreDistributionQuery(f: RankingFilter, fresh: boolean): Promise<ScoreDistributionRow> {
    const rows = await sql<ScoreDistributionRow>(this.em, `
      WITH ${rankingCte(f, fresh)},
      ordered AS (SELECT score, ROW_NUMBER() OVER (ORDER BY score) AS rn, count(*) OVER () AS n FROM pop),
      dec AS (
        SELECT percentile_disc(0.9) WITHIN GROUP (ORDER BY score) AS top,
               percentile_disc(0.1) WITHIN GROUP (ORDER BY score) AS bottom
        FROM pop
      ),
      hist AS (SELECT least(floor(score / 10), 9)::int AS bucket, count(*)::int AS n FROM pop GROUP BY 1)
      SELECT (SELECT count(*)::int FROM pop) AS count,
             (SELECT round(sum(score) / nullif(count(*), 0), 10)::text FROM pop) AS mean,
             (SELECT round(avg(score), 10)::text FROM ordered WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) AS median,
             dec.top::text AS "topThreshold", (SELECT count(*)::int FROM pop WHERE score >= dec.top) AS "topCount",
             dec.bottom::text AS "bottomThreshold", (SELECT count(*)::int FROM pop WHERE score <= dec.bottom) AS "bottomCount",
             (SELECT json_agg(json_build_object('from', g * 10, 'count', coalesce(h.n, 0)) ORDER BY g)
              FROM generate_series(0, 9) g LEFT JOIN hist h ON h.bucket = g) AS buckets
      FROM dec`, rankingParams(f));
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
