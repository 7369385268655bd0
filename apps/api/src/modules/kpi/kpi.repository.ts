import type { EntityManager } from '@mikro-orm/postgresql';
import type { Classification } from '@loan-desk/domain';
import { sql, sqlOne } from '../../common/sql.js';
import { coveredClientInScope, plansInScope, projectInScope, type ResolvedScope } from './kpi-scope.js';
import { q, raw, type Fragment } from './sql-fragment.js';
import { CLASS_VALUES, coverageOf, monthlySums } from '../rollup/rollup.reads.js';

/** One requested month with the bounds of its period (first days of months, `YYYY-MM-01`). */
export interface MonthWindow {
  /** The month m itself. */
  month: string;
  /** First month of the flow period (m, or January for YTD / YEAR). */
  periodStart: string;
  /** Last month of the flow period (m, or December for YEAR). */
  periodEnd: string;
  /** Last month counted in plan attainment's repaid amount (m, or December for YEAR). */
  attainmentEnd: string;
}

export interface KpiRow {
  month: string;
  hasStatements: boolean;
  outstandingBalance: string;
  nplBalance: string;
  nplRatio: string;
  amountDue: string | null;
  amountRepaid: string | null;
  recoveryRate: string | null;
  repaidYearToDate: string;
  plannedRecovery: string | null;
  recoveryPlanAttainment: string | null;
  downgradeRate: string | null;
  downgradeCandidates: number;
  downgrades: number;
  reportTimeliness: string | null;
  statementsCounted: number;
  statementsOnTime: number;
  contactCoverage: string | null;
  clientsActive: number;
  clientsContacted: number;
  activeProjects: number;
}

export interface MixRow {
  month: string;
  classification: Classification;
  balance: string;
  projectCount: number;
  share: string;
}

const NPL = `('substandard', 'doubtful', 'loss')`;

/** `k(month, pstart, pend, aend)`: the requested months, passed as comma-separated date lists. */
function monthsCte(windows: readonly MonthWindow[]): Fragment {
  const list = (f: (w: MonthWindow) => string) => windows.map(f).join(',');
  return q`k AS (
    SELECT t.month, t.pstart, t.pend, t.aend, date_trunc('year', t.month)::date AS ystart,
           (t.month + interval '1 month' - interval '1 day')::date AS last_day
    FROM unnest(string_to_array(${list((w) => w.month)}, ',')::date[],
                string_to_array(${list((w) => w.periodStart)}, ',')::date[],
                string_to_array(${list((w) => w.periodEnd)}, ',')::date[],
                string_to_array(${list((w) => w.attainmentEnd)}, ',')::date[]) AS t(month, pstart, pend, aend)
  )`;
}

/**
 * KPI queries of domain.md section 6. Everything is summed in PostgreSQL with exact numeric sums,
 * and each ratio is one division of two sums, rounded to 10 places only at the end.
 */
export class KpiRepository {
  constructor(private readonly em: EntityManager) {}

  /** Latest month with any statement (`YYYY-MM`), and the database's current date (`YYYY-MM-DD`). */
  async clock(): Promise<{ latestMonth: string | null; today: string }> {
    const row = await sqlOne<{ latestMonth: string | null; today: string }>(this.em,
      `SELECT (SELECT to_char(max(month), 'YYYY-MM') FROM cash_flow_statement) AS "latestMonth", to_char(current_date, 'YYYY-MM-DD') AS today`);
    return row!;
  }

