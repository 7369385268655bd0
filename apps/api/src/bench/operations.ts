/**
 * The GraphQL documents the dashboard's Overview, Branch and Rankings pages send, copied from
 * apps/dashboard/src/features/{overview,branch,rankings}/*-operations.ts (fragments inlined), and
 * beside each the plain SQL a developer would write on the base tables for the same numbers.
 */

const KPI_FIELDS = `
  fragment KpiFields on KpiSnapshot {
    month outstandingBalance nplBalance nplRatio recoveryRate recoveryPlanAttainment downgradeRate reportTimeliness contactCoverage activeProjects
  }`;

const RANKING_ROW = `
  fragment RankingRow on RankedClientManager {
    id score rank branchRank quartile previousRank rankChange nplRatio activeProjects
    staff { id name role employeeNo }
    branch { id name nameZh }
    team { id name sector }
    components { component kpiValue normalized weight contribution }
  }`;

export const OVERVIEW_KPI = `
  query OverviewKpi($scope: KpiScope!, $month: Month) {
    kpi(scope: $scope, month: $month) {
      ...KpiFields
      scope { name }
      classificationMix { classification balance projectCount share }
      previousMonth { ...KpiFields }
      sameMonthLastYear { ...KpiFields }
    }
    ytd: kpi(scope: $scope, month: $month, period: YEAR_TO_DATE) { month recoveryRate recoveryPlanAttainment reportTimeliness }
  }
  ${KPI_FIELDS}`;

export const KPI_TREND = `
  query KpiTrend($scope: KpiScope!, $from: Month!, $to: Month!) {
    kpiSeries(scope: $scope, from: $from, to: $to) {
      month nplRatio recoveryRate outstandingBalance
      classificationMix { classification balance projectCount share }
    }
  }`;

const SCORECARD_ROW = `
  fragment ScorecardRow on BranchScorecard {
    rank rankChange score met planAttainment
    branch { id code name nameZh }
    nplRatio { actual target gapBps met }
    recoveryRateYtd { actual target gapPp met }
  }`;

/** Overview charts: per KPI the 30 branches furthest from target, the selected branch, counts (overview/scorecard-operations.ts). */
export const OVERVIEW_SCORECARDS = `
  query OverviewScorecards($month: Month, $selected: [ID!]) {
    branchScorecards(month: $month) {
      month
      summary { branches withTarget met missed nplMet nplMissed recoveryMet recoveryMissed }
      nplWorst: rows(first: 30, orderBy: { field: NPL_GAP, direction: DESC }) { ...ScorecardRow }
      recoveryWorst: rows(first: 30, orderBy: { field: RECOVERY_GAP, direction: ASC }) { ...ScorecardRow }
      attainmentLowest: rows(first: 30, orderBy: { field: PLAN_ATTAINMENT, direction: ASC }) { ...ScorecardRow }
      selected: rows(branchIds: $selected, first: 1) { ...ScorecardRow }
    }
  }
  ${SCORECARD_ROW}`;

/** The branch ranking card on Overview and Rankings: top and bottom 15 (overview/scorecard-operations.ts). */
export const BRANCH_RANKING_CARD = `
  query BranchRankingCard($month: Month) {
    branchScorecards(month: $month) {
      month
      weightVersion { version }
      summary { branches }
      top: rows(first: 15) { ...ScorecardRow }
      bottom: rows(first: 15, orderBy: { field: RANK, direction: DESC }) { ...ScorecardRow }
    }
  }
  ${SCORECARD_ROW}`;

/** "Show all" in the ranking card: every branch (overview/scorecard-operations.ts; on demand, not timed in the Overview mix). */
export const BRANCH_SCORECARDS_ALL = `
  query BranchScorecardsAll($month: Month) {
    branchScorecards(month: $month) { month rows { ...ScorecardRow } }
  }
  ${SCORECARD_ROW}`;

/** One branch's scorecard on the Branch page (branch/branch-operations.ts). */
export const BRANCH_SCORECARD = `
  query BranchScorecard($month: Month, $branchId: ID!) {
    branchScorecards(month: $month) {
      month
      summary { branches }
      rows(branchIds: [$branchId]) {
        ...ScorecardRow
        quartile previousRank repaidYtd
        projection { months nplRatio recoveryRateYtd }
        components { component value normalized weight contribution }
      }
    }
  }
  ${SCORECARD_ROW}`;

export const BRANCH_INFO = `
  query BranchInfo($id: ID!) {
    orgUnit(id: $id) { id code name nameZh region staffCount clientManagerCount }
  }`;

