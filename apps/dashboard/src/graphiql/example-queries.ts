/** Tabs GraphiQL opens with: the questions HQ planners ask most. */
export const EXAMPLE_TABS: { query: string; variables?: string }[] = [
  {
    query: `# Loan Desk GraphQL API — example queries for HQ planners.
# Ctrl+Enter runs the query; the Docs panel lists every field with its definition.

# Bank headline KPIs for a month, with the previous month and the same month last year.
query BankKpis($month: Month) {
  kpi(scope: { kind: BANK }, month: $month) {
    month
    outstandingBalance
    nplBalance
    nplRatio
    recoveryRate
    recoveryPlanAttainment
    downgradeRate
    activeProjects
    classificationMix { classification balance projectCount share }
    previousMonth { nplRatio outstandingBalance }
    sameMonthLastYear { nplRatio outstandingBalance }
  }
}`,
    variables: '{ "month": null }',
  },
  {
    query: `# Branch scorecards: NPL ratio and recovery rate against each branch's annual target.
query BranchScorecards($month: Month) {
  branchScorecards(month: $month) {
    rows {
      rank
      score
      met
      branch { code name nameZh }
      nplRatio { actual target gapBps met }
      recoveryRateYtd { actual target gapPp met }
      planAttainment
    }
  }
}`,
  },
  {
    query: `# Client-manager ranking with each component's contribution (filter by branch, team or role).
query Ranking($branchId: ID) {
  clientManagerRanking(branchId: $branchId, first: 20) {
    count
    weightVersion { version weights { component weight } }
    distribution { mean median topDecile { threshold } bottomDecile { threshold } }
    rows {
      nodes {
        rank branchRank quartile rankChange score nplRatio
        staff { name role }
        branch { name }
        components { component kpiValue normalized weight contribution }
      }
    }
  }
}`,
    variables: '{ "branchId": null }',
  },
  {
    query: `# Workloads against the norm (4 projects per client manager), heaviest first.
query Workloads($norm: Decimal) {
  workloads(norm: $norm, first: 50) {
    totalCount
    nodes { staff { name role } branch { name } activeProjects keyOrLargeProjects balance deviation flag }
  }
  workloadDistribution(norm: $norm) { branch { name } clientManagers mean median overloaded underloaded }
}`,
    variables: '{ "norm": "4" }',
  },
  {
    query: `# Staffing plan (domain plan section 3) and a what-if on the workload norm.
query Staffing($norm: Decimal) {
  staffingPlan {
    scenarios { name nameZh clientManagersTotal loanManagementStaffTotal projectsPerClientManager }
    rows { key label labelZh values change }
  }
  staffingWhatIf(norm: $norm) {
    totalRequiredClientManagers totalActualClientManagers
    rows { branch { name } activeProjects actualClientManagers requiredClientManagers gap }
  }
}`,
    variables: '{ "norm": "3.5" }',
  },
  {
    query: `# Non-performing key and large projects, largest balance first (page with \`after\`).
query WatchList($after: String) {
  projects(
    filter: { importance: [KEY, LARGE], classification: [SUBSTANDARD, DOUBTFUL, LOSS], status: [ACTIVE] }
    orderBy: { field: BALANCE, direction: DESC }
    first: 100
    after: $after
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      name importance classification balance currency
      branch { name } clientManager { name } client { name }
      lastStatement { month daysOverdue submittedOn }
    }
  }
}`,
  },
];
