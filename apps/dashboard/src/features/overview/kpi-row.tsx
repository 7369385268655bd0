import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { formatCount, formatMoney, formatRatioPercent, type DisplayLocale } from '@loan-desk/domain';
import type { KpiFieldsFragment, KpiScope } from '../../gql/graphql';
import { useI18n } from '../../app/i18n';
import { useGlobalFilters } from '../../app/filters';
import type { MessageKey } from '../../app/messages';
import { KpiTile, type KpiDelta } from '../../ui/KpiTile';
import { ErrorState, Loading } from '../../ui/states';
import { OverviewKpiQuery } from './overview-operations';
import { kpiDelta, type DeltaKind } from './kpi-deltas';
import { useSession } from '../../app/session';

interface TileSpec {
  key: keyof KpiFieldsFragment;
  label: MessageKey;
  kind: DeltaKind;
  format: (v: string | number | null | undefined, locale: DisplayLocale) => string;
  testId: string;
}

const TILES: TileSpec[] = [
  { key: 'outstandingBalance', label: 'kpi.outstandingBalance', kind: 'money', format: (v, l) => formatMoney(v as string, l), testId: 'kpi-outstanding' },
  { key: 'nplRatio', label: 'kpi.nplRatio', kind: 'ratioLowerBetter', format: (v) => formatRatioPercent(v as string), testId: 'kpi-npl-ratio' },
  { key: 'nplBalance', label: 'kpi.nplBalance', kind: 'money', format: (v, l) => formatMoney(v as string, l), testId: 'kpi-npl-balance' },
  { key: 'recoveryRate', label: 'kpi.recoveryRate', kind: 'ratioHigherBetter', format: (v) => formatRatioPercent(v as string | null), testId: 'kpi-recovery' },
  { key: 'downgradeRate', label: 'kpi.downgradeRate', kind: 'ratioLowerBetter', format: (v) => formatRatioPercent(v as string | null), testId: 'kpi-downgrade' },
  { key: 'activeProjects', label: 'kpi.activeProjects', kind: 'count', format: (v, l) => formatCount(v as number, l), testId: 'kpi-projects' },
];

/** KPI scope of the view: the branch filter or the bank; a client manager always sees their own. */
export function useScope(): KpiScope {
  const { branch } = useGlobalFilters();
  const { me } = useSession();
  const own = me.role === 'CLIENT_MANAGER' ? (me.staff?.id ?? null) : null;
  return useMemo(() => (own ? { kind: 'CLIENT_MANAGER', id: own } : branch ? { kind: 'BRANCH', id: branch } : { kind: 'BANK' }), [branch, own]);
}

/** Headline KPI tiles for the global scope (bank, or the selected branch) with MoM / YoY changes. */
export function KpiRow() {
  const { t, locale } = useI18n();
  const { month } = useGlobalFilters();
  const scope = useScope();
  const { data, loading, error, refetch } = useQuery(OverviewKpiQuery, { variables: { scope, month } });
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} height={120} />;
  if (loading || !data) return <Loading height={128} />;
  const k = data.kpi;
  const deltasOf = (spec: TileSpec): KpiDelta[] =>
    (
      [
        [t('kpi.vsPrev'), k.previousMonth],
        [t('kpi.vsYoy'), k.sameMonthLastYear],
      ] as const
    ).flatMap(([label, other]) => {
      const d = other ? kpiDelta(k[spec.key], other[spec.key], spec.kind, locale) : null;
      return d ? [{ label, ...d }] : [];
    });
  const nplDelta = k.previousMonth ? kpiDelta(k.nplRatio, k.previousMonth.nplRatio, 'ratioLowerBetter', locale) : null;
  return (
    <div className="kpi-row" data-testid="kpi-row">
      {TILES.map((spec) => (
        <KpiTile
          key={spec.key}
          label={t(spec.label)}
          value={spec.format(k[spec.key], locale)}
          deltas={deltasOf(spec)}
          testId={spec.testId}
          emphasis={spec.key === 'nplRatio' && nplDelta ? nplDelta.tone : undefined}
        />
      ))}
      <KpiTile
        label={t('kpi.planAttainment')}
        value={formatRatioPercent(data.ytd.recoveryPlanAttainment, 1)}
        hint={`${t('kpi.recoveryRateYtd')} ${formatRatioPercent(data.ytd.recoveryRate)}`}
        testId="kpi-attainment"
      />
    </div>
  );
}

