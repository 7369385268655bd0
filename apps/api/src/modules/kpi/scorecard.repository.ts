import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, sqlOne } from '../../common/sql.js';
import { q, raw } from './sql-fragment.js';

export interface BranchWeights {
  npl: string;
  recovery: string;
  attainment: string;
}

export interface ScoreRow {
  month: string;
  branchId: number;
  hasStatements: boolean;
  nplRatio: string;
  recoveryRateYtd: string | null;
  repaidYtd: string;
  planAttainment: string | null;
  targetNplRatio: string | null;
  targetRecoveryRate: string | null;
  nplGapBps: string | null;
  nplMet: boolean | null;
  recoveryGapPp: string | null;
  recoveryMet: boolean | null;
  nplComponent: string;
  recoveryComponent: string;
  attainmentComponent: string;
  nplContribution: string;
  recoveryContribution: string;
  attainmentContribution: string;
  score: string;
  rank: number;
  quartile: number;
}

export interface MonthlyBranchValue {
  branchId: number;
  monthIndex: number;
  nplRatio: string;
  recoveryRateYtd: string | null;
}

export interface WeightVersionRow {
  id: number;
  version: number;
  publishedAt: Date | string;
  note: string | null;
}

export class ScorecardRepository {
  constructor(private readonly em: EntityManager) {}

  /** Latest branch weight version published at or before now, with its weights. */
  async latestBranchWeights(): Promise<{ version: WeightVersionRow; weights: { component: string; weight: string }[] } | undefined> {
    const version = await sqlOne<WeightVersionRow>(this.em, `SELECT id, version, published_at AS "publishedAt", note FROM score_weight_version
      WHERE subject = 'branch' AND published_at <= now() ORDER BY published_at DESC, version DESC LIMIT 1`);
    if (!version) return undefined;
    const weights = await sql<{ component: string; weight: string }>(this.em, `SELECT component, weight FROM score_weight WHERE version_id = ? ORDER BY component`, [version.id]);
    return { version, weights };
  }

  /**
   * Every branch's KPIs, target gaps, score components, score and rank for each month, in one
   * statement: stocks at m and year-to-date flows grouped by (month, branch), scored and ranked
   * with a window function (score desc, NPL ratio asc, name, id).
   */
  scores(months: readonly string[], w: BranchWeights, fromRollups = false): Promise<ScoreRow[]> {
    const stockFlow = fromRollups
      ? q`
      stock AS (
        SELECT r.month, r.branch_id, r.balance AS bal, r.npl_balance AS npl
        FROM rollup_branch r WHERE r.month IN (SELECT month FROM k) AND r.n > 0
      ),
      flow AS (
        SELECT k.month, r.branch_id, sum(r.due) AS due, sum(r.repaid) AS repaid
        FROM k JOIN rollup_branch r ON r.month BETWEEN date_trunc('year', k.month)::date AND k.month AND r.n > 0
        GROUP BY k.month, r.branch_id
      ),`
      : q`
      stock AS (
        SELECT s.month, p.branch_id, sum(s.balance) AS bal,
               coalesce(sum(s.balance) FILTER (WHERE s.classification IN ('substandard', 'doubtful', 'loss')), 0) AS npl
        FROM cash_flow_statement s JOIN project p ON p.id = s.project_id
        WHERE s.month IN (SELECT month FROM k)
        GROUP BY s.month, p.branch_id
      ),
      flow AS (
        SELECT k.month, p.branch_id,
               sum(s.principal_due + s.interest_due) AS due, sum(s.principal_repaid + s.interest_repaid) AS repaid
        FROM k JOIN cash_flow_statement s ON s.month BETWEEN date_trunc('year', k.month)::date AND k.month
        JOIN project p ON p.id = s.project_id
        GROUP BY k.month, p.branch_id
      ),`;
    const query = q`
      WITH k AS (SELECT t.m AS month FROM unnest(string_to_array(${months.map((m) => `${m}-01`).join(',')}, ',')::date[]) AS t(m)),
      b AS (SELECT id, name FROM org_unit WHERE kind = 'branch'),${stockFlow}
      kp AS (
        SELECT k.month, b.id AS branch_id, b.name,
               coalesce(st.npl / nullif(st.bal, 0), 0) AS npl_ratio,
               fl.repaid / nullif(fl.due, 0) AS rec,
               coalesce(fl.repaid, 0) AS repaid,
               coalesce(fl.repaid, 0) / nullif(bt.planned_recovery, 0) AS att,
               bt.target_npl_ratio, bt.target_recovery_rate
        FROM k CROSS JOIN b
        LEFT JOIN stock st ON st.month = k.month AND st.branch_id = b.id
        LEFT JOIN flow fl ON fl.month = k.month AND fl.branch_id = b.id
        LEFT JOIN branch_target bt ON bt.branch_id = b.id AND bt.year = extract(year FROM k.month)::int
      ),
      comp AS (
        SELECT kp.*, wt.*,
               100 * (1 - least(kp.npl_ratio / 0.20, 1)) AS c_npl,
               coalesce(100 * least(kp.rec, 1), 100) AS c_rec,
               coalesce(100 * least(kp.att, 1), 100) AS c_att
        FROM kp, (SELECT ${w.npl}::numeric AS w_npl, ${w.recovery}::numeric AS w_rec, ${w.attainment}::numeric AS w_att) wt
      ),
      sc AS (
        SELECT comp.*, w_npl * c_npl AS p_npl, w_rec * c_rec AS p_rec, w_att * c_att AS p_att,
               w_npl * c_npl + w_rec * c_rec + w_att * c_att AS score
        FROM comp
      ),
      rk AS (
        SELECT sc.*,
               row_number() OVER (PARTITION BY month ORDER BY score DESC, npl_ratio, name COLLATE "C", branch_id) AS rnk,
               count(*) OVER (PARTITION BY month) AS n
        FROM sc
      )
      SELECT to_char(month, 'YYYY-MM') AS month, branch_id AS "branchId",
             EXISTS (SELECT 1 FROM ${fromRollups ? raw('rollup_bank z WHERE z.month = rk.month AND z.n > 0') : raw('cash_flow_statement z WHERE z.month = rk.month')}) AS "hasStatements",
             round(npl_ratio, 10) AS "nplRatio",
             round(rec, 10) AS "recoveryRateYtd",
             repaid::numeric(20, 2) AS "repaidYtd",
             round(att, 10) AS "planAttainment",
             target_npl_ratio AS "targetNplRatio",
             target_recovery_rate AS "targetRecoveryRate",
             round((npl_ratio - target_npl_ratio) * 10000, 6) AS "nplGapBps",
             npl_ratio <= target_npl_ratio AS "nplMet",
             round((rec - target_recovery_rate) * 100, 8) AS "recoveryGapPp",
             CASE WHEN target_recovery_rate IS NULL THEN NULL ELSE coalesce(rec >= target_recovery_rate, TRUE) END AS "recoveryMet",
             round(c_npl, 10) AS "nplComponent",
             round(c_rec, 10) AS "recoveryComponent",
             round(c_att, 10) AS "attainmentComponent",
             round(p_npl, 10) AS "nplContribution",
             round(p_rec, 10) AS "recoveryContribution",
             round(p_att, 10) AS "attainmentContribution",
             round(score, 10) AS score,
             rnk::int AS rank,
             ((4 * rnk + n - 1) / n)::int AS quartile
      FROM rk
      ORDER BY month, rnk`;
    return sql<ScoreRow>(this.em, query.text, query.params);
  }

