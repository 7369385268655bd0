import { graphql } from '../../gql';

/** What the scorecard table and the target charts show of one branch. */
export const ScorecardRowFragment = graphql(`
  fragment ScorecardRow on BranchScorecard {
    rank
    rankChange
    score
    met
    planAttainment
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
  }
`);

/** Rows per Overview chart: the branches furthest from target (a bank of 2,000 branches is not drawn bar by bar). */
export const OVERVIEW_CHART_ROWS = 30;

/**
 * Overview charts: per KPI the 30 branches furthest from target (literal page sizes: the API prices
 * a `$first` variable at 500 rows), the selected branch, and met/missed counts over every branch.
 */
export const OverviewScorecardsQuery = graphql(`
  query OverviewScorecards($month: Month, $selected: [ID!]) {
    branchScorecards(month: $month) {
      month
      summary {
        branches
        withTarget
        met
        missed
        nplMet
        nplMissed
        recoveryMet
        recoveryMissed
      }
      nplWorst: rows(first: 30, orderBy: { field: NPL_GAP, direction: DESC }) {
        ...ScorecardRow
      }
      recoveryWorst: rows(first: 30, orderBy: { field: RECOVERY_GAP, direction: ASC }) {
        ...ScorecardRow
      }
      attainmentLowest: rows(first: 30, orderBy: { field: PLAN_ATTAINMENT, direction: ASC }) {
        ...ScorecardRow
      }
      selected: rows(branchIds: $selected, first: 1) {
        ...ScorecardRow
      }
    }
  }
`);

/** Rows at each end of the branch ranking card (top and bottom). */
export const RANKING_CARD_ROWS = 15;

/** The branch ranking card: the top and bottom 15 branches; "show all" loads BranchScorecardsAll. */
export const BranchRankingCardQuery = graphql(`
  query BranchRankingCard($month: Month) {
    branchScorecards(month: $month) {
      month
      weightVersion {
        version
      }
      summary {
        branches
      }
      top: rows(first: 15) {
        ...ScorecardRow
      }
      bottom: rows(first: 15, orderBy: { field: RANK, direction: DESC }) {
        ...ScorecardRow
      }
    }
  }
`);

/** Every branch, ordered by rank (on demand: "show all" in the ranking card). */
export const BranchScorecardsAllQuery = graphql(`
  query BranchScorecardsAll($month: Month) {
    branchScorecards(month: $month) {
      month
      rows {
        ...ScorecardRow
      }
    }
  }
`);
