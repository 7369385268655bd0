import { useEffect, useMemo, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { formatCount, formatMoney, formatMonth, type Month } from '@loan-desk/domain';
import type {
  ClientFilter,
  ClientOrder,
  ClientRowFragment,
  ClientSortField,
  ClientView,
  Classification,
  CompanyNature,
  ImportanceGrade,
  ProjectFilter,
  ProjectOrder,
  ProjectRowFragment,
  ProjectSortField,
  ProjectStatus,
  Sector,
  SortDirection,
} from '../../gql/graphql';
import { useI18n } from '../../app/i18n';
import { useGlobalFilters } from '../../app/filters';
import { Link, useSetParams } from '../../app/router';
import { buildHref } from '../../app/url-state';
import { enumLabel, gqlEnumToDomain, orgName } from '../../app/labels';
import type { MessageKey } from '../../app/messages';
import { Card } from '../../ui/Card';
import { DataTable, type Column, type SortState } from '../../ui/DataTable';
import { Badge, ClassBadge } from '../../ui/Badge';
import { QueryState } from '../../ui/states';
import { toCsv } from '../../lib/csv';
import { toXlsx } from '../../lib/xlsx';
import { CSV_TYPE, XLSX_TYPE, downloadFile } from '../../lib/download';
import type { ExportColumn } from '../../lib/neutralize';
import { ClientsExportQuery, ClientsQuery, ProjectsExportQuery, ProjectsQuery } from './portfolio-operations';
import { clientExportColumns, projectExportColumns } from './export-columns';
import { fetchAllPages } from './export-all';
import { useSession } from '../../app/session';

const PAGE_SIZE = 50;
const CLIENT_VIEWS: ClientView[] = ['ALL', 'RECENTLY_UPDATED', 'CREATED_TODAY', 'CREATED_THIS_WEEK', 'CREATED_THIS_MONTH', 'POOL', 'MINE'];
const NATURES: CompanyNature[] = ['STATE_OWNED', 'PRIVATE', 'FOREIGN_INVESTED', 'COLLECTIVE', 'OTHER'];
const CLASSES: Classification[] = ['NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS'];
const GRADES: ImportanceGrade[] = ['KEY', 'LARGE', 'NORMAL'];
const STATUSES: ProjectStatus[] = ['ACTIVE', 'SETTLED', 'WRITTEN_OFF'];
const SECTORS: Sector[] = ['ENERGY', 'TRANSPORT', 'TELECOM', 'RAW_MATERIALS', 'AGRICULTURE', 'URBAN_INFRASTRUCTURE', 'OTHER'];
const NPL = 'SUBSTANDARD,DOUBTFUL,LOSS';

function listParam<T extends string>(raw: string | null, allowed: readonly T[]): T[] | undefined {
  if (!raw) return undefined;
  const items = raw.split(',').filter((x): x is T => (allowed as readonly string[]).includes(x));
  return items.length ? items : undefined;
}

function sortParam(raw: string | null): SortState | null {
  if (!raw) return null;
  const [key, dir] = raw.split(':');
  return key ? { key, dir: dir === 'asc' ? 'asc' : 'desc' } : null;
}

function orderOf<F extends string>(sort: SortState | null, allowed: readonly F[]): { field: F; direction: SortDirection } | undefined {
  if (!sort || !(allowed as readonly string[]).includes(sort.key)) return undefined;
  return { field: sort.key as F, direction: sort.dir === 'asc' ? 'ASC' : 'DESC' };
}

/** Debounced text input bound to a URL parameter. */
function SearchBox({ value, onCommit, placeholder }: { value: string; onCommit: (v: string) => void; placeholder: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const id = setTimeout(() => onCommit(text), 350);
    return () => clearTimeout(id);
  }, [text, value, onCommit]);
  return <input type="search" value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} aria-label={placeholder} data-testid="search" style={{ width: 220 }} />;
}

/** Cursor pagination: a stack of `after` cursors, reset whenever the filter changes. */
function useCursorPages(resetKey: string) {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  useEffect(() => setStack([null]), [resetKey]);
  return {
    after: stack[stack.length - 1] ?? null,
    page: stack.length,
    next: (cursor: string) => setStack((s) => [...s, cursor]),
    prev: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
  };
}

function Pager({ page, total, hasNext, onPrev, onNext }: { page: number; total: number; hasNext: boolean; onPrev: () => void; onNext: () => void }) {
  const { t, locale } = useI18n();
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, page * PAGE_SIZE);
  return (
    <div className="pager">
      <span>
        {formatCount(from, locale)}–{formatCount(to, locale)} / {formatCount(total, locale)}
      </span>
      <button type="button" className="btn btn-small" onClick={onPrev} disabled={page <= 1} data-testid="page-prev">
        ‹ {t('portfolio.prev')}
      </button>
      <span>{t('portfolio.page', { n: page })}</span>
      <button type="button" className="btn btn-small" onClick={onNext} disabled={!hasNext} data-testid="page-next">
        {t('portfolio.next')} ›
      </button>
    </div>
  );
}

