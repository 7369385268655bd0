import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addMonths, formatMoney, formatRatioPercent, type Month } from '@loan-desk/domain';
import { gql, launch, newPage, repoRoot, screenshot, settled, signIn } from './browser';

const baseUrl = inject('baseUrl');
/** Pages run several queries; give each assertion time to settle. */
const POLL = { timeout: 30_000, interval: 200 };

/** The dashboard's EChart wrapper registers its instances here by test id. */
interface ChartHandle {
  getOption(): unknown;
  convertToPixel(finder: object, value: number[]): number[] | number;
  getDom(): HTMLElement;
}
declare global {
  interface Window {
    __loanDeskCharts?: Record<string, ChartHandle>;
  }
}

interface Kpi {
  month: Month;
  nplRatio: string;
  outstandingBalance: string;
}

async function bankKpi(month?: Month): Promise<Kpi> {
  const d = await gql<{ kpi: Kpi }>(baseUrl, 'query($m: Month) { kpi(scope: { kind: BANK }, month: $m) { month nplRatio outstandingBalance } }', { m: month ?? null });
  return d.kpi;
}

/** Counts CSV records (RFC 4180: newlines inside quotes do not end a record). */
function csvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

describe('dashboard against the real API', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let latest: Kpi;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await newPage(browser));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    latest = await bankKpi();
  });

  it('asks for sign-in first, then shows the signed-in user', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('[data-testid="signin-form"]');
    await screenshot(page, 'signin');
    await signIn(page, baseUrl, 'planner');
    expect(await page.textContent('[data-testid="user-box"]')).toContain('HQ planner');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('Overview shows the bank NPL ratio and outstanding balance the API returns', async () => {
    await page.goto(`${baseUrl}/?month=${latest.month}`);
    await settled(page);
    await expect.poll(() => page.textContent('[data-testid="kpi-npl-ratio-value"]'), POLL).toBe(formatRatioPercent(latest.nplRatio));
    expect(await page.textContent('[data-testid="kpi-outstanding-value"]')).toBe(formatMoney(latest.outstandingBalance, 'en'));
    await screenshot(page, 'overview');
    // The README shows the top of Overview on a desktop screen.
    mkdirSync(join(repoRoot, 'docs'), { recursive: true });
    await page.setViewportSize({ width: 1440, height: 1260 });
    await page.waitForTimeout(1000); // charts resize
    await page.screenshot({ path: join(repoRoot, 'docs/screenshot-overview.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('clicking a branch bar opens that branch', async () => {
    await page.goto(`${baseUrl}/?month=${latest.month}`);
    await settled(page);
    const target = await page.evaluate(() => {
      const chart = window.__loanDeskCharts?.['branch-npl'];
      if (!chart) return null;
      const option = chart.getOption() as { series: { data: { id: string; value: number }[] }[] };
      const bar = option.series[0]!.data[0]!;
      const [x, y] = chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [bar.value / 2, 0]) as number[];
      const rect = chart.getDom().getBoundingClientRect();
      return { id: bar.id, x: rect.left + x!, y: rect.top + y! };
    });
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    await page.waitForURL((u) => u.pathname === '/branch' && u.searchParams.get('branch') === target!.id);
    const { orgUnit } = await gql<{ orgUnit: { name: string } }>(baseUrl, 'query($id: ID!) { orgUnit(id: $id) { name } }', { id: target!.id });
    await expect.poll(() => page.textContent('[data-testid="branch-name"]'), POLL).toBe(orgUnit.name);
    await settled(page);
    await screenshot(page, 'branch');
  });

  it('switches between English and Simplified Chinese', async () => {
    await page.goto(`${baseUrl}/?month=${latest.month}`);
    await settled(page);
    expect(await page.textContent('[data-testid="nav-overview"]')).toContain('Overview');
    await page.click('[data-testid="lang-toggle"]');
    await expect.poll(() => page.textContent('[data-testid="nav-overview"]'), POLL).toContain('总览');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    // Money in 万/亿, the five-tier classes by their glossary names.
    expect(await page.textContent('[data-testid="kpi-outstanding-value"]')).toBe(formatMoney(latest.outstandingBalance, 'zh-CN'));
    expect(await page.textContent('[data-testid="kpi-outstanding-value"]')).toMatch(/亿$/);
    await settled(page);
    await screenshot(page, 'overview-zh');
    await page.click('[data-testid="lang-toggle"]');
    await expect.poll(() => page.textContent('[data-testid="nav-overview"]'), POLL).toContain('Overview');
  });

  it('takes the month from the URL, and back/forward restore it', async () => {
    const earlier = addMonths(latest.month, -3);
    const kpi = await bankKpi(earlier);
    await page.goto(`${baseUrl}/?month=${earlier}`);
    await settled(page);
    expect(await page.inputValue('[data-testid="month-select"]')).toBe(earlier);
    await expect.poll(() => page.textContent('[data-testid="kpi-npl-ratio-value"]'), POLL).toBe(formatRatioPercent(kpi.nplRatio));
    // Change the month with the picker, then go back.
    await page.selectOption('[data-testid="month-select"]', latest.month);
    await page.waitForURL((u) => u.searchParams.get('month') === latest.month);
    await expect.poll(() => page.textContent('[data-testid="kpi-npl-ratio-value"]'), POLL).toBe(formatRatioPercent(latest.nplRatio));
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('month') === earlier);
    await expect.poll(() => page.inputValue('[data-testid="month-select"]'), POLL).toBe(earlier);
    await expect.poll(() => page.textContent('[data-testid="kpi-npl-ratio-value"]'), POLL).toBe(formatRatioPercent(kpi.nplRatio));
    await page.goForward();
    await page.waitForURL((u) => u.searchParams.get('month') === latest.month);
  });

  it('exports exactly the filtered projects to CSV and XLSX, paging through the API', async () => {
    const filter = { status: ['ACTIVE'] };
    const { projects } = await gql<{ projects: { totalCount: number } }>(baseUrl, 'query($f: ProjectFilter) { projects(filter: $f, first: 1) { totalCount } }', { f: filter });
    expect(projects.totalCount).toBeGreaterThan(500); // more than one API page
    await page.goto(`${baseUrl}/portfolio?tab=projects&status=ACTIVE`);
    await page.waitForSelector('[data-testid="table-total"]');
    const shown = Number(await page.getAttribute('[data-testid="table-total"]', 'data-total'));
    expect(shown).toBe(projects.totalCount);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click('[data-testid="export-csv"]')]);
    const file = await download.path();
    const records = csvRecords(readFileSync(file!, 'utf8'));
    expect(records.length - 1).toBe(shown);
    // Unique project ids: nothing repeated or skipped across pages.
    expect(new Set(records.slice(1).map((r) => r[0])).size).toBe(shown);
    // XLSX of the same rows: one <row> per project plus the header (the sheet is stored uncompressed).
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click('[data-testid="export-xlsx"]')]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync((await xlsx.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.toString('latin1').match(/<row r="/g)?.length).toBe(shown + 1);
    await settled(page);
    await screenshot(page, 'portfolio');
  });

  it('saves a chart as PNG', async () => {
    await page.goto(`${baseUrl}/?month=${latest.month}`);
    await settled(page);
    const card = page.locator('[data-testid="npl-trend-card"]');
    const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Save PNG' }).click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  it('renders Rankings (with a person selected), Staffing and GraphiQL', async () => {
    await page.goto(`${baseUrl}/rankings?month=${latest.month}`);
    await page.waitForSelector('[data-testid="ranking-table"] tbody tr');
    await page.click('[data-testid="ranking-table"] tbody tr:first-child');
    await page.waitForSelector('[data-testid="contribution-chart"]');
    expect(new URL(page.url()).searchParams.get('person')).not.toBeNull();
    await settled(page);
    await screenshot(page, 'rankings');

    await page.goto(`${baseUrl}/staffing`);
    await page.waitForSelector('[data-testid="staffing-table"] tbody tr');
    expect(await page.locator('[data-testid="staffing-table"] tbody tr').count()).toBeGreaterThanOrEqual(5);
    await settled(page);
    await screenshot(page, 'staffing');

    await page.goto(`${baseUrl}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
    await page.waitForTimeout(1500);
    await screenshot(page, 'graphiql');
  });

  it('raised no uncaught error in the page along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
