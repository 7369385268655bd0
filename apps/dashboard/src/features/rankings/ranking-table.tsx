import { formatCount, formatRatioPercent, formatScore } from '@loan-desk/domain';
import type { RankingRowFragment } from '../../gql/graphql';
import { useI18n } from '../../app/i18n';
import { enumLabel, shortBranchName } from '../../app/labels';
import { DataTable, type Column, type SortState } from '../../ui/DataTable';
import { Badge, RankChange } from '../../ui/Badge';

export type RankingRow = RankingRowFragment;

export function QuartileBadge({ q }: { q: number }) {
  return <Badge tone={q === 1 ? 'good' : q === 4 ? 'bad' : 'neutral'}>Q{q}</Badge>;
}

export function teamLabel(team: { name: string; sector: string } | null | undefined, locale: 'en' | 'zh-CN'): string {
  return team ? enumLabel('sector', team.sector, locale) : '—';
}

/** Client-manager ranking table (bank-wide or one branch). */
export function RankingTable({
  rows,
  selectedId,
  onSelect,
  showBranch = true,
  branchRank = false,
  maxHeight,
  sort,
  onSortChange,
}: {
  rows: readonly RankingRow[];
  selectedId?: string | null;
  onSelect?: (r: RankingRow) => void;
  showBranch?: boolean;
  branchRank?: boolean;
  maxHeight?: number;
  sort?: SortState | null;
  onSortChange?: (s: SortState) => void;
}) {
  const { t, locale } = useI18n();
  const columns: Column<RankingRow>[] = [
    { key: 'rank', header: t('col.rank'), align: 'right', render: (r) => <strong>{branchRank ? r.branchRank : r.rank}</strong>, sortValue: (r) => (branchRank ? r.branchRank : r.rank), width: 56 },
    {
      key: 'name',
      header: t('col.name'),
      render: (r) => (
        <div>
          <div className="name-cell">{r.staff.name}</div>
          <div className="sub">
            {enumLabel('staffRole', r.staff.role, locale)} · {teamLabel(r.team, locale)}
          </div>
        </div>
      ),
      sortValue: (r) => r.staff.name,
    },
    ...(showBranch ? [{ key: 'branch', header: t('col.branch'), render: (r: RankingRow) => shortBranchName(r.branch, locale), sortValue: (r: RankingRow) => shortBranchName(r.branch, locale) }] : []),
    { key: 'score', header: t('col.score'), align: 'right', render: (r) => <strong>{formatScore(r.score)}</strong>, sortValue: (r) => Number(r.score) },
    { key: 'change', header: t('col.change'), align: 'right', render: (r) => <RankChange value={r.rankChange} />, sortValue: (r) => r.rankChange ?? null },
    { key: 'quartile', header: t('col.quartile'), align: 'center', render: (r) => <QuartileBadge q={r.quartile} />, sortValue: (r) => r.quartile },
    { key: 'npl', header: t('col.nplRatio'), align: 'right', render: (r) => formatRatioPercent(r.nplRatio), sortValue: (r) => Number(r.nplRatio) },
    { key: 'projects', header: t('col.activeProjects'), align: 'right', render: (r) => formatCount(r.activeProjects, locale), sortValue: (r) => r.activeProjects },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(r) => r.staff.id}
      selectedKey={selectedId}
      onRowClick={onSelect}
      maxHeight={maxHeight}
      sort={sort}
      onSortChange={onSortChange}
      testId="ranking-table"
      dense
    />
  );
}
