import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { formatBps, formatCount, formatPp, formatRatioPercent, formatScore, type Month } from '@loan-desk/domain';
import type { ScorecardRowFragment } from '../../gql/graphql';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { buildHref } from '../../app/url-state';
import { shortBranchName } from '../../app/labels';
import { useGlobalFilters } from '../../app/filters';
import { Card } from '../../ui/Card';
import { DataTable, type Column } from '../../ui/DataTable';
import { Badge, RankChange } from '../../ui/Badge';
import { QueryState } from '../../ui/states';
import { BranchRankingCardQuery, BranchScorecardsAllQuery, RANKING_CARD_ROWS } from './scorecard-operations';
import { rankingEnds } from './ranking-ends';

export type ScorecardRow = ScorecardRowFragment;

export function MetBadge({ met }: { met: boolean | null | undefined }) {
  const { t } = useI18n();
  if (met === null || met === undefined) return <Badge>—</Badge>;
  return <Badge tone={met ? 'good' : 'bad'}>{met ? t('branch.met') : t('branch.missed')}</Badge>;
}

export function MetDot({ met }: { met: boolean | null | undefined }) {
  const { t } = useI18n();
  if (met === null || met === undefined) return <span className="muted">—</span>;
  return (
    <span className={met ? 'good' : 'bad'} title={met ? t('branch.met') : t('branch.missed')} aria-label={met ? t('branch.met') : t('branch.missed')}>
      {met ? '●' : '○'}
    </span>
  );
}

/** Branch scorecard table: rank, score, NPL ratio and recovery rate against target, plan attainment. */
export function ScorecardTable({ rows, compact = false, maxHeight, selectedId }: { rows: readonly ScorecardRow[]; compact?: boolean; maxHeight?: number; selectedId?: string | null }) {
  const { t, locale } = useI18n();
  const { route, month } = useGlobalFilters();
  const columns: Column<ScorecardRow>[] = [
    { key: 'rank', header: t('col.rank'), align: 'right', render: (r) => <strong>{r.rank}</strong>, sortValue: (r) => r.rank, width: 48 },
    { key: 'branch', header: t('col.branch'), render: (r) => <span className="name-cell">{shortBranchName(r.branch, locale)}</span>, sortValue: (r) => shortBranchName(r.branch, locale) },
    { key: 'score', header: t('col.score'), align: 'right', render: (r) => formatScore(r.score), sortValue: (r) => Number(r.score) },
    { key: 'change', header: t('col.change'), align: 'right', render: (r) => <RankChange value={r.rankChange} />, sortValue: (r) => r.rankChange ?? null },
    ...(compact
      ? []
      : ([
          { key: 'npl', header: t('col.nplRatio'), align: 'right', render: (r) => formatRatioPercent(r.nplRatio.actual), sortValue: (r) => Number(r.nplRatio.actual) },
          { key: 'nplTarget', header: t('col.target'), align: 'right', render: (r) => <span className="muted">{formatRatioPercent(r.nplRatio.target)}</span> },
          {
            key: 'nplGap',
            header: t('col.nplGap'),
            align: 'right',
            render: (r) => <span className={r.nplRatio.met === false ? 'bad' : 'good'}>{formatBps(r.nplRatio.gapBps)}</span>,
            sortValue: (r) => (r.nplRatio.gapBps === null || r.nplRatio.gapBps === undefined ? null : Number(r.nplRatio.gapBps)),
          },
          { key: 'rec', header: t('col.recoveryYtd'), align: 'right', render: (r) => formatRatioPercent(r.recoveryRateYtd.actual), sortValue: (r) => Number(r.recoveryRateYtd.actual ?? 0) },
          {
            key: 'recGap',
            header: t('col.recoveryGap'),
            align: 'right',
            render: (r) => <span className={r.recoveryRateYtd.met === false ? 'bad' : 'good'}>{formatPp(r.recoveryRateYtd.gapPp)}</span>,
            sortValue: (r) => (r.recoveryRateYtd.gapPp === null || r.recoveryRateYtd.gapPp === undefined ? null : Number(r.recoveryRateYtd.gapPp)),
          },
          { key: 'att', header: t('col.attainment'), align: 'right', render: (r) => formatRatioPercent(r.planAttainment, 1), sortValue: (r) => Number(r.planAttainment ?? 0) },
        ] satisfies Column<ScorecardRow>[])),
    {
      key: 'met',
      header: t('col.status'),
      align: 'center',
      render: (r) => (compact ? <MetDot met={r.met} /> : <MetBadge met={r.met} />),
      sortValue: (r) => (r.met ? 1 : 0),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(r) => r.branch.id}
      selectedKey={selectedId}
      onRowClick={(r) => navigate(buildHref({ month: route.month ?? month, branch: r.branch.id }, 'branch', {}, null))}
      maxHeight={maxHeight}
      dense
      testId="scorecard-table"
    />
  );
}

/**
 * Branch ranking by the branch score (NPL vs target, recovery vs target, plan attainment): the top
 * and bottom branches (one row each when they overlap, as in a bank of fewer than 30 branches);
 * "show all" loads every branch on demand.
 */
export function BranchRankingCard({ month, compact = false, maxHeight, subtitle }: { month: Month; compact?: boolean; maxHeight?: number; subtitle?: string }) {
  const { t, locale } = useI18n();
  const { branch } = useGlobalFilters();
  const [showAll, setShowAll] = useState(false);
  const ends = useQuery(BranchRankingCardQuery, { variables: { month } });
  const all = useQuery(BranchScorecardsAllQuery, { variables: { month }, skip: !showAll });
  const report = ends.data?.branchScorecards;
  const total = report?.summary.branches ?? 0;
  const endRows = useMemo(() => (report ? rankingEnds(report.top, report.bottom) : []), [report]);
  const truncated = total > endRows.length;
  const rows = showAll ? (all.data?.branchScorecards.rows ?? []) : endRows;
  const state = showAll ? all : ends;
  const scope = truncated && !showAll ? t('overview.topBottomShown', { n: RANKING_CARD_ROWS, total: formatCount(total, locale) }) : null;
  return (
    <Card
      title={t('rankings.branches')}
      subtitle={[subtitle, scope, report?.weightVersion ? t('rankings.weightVersion', { v: report.weightVersion.version }) : null].filter(Boolean).join(' · ') || undefined}
      actions={
        truncated || showAll ? (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setShowAll((v) => !v)} data-testid="branch-ranking-toggle">
            {showAll ? t('overview.showEnds') : t('overview.showAll', { total: formatCount(total, locale) })}
          </button>
        ) : undefined
      }
      testId="branch-ranking"
    >
      <QueryState loading={state.loading} error={state.error} empty={!rows.length} onRetry={() => void state.refetch()}>
        {() => <ScorecardTable rows={rows} compact={compact} maxHeight={maxHeight ?? 420} selectedId={branch} />}
      </QueryState>
    </Card>
  );
}
