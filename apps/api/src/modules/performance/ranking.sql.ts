import type { EntityManager } from '@mikro-orm/postgresql';
import type { RankingFilter } from './performance.repository.js';

/**
 * The client-manager ranking in SQL (domain.md §6): the whole bank's ranking of a month computed
 * from the base tables or the rollups (`RANKED_CTE` → relation `cur_ranked`), and the filtered
 * population a page or distribution reads (`pop`), either from that computation or from a stored
 * snapshot of it (ranking.snapshot.ts).
 */

/**
 * "Client manager at m": active staff in a client-manager role hired by the last day of m, with the
 * branch they sit in (the unit itself, or the parent of a branch loan management division).
 * Expects a CTE/relation exposing `last_day` (and optionally `k`) joined as `mon`.
 */
export const CM_FROM = `staff s JOIN org_unit u ON u.id = s.unit_id`;
export const CM_WHERE = `s.active AND s.role IN ('client_manager', 'senior_client_manager')`;
export const CM_BRANCH = `CASE u.kind WHEN 'branch' THEN u.id WHEN 'branch_division' THEN u.parent_id END`;

/** Facts (2)–(4) of the ranking read from the rollups instead of statements (same columns). */
/**
 * Year to date before m (January … m − 1 of m's year) from the rollups, summed once per manager:
 * MATERIALIZED, or the planner evaluates it again for each month it is joined to (measured: 2 × 0.5 s
 * at 50,000 client managers).
 */
const YTD_ROLLUP = `
  ytd AS MATERIALIZED (
    SELECT r.manager_id, sum(r.due) AS due, sum(r.repaid) AS repaid,
           sum(r.n_submitted + CASE WHEN (r.month + interval '1 month 9 days')::date < current_date THEN r.n - r.n_submitted ELSE 0 END)::int AS reports,
           sum(r.n_on_time)::int AS on_time
    FROM p JOIN rollup_manager r ON r.month >= date_trunc('year', p.m)::date AND r.month < p.m
    WHERE r.manager_id <> 0 AND r.n > 0 /*only:r.manager_id*/
    GROUP BY r.manager_id
  ),`;

const RANKING_FACTS_ROLLUP = `
    -- month m (k = 0) and m − 1 (k = 1): workload, balance, NPL balance; for k = 0 also month m's
    -- share of the year to date (the months before it come next)
    SELECT mo.k, r.manager_id, false, NULL, NULL, NULL, NULL,
           r.n, r.balance, r.npl_balance,
           CASE WHEN mo.k = 0 THEN r.due END, CASE WHEN mo.k = 0 THEN r.repaid END,
           CASE WHEN mo.k = 0 THEN r.n_submitted + CASE WHEN (r.month + interval '1 month 9 days')::date < current_date THEN r.n - r.n_submitted ELSE 0 END END,
           CASE WHEN mo.k = 0 THEN r.n_on_time END,
           NULL, NULL
    FROM mo JOIN rollup_manager r ON r.month = mo.month
    WHERE r.month = ANY (ARRAY(SELECT month FROM mo)) AND r.manager_id <> 0 AND r.n > 0 /*only:r.manager_id*/
    UNION ALL
    -- year to date before m (ytd), counted for k = 0 and, when m − 1 is in the same year, for k = 1
    -- (its whole year to date)
    SELECT mo.k, y.manager_id, false, NULL, NULL, NULL, NULL,
           0, NULL, NULL, y.due, y.repaid, y.reports, y.on_time, NULL, NULL
    FROM ytd y JOIN mo ON mo.y0 = date_trunc('year', (SELECT m FROM p))::date
    UNION ALL
    -- m in January: m − 1's year to date is the whole previous year
    SELECT mo.k, r.manager_id, false, NULL, NULL, NULL, NULL,
           0, NULL, NULL, sum(r.due), sum(r.repaid),
           sum(r.n_submitted + CASE WHEN (r.month + interval '1 month 9 days')::date < current_date THEN r.n - r.n_submitted ELSE 0 END)::int,
           sum(r.n_on_time)::int,
           NULL, NULL
    FROM mo JOIN rollup_manager r ON r.month BETWEEN mo.y0 AND mo.month
    WHERE mo.k = 1 AND mo.y0 <> date_trunc('year', (SELECT m FROM p))::date AND r.manager_id <> 0 AND r.n > 0 /*only:r.manager_id*/
    GROUP BY mo.k, r.manager_id
    UNION ALL
    SELECT mo.k, r.key::int, false, NULL, NULL, NULL, NULL,
           0, NULL, NULL, NULL, NULL, NULL, NULL,
           r.clients, r.covered
    FROM mo JOIN rollup_coverage r ON r.month = mo.month AND r.dim = 'owner'
    WHERE r.month = ANY (ARRAY(SELECT month FROM mo)) /*onlykey*/
  ),`;

