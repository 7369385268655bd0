import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import {
  addMonths,
  formatBps,
  formatCount,
  formatMoney,
  formatMonth,
  formatPp,
  formatRatioPercent,
  formatScore,
  type Month,
} from '@loan-desk/domain';
import type { BranchScorecardQuery as BranchScorecardData, WatchListQuery as WatchListData } from '../../gql/graphql';
import { useI18n } from '../../app/i18n';
import { useGlobalFilters } from '../../app/filters';
import { Link, navigate } from '../../app/router';
import { buildHref } from '../../app/url-state';
import { enumLabel, gqlEnumToDomain, orgName, shortBranchName } from '../../app/labels';
import type { MessageKey } from '../../app/messages';
import { Card } from '../../ui/Card';
import { ChartCard } from '../../ui/ChartCard';
import { DataTable, type Column } from '../../ui/DataTable';
import { Badge, ClassBadge, RankChange } from '../../ui/Badge';
import { QueryState } from '../../ui/states';
import { workloadOption } from '../../charts/options/workload';
import { classificationMixOption, classificationTrendOption } from '../../charts/options/classification-mix';
import { ratioTrendOption } from '../../charts/options/trend';
import { PALETTE, WORKLOAD_COLORS } from '../../charts/palette';
import { useAllPages } from '../../lib/use-all-pages';
import { KpiRow, useScope } from '../overview/kpi-row';
import { KpiTrendQuery, OverviewKpiQuery } from '../overview/overview-operations';
import { MetBadge } from '../overview/branch-ranking-card';
import { QuartileBadge, RankingTable } from '../rankings/ranking-table';
import { BranchChooserQuery, BranchInfoQuery, BranchRankingQuery, BranchScorecardQuery, BranchWorkloadsQuery, WatchListQuery } from './branch-operations';

type ScorecardRow = BranchScorecardData['branchScorecards']['rows'][number];

function BranchChooser({ month }: { month: Month }) {
  const { t, locale } = useI18n();
  const { route } = useGlobalFilters();
  const { data, loading, error, refetch } = useQuery(BranchChooserQuery, { variables: { month } });
  const rows = [...(data?.branchScorecards.rows ?? [])].sort((a, b) => shortBranchName(a.branch, locale).localeCompare(shortBranchName(b.branch, locale), locale));
  return (
    <Card title={t('branch.choose')}>
      <QueryState loading={loading} error={error} empty={rows.length === 0} onRetry={() => void refetch()}>
        {() => (
          <div className="branch-grid">
            {rows.map((r) => (
              <Link key={r.branch.id} className="branch-tile" href={buildHref(route, 'branch', { branch: r.branch.id }, null)} data-testid="branch-tile">
                <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                  <strong>{orgName(r.branch, locale)}</strong>
                  <MetBadge met={r.met} />
                </div>
                <div className="sub">
                  {t('kpi.nplRatio')} {formatRatioPercent(r.nplRatio.actual)} · {t('col.rank')} {r.rank}
                </div>
              </Link>
            ))}
          </div>
        )}
      </QueryState>
    </Card>
  );
}

