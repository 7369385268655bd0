import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { addMonths, formatMoney, monthIndex } from '@loan-desk/domain';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { buildHref } from '../../app/url-state';
import { useGlobalFilters } from '../../app/filters';
import { gqlEnumToDomain, orgName, shortBranchName } from '../../app/labels';
import { ChartCard } from '../../ui/ChartCard';
import { targetBarsOption } from '../../charts/options/target-bars';
import { ratioTrendOption } from '../../charts/options/trend';
import { classificationMixOption } from '../../charts/options/classification-mix';
import { attainmentOption } from '../../charts/options/attainment';
import { PALETTE } from '../../charts/palette';
import type { ChartClick } from '../../charts/options/types';
import { KpiTrendQuery, OverviewKpiQuery } from './overview-operations';
import { KpiRow, useScope } from './kpi-row';
import { useSession } from '../../app/session';
import { capabilitiesOf } from '../../app/capabilities';
import { MyRanking } from './my-ranking';
import { OVERVIEW_CHART_ROWS, OverviewScorecardsQuery } from './scorecard-operations';
import { BranchRankingCard } from './branch-ranking-card';

export default function OverviewPage() {
  const { t, locale } = useI18n();
  const { month, branch, route } = useGlobalFilters();
  const scope = useScope();
  const kpi = useQuery(OverviewKpiQuery, { variables: { scope, month } });
  const trend = useQuery(KpiTrendQuery, { variables: { scope, from: addMonths(month, -23), to: month } });
  const { me } = useSession();
  const caps = capabilitiesOf(me.role);
  // Per chart only the branches furthest from target (a bank may have thousands), the selected
  // branch, and met/missed counts over every branch.
  const cards = useQuery(OverviewScorecardsQuery, { variables: { month, selected: branch ? [branch] : [] }, skip: !caps.branchViews });
  const report = cards.data?.branchScorecards;
  const summary = report?.summary;
  const selectedRow = report?.selected[0] ?? null;

  const openBranch = (e: ChartClick) => {
    const shown = report ? [...report.nplWorst, ...report.recoveryWorst, ...report.attainmentLowest] : [];
    const id = e.id ?? shown.find((r) => shortBranchName(r.branch, locale) === e.name)?.branch.id;
    if (id) navigate(buildHref({ month: route.month ?? month, branch: id }, 'branch', {}, null));
  };

  const nplOption = useMemo(
    () =>
      report
        ? targetBarsOption({
            rows: report.nplWorst.map((r) => ({ id: r.branch.id, label: shortBranchName(r.branch, locale), actual: r.nplRatio.actual, target: r.nplRatio.target ?? null, met: r.nplRatio.met ?? null })),
            direction: 'lowerIsBetter',
            locale,
            labels: { actual: t('legend.actual'), target: t('legend.target'), gap: t('col.gap') },
            selectedId: branch,
          })
        : null,
    [report, locale, t, branch],
  );
  const recoveryOption = useMemo(
    () =>
      report
        ? targetBarsOption({
            rows: report.recoveryWorst.map((r) => ({
              id: r.branch.id,
              label: shortBranchName(r.branch, locale),
              actual: r.recoveryRateYtd.actual ?? null,
              target: r.recoveryRateYtd.target ?? null,
              met: r.recoveryRateYtd.met ?? null,
            })),
            direction: 'higherIsBetter',
            locale,
            labels: { actual: t('legend.actual'), target: t('legend.target'), gap: t('col.gap') },
            selectedId: branch,
          })
        : null,
    [report, locale, t, branch],
  );
  const attainOption = useMemo(
    () =>
      report
        ? attainmentOption({
            rows: report.attainmentLowest.map((r) => ({ id: r.branch.id, label: shortBranchName(r.branch, locale), value: r.planAttainment ?? null })),
            pace: monthIndex(month) / 12,
            locale,
            labels: { attainment: t('col.attainment'), pace: t('overview.onPace') },
          })
        : null,
    [report, locale, t, month],
  );
  const trendOption = useMemo(
    () =>
      trend.data
        ? ratioTrendOption({
            points: trend.data.kpiSeries.map((p) => ({ month: p.month, value: p.nplRatio })),
            locale,
            seriesName: t('kpi.nplRatio'),
            highlightMonth: month,
            target: branch && selectedRow?.nplRatio.target ? { value: selectedRow.nplRatio.target, label: t('legend.target') } : null,
          })
        : null,
    [trend.data, locale, t, month, branch, selectedRow],
  );
  const k = kpi.data?.kpi;
  const mixOption = useMemo(
    () =>
      k
        ? classificationMixOption({
            mix: k.classificationMix.map((m) => ({ ...m, classification: gqlEnumToDomain<'classification'>(m.classification) })),
            locale,
            labels: { balance: t('legend.balance'), projects: t('legend.projects'), share: t('legend.share') },
            centerValue: formatMoney(k.outstandingBalance, locale),
            centerTitle: t('kpi.outstandingBalance'),
          })
        : null,
    [k, locale, t],
  );
  const shownRows = report ? Math.max(report.nplWorst.length, report.recoveryWorst.length, report.attainmentLowest.length) : 28;
  const chartHeight = Math.max(320, shownRows * 21 + 40);
  const truncated = summary !== undefined && summary.branches > OVERVIEW_CHART_ROWS;
  const worstShown = truncated ? ` ${t('overview.worstShown', { n: OVERVIEW_CHART_ROWS })}.` : '';
  const targetLegend = [
    { label: t('legend.met'), color: PALETTE.met, shape: 'bar' as const },
    { label: t('legend.missed'), color: PALETTE.missed, shape: 'bar' as const },
    { label: t('legend.target'), color: PALETTE.target, shape: 'line' as const },
  ];

  return (
    <>
      <KpiRow />
      <div className="grid cols-5-3">
        <ChartCard
          title={t('overview.nplTrend')}
          subtitle={!caps.branchViews ? me.displayName : branch ? orgName(selectedRow?.branch, locale) : t('overview.wholeBank')}
          option={trendOption}
          height={260}
          loading={trend.loading}
          error={trend.error}
          empty={trend.data?.kpiSeries.length === 0}
          onRetry={() => void trend.refetch()}
          testId="npl-trend"
        />
        <ChartCard
          title={t('overview.mix')}
          option={mixOption}
          height={260}
          loading={kpi.loading}
          error={kpi.error}
          onRetry={() => void kpi.refetch()}
          testId="classification-mix"
        />
      </div>
      {caps.branchViews ? (
        <>
      <div className="grid cols-3">
        <ChartCard
          title={t('overview.branchNpl')}
          subtitle={`${t('overview.branchNplHint')} ${summary ? t('overview.targetsMet', { met: summary.nplMet, total: summary.branches }) : ''}${worstShown}`}
          option={nplOption}
          height={chartHeight}
          loading={cards.loading}
          error={cards.error}
          empty={report?.nplWorst.length === 0}
          onRetry={() => void cards.refetch()}
          onClick={openBranch}
          testId="branch-npl"
          legend={targetLegend}
        />
        <ChartCard
          title={t('overview.recovery')}
          subtitle={`${t('overview.branchNplHint')} ${summary ? t('overview.targetsMet', { met: summary.recoveryMet, total: summary.branches }) : ''}${worstShown}`}
          option={recoveryOption}
          height={chartHeight}
          loading={cards.loading}
          error={cards.error}
          empty={report?.recoveryWorst.length === 0}
          onRetry={() => void cards.refetch()}
          onClick={openBranch}
          testId="branch-recovery"
          legend={targetLegend}
        />
        <ChartCard
          title={t('overview.attainment')}
          subtitle={`${t('overview.clickHint')}${truncated ? ` ${t('overview.lowestShown', { n: OVERVIEW_CHART_ROWS })}.` : ''}`}
          option={attainOption}
          height={chartHeight}
          loading={cards.loading}
          error={cards.error}
          empty={report?.attainmentLowest.length === 0}
          onRetry={() => void cards.refetch()}
          onClick={openBranch}
          testId="branch-attainment"
          legend={[
            { label: t('overview.onPace'), color: PALETTE.met, shape: 'bar' },
            { label: t('overview.slightlyBehind'), color: PALETTE.warn, shape: 'bar' },
            { label: t('overview.behind'), color: PALETTE.missed, shape: 'bar' },
          ]}
        />
      </div>
      <div className="grid">
        <BranchRankingCard month={month} maxHeight={760} subtitle={summary ? `${t('overview.targetsMet', { met: summary.met, total: summary.branches })} · ${t('overview.clickHint')}` : undefined} />
      </div>
        </>
      ) : (
        <MyRanking month={month} />
      )}
    </>
  );
}
