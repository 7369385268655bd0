import { graphql } from '../../gql';

export const BranchInfoQuery = graphql(`
  query BranchInfo($id: ID!) {
    orgUnit(id: $id) {
      id
      code
      name
      nameZh
      region
      staffCount
      clientManagerCount
    }
  }
`);

export const BranchWorkloadsQuery = graphql(`
  query BranchWorkloads($month: Month, $branchId: ID, $after: String) {
    workloads(month: $month, branchId: $branchId, first: 200, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        activeProjects
        keyOrLargeProjects
        balance
        deviation
        flag
        norm
        staff {
          id
          name
          role
        }
      }
    }
  }
`);

export const BranchRankingQuery = graphql(`
  query BranchRanking($month: Month, $branchId: ID, $after: String) {
    clientManagerRanking(month: $month, branchId: $branchId, first: 250, after: $after) {
      count
      rows {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RankingRow
        }
      }
    }
  }
`);

export const WatchListQuery = graphql(`
  query WatchList($branchId: ID!) {
    projects(
      filter: { branchId: $branchId, importance: [KEY, LARGE], status: [ACTIVE] }
      orderBy: { field: CLASSIFICATION, direction: DESC }
      first: 100
    ) {
      totalCount
      nodes {
        id
        name
        importance
        classification
        balance
        currency
        sector
        client {
          id
          name
        }
        clientManager {
          id
          name
        }
        lastStatement {
          month
          daysOverdue
          submittedOn
          submittedOnTime
        }
      }
    }
  }
`);

/**
 * The branch chooser: every branch as a tile (name, target status, NPL ratio, rank). The same
 * selection as "show all" in the ranking card (BranchScorecardsAll), so the two share cached rows.
 */
export const BranchChooserQuery = graphql(`
  query BranchChooser($month: Month) {
    branchScorecards(month: $month) {
      month
      rows {
        ...ScorecardRow
      }
    }
  }
`);

/** One branch's scorecard (hero, scorecard detail, trend target) and how many branches are ranked. */
export const BranchScorecardQuery = graphql(`
  query BranchScorecard($month: Month, $branchId: ID!) {
    branchScorecards(month: $month) {
      month
      summary {
        branches
      }
      rows(branchIds: [$branchId]) {
        ...ScorecardRow
        quartile
        previousRank
        repaidYtd
        projection {
          months
          nplRatio
          recoveryRateYtd
        }
        components {
          component
          value
          normalized
          weight
          contribution
        }
      }
    }
  }
`);