export const BRANCH_WORKLOADS = `
  query BranchWorkloads($month: Month, $branchId: ID, $after: String) {
    workloads(month: $month, branchId: $branchId, first: 200, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id activeProjects keyOrLargeProjects balance deviation flag norm staff { id name role } }
    }
  }`;

export const BRANCH_RANKING = `
  query BranchRanking($month: Month, $branchId: ID, $after: String) {
    clientManagerRanking(month: $month, branchId: $branchId, first: 250, after: $after) {
      count
      rows { totalCount pageInfo { hasNextPage endCursor } nodes { ...RankingRow } }
    }
  }
  ${RANKING_ROW}`;

export const WATCH_LIST = `
  query WatchList($branchId: ID!) {
    projects(filter: { branchId: $branchId, importance: [KEY, LARGE], status: [ACTIVE] }, orderBy: { field: CLASSIFICATION, direction: DESC }, first: 100) {
      totalCount
      nodes {
        id name importance classification balance currency sector
        client { id name }
        clientManager { id name }
        lastStatement { month daysOverdue submittedOn submittedOnTime }
      }
    }
  }`;

export const CLIENT_MANAGER_RANKING = `
  query ClientManagerRanking($month: Month, $branchId: ID, $teamId: ID, $role: StaffRole, $after: String) {
    clientManagerRanking(month: $month, branchId: $branchId, teamId: $teamId, role: $role, first: 300, after: $after) {
      month count norm
      weightVersion { id version }
      distribution {
        mean median
        buckets { from to count }
        topDecile { count threshold }
        bottomDecile { count threshold }
      }
      rows { totalCount pageInfo { hasNextPage endCursor } nodes { ...RankingRow } }
    }
  }
  ${RANKING_ROW}`;

export const BRANCH_TEAMS = `
  query BranchTeams($id: ID!) {
    orgUnit(id: $id) { id teams { id name sector memberCount } }
  }`;

/** $1 month (first day); the scope predicate on project p is spliced in. */
const NPL = `('substandard', 'doubtful', 'loss')`;

/** Plain SQL for the KPI snapshot with previous month, last year and year-to-date (what OverviewKpi shows). */
export function plainKpiSnapshot(scope: string): string[] {
  return [
    // stocks and monthly flows for m, m − 1, m − 12 by class
    `SELECT s.month, s.classification, sum(s.balance), count(*), sum(s.principal_due + s.interest_due), sum(s.principal_repaid + s.interest_repaid),
            count(*) FILTER (WHERE s.submitted_on <= (s.month + interval '1 month 9 days')::date),
            count(*) FILTER (WHERE s.submitted_on IS NOT NULL OR (s.month + interval '1 month 9 days')::date < current_date)
     FROM cash_flow_statement s JOIN project p ON p.id = s.project_id
     WHERE s.month IN ($1::date, ($1::date - interval '1 month')::date, ($1::date - interval '12 months')::date) AND ${scope}
     GROUP BY 1, 2`,
    // year-to-date flows
    `SELECT sum(s.principal_due + s.interest_due), sum(s.principal_repaid + s.interest_repaid),
            count(*) FILTER (WHERE s.submitted_on <= (s.month + interval '1 month 9 days')::date),
            count(*) FILTER (WHERE s.submitted_on IS NOT NULL OR (s.month + interval '1 month 9 days')::date < current_date)
     FROM cash_flow_statement s JOIN project p ON p.id = s.project_id
     WHERE s.month BETWEEN date_trunc('year', $1::date)::date AND $1::date AND ${scope}`,
    // downgrades against m − 3
    `SELECT s.month, count(*), count(*) FILTER (WHERE s.classification > s0.classification)
     FROM cash_flow_statement s JOIN project p ON p.id = s.project_id
     JOIN cash_flow_statement s0 ON s0.project_id = s.project_id AND s0.month = (s.month - interval '3 months')::date
     WHERE s.month IN ($1::date, ($1::date - interval '1 month')::date, ($1::date - interval '12 months')::date) AND ${scope}
     GROUP BY 1`,
    // contact coverage of owned clients with an active project
    `SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM client_contact x WHERE x.client_id = c.id
              AND x.contacted_on BETWEEN ($1::date + interval '1 month' - interval '1 day')::date - 89 AND ($1::date + interval '1 month' - interval '1 day')::date))
     FROM client c WHERE c.owner_id IS NOT NULL AND EXISTS (SELECT 1 FROM project p JOIN cash_flow_statement s ON s.project_id = p.id AND s.month = $1::date
              WHERE p.client_id = c.id AND ${scope})`,
  ];
}

