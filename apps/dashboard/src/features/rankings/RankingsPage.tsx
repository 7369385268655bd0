import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { formatScore } from '@loan-desk/domain';
import { useI18n } from '../../app/i18n';
import { useGlobalFilters } from '../../app/filters';
import { useSetParams } from '../../app/router';
import { enumLabel } from '../../app/labels';
import type { StaffRole } from '../../gql/graphql';
import { Card } from '../../ui/Card';
import { ChartCard } from '../../ui/ChartCard';
import { Empty, QueryState } from '../../ui/states';
import type { SortState } from '../../ui/DataTable';
import { distributionOption } from '../../charts/options/distribution';
import { PALETTE } from '../../charts/palette';
import { useAllPages } from '../../lib/use-all-pages';
import { BranchTeamsQuery, ClientManagerRankingQuery } from './ranking-operations';
import { RankingTable } from './ranking-table';
import { ComponentDetail, PersonSummary } from './component-detail';
import { BranchRankingCard } from '../overview/branch-ranking-card';
import { useSession } from '../../app/session';
import { capabilitiesOf } from '../../app/capabilities';

const ROLES: StaffRole[] = ['SENIOR_CLIENT_MANAGER', 'CLIENT_MANAGER'];

export default function RankingsPage() {
  const { t, locale } = useI18n();
  const { month, branch, route } = useGlobalFilters();
  const setParams = useSetParams();
  const { me } = useSession();
  const teamId = route.params.get('team');
  const role = (ROLES as string[]).includes(route.params.get('role') ?? '') ? (route.params.get('role') as StaffRole) : null;
  const person = route.params.get('person');
  const sortParam = route.params.get('sort');
  const sort: SortState | null = sortParam ? { key: sortParam.replace(/^-/, ''), dir: sortParam.startsWith('-') ? 'desc' : 'asc' } : null;

  const teams = useQuery(BranchTeamsQuery, { variables: { id: branch ?? '' }, skip: branch === null });
  const ranking = useAllPages(
    ClientManagerRankingQuery,
    { month, branchId: branch, teamId: branch ? teamId : null, role },
    (d) => d.clientManagerRanking.rows,
  );
  const report = ranking.first?.clientManagerRanking;
  const selected = ranking.nodes.find((r) => r.staff.id === person) ?? null;

  const distOption = useMemo(() => {
    if (!report) return null;
    const d = report.distribution;
    return distributionOption({
      buckets: d.buckets.map((b) => ({ from: String(b.from), to: String(b.to), count: b.count })),
      mean: d.mean ?? null,
      median: d.median ?? null,
      topDecile: d.topDecile.threshold ?? null,
      bottomDecile: d.bottomDecile.threshold ?? null,
      highlight: selected?.score ?? null,
      locale,
      labels: { count: t('legend.count'), mean: t('legend.mean'), median: t('legend.median') },
    });
  }, [report, selected, locale, t]);

  return (
    <>
      <div className="toolbar">
        {branch !== null && (
          <select aria-label={t('col.team')} value={teamId ?? ''} onChange={(e) => setParams({ team: e.target.value || null, person: null })} data-testid="team-select">
            <option value="">{t('rankings.allTeams')}</option>
            {(teams.data?.orgUnit.teams ?? []).map((tm) => (
              <option key={tm.id} value={tm.id}>
                {enumLabel('sector', tm.sector, locale)}
              </option>
            ))}
          </select>
        )}
        <select aria-label={t('col.role')} value={role ?? ''} onChange={(e) => setParams({ role: e.target.value || null, person: null })} data-testid="role-select">
          <option value="">{t('rankings.allRoles')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {enumLabel('staffRole', r, locale)}
            </option>
          ))}
        </select>
        <span className="spacer" />
        {report && (
          <span className="summary-line">
            {t('rankings.ranked', { n: report.count })} · {t('rankings.weightVersion', { v: report.weightVersion.version })}
          </span>
        )}
      </div>
      <div className="grid cols-5-3">
        <Card title={t('rankings.title')} subtitle={t('rankings.select')}>
          <QueryState loading={ranking.loading && ranking.nodes.length === 0} error={ranking.error} empty={ranking.nodes.length === 0} onRetry={ranking.reload} height={400}>
            {() => (
              <RankingTable
                rows={ranking.nodes}
                selectedId={person}
                onSelect={(r) => setParams({ person: r.staff.id === person ? null : r.staff.id }, { replace: true })}
                maxHeight={1080}
                sort={sort}
                onSortChange={(s) => setParams({ sort: `${s.dir === 'desc' ? '-' : ''}${s.key}` }, { replace: true })}
              />
            )}
          </QueryState>
        </Card>
        <div className="grid" style={{ alignContent: 'start' }}>
          <ChartCard
            title={t('rankings.distribution')}
            subtitle={
              report
                ? `${t('rankings.topDecile', { v: formatScore(report.distribution.topDecile.threshold, 1) })} · ${t('rankings.bottomDecile', {
                    v: formatScore(report.distribution.bottomDecile.threshold, 1),
                  })}`
                : undefined
            }
            option={distOption}
            height={220}
            loading={!report && ranking.loading}
            error={ranking.error}
            testId="distribution-chart"
            legend={[
              { label: t('rankings.topDecile', { v: '' }).replace(/[≥\s]+$/, ''), color: PALETTE.met, shape: 'bar' },
              { label: t('rankings.bottomDecile', { v: '' }).replace(/[≤\s]+$/, ''), color: PALETTE.missed, shape: 'bar' },
              ...(report?.distribution.mean ? [{ label: `${t('legend.mean')} ${formatScore(report.distribution.mean, 1)}`, color: PALETTE.ink, shape: 'dashed' as const }] : []),
              ...(report?.distribution.median ? [{ label: `${t('legend.median')} ${formatScore(report.distribution.median, 1)}`, color: PALETTE.muted, shape: 'dashed' as const }] : []),
              ...(selected ? [{ label: selected.staff.name, color: PALETTE.accent, shape: 'bar' as const }] : []),
            ]}
          />
          {selected ? (
            <>
              <Card title={t('rankings.components')}>
                <PersonSummary row={selected} />
              </Card>
              <ComponentDetail row={selected} />
            </>
          ) : (
            <Card title={t('rankings.components')}>
              <Empty height={120}>{t('rankings.select')}</Empty>
            </Card>
          )}
          {capabilitiesOf(me.role).branchViews && <BranchRankingCard month={month} compact />}
        </div>
      </div>
    </>
  );
}
