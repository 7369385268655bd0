import { graphql } from '../../gql';

export const KpiFieldsFragment = graphql(`
  fragment KpiFields on KpiSnapshot {
    month
    outstandingBalance
    nplBalance
    nplRatio
    recoveryRate
    recoveryPlanAttainment
    downgradeRate
    reportTimeliness
    contactCoverage
    activeProjects
  }
`);

export const OverviewKpiQuery = graphql(`
  query OverviewKpi($scope: KpiScope!, $month: Month) {
    kpi(scope: $scope, month: $month) {
      ...KpiFields
      scope {
        name
      }
      classificationMix {
        classification
        balance
        projectCount
        share
      }
      previousMonth {
        ...KpiFields
      }
      sameMonthLastYear {
        ...KpiFields
      }
    }
    ytd: kpi(scope: $scope, month: $month, period: YEAR_TO_DATE) {
      month
      recoveryRate
      recoveryPlanAttainment
      reportTimeliness
    }
  }
`);

export const KpiTrendQuery = graphql(`
  query KpiTrend($scope: KpiScope!, $from: Month!, $to: Month!) {
    kpiSeries(scope: $scope, from: $from, to: $to) {
      month
      nplRatio
      recoveryRate
      outstandingBalance
      classificationMix {
        classification
        balance
        projectCount
        share
      }
    }
  }
`);
