import { useMemo, useState, useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { formatCount, formatDecimal, type DisplayLocale } from '@loan-desk/domain';
import { graphql } from '../../gql';
import type { StaffingPlanQuery, StaffingWhatIfQuery } from '../../gql/graphql';
import { useI18n } from '../../app/i18n';
import { useGlobalFilters } from '../../app/filters';
import { buildHref } from '../../app/url-state';
import { Link, useSetParams } from '../../app/router';
import { orgName, shortBranchName } from '../../app/labels';
import { Card } from '../../ui/Card';
import { ChartCard } from '../../ui/ChartCard';
import { DataTable, type Column } from '../../ui/DataTable';
import { QueryState } from '../../ui/states';
import { requiredVsActualOption, scenarioOption } from '../../charts/options/staffing';
import { PALETTE } from '../../charts/palette';

const StaffingPlanQueryDoc = graphql(`
  query StaffingPlan {
    staffingPlan {
      changeFrom
      changeTo
      scenarios {
        id
        name
        nameZh
        projectCount
        hqBureauTotal
        hqCreditOfficers
        branchClientManagers
        clientManagersTotal
        loanManagementStaffTotal
        projectsPerClientManager
      }
      rows {
        key
        label
        labelZh
        values
        change
      }
    }
  }
`);

const StaffingWhatIfQueryDoc = graphql(`
  query StaffingWhatIf($norm: Decimal, $month: Month) {
    staffingWhatIf(norm: $norm, month: $month) {
      month
      norm
      totalActiveProjects
      totalActualClientManagers
      totalRequiredClientManagers
      rows {
        branch {
          id
          name
          nameZh
        }
        activeProjects
        actualClientManagers
        requiredClientManagers
        gap
        projectsPerClientManager
      }
    }
  }
`);

type PlanRow = StaffingPlanQuery['staffingPlan']['rows'][number];
type NeedRow = StaffingWhatIfQuery['staffingWhatIf']['rows'][number];

const RATIO_KEYS = new Set(['projects_per_client_manager']);

function fmtValue(key: string, v: string | null | undefined, locale: DisplayLocale): string {
  if (v === null || v === undefined) return '—';
  if (RATIO_KEYS.has(key)) return `~${formatDecimal(v, 1)}`;
  return formatCount(Number(v), locale);
}

function fmtChange(key: string, v: string | null | undefined, locale: DisplayLocale): string {
  if (v === null || v === undefined) return '';
  const s = fmtValue(key, v, locale).replace('~', '');
  return v.startsWith('-') ? s.replace('-', '−') : v === '0' ? '0' : `+${s}`;
}

function ScenarioSection() {
  const { t, locale } = useI18n();
  const { data, loading, error, refetch } = useQuery(StaffingPlanQueryDoc);
  const plan = data?.staffingPlan;
  const scenarioLabel = (s: { name: string; nameZh?: string | null }) => (locale === 'zh-CN' && s.nameZh ? s.nameZh : s.name);
  const option = useMemo(() => {
    if (!plan) return null;
    return scenarioOption({
      scenarios: plan.scenarios.map((s) => ({ id: s.id, label: scenarioLabel(s) })),
      rows: plan.rows
        .filter((r) => !RATIO_KEYS.has(r.key))
        .map((r) => ({ key: r.key, label: locale === 'zh-CN' ? r.labelZh : r.label, values: r.values })),
      locale,
    });
  }, [plan, locale]);
  const columns: Column<PlanRow>[] = plan
    ? [
        {
          key: 'label',
          header: t('staffing.row'),
          width: '38%',
          render: (r) => <span className={`wrap ${r.key.startsWith('hq_credit') ? 'sub' : 'name-cell'}`}>{locale === 'zh-CN' ? r.labelZh : r.label}</span>,
        },
        ...plan.scenarios.map((s, i) => ({
          key: `s${s.id}`,
          header: scenarioLabel(s),
          align: 'right' as const,
          render: (r: PlanRow) => fmtValue(r.key, r.values[i], locale),
        })),
        {
          key: 'change',
          header: t('col.change'),
          align: 'right',
          render: (r) => {
            const txt = fmtChange(r.key, r.change, locale);
            return <span className={r.change?.startsWith('-') ? 'bad' : r.change && r.change !== '0' ? 'good' : 'muted'}>{txt}</span>;
          },
        },
      ]
    : [];
  return (
    <div className="grid cols-2">
      <Card title={t('staffing.scenarios')} subtitle={plan ? `${t('kpi.activeProjects')}: ${formatCount(plan.scenarios[0]?.projectCount ?? 0, locale)}` : undefined}>
        <QueryState loading={loading} error={error} empty={!plan?.rows.length} onRetry={() => void refetch()}>
          {() => <DataTable columns={columns} rows={plan!.rows} rowKey={(r) => r.key} testId="staffing-table" wrapHeaders />}
        </QueryState>
      </Card>
      <ChartCard title={t('staffing.chart')} option={option} height={300} loading={loading} error={error} onRetry={() => void refetch()} testId="staffing-chart" />
    </div>
  );
}

const NORMS = ['2', '2.5', '3', '3.5', '4', '4.5', '5', '6', '8'];

function WhatIfSection() {
  const { t, locale } = useI18n();
  const { month, route } = useGlobalFilters();
  const setParams = useSetParams();
  const urlNorm = route.params.get('norm') ?? '4';
  const [norm, setNorm] = useState(urlNorm);
  useEffect(() => setNorm(urlNorm), [urlNorm]);
  const { data, previousData, loading, error, refetch } = useQuery(StaffingWhatIfQueryDoc, { variables: { norm: urlNorm, month } });
  const result = (data ?? previousData)?.staffingWhatIf;
  const option = useMemo(
    () =>
      result
        ? requiredVsActualOption({
            rows: result.rows.map((r) => ({ id: r.branch.id, label: shortBranchName(r.branch, locale), required: r.requiredClientManagers, actual: r.actualClientManagers })),
            locale,
            labels: { required: t('staffing.required'), actual: t('staffing.actual'), gap: t('staffing.gap') },
          })
        : null,
    [result, locale, t],
  );
  const columns: Column<NeedRow>[] = [
    {
      key: 'branch',
      header: t('col.branch'),
      render: (r) => <Link href={buildHref(route, 'branch', { branch: r.branch.id }, null)}>{shortBranchName(r.branch, locale)}</Link>,
      sortValue: (r) => orgName(r.branch, locale),
    },
    { key: 'projects', header: t('col.activeProjects'), align: 'right', render: (r) => formatCount(r.activeProjects, locale), sortValue: (r) => r.activeProjects },
    { key: 'actual', header: t('staffing.actual'), align: 'right', render: (r) => formatCount(r.actualClientManagers, locale), sortValue: (r) => r.actualClientManagers },
    { key: 'required', header: t('staffing.required'), align: 'right', render: (r) => formatCount(r.requiredClientManagers, locale), sortValue: (r) => r.requiredClientManagers },
    {
      key: 'gap',
      header: t('staffing.gap'),
      align: 'right',
      render: (r) => <span className={r.gap > 0 ? 'bad' : r.gap < 0 ? 'good' : 'muted'}>{r.gap > 0 ? `+${r.gap}` : r.gap < 0 ? `−${-r.gap}` : '0'}</span>,
      sortValue: (r) => r.gap,
    },
  ];
  const totalGap = result ? result.totalRequiredClientManagers - result.totalActualClientManagers : 0;
  return (
    <>
      <Card
        title={t('staffing.whatIf')}
        subtitle={t('staffing.whatIfHint')}
        className="whatif-card"
        actions={
          <label className="toolbar" style={{ margin: 0 }}>
            <span className="muted">{t('staffing.norm')}</span>
            <input
              type="range"
              className="range"
              min={0}
              max={NORMS.length - 1}
              step={1}
              value={Math.max(0, NORMS.indexOf(norm))}
              onChange={(e) => setNorm(NORMS[Number(e.target.value)] ?? '4')}
              onPointerUp={() => setParams({ norm: norm === '4' ? null : norm }, { replace: true })}
              onKeyUp={() => setParams({ norm: norm === '4' ? null : norm }, { replace: true })}
              data-testid="norm-range"
            />
            <strong className="num" style={{ minWidth: 28 }}>{norm}</strong>
          </label>
        }
      >
        {result && (
          <div className="stat-list">
            <div className="stat">
              <div className="stat-label">{t('kpi.activeProjects')}</div>
              <div className="stat-value">{formatCount(result.totalActiveProjects, locale)}</div>
            </div>
            <div className="stat">
              <div className="stat-label">{t('staffing.actual')}</div>
              <div className="stat-value">{formatCount(result.totalActualClientManagers, locale)}</div>
            </div>
            <div className="stat">
              <div className="stat-label">{t('staffing.required')}</div>
              <div className="stat-value">{formatCount(result.totalRequiredClientManagers, locale)}</div>
            </div>
            <div className="stat">
              <div className="stat-label">{t('staffing.gap')}</div>
              <div className={`stat-value ${totalGap > 0 ? 'bad' : 'good'}`}>{totalGap > 0 ? `+${totalGap}` : totalGap}</div>
            </div>
          </div>
        )}
      </Card>
      <div className="grid cols-3-2" style={{ marginTop: 18 }}>
        <ChartCard
          title={`${t('legend.required')} / ${t('legend.actualCms')}`}
          option={option}
          height={360}
          loading={loading && !result}
          error={error}
          onRetry={() => void refetch()}
          testId="whatif-chart"
          legend={[
            { label: t('staffing.actual'), color: PALETTE.neutral, shape: 'bar' },
            { label: `${t('staffing.required')} ≤ ${t('staffing.actual')}`, color: PALETTE.primary, shape: 'bar' },
            { label: `${t('staffing.required')} > ${t('staffing.actual')}`, color: PALETTE.missed, shape: 'bar' },
          ]}
        />
        <Card title={t('staffing.gap')}>
          <QueryState loading={loading && !result} error={error} empty={!result?.rows.length}>
            {() => <DataTable columns={columns} rows={result!.rows} rowKey={(r) => r.branch.id} maxHeight={380} dense testId="whatif-table" />}
          </QueryState>
        </Card>
      </div>
    </>
  );
}

export default function StaffingPage() {
  return (
    <>
      <ScenarioSection />
      <div style={{ height: 18 }} />
      <WhatIfSection />
    </>
  );
}