  /**
   * All KPIs of a scope for several months at once (a series, or a month with its comparison
   * months). Flows are summed once per calendar month (`mf`), then added up over each requested
   * month's period; stocks are grouped by month. `asOf` decides whether an unsubmitted statement
   * is already late (its due date, the 10th of the next month, is before `asOf`) or not yet due.
   */
  async kpis(scope: ResolvedScope, windows: readonly MonthWindow[], asOf: string): Promise<KpiRow[]> {
    if (!windows.length) return [];
    const query = q`
      WITH ${monthsCte(windows)},
      sp AS (SELECT p.id FROM project p WHERE ${projectInScope(scope)}),
      rng AS (SELECT min(ystart) AS lo, max(pend) AS hi FROM k),
      -- flows per calendar month, once
      mf AS (
        SELECT s.month,
               sum(s.principal_due + s.interest_due) AS due,
               sum(s.principal_repaid + s.interest_repaid) AS repaid,
               count(*) FILTER (WHERE s.submitted_on IS NOT NULL
                                   OR (s.month + interval '1 month 9 days')::date < ${asOf}::date) AS counted,
               count(*) FILTER (WHERE s.submitted_on <= (s.month + interval '1 month 9 days')::date) AS on_time
        FROM rng JOIN cash_flow_statement s ON s.month BETWEEN rng.lo AND rng.hi
        JOIN sp ON sp.id = s.project_id
        GROUP BY s.month
      ),
      flow AS (
        SELECT k.month,
               sum(mf.due) FILTER (WHERE mf.month BETWEEN k.pstart AND k.pend) AS due,
               sum(mf.repaid) FILTER (WHERE mf.month BETWEEN k.pstart AND k.pend) AS repaid,
               sum(mf.counted) FILTER (WHERE mf.month BETWEEN k.pstart AND k.pend) AS counted,
               sum(mf.on_time) FILTER (WHERE mf.month BETWEEN k.pstart AND k.pend) AS on_time,
               sum(mf.repaid) FILTER (WHERE mf.month BETWEEN k.ystart AND k.aend) AS repaid_att
        FROM k JOIN mf ON mf.month BETWEEN k.ystart AND k.pend
        GROUP BY k.month
      ),
      stock AS (
        SELECT s.month, sum(s.balance) AS bal,
               coalesce(sum(s.balance) FILTER (WHERE s.classification IN ${raw(NPL)}), 0) AS npl,
               count(*) AS active
        FROM cash_flow_statement s JOIN sp ON sp.id = s.project_id
        WHERE s.month IN (SELECT month FROM k)
        GROUP BY s.month
      ),
      dg AS (
        SELECT k.month, count(*) AS pairs, count(*) FILTER (WHERE s.classification > s0.classification) AS down
        FROM k JOIN cash_flow_statement s ON s.month = k.month
        JOIN sp ON sp.id = s.project_id
        JOIN cash_flow_statement s0 ON s0.project_id = s.project_id AND s0.month = (k.month - interval '3 months')::date
        GROUP BY k.month
      ),
      cc AS (
        SELECT DISTINCT k.month, k.last_day, c.id AS client_id
        FROM k JOIN cash_flow_statement s ON s.month = k.month
        JOIN project p ON p.id = s.project_id
        JOIN client c ON c.id = p.client_id
        WHERE ${coveredClientInScope(scope)}
      ),
      cov AS (
        SELECT cc.month, count(*) AS clients,
               count(*) FILTER (WHERE EXISTS (
                 SELECT 1 FROM client_contact x
                 WHERE x.client_id = cc.client_id AND x.contacted_on BETWEEN cc.last_day - 89 AND cc.last_day)) AS covered
        FROM cc GROUP BY cc.month
      ),
      plan AS (
        SELECT k.month, (SELECT sum(bt.planned_recovery) FROM branch_target bt
                         WHERE bt.year = extract(year FROM k.month)::int AND ${plansInScope(scope)}) AS planned
        FROM k
      )
      SELECT ${kpiColumns({ hasStatements: 'EXISTS (SELECT 1 FROM cash_flow_statement z WHERE z.month = k.month)', downgrades: 'dg', active: 'st.active' })}
      FROM k
      LEFT JOIN stock st ON st.month = k.month
      LEFT JOIN flow f ON f.month = k.month
      LEFT JOIN dg ON dg.month = k.month
      LEFT JOIN cov ON cov.month = k.month
      LEFT JOIN plan pl ON pl.month = k.month
      ORDER BY k.month`;
    return sql<KpiRow>(this.em, query.text, query.params);
  }

  /** Classification mix per month: every class (zero rows included), its balance, project count and balance share. */
  mix(scope: ResolvedScope, windows: readonly MonthWindow[]): Promise<MixRow[]> {
    if (!windows.length) return Promise.resolve([]);
    const query = q`
      WITH ${monthsCte(windows)},
      sp AS (SELECT p.id FROM project p WHERE ${projectInScope(scope)}),
      st AS (
        SELECT s.month, s.classification, sum(s.balance) AS bal, count(*) AS n
        FROM cash_flow_statement s JOIN sp ON sp.id = s.project_id
        WHERE s.month IN (SELECT month FROM k)
        GROUP BY s.month, s.classification
      )
      SELECT to_char(k.month, 'YYYY-MM') AS month, cl.cls AS classification,
             coalesce(st.bal, 0)::numeric(20, 2) AS balance,
             coalesce(st.n, 0)::int AS "projectCount",
             round(coalesce(st.bal / nullif(sum(st.bal) OVER (PARTITION BY k.month), 0), 0), 10) AS share
      FROM k CROSS JOIN unnest(enum_range(NULL::classification)) AS cl(cls)
      LEFT JOIN st ON st.month = k.month AND st.classification = cl.cls
      ORDER BY k.month, cl.cls`;
    return sql<MixRow>(this.em, query.text, query.params);
  }