function ScorecardDetail({ row }: { row: ScorecardRow }) {
  const { t } = useI18n();
  const items: { label: string; value: string; sub: string; tone?: 'good' | 'bad' }[] = [
    {
      label: t('kpi.nplRatio'),
      value: formatRatioPercent(row.nplRatio.actual),
      sub: `${t('col.target')} ${formatRatioPercent(row.nplRatio.target)} · ${formatBps(row.nplRatio.gapBps)}`,
      tone: row.nplRatio.met === false ? 'bad' : 'good',
    },
    {
      label: t('kpi.recoveryRateYtd'),
      value: formatRatioPercent(row.recoveryRateYtd.actual),
      sub: `${t('col.target')} ${formatRatioPercent(row.recoveryRateYtd.target)} · ${formatPp(row.recoveryRateYtd.gapPp)}`,
      tone: row.recoveryRateYtd.met === false ? 'bad' : 'good',
    },
    { label: t('kpi.planAttainment'), value: formatRatioPercent(row.planAttainment, 1), sub: '' },
    {
      label: `${t('branch.projection')} · ${t('kpi.nplRatio')}`,
      value: formatRatioPercent(row.projection.nplRatio),
      sub: `${t('col.target')} ${formatRatioPercent(row.nplRatio.target)}`,
      tone: row.projection.nplRatio && row.nplRatio.target ? (Number(row.projection.nplRatio) <= Number(row.nplRatio.target) ? 'good' : 'bad') : undefined,
    },
    {
      label: `${t('branch.projection')} · ${t('kpi.recoveryRate')}`,
      value: formatRatioPercent(row.projection.recoveryRateYtd),
      sub: `${t('col.target')} ${formatRatioPercent(row.recoveryRateYtd.target)}`,
      tone:
        row.projection.recoveryRateYtd && row.recoveryRateYtd.target
          ? Number(row.projection.recoveryRateYtd) >= Number(row.recoveryRateYtd.target)
            ? 'good'
            : 'bad'
          : undefined,
    },
  ];
  return (
    <div className="stat-list stat-grid-4">
      {items.map((i) => (
        <div className="stat" key={i.label}>
          <div className="stat-label">{i.label}</div>
          <div className={`stat-value ${i.tone ?? ''}`}>{i.value}</div>
          {i.sub && <div className="sub muted" style={{ fontSize: 12 }}>{i.sub}</div>}
        </div>
      ))}
      {row.components.map((c) => (
        <div className="stat" key={c.component}>
          <div className="stat-label">
            {t(`component.${c.component.toUpperCase()}` as MessageKey)} · {formatRatioPercent(c.weight, 0)}
          </div>
          <div className="stat-value">{formatScore(c.contribution, 1)}</div>
          <div className="sub muted" style={{ fontSize: 12 }}>
            {formatScore(c.normalized, 1)} / 100
          </div>
        </div>
      ))}
    </div>
  );
}

type WatchRow = WatchListData['projects']['nodes'][number];

function WatchList({ branchId }: { branchId: string }) {
  const { t, locale } = useI18n();
  const { route } = useGlobalFilters();
  const { data, loading, error, refetch } = useQuery(WatchListQuery, { variables: { branchId } });
  const rows = data?.projects.nodes ?? [];
  const columns: Column<WatchRow>[] = [
    {
      key: 'name',
      header: t('col.project'),
      render: (r) => (
        <div>
          <div className="name-cell">{r.name}</div>
          <div className="sub">{r.client.name}</div>
        </div>
      ),
      sortValue: (r) => r.name,
    },
    { key: 'grade', header: t('col.importance'), render: (r) => <Badge tone={r.importance === 'KEY' ? 'info' : 'neutral'}>{enumLabel('importanceGrade', r.importance, locale)}</Badge>, sortValue: (r) => r.importance },
    {
      key: 'class',
      header: t('col.classification'),
      render: (r) => <ClassBadge value={gqlEnumToDomain<'classification'>(r.classification)} label={enumLabel('classification', r.classification, locale)} />,
      sortValue: (r) => ['NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS'].indexOf(r.classification),
    },
    { key: 'balance', header: t('col.balance'), align: 'right', render: (r) => formatMoney(r.balance, locale, r.currency), sortValue: (r) => Number(r.balance) },
    {
      key: 'overdue',
      header: t('col.overdue'),
      align: 'right',
      render: (r) => {
        const d = r.lastStatement?.daysOverdue ?? null;
        return d === null ? '—' : <span className={d > 90 ? 'bad' : d > 0 ? '' : 'muted'}>{formatCount(d, locale)}</span>;
      },
      sortValue: (r) => r.lastStatement?.daysOverdue ?? null,
    },
    {
      key: 'last',
      header: t('col.lastStatement'),
      render: (r) =>
        r.lastStatement ? (
          <span>
            {formatMonth(r.lastStatement.month as Month, locale)}{' '}
            {r.lastStatement.submittedOnTime === false && <Badge tone="warn">{locale === 'zh-CN' ? '逾期报送' : 'late'}</Badge>}
          </span>
        ) : (
          '—'
        ),
      sortValue: (r) => r.lastStatement?.month ?? null,
    },
    { key: 'cm', header: t('col.clientManager'), render: (r) => r.clientManager?.name ?? <span className="muted">—</span>, sortValue: (r) => r.clientManager?.name ?? null },
  ];
  return (
    <Card
      title={t('branch.watchList')}
      subtitle={data ? t('portfolio.total', { n: formatCount(data.projects.totalCount, locale) }) : undefined}
      actions={
        <Link className="btn btn-small btn-ghost" href={buildHref(route, 'portfolio', { tab: 'projects', importance: 'KEY,LARGE', status: 'ACTIVE' }, null)}>
          {t('nav.portfolio')} →
        </Link>
      }
    >
      <QueryState loading={loading} error={error} empty={rows.length === 0} onRetry={() => void refetch()}>
        {() => <DataTable columns={columns} rows={rows} rowKey={(r) => r.id} maxHeight={440} dense testId="watch-list" />}
      </QueryState>
    </Card>
  );
}