/** Plain SQL for the 24-month trend: NPL ratio, recovery rate, balance and mix per month. */
export function plainTrend(scope: string): string[] {
  return [
    `SELECT s.month, s.classification, sum(s.balance), count(*), sum(s.principal_due + s.interest_due), sum(s.principal_repaid + s.interest_repaid)
     FROM cash_flow_statement s JOIN project p ON p.id = s.project_id
     WHERE s.month BETWEEN ($1::date - interval '23 months')::date AND $1::date AND ${scope}
     GROUP BY 1, 2`,
  ];
}

/**
 * Plain SQL for the branch scorecards: per branch and month of the year, balance, NPL, due and repaid
 * (every branch: ranks, the furthest from target and met/missed counts need all of them).
 */
export const PLAIN_SCORECARDS = [
  `SELECT s.month, p.branch_id, sum(s.balance), sum(s.balance) FILTER (WHERE s.classification IN ${NPL}),
          sum(s.principal_due + s.interest_due), sum(s.principal_repaid + s.interest_repaid)
   FROM cash_flow_statement s JOIN project p ON p.id = s.project_id
   WHERE s.month BETWEEN least(date_trunc('year', $1::date)::date, ($1::date - interval '1 month')::date) AND $1::date
   GROUP BY 1, 2`,
];

/** Plain SQL for a branch's workloads: per client manager of the branch, projects active at m. */
export const PLAIN_WORKLOADS = [
  `SELECT st.id, count(s.project_id), coalesce(sum(s.balance), 0), count(*) FILTER (WHERE p.importance IN ('key', 'large'))
   FROM staff st JOIN org_unit u ON u.id = st.unit_id
   LEFT JOIN project p ON p.manager_id = st.id
   LEFT JOIN cash_flow_statement s ON s.project_id = p.id AND s.month = $1::date
   WHERE st.active AND st.role IN ('client_manager', 'senior_client_manager') AND (u.id = $2 OR u.parent_id = $2)
   GROUP BY st.id`,
];

/** Plain SQL for the client-manager ranking: every manager's KPIs for m and m − 1 (ranks are bank-wide), YTD flows, coverage. */
export const PLAIN_RANKING = [
  `SELECT p.manager_id, s.month, count(*), sum(s.balance), sum(s.balance) FILTER (WHERE s.classification IN ${NPL}),
          sum(s.principal_due + s.interest_due), sum(s.principal_repaid + s.interest_repaid),
          count(*) FILTER (WHERE s.submitted_on <= (s.month + interval '1 month 9 days')::date),
          count(*) FILTER (WHERE s.submitted_on IS NOT NULL OR (s.month + interval '1 month 9 days')::date < current_date)
   FROM cash_flow_statement s JOIN project p ON p.id = s.project_id
   WHERE s.month BETWEEN least(date_trunc('year', $1::date)::date, ($1::date - interval '1 month')::date) AND $1::date AND p.manager_id IS NOT NULL
   GROUP BY 1, 2`,
  `SELECT c.owner_id, count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM client_contact x WHERE x.client_id = c.id
            AND x.contacted_on BETWEEN ($1::date + interval '1 month' - interval '1 day')::date - 89 AND ($1::date + interval '1 month' - interval '1 day')::date))
   FROM client c WHERE c.owner_id IS NOT NULL
     AND EXISTS (SELECT 1 FROM project p JOIN cash_flow_statement s ON s.project_id = p.id AND s.month = $1::date WHERE p.client_id = c.id)
   GROUP BY 1`,
];

/** Plain SQL for the watch list: key and large active projects of the branch, worst class first, with the last statement. */
export const PLAIN_WATCH_LIST = [
  `-- params: branch
   SELECT p.id, p.name, p.importance, p.classification, p.balance, c.name, m.name, ls.month, ls.days_overdue, ls.submitted_on
   FROM project p JOIN client c ON c.id = p.client_id LEFT JOIN staff m ON m.id = p.manager_id
   LEFT JOIN LATERAL (SELECT * FROM cash_flow_statement s WHERE s.project_id = p.id ORDER BY s.month DESC LIMIT 1) ls ON true
   WHERE p.branch_id = $1 AND p.importance IN ('key', 'large') AND p.status = 'active'
   ORDER BY p.classification DESC, p.id LIMIT 100`,
];
