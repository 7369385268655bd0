/**
 * URL state: the page is the path, global filters (month, branch) and page options are query
 * parameters, so a link reproduces the view and back/forward work. Pure helpers live here; the
 * React hook is in router.tsx.
 */
import { isMonth, previousMonth, monthFromDate, type Month } from '@loan-desk/domain';

export const PAGES = ['overview', 'branch', 'rankings', 'staffing', 'portfolio', 'import'] as const;
export type Page = (typeof PAGES)[number];

export interface Route {
  page: Page;
  /** Global month filter; null = the latest complete month. */
  month: Month | null;
  /** Global branch filter (org unit id). */
  branch: string | null;
  /** Every query parameter, including the ones above. */
  params: URLSearchParams;
}

const PATHS: Record<Page, string> = {
  overview: '/',
  branch: '/branch',
  rankings: '/rankings',
  staffing: '/staffing',
  portfolio: '/portfolio',
  import: '/import',
};

export function pathOf(page: Page): string {
  return PATHS[page];
}

export function parseRoute(pathname: string, search: string): Route {
  const clean = pathname.replace(/\/+$/, '') || '/';
  const page = (PAGES.find((p) => PATHS[p] === clean) ?? 'overview') as Page;
  const params = new URLSearchParams(search);
  const m = params.get('month');
  const b = params.get('branch');
  return { page, month: m !== null && isMonth(m) ? m : null, branch: b !== null && b !== '' ? b : null, params };
}

/** Builds a URL for `page`, keeping the global filters unless overridden; null removes a parameter. */
export function buildHref(
  current: Pick<Route, 'month' | 'branch'>,
  page: Page,
  patch: Record<string, string | null | undefined> = {},
  keep: URLSearchParams | null = null,
): string {
  const params = new URLSearchParams(keep ?? undefined);
  if (current.month !== null) params.set('month', current.month);
  if (current.branch !== null) params.set('branch', current.branch);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined || v === '') params.delete(k);
    else params.set(k, v);
  }
  params.sort();
  const qs = params.toString();
  return `${PATHS[page]}${qs ? `?${qs}` : ''}`;
}

/** Statements run through last month, so that is the default reporting month. */
export function defaultMonth(today: Date = new Date()): Month {
  return previousMonth(monthFromDate(today));
}
