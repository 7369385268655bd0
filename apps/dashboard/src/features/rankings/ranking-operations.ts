import { graphql } from '../../gql';

export const ClientManagerRankingQuery = graphql(`
  query ClientManagerRanking($month: Month, $branchId: ID, $teamId: ID, $role: StaffRole, $after: String) {
    # Literal page size: the API prices a $first variable at 500 rows.
    clientManagerRanking(month: $month, branchId: $branchId, teamId: $teamId, role: $role, first: 300, after: $after) {
      month
      count
      norm
      weightVersion {
        id
        version
      }
      distribution {
        mean
        median
        buckets {
          from
          to
          count
        }
        topDecile {
          count
          threshold
        }
        bottomDecile {
          count
          threshold
        }
      }
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

export const RankingRowFragment = graphql(`
  fragment RankingRow on RankedClientManager {
    id
    score
    rank
    branchRank
    quartile
    previousRank
    rankChange
    nplRatio
    activeProjects
    staff {
      id
      name
      role
      employeeNo
    }
    branch {
      id
      name
      nameZh
    }
    team {
      id
      name
      sector
    }
    components {
      component
      kpiValue
      normalized
      weight
      contribution
    }
  }
`);

export const BranchTeamsQuery = graphql(`
  query BranchTeams($id: ID!) {
    orgUnit(id: $id) {
      id
      teams {
        id
        name
        sector
        memberCount
      }
    }
  }
`);
