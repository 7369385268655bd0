import { useMemo } from 'react';
import { formatDecimal, formatRatioPercent, formatScore } from '@loan-desk/domain';
import { useI18n } from '../../app/i18n';
import { orgName, enumLabel } from '../../app/labels';
import type { MessageKey } from '../../app/messages';
import { ChartCard } from '../../ui/ChartCard';
import { RankChange } from '../../ui/Badge';
import { contributionOption } from '../../charts/options/contribution';
import type { RankingRow } from './ranking-table';
import { QuartileBadge, teamLabel } from './ranking-table';

/** KPI value of a component as the person would read it. */
export function componentKpiText(component: string, kpiValue: string | null | undefined): string {
  if (kpiValue === null || kpiValue === undefined) return '—';
  return component === 'WORKLOAD' ? formatDecimal(kpiValue, 0) : formatRatioPercent(kpiValue);
}

/** Why a person ranks where they do: each component's contribution, and the rank change. */
export function ComponentDetail({ row }: { row: RankingRow }) {
  const { t, locale } = useI18n();
  const option = useMemo(
    () =>
      contributionOption({
        rows: row.components.map((c) => ({
          key: c.component,
          label: t(`component.${c.component}` as MessageKey),
          contribution: c.contribution,
          weight: c.weight,
          normalized: c.normalized,
          kpiText: componentKpiText(c.component, c.kpiValue),
        })),
        locale,
        labels: { contribution: t('rankings.contribution'), max: t('rankings.weight'), normalized: t('rankings.normalized'), kpi: t('rankings.kpiValue') },
      }),
    [row, locale, t],
  );
  return (
    <ChartCard
      title={row.staff.name}
      subtitle={`${enumLabel('staffRole', row.staff.role, locale)} · ${orgName(row.branch, locale)} · ${teamLabel(row.team, locale)}`}
      option={option}
      height={210}
      testId="contribution-chart"
      fileName={`score-${row.staff.employeeNo}`}
      extra={
        <span className="pill-row" style={{ alignItems: 'center' }}>
          <QuartileBadge q={row.quartile} />
        </span>
      }
    />
  );
}

export function PersonSummary({ row }: { row: RankingRow }) {
  const { t } = useI18n();
  return (
    <div className="stat-list" data-testid="person-summary">
      <div className="stat">
        <div className="stat-label">{t('col.score')}</div>
        <div className="stat-value">{formatScore(row.score)}</div>
      </div>
      <div className="stat">
        <div className="stat-label">{t('col.rank')}</div>
        <div className="stat-value">{row.rank}</div>
      </div>
      <div className="stat">
        <div className="stat-label">{t('rankings.previousRank')}</div>
        <div className="stat-value">{row.previousRank ?? '—'}</div>
      </div>
      <div className="stat">
        <div className="stat-label">{t('rankings.rankChange')}</div>
        <div className="stat-value">
          <RankChange value={row.rankChange} />
        </div>
      </div>
    </div>
  );
}