  /**
   * Each branch's monthly NPL ratio and year-to-date recovery rate from January to `month`
   * (months where the branch has statements), unrounded, for the year-end projection.
   */
  monthlyValues(month: string, fromRollups = false): Promise<MonthlyBranchValue[]> {
    const query = fromRollups
      ? q`
      WITH mon AS (
        SELECT r.month, r.branch_id, r.balance AS bal, r.npl_balance AS npl, r.due, r.repaid
        FROM rollup_branch r
        WHERE r.month BETWEEN date_trunc('year', ${`${month}-01`}::date)::date AND ${`${month}-01`}::date AND r.n > 0
      )
      SELECT branch_id AS "branchId", extract(month FROM month)::int AS "monthIndex",
             coalesce(npl / nullif(bal, 0), 0)::text AS "nplRatio",
             (sum(repaid) OVER w / nullif(sum(due) OVER w, 0))::text AS "recoveryRateYtd"
      FROM mon
      WINDOW w AS (PARTITION BY branch_id ORDER BY month)
      ORDER BY branch_id, month`
      : q`
      WITH mon AS (
        SELECT s.month, p.branch_id, sum(s.balance) AS bal,
               coalesce(sum(s.balance) FILTER (WHERE s.classification IN ('substandard', 'doubtful', 'loss')), 0) AS npl,
               sum(s.principal_due + s.interest_due) AS due, sum(s.principal_repaid + s.interest_repaid) AS repaid
        FROM cash_flow_statement s JOIN project p ON p.id = s.project_id
        WHERE s.month BETWEEN date_trunc('year', ${`${month}-01`}::date)::date AND ${`${month}-01`}::date
        GROUP BY s.month, p.branch_id
      )
      SELECT branch_id AS "branchId", extract(month FROM month)::int AS "monthIndex",
             coalesce(npl / nullif(bal, 0), 0)::text AS "nplRatio",
             (sum(repaid) OVER w / nullif(sum(due) OVER w, 0))::text AS "recoveryRateYtd"
      FROM mon
      WINDOW w AS (PARTITION BY branch_id ORDER BY month)
      ORDER BY branch_id, month`;
    return sql<MonthlyBranchValue>(this.em, query.text, query.params);
  }
}