  /**
   * The same KPI rows as `kpis`, read from the rollups (rollup_bank / _branch / _manager and
   * rollup_coverage): the scope's rows are summed per month, then exactly as above. Only valid
   * while the rollups are fresh (KpiService checks rollup_state / rollup_dirty first).
   */
  async kpisFromRollups(scope: ResolvedScope, windows: readonly MonthWindow[], asOf: string): Promise<KpiRow[]> {
    if (!windows.length) return [];
    const query = q`
      WITH ${monthsCte(windows)},
      rng AS (SELECT min(ystart) AS lo, max(pend) AS hi FROM k),
      mf AS (${monthlySums(scope)}),
      flow AS (
        SELECT k.month,
               sum(mf.due) FILTER (WHERE mf.month BETWEEN k.pstart AND k.pend) AS due,
               sum(mf.repaid) FILTER (WHERE mf.month BETWEEN k.pstart AND k.pend) AS repaid,
               sum(mf.sub + CASE WHEN (mf.month + interval '1 month 9 days')::date < ${asOf}::date THEN mf.n - mf.sub ELSE 0 END)
                 FILTER (WHERE mf.month BETWEEN k.pstart AND k.pend) AS counted,
               sum(mf.on_time) FILTER (WHERE mf.month BETWEEN k.pstart AND k.pend) AS on_time,
               sum(mf.repaid) FILTER (WHERE mf.month BETWEEN k.ystart AND k.aend) AS repaid_att
        FROM k JOIN mf ON mf.month BETWEEN k.ystart AND k.pend
        GROUP BY k.month
      ),
      cov AS (
        SELECT cv.month, sum(cv.clients) AS clients, sum(cv.covered) AS covered
        FROM rollup_coverage cv WHERE cv.month IN (SELECT month FROM k) AND ${coverageOf(scope)}
        GROUP BY cv.month
      ),
      plan AS (
        SELECT k.month, (SELECT sum(bt.planned_recovery) FROM branch_target bt
                         WHERE bt.year = extract(year FROM k.month)::int AND ${plansInScope(scope)}) AS planned
        FROM k
      )
      SELECT ${kpiColumns({ hasStatements: 'EXISTS (SELECT 1 FROM rollup_bank z WHERE z.month = k.month AND z.n > 0)', downgrades: 'st', active: 'st.n' })}
      FROM k
      LEFT JOIN mf st ON st.month = k.month
      LEFT JOIN flow f ON f.month = k.month
      LEFT JOIN cov ON cov.month = k.month
      LEFT JOIN plan pl ON pl.month = k.month
      ORDER BY k.month`;
    return sql<KpiRow>(this.em, query.text, query.params);
  }

  /** Classification mix from the rollups (per-class columns of the scope's monthly sums). */
  mixFromRollups(scope: ResolvedScope, windows: readonly MonthWindow[]): Promise<MixRow[]> {
    if (!windows.length) return Promise.resolve([]);
    const query = q`
      WITH ${monthsCte(windows)},
      rng AS (SELECT min(month) AS lo, max(month) AS hi FROM k),
      mf AS (${monthlySums(scope)}),
      st AS (
        SELECT x.month, v.cls, v.n, v.b, x.bal FROM mf x CROSS JOIN LATERAL ${raw(CLASS_VALUES)} AS v(cls, n, b)
        WHERE x.month IN (SELECT month FROM k)
      )
      SELECT to_char(k.month, 'YYYY-MM') AS month, cl.cls AS classification,
             coalesce(st.b, 0)::numeric(20, 2) AS balance,
             coalesce(st.n, 0)::int AS "projectCount",
             round(coalesce(st.b / nullif(st.bal, 0), 0), 10) AS share
      FROM k CROSS JOIN unnest(enum_range(NULL::classification)) AS cl(cls)
      LEFT JOIN st ON st.month = k.month AND st.cls = cl.cls
      ORDER BY k.month, cl.cls`;
    return sql<MixRow>(this.em, query.text, query.params);
  }
}

/**
 * The KPI row of one month from the month list `k` and its sources — stock `st` (bal, npl), flow `f`,
 * coverage `cov`, plans `pl`, downgrade pairs (`pairs`, `down` of the given alias) — shared by the
 * base-table and the rollup path so both produce the same columns, types and rounding.
 */
function kpiColumns(src: { hasStatements: string; downgrades: string; active: string }): Fragment {
  const dg = src.downgrades;
  return raw(`to_char(k.month, 'YYYY-MM') AS month,
             ${src.hasStatements} AS "hasStatements",
             coalesce(st.bal, 0)::numeric(20, 2) AS "outstandingBalance",
             coalesce(st.npl, 0)::numeric(20, 2) AS "nplBalance",
             round(coalesce(st.npl / nullif(st.bal, 0), 0), 10) AS "nplRatio",
             f.due::numeric(20, 2) AS "amountDue",
             f.repaid::numeric(20, 2) AS "amountRepaid",
             round(f.repaid / nullif(f.due, 0), 10) AS "recoveryRate",
             coalesce(f.repaid_att, 0)::numeric(20, 2) AS "repaidYearToDate",
             pl.planned AS "plannedRecovery",
             round(coalesce(f.repaid_att, 0) / nullif(pl.planned, 0), 10) AS "recoveryPlanAttainment",
             round(${dg}.down::numeric / nullif(${dg}.pairs, 0), 10) AS "downgradeRate",
             coalesce(${dg}.pairs, 0)::int AS "downgradeCandidates",
             coalesce(${dg}.down, 0)::int AS downgrades,
             round(f.on_time / nullif(f.counted, 0), 10) AS "reportTimeliness",
             coalesce(f.counted, 0)::int AS "statementsCounted",
             coalesce(f.on_time, 0)::int AS "statementsOnTime",
             round(cov.covered::numeric / nullif(cov.clients, 0), 10) AS "contactCoverage",
             coalesce(cov.clients, 0)::int AS "clientsActive",
             coalesce(cov.covered, 0)::int AS "clientsContacted",
             coalesce(${src.active}, 0)::int AS "activeProjects"`);
}