function BranchDetail({ branchId, month }: { branchId: string; month: Month }) {
  const { t, locale } = useI18n();
  const { route } = useGlobalFilters();
  const scope = useScope();
  const info = useQuery(BranchInfoQuery, { variables: { id: branchId } });
  const cards = useQuery(BranchScorecardQuery, { variables: { month, branchId } });
  const card = cards.data?.branchScorecards.rows.find((r) => r.branch.id === branchId) ?? null;
  const total = cards.data?.branchScorecards.summary.branches ?? 0;
  const kpi = useQuery(OverviewKpiQuery, { variables: { scope, month } });
  const trend = useQuery(KpiTrendQuery, { variables: { scope, from: addMonths(month, -23), to: month } });
  const workloads = useAllPages(BranchWorkloadsQuery, { month, branchId }, (d) => d.workloads);
  const ranking = useAllPages(BranchRankingQuery, { month, branchId }, (d) => d.clientManagerRanking.rows);
  const person = route.params.get('person');

  const norm = Number(workloads.nodes[0]?.norm ?? 4);
  const workloadOpt = useMemo(
    () =>
      workloads.nodes.length
        ? workloadOption({
            rows: workloads.nodes.map((w) => ({
              id: w.staff.id,
              name: w.staff.name,
              activeProjects: w.activeProjects,
              keyOrLarge: w.keyOrLargeProjects,
              flag: gqlEnumToDomain<'workloadFlag'>(w.flag),
            })),
            norm,
            locale,
            labels: { projects: t('legend.projects'), keyOrLarge: t('col.keyOrLarge'), norm: t('legend.norm'), flag: t('col.flag') },
          })
        : null,
    [workloads.nodes, norm, locale, t],
  );
  const k = kpi.data?.kpi;
  const mixOpt = useMemo(
    () =>
      k
        ? classificationMixOption({
            mix: k.classificationMix.map((m) => ({ ...m, classification: gqlEnumToDomain<'classification'>(m.classification) })),
            locale,
            labels: { balance: t('legend.balance'), projects: t('legend.projects'), share: t('legend.share') },
            centerValue: formatRatioPercent(k.nplRatio),
            centerTitle: t('kpi.nplRatio'),
          })
        : null,
    [k, locale, t],
  );
  const series = trend.data?.kpiSeries;
  const mixTrendOpt = useMemo(
    () =>
      series
        ? classificationTrendOption({
            months: series.map((p) => p.month),
            mixes: series.map((p) => p.classificationMix.map((m) => ({ ...m, classification: gqlEnumToDomain<'classification'>(m.classification) }))),
            locale,
          })
        : null,
    [series, locale],
  );
  const nplTrendOpt = useMemo(
    () =>
      series
        ? ratioTrendOption({
            points: series.map((p) => ({ month: p.month, value: p.nplRatio })),
            locale,
            seriesName: t('kpi.nplRatio'),
            highlightMonth: month,
            target: card?.nplRatio.target ? { value: card.nplRatio.target, label: t('legend.target') } : null,
            color: PALETTE.missed,
          })
        : null,
    [series, locale, t, month, card],
  );
  const over = workloads.nodes.filter((w) => w.flag === 'OVERLOADED').length;
  const under = workloads.nodes.filter((w) => w.flag === 'UNDERLOADED').length;
  const unit = info.data?.orgUnit;

  return (
    <>
      <div className="hero" data-testid="branch-hero">
        <div>
          <h2 data-testid="branch-name">{unit ? orgName(unit, locale) : '…'}</h2>
          <div className="meta">
            {unit && (
              <>
                {unit.code} · {t('branch.region')} {unit.region ?? '—'} · {t('branch.staff')} {formatCount(unit.staffCount, locale)} · {t('branch.clientManagers')}{' '}
                {formatCount(unit.clientManagerCount, locale)}
              </>
            )}
          </div>
        </div>
        <span className="spacer" />
        {card && (
          <>
            <div>
              <div className="stat-label muted">{t('branch.score')}</div>
              <div className="score-big">{formatScore(card.score)}</div>
            </div>
            <div>
              <div className="stat-label muted">{t('branch.rank')}</div>
              <div className="score-big">
                {card.rank}
                <span className="muted" style={{ fontSize: 16 }}>
                  /{total}
                </span>{' '}
                <span style={{ fontSize: 14 }}>
                  <RankChange value={card.rankChange} />
                </span>
              </div>
            </div>
            <div className="pill-row">
              <QuartileBadge q={card.quartile} />
              <MetBadge met={card.met} />
            </div>
          </>
        )}
      </div>
      <KpiRow />
      {card && (
        <Card title={t('branch.scorecard')} subtitle={formatMonth(month, locale)}>
          <ScorecardDetail row={card} />
        </Card>
      )}
      <div className="grid" style={{ marginTop: 18 }}>
        <ChartCard
          title={t('branch.workloads')}
          subtitle={`${t('branch.workloadsHint', { norm })} ${t('legend.overloaded')} ${over} · ${t('legend.underloaded')} ${under}`}
          option={workloadOpt}
          height={320}
          loading={workloads.loading}
          error={workloads.error}
          empty={!workloads.loading && workloads.nodes.length === 0}
          onRetry={workloads.reload}
          testId="workload-chart"
          legend={[
            { label: t('legend.normal'), color: WORKLOAD_COLORS.normal, shape: 'bar' },
            { label: t('legend.overloaded'), color: WORKLOAD_COLORS.overloaded, shape: 'bar' },
            { label: t('legend.underloaded'), color: WORKLOAD_COLORS.underloaded, shape: 'bar' },
            { label: `${t('legend.norm')} (${norm})`, color: PALETTE.ink, shape: 'line' },
          ]}
        />
      </div>
      <div className="grid cols-3">
        <ChartCard title={t('branch.mix')} option={mixOpt} height={240} loading={kpi.loading} error={kpi.error} onRetry={() => void kpi.refetch()} testId="branch-mix" />
        <ChartCard title={t('overview.nplTrend')} option={nplTrendOpt} height={240} loading={trend.loading} error={trend.error} onRetry={() => void trend.refetch()} testId="branch-npl-trend" />
        <ChartCard title={t('branch.trend')} option={mixTrendOpt} height={240} loading={trend.loading} error={trend.error} onRetry={() => void trend.refetch()} testId="branch-mix-trend" />
      </div>
      <div className="grid">
        <Card title={t('branch.ranking')} subtitle={t('rankings.select')}>
          <QueryState loading={ranking.loading} error={ranking.error} empty={ranking.nodes.length === 0} onRetry={ranking.reload}>
            {() => (
              <RankingTable
                rows={ranking.nodes}
                showBranch={false}
                branchRank
                maxHeight={440}
                selectedId={person}
                onSelect={(r) => navigate(buildHref(route, 'rankings', { person: r.staff.id }, null))}
              />
            )}
          </QueryState>
        </Card>
        <WatchList branchId={branchId} />
      </div>
    </>
  );
}

export default function BranchPage() {
  const { month, branch } = useGlobalFilters();
  return branch === null ? <BranchChooser month={month} /> : <BranchDetail key={branch} branchId={branch} month={month} />;
}
