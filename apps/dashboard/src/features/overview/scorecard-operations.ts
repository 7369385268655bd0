import { graphql } from '../../gql';

export const BranchScorecardsQuery = graphql(`
  query BranchScorecards($month: Month) {
    branchScorecards(month: $month) {
      month
      year
      weightVersion {
        version
      }
      rows {
        rank
        previousRank
        rankChange
        quartile
        score
        met
        planAttainment
        repaidYtd
        branch {
          id
          code
          name
          nameZh
        }
        nplRatio {
          actual
          target
          gapBps
          met
        }
        recoveryRateYtd {
          actual
          target
          gapPp
          met
        }
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