/**
 * The whole client-manager ranking for month m and (when the bank has statements then) m − 1, in
 * one statement: `k` = 0 for m, 1 for m − 1. Every KPI is an exact sum divided once, rounded to 10
 * places like packages/domain kpi-formulas.ts; components, contributions and score likewise.
 * Params: month (date), norm, weight version id.
 */
const RANKED_CTE = `
  p AS (SELECT ?::date AS m, ?::numeric AS norm, ?::int AS version_id, ?::int[] AS only_ids, ?::bigint AS base_id),
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
  ),/*pre*/
  facts AS (
    -- Every input of the score as rows keyed by (k, client manager); one GROUP BY below adds them up,
    -- so no aggregate is joined to another (no nested-loop risk from row estimates).
    -- (1) client managers at each month: active, client-manager role, hired by the last day of the month
    SELECT mo.k, s.id, true AS is_cm, s.name, s.role::text AS role, s.team_id, ${CM_BRANCH} AS branch_id,
           0 AS workload, NULL::numeric AS balance, NULL::numeric AS npl_balance, NULL::numeric AS due, NULL::numeric AS repaid,
           NULL::int AS reports, NULL::int AS on_time, NULL::int AS clients, NULL::int AS covered
    FROM mo JOIN ${CM_FROM} ON s.hired_on <= mo.last_day
    WHERE ${CM_WHERE} /*only:s.id*/
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
  ),/*merge*/
  ranked AS (
    SELECT s.*,
           ROW_NUMBER() OVER (PARTITION BY k ORDER BY score DESC, npl_ratio ASC, name COLLATE "C", id)::int AS rank,
           ROW_NUMBER() OVER (PARTITION BY k, branch_id ORDER BY score DESC, npl_ratio ASC, name COLLATE "C", id)::int AS branch_rank,
           count(*) OVER (PARTITION BY k)::int AS ranked_count
    FROM /*scored*/scored s
  ),
  with_prev AS (
    -- the same person's rank, score and NPL ratio in m − 1 (k = 1) by a window, not a self-join (a
    -- join of two 50,000-row CTEs can be planned as a nested loop from low row estimates: measured,
    -- minutes); score and ratio are stored so that an incremental rebuild can rank m − 1 again
    -- without recomputing it
    SELECT ranked.*, max(rank) FILTER (WHERE k = 1) OVER w AS previous_rank,
           max(score) FILTER (WHERE k = 1) OVER w AS prev_score, max(npl_ratio) FILTER (WHERE k = 1) OVER w AS prev_npl_ratio
    FROM ranked WINDOW w AS (PARTITION BY id)
  ),
  cur_ranked AS (
    -- quartile = ⌈4 × rank ÷ number ranked⌉ in integer arithmetic
    SELECT with_prev.*, ((4 * rank + ranked_count - 1) / ranked_count)::int AS quartile FROM with_prev WHERE k = 0
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

/** The scored columns (before ranking) a snapshot row holds for month m. */
const SCORED_COLUMNS = `id, name, role, team_id, branch_id, workload, npl_ratio, recovery_rate, timeliness, coverage, deviation,
           c_aq, c_rec, c_rep, c_con, c_wl, w_aq, w_rec, w_rep, w_con, w_wl, score`;

/**
 * Incremental rebuild: the people whose rollup rows changed since the base snapshot (p.only_ids)
 * are scored afresh; everyone else's scored row for m, and score and NPL ratio for m − 1, come from
 * the base snapshot unchanged (a score depends only on the person's own rollup rows, the
 * configuration, today, month, weights and norm — all equal to the base's). Then everyone is ranked
 * again.
 */
const MERGE_BASE = `
  scored_all AS (
    SELECT k, ${SCORED_COLUMNS} FROM scored
    UNION ALL
    SELECT 0, ${SCORED_COLUMNS.replace(/(\w+)/g, 'b.$1')}
    FROM p JOIN ranking_snapshot_row b ON b.snapshot_id = p.base_id AND b.id NOT IN (SELECT unnest(only_ids) FROM p)
    UNION ALL
    SELECT 1, b.id, b.name, b.role, b.team_id, b.branch_id, 0, b.prev_npl_ratio, NULL, NULL, NULL, 0,
           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, b.prev_score
    FROM p JOIN ranking_snapshot_row b ON b.snapshot_id = p.base_id AND b.id NOT IN (SELECT unnest(only_ids) FROM p)
    WHERE b.prev_score IS NOT NULL
  ),`;

/** Where the ranking comes from: computed from the base tables or the rollups, or a stored snapshot. */
/** `readWith`: a snapshot built on the primary during a replica-served request is read outside that request's snapshot. */
export type RankingSource = 'base' | 'rollups' | { snapshot: number; readWith?: EntityManager };

/**
 * `cur_ranked` (every client manager of the month, ranked bank-wide); params: rankedParams().
 * `incremental` (rollups only): score only p.only_ids and take everyone else from snapshot p.base_id.
 */
export function rankedCte(fromRollups: boolean, incremental = false): string {
  if (incremental && !fromRollups) throw new Error('an incremental ranking is built from the rollups');
  const sql = RANKED_CTE.replace('/*pre*/', fromRollups ? YTD_ROLLUP : '').replace('/*facts*/', fromRollups ? RANKING_FACTS_ROLLUP : RANKING_FACTS_BASE);
  if (!incremental) return sql.replace(/\/\*only(:[\w.]+|key)\*\//g, '');
  return sql
    .replace(/\/\*only:([\w.]+)\*\//g, 'AND $1 IN (SELECT unnest(only_ids) FROM p)')
    .replace('/*onlykey*/', 'AND r.key IN (SELECT unnest(only_ids)::text FROM p)')
    .replace('/*merge*/', MERGE_BASE)
    .replace('/*scored*/scored', 'scored_all');
}

/** Params of rankedCte(): month, norm, weight version; for an incremental build the changed people and the base. */
export function rankedParams(f: Pick<RankingFilter, 'month' | 'norm' | 'versionId'>, incremental?: { onlyIds: number[]; baseId: number }): unknown[] {
  return [`${f.month}-01`, f.norm, f.versionId, incremental ? `{${incremental.onlyIds.join(',')}}` : null, incremental?.baseId ?? null];
}

/** The filtered population (`pop`) with the viewer's row scope (a predicate built from integers only). */
const POP_FILTER = `(?::int IS NULL OR branch_id = ?::int) AND (?::int IS NULL OR team_id = ?::int) AND (?::text IS NULL OR role = ?::text)`;

/**
 * CTEs ending in `pop`, and their params, for a ranking source. From a snapshot, `present` tells
 * whether the snapshot still existed when the statement ran (one is deleted once superseded; a
 * reader that finds it gone recomputes); rows of a snapshot that is gone are never read (there is
 * no foreign key: they are deleted by the next build).
 */
export function popCte(f: RankingFilter, source: RankingSource): { sql: string; params: unknown[] } {
  const filterParams = [f.branchId, f.branchId, f.teamId, f.teamId, f.role, f.role];
  if (typeof source === 'object') {
    return {
      sql: `snap AS (SELECT EXISTS (SELECT 1 FROM ranking_snapshot WHERE id = ?::bigint) AS present),
      pop AS NOT MATERIALIZED (SELECT * FROM ranking_snapshot_row WHERE snapshot_id = ?::bigint AND (SELECT present FROM snap) AND ${POP_FILTER} AND (${f.scope}))`,
      params: [source.snapshot, source.snapshot, ...filterParams],
    };
  }
  return {
    sql: `${rankedCte(source === 'rollups')},
      snap AS (SELECT true AS present),
      pop AS NOT MATERIALIZED (SELECT * FROM cur_ranked WHERE ${POP_FILTER} AND (${f.scope}))`,
    params: [...rankedParams(f), ...filterParams],
  };
}

/** The columns of cur_ranked a snapshot stores (ranking_snapshot_row, migration 070000). */
export const SNAPSHOT_COLUMNS = `rank, id, name, role, team_id, branch_id, workload, npl_ratio, recovery_rate, timeliness, coverage, deviation,
  c_aq, c_rec, c_rep, c_con, c_wl, w_aq, w_rec, w_rep, w_con, w_wl, score, branch_rank, quartile, previous_rank, prev_score, prev_npl_ratio`;
