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