function ExportButtons<T>({ name, run, columns }: { name: string; run: (onProgress: (d: number, t: number) => void) => Promise<T[]>; columns: ExportColumn<T>[] }) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const go = async (format: 'csv' | 'xlsx') => {
    setError(null);
    setProgress({ done: 0, total: 0 });
    try {
      const rows = await run((done, total) => setProgress({ done, total }));
      const stamp = new Date().toISOString().slice(0, 10);
      if (format === 'csv') downloadFile(`${name}-${stamp}.csv`, toCsv(columns, rows), CSV_TYPE);
      else downloadFile(`${name}-${stamp}.xlsx`, toXlsx(columns, rows, name), XLSX_TYPE);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };
  return (
    <>
      {progress && (
        <span className="summary-line" data-testid="export-progress">
          {t('portfolio.exporting', { done: progress.done, total: progress.total || '…' })}
        </span>
      )}
      {error && <span className="bad" style={{ fontSize: 12 }}>{error}</span>}
      <button type="button" className="btn btn-small" disabled={progress !== null} onClick={() => void go('csv')} data-testid="export-csv">
        {t('portfolio.exportCsv')}
      </button>
      <button type="button" className="btn btn-small" disabled={progress !== null} onClick={() => void go('xlsx')} data-testid="export-xlsx">
        {t('portfolio.exportXlsx')}
      </button>
    </>
  );
}

