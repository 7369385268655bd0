import type { ReactNode } from 'react';
import { addMonths, compareMonths, formatMonth, type Month } from '@loan-desk/domain';
import { useI18n } from './i18n';
import { Link, navigate } from './router';
import { buildHref, type Page } from './url-state';
import { latestMonth, offeredMonths, useGlobalFilters } from './filters';
import { useBranches } from './branches';
import { orgName } from './labels';
import type { MessageKey } from './messages';
import { useSession } from './session';
import { capabilitiesOf } from './capabilities';
import { FreshnessIndicator } from './FreshnessIndicator';

const NAV: { page: Page; key: MessageKey; icon: string }[] = [
  { page: 'overview', key: 'nav.overview', icon: 'M3 13h8V3H3zm0 8h8v-6H3zm10 0h8V11h-8zm0-18v6h8V3z' },
  { page: 'branch', key: 'nav.branch', icon: 'M12 3 2 8v2h20V8zM4 12v6h3v-6zm6.5 0v6h3v-6zM17 12v6h3v-6zM2 20v2h20v-2z' },
  { page: 'rankings', key: 'nav.rankings', icon: 'M4 20h4V10H4zm6 0h4V4h-4zm6 0h4v-7h-4z' },
  { page: 'staffing', key: 'nav.staffing', icon: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm7 0a3 3 0 1 0 0-6M2 21v-2a5 5 0 0 1 5-5h4a5 5 0 0 1 5 5v2zm16 0v-2a5 5 0 0 0-2-4h1a4 4 0 0 1 4 4v2z' },
  { page: 'portfolio', key: 'nav.portfolio', icon: 'M4 4h16v4H4zm0 6h16v4H4zm0 6h16v4H4z' },
  { page: 'import', key: 'nav.import', icon: 'M5 20h14v-2H5zm7-17-5.5 5.5 1.4 1.4L11 6.8V16h2V6.8l3.1 3.1 1.4-1.4z' },
];

function MonthPicker() {
  const { locale, t } = useI18n();
  const { route, month } = useGlobalFilters();
  const months = offeredMonths();
  const go = (m: Month) => navigate(buildHref({ month: m, branch: route.branch }, route.page, {}, route.params));
  const latest = latestMonth();
  const earliest = months[months.length - 1]!;
  return (
    <div className="month-picker">
      <button type="button" className="btn btn-icon" aria-label={t('filter.prevMonth')} disabled={compareMonths(month, earliest) <= 0} onClick={() => go(addMonths(month, -1))}>
        ‹
      </button>
      <select aria-label={t('filter.month')} value={month} onChange={(e) => go(e.target.value as Month)} data-testid="month-select">
        {months.map((m) => (
          <option key={m} value={m}>
            {formatMonth(m, locale)}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-icon" aria-label={t('filter.nextMonth')} disabled={compareMonths(month, latest) >= 0} onClick={() => go(addMonths(month, 1))}>
        ›
      </button>
    </div>
  );
}

function BranchPicker() {
  const { locale, t } = useI18n();
  const { route, month } = useGlobalFilters();
  const { data } = useBranches();
  const branches = [...(data?.branches ?? [])].sort((a, b) => orgName(a, locale).localeCompare(orgName(b, locale), locale));
  return (
    <select
      aria-label={t('filter.branch')}
      className="branch-select"
      data-testid="branch-select"
      value={route.branch ?? ''}
      onChange={(e) => navigate(buildHref({ month: route.month ?? month, branch: e.target.value || null }, route.page, {}, route.params))}
    >
      <option value="">{t('filter.allBranches')}</option>
      {branches.map((b) => (
        <option key={b.id} value={b.id}>
          {orgName(b, locale)}
        </option>
      ))}
    </select>
  );
}

export function Layout({ title, children }: { title: string; children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { route } = useGlobalFilters();
  const { me, signOut } = useSession();
  const caps = capabilitiesOf(me.role);
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <div className="brand-mark">L</div>
          <div>
            <div className="brand-name">{t('app.title')}</div>
            <div className="brand-sub">{t('app.subtitle')}</div>
          </div>
        </div>
        <nav className="nav">
          {NAV.filter((n) => caps.pages.includes(n.page)).map((n) => (
            <Link
              key={n.page}
              href={buildHref(route, n.page, {}, null)}
              className={`nav-item ${route.page === n.page ? 'active' : ''}`}
              aria-current={route.page === n.page ? 'page' : undefined}
              data-testid={`nav-${n.page}`}
            >
              <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
                <path fill="currentColor" d={n.icon} />
              </svg>
              <span>{t(n.key)}</span>
            </Link>
          ))}
          {caps.graphiql && (
          <a className="nav-item" href="/graphql" target="_blank" rel="noreferrer" data-testid="nav-graphiql">
            <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
              <path fill="currentColor" d="M12 2 3 7v10l9 5 9-5V7zm0 2.3L18.8 8 12 11.7 5.2 8zM5 9.7l6 3.3v6.7l-6-3.4zm8 10V13l6-3.3v6.6z" />
            </svg>
            <span>{t('nav.graphiql')}</span>
            <span className="nav-ext">↗</span>
          </a>
          )}
        </nav>
        <div className="user-box" data-testid="user-box">
          <div className="user-avatar">{me.displayName.slice(0, 1)}</div>
          <div className="user-meta">
            <div className="user-name">{me.displayName}</div>
            <div className="user-role">
              {t(`role.${me.role}` as MessageKey)}
              {me.branch ? ` · ${orgName(me.branch, locale)}` : ''}
            </div>
          </div>
          <button type="button" className="btn btn-ghost btn-small user-signout" onClick={() => void signOut()} data-testid="signout">
            {t('signin.signOut')}
          </button>
        </div>
      </aside>
      <div className="main">
        <header className="topbar">
          <div className="topbar-heading">
            <h1 className="page-title">{title}</h1>
            <FreshnessIndicator />
          </div>
          <div className="filters">
            {/* The import page reads no month or branch. */}
            {route.page !== 'import' && <MonthPicker />}
            {route.page !== 'import' && caps.branchViews && <BranchPicker />}
            <button
              type="button"
              className="btn btn-lang"
              data-testid="lang-toggle"
              aria-label={t('lang.switchLabel')}
              onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
            >
              {t('lang.switch')}
            </button>
          </div>
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