function ClientsTab() {
  const { t, locale } = useI18n();
  const client = useApolloClient();
  const { branch, route } = useGlobalFilters();
  const setParams = useSetParams();
  const p = route.params;
  const { me } = useSession();
  // MINE needs the viewer's staff id (accounts without a person, e.g. planners, cannot use it).
  const myId = me.staff?.id ?? null;
  const requested = (CLIENT_VIEWS as string[]).includes(p.get('view') ?? '') ? (p.get('view') as ClientView) : 'ALL';
  const view: ClientView = requested === 'MINE' && myId === null ? 'ALL' : requested;
  const asStaffId = view === 'MINE' ? myId : null;
  const sort = sortParam(p.get('sort'));
  const filter: ClientFilter = useMemo(
    () => ({
      branchId: branch ?? undefined,
      search: p.get('q') || undefined,
      companyNature: listParam(p.get('nature'), NATURES)?.[0],
      inPool: p.get('pool') === 'yes' ? true : p.get('pool') === 'no' ? false : undefined,
    }),
    [branch, p],
  );
  const orderBy: ClientOrder | undefined = orderOf<ClientSortField>(sort, ['NAME', 'ANNUAL_REVENUE', 'CREATED_AT', 'UPDATED_AT', 'ID']);
  const key = JSON.stringify({ filter, view, orderBy, asStaffId });
  const pages = useCursorPages(key);
  const { data, previousData, loading, error, refetch } = useQuery(ClientsQuery, { variables: { filter, view, orderBy, asStaffId, first: PAGE_SIZE, after: pages.after } });
  const conn = (data ?? previousData)?.clients;
  const columns: Column<ClientRowFragment>[] = [
    {
      key: 'NAME',
      header: t('col.client'),
      render: (r) => (
        <div>
          <div className="name-cell">{r.name}</div>
          <div className="sub">{[r.industry, r.clientType].filter(Boolean).join(' · ')}</div>
        </div>
      ),
      sortValue: () => 0,
    },
    { key: 'branch', header: t('col.branch'), render: (r) => (r.branch ? orgName(r.branch, locale) : '—') },
    { key: 'owner', header: t('col.clientManager'), render: (r) => (r.inPool ? <Badge tone="warn">{t('portfolio.pool')}</Badge> : (r.owner?.name ?? '—')) },
    { key: 'nature', header: t('col.nature'), render: (r) => enumLabel('companyNature', r.companyNature, locale) },
    { key: 'ANNUAL_REVENUE', header: t('col.revenue'), align: 'right', render: (r) => formatMoney(r.annualRevenue, locale), sortValue: () => 0 },
    { key: 'lastContact', header: locale === 'zh-CN' ? '最近联络' : 'Last contact', render: (r) => r.lastContactOn ?? <span className="muted">—</span> },
    { key: 'UPDATED_AT', header: t('col.updated'), render: (r) => r.updatedAt.slice(0, 10), sortValue: () => 0 },
  ];
  return (
    <Card
      title={t('portfolio.clients')}
      subtitle={
        conn ? (
          <span data-testid="table-total" data-total={conn.totalCount}>
            {t('portfolio.total', { n: formatCount(conn.totalCount, locale) })}
          </span>
        ) : undefined
      }
      actions={
        <ExportButtons
          name={locale === 'zh-CN' ? '客户' : 'clients'}
          columns={clientExportColumns(locale)}
          run={(onProgress) => fetchAllPages(client, ClientsExportQuery, { filter, view, orderBy, asStaffId }, (d) => d.clients, onProgress)}
        />
      }
    >
      <div className="toolbar">
        <label>
          {t('portfolio.view')}
          <select value={view} onChange={(e) => setParams({ view: e.target.value === 'ALL' ? null : e.target.value }, { replace: true })} data-testid="view-select">
            {CLIENT_VIEWS.map((v) => (
              <option key={v} value={v} disabled={v === 'MINE' && myId === null}>
                {t(`view.${v}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <SearchBox value={p.get('q') ?? ''} placeholder={t('portfolio.search')} onCommit={(v) => setParams({ q: v }, { replace: true })} />
        <label>
          {t('col.nature')}
          <select value={p.get('nature') ?? ''} onChange={(e) => setParams({ nature: e.target.value }, { replace: true })}>
            <option value="">{t('portfolio.any')}</option>
            {NATURES.map((n) => (
              <option key={n} value={n}>
                {enumLabel('companyNature', n, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('portfolio.pool')}
          <select value={p.get('pool') ?? ''} onChange={(e) => setParams({ pool: e.target.value }, { replace: true })}>
            <option value="">{t('portfolio.any')}</option>
            <option value="yes">{t('common.yes')}</option>
            <option value="no">{t('common.no')}</option>
          </select>
        </label>
      </div>
      <QueryState loading={loading && !conn} error={error} empty={conn?.nodes.length === 0} onRetry={() => void refetch()} height={300}>
        {() => (
          <>
            <DataTable
              columns={columns}
              rows={conn!.nodes}
              rowKey={(r) => r.id}
              manualSort
              sort={sort}
              onSortChange={(s) => setParams({ sort: `${s.key}:${s.dir}` }, { replace: true })}
              testId="clients-table"
              maxHeight={620}
              dense
            />
            <Pager page={pages.page} total={conn!.totalCount} hasNext={conn!.pageInfo.hasNextPage} onPrev={pages.prev} onNext={() => conn!.pageInfo.endCursor && pages.next(conn!.pageInfo.endCursor)} />
          </>
        )}
      </QueryState>
    </Card>
  );
}

function ProjectsTab() {
  const { t, locale } = useI18n();
  const client = useApolloClient();
  const { branch, route } = useGlobalFilters();
  const setParams = useSetParams();
  const p = route.params;
  const sort = sortParam(p.get('sort'));
  const filter: ProjectFilter = useMemo(
    () => ({
      branchId: branch ?? undefined,
      search: p.get('q') || undefined,
      classification: listParam(p.get('class'), CLASSES),
      importance: listParam(p.get('importance'), GRADES),
      status: listParam(p.get('status'), STATUSES),
      sector: listParam(p.get('sector'), SECTORS)?.[0],
      overdue: p.get('overdue') === '1' ? true : undefined,
    }),
    [branch, p],
  );
  const orderBy: ProjectOrder | undefined = orderOf<ProjectSortField>(sort, ['BALANCE', 'CLASSIFICATION', 'DAYS_OVERDUE', 'IMPORTANCE', 'MATURITY_DATE', 'NAME', 'START_DATE', 'UPDATED_AT', 'ID']);
  const key = JSON.stringify({ filter, orderBy });
  const pages = useCursorPages(key);
  const { data, previousData, loading, error, refetch } = useQuery(ProjectsQuery, { variables: { filter, orderBy, first: PAGE_SIZE, after: pages.after } });
  const conn = (data ?? previousData)?.projects;
  const columns: Column<ProjectRowFragment>[] = [
    {
      key: 'NAME',
      header: t('col.project'),
      render: (r) => (
        <div>
          <div className="name-cell">{r.name}</div>
          <div className="sub">{r.client.name}</div>
        </div>
      ),
      sortValue: () => 0,
    },
    { key: 'branch', header: t('col.branch'), render: (r) => <Link href={buildHref(route, 'branch', { branch: r.branch.id }, null)}>{orgName(r.branch, locale)}</Link> },
    { key: 'cm', header: t('col.clientManager'), render: (r) => r.clientManager?.name ?? '—' },
    { key: 'IMPORTANCE', header: t('col.importance'), render: (r) => <Badge tone={r.importance === 'KEY' ? 'info' : 'neutral'}>{enumLabel('importanceGrade', r.importance, locale)}</Badge>, sortValue: () => 0 },
    {
      key: 'CLASSIFICATION',
      header: t('col.classification'),
      render: (r) => <ClassBadge value={gqlEnumToDomain<'classification'>(r.classification)} label={enumLabel('classification', r.classification, locale)} />,
      sortValue: () => 0,
    },
    { key: 'BALANCE', header: t('col.balance'), align: 'right', render: (r) => formatMoney(r.balance, locale, r.currency), sortValue: () => 0 },
    {
      key: 'DAYS_OVERDUE',
      header: t('col.overdue'),
      align: 'right',
      render: (r) => {
        const d = r.lastStatement?.daysOverdue;
        return d === undefined || d === null ? '—' : <span className={d > 90 ? 'bad' : d > 0 ? '' : 'muted'}>{formatCount(d, locale)}</span>;
      },
      sortValue: () => 0,
    },
    { key: 'last', header: t('col.lastStatement'), render: (r) => (r.lastStatement ? formatMonth(r.lastStatement.month as Month, locale) : '—') },
    { key: 'MATURITY_DATE', header: t('col.maturity'), render: (r) => r.maturityDate, sortValue: () => 0 },
  ];
  const select = (param: string, label: string, options: readonly string[], kind: 'classification' | 'importanceGrade' | 'projectStatus' | 'sector', extra?: { value: string; label: string }) => (
    <label>
      {label}
      <select value={p.get(param) ?? ''} onChange={(e) => setParams({ [param]: e.target.value }, { replace: true })} data-testid={`filter-${param}`}>
        <option value="">{t('portfolio.any')}</option>
        {extra && <option value={extra.value}>{extra.label}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {enumLabel(kind, o, locale)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Card
      title={t('portfolio.projects')}
      subtitle={
        conn ? (
          <span data-testid="table-total" data-total={conn.totalCount}>
            {t('portfolio.total', { n: formatCount(conn.totalCount, locale) })}
          </span>
        ) : undefined
      }
      actions={
        <ExportButtons
          name={locale === 'zh-CN' ? '项目' : 'projects'}
          columns={projectExportColumns(locale)}
          run={(onProgress) => fetchAllPages(client, ProjectsExportQuery, { filter, orderBy }, (d) => d.projects, onProgress)}
        />
      }
    >
      <div className="toolbar">
        <SearchBox value={p.get('q') ?? ''} placeholder={t('portfolio.search')} onCommit={(v) => setParams({ q: v }, { replace: true })} />
        {select('class', t('col.classification'), CLASSES, 'classification', { value: NPL, label: locale === 'zh-CN' ? '不良（次级+可疑+损失）' : 'NPL (substandard+doubtful+loss)' })}
        {select('importance', t('col.importance'), GRADES, 'importanceGrade', {
          value: 'KEY,LARGE',
          label: locale === 'zh-CN' ? '大型及重点' : 'Key and large',
        })}
        {select('status', t('col.status'), STATUSES, 'projectStatus')}
        {select('sector', t('col.sector'), SECTORS, 'sector')}
        <label>
          <input type="checkbox" checked={p.get('overdue') === '1'} onChange={(e) => setParams({ overdue: e.target.checked ? '1' : null }, { replace: true })} />
          {locale === 'zh-CN' ? '仅逾期' : 'Overdue only'}
        </label>
      </div>
      <QueryState loading={loading && !conn} error={error} empty={conn?.nodes.length === 0} onRetry={() => void refetch()} height={300}>
        {() => (
          <>
            <DataTable
              columns={columns}
              rows={conn!.nodes}
              rowKey={(r) => r.id}
              manualSort
              sort={sort}
              onSortChange={(s) => setParams({ sort: `${s.key}:${s.dir}` }, { replace: true })}
              testId="projects-table"
              maxHeight={620}
              dense
            />
            <Pager page={pages.page} total={conn!.totalCount} hasNext={conn!.pageInfo.hasNextPage} onPrev={pages.prev} onNext={() => conn!.pageInfo.endCursor && pages.next(conn!.pageInfo.endCursor)} />
          </>
        )}
      </QueryState>
    </Card>
  );
}

export default function PortfolioPage() {
  const { t } = useI18n();
  const { route } = useGlobalFilters();
  const tab = route.params.get('tab') === 'clients' ? 'clients' : 'projects';
  const tabHref = (next: string) => buildHref(route, 'portfolio', { tab: next }, null);
  return (
    <>
      <div className="toolbar">
        <div className="segmented" role="tablist">
          {(['projects', 'clients'] as const).map((k) => (
            <Link key={k} href={tabHref(k)} role="tab" aria-selected={tab === k} className={`seg ${tab === k ? 'active' : ''}`} data-testid={`tab-${k}`}>
              {t(k === 'projects' ? 'portfolio.projects' : 'portfolio.clients')}
            </Link>
          ))}
        </div>
      </div>
      {tab === 'projects' ? <ProjectsTab /> : <ClientsTab />}
    </>
  );
}
