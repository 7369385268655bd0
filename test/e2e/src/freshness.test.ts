import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatMoney } from '@loan-desk/domain';
import { repoRoot, startApi, type ApiServer } from './api-server';
import { launch, newPage, screenshot, signIn } from './browser';
import { pg, type SqlClient } from './sql';

const POLL = { timeout: 30_000, interval: 200 };
const INDICATOR = '[data-testid="freshness"]';
const TEXT = '[data-testid="freshness-text"]';
const CATCHING_UP_ONE = 'Catching up: 1 change pending — figures computed from the base tables';
const CATCHING_UP_CAP = 'Catching up: 1,000+ changes pending — figures computed from the base tables';

/** HH:mm in this machine's time zone (the browser's too). */
function localHhMm(iso: Date): string {
  return `${String(iso.getHours()).padStart(2, '0')}:${String(iso.getMinutes()).padStart(2, '0')}`;
}

/**
 * The data-freshness indicator in the header. This file runs its own API with the background
 * rollup refresher off (ROLLUP_REFRESH_MS=0, as the API's replica tests configure it): changes
 * queued with plain SQL stay queued until the test removes them, so nothing races the assertions.
 */
describe('data-freshness indicator', () => {
  let api: ApiServer;
  let db: SqlClient;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  const pending = async (): Promise<number> => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM rollup_dirty')).rows[0]!.n;
  const state = () => page.getAttribute(INDICATOR, 'data-state');

  beforeAll(async () => {
    api = await startApi({ env: { ROLLUP_REFRESH_MS: '0' }, logName: 'api-freshness.log' });
    db = new pg.Client({ connectionString: api.databaseUrl });
    await db.connect();
    browser = await launch();
    ({ context, page } = await newPage(browser));
    // A fake clock (running at normal speed) lets the test skip ahead to the next 30 s poll.
    await context.clock.install();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await db?.end();
    await api?.stop();
  });

  it('shows nothing while signed out', async () => {
    await page.goto(`${api.baseUrl}/`);
    await page.waitForSelector('[data-testid="signin-form"]');
    expect(await page.locator(INDICATOR).count()).toBe(0);
  });

  it('says the figures are up to date, with the local time of the last update, on every page', async () => {
    expect(await pending()).toBe(0); // the demo bank's rollups were built on the first start
    const { rows } = await db.query<{ at: Date }>('SELECT coalesce(maintained_at, refreshed_at) AS at FROM rollup_state');
    await signIn(page, api.baseUrl, 'planner');
    await expect
      .poll(() => page.textContent(TEXT), POLL)
      .toMatch(new RegExp(`^Figures up to date · updated (\\d{4}-\\d{2}-\\d{2} )?${localHhMm(rows[0]!.at)}$`));
    expect(await state()).toBe('ok');
    const title = await page.getAttribute(INDICATOR, 'title');
    expect(title).toMatch(/^Pre-aggregated figures last brought up to date: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} GMT/);
    expect(title).toMatch(/\nRead from: primary database$/);
    for (const target of ['staffing', 'portfolio']) {
      await page.click(`[data-testid="nav-${target}"]`);
      await page.waitForURL((u) => u.pathname === `/${target}`);
      await expect.poll(() => page.textContent(TEXT), POLL).toMatch(/^Figures up to date · updated /);
    }
  });

  it('warns while a change to a statement is not yet in the rollups', async () => {
    // A plain SQL change: the statement trigger queues it for the rollups (the value is unchanged).
    const upd = await db.query(
      `UPDATE cash_flow_statement SET days_overdue = days_overdue
       WHERE (project_id, month) = (SELECT project_id, month FROM cash_flow_statement ORDER BY month DESC, project_id LIMIT 1)`,
    );
    expect(upd.rowCount).toBe(1);
    expect(await pending()).toBe(1);
    await page.goto(`${api.baseUrl}/`);
    await expect.poll(() => page.textContent(TEXT), POLL).toBe(CATCHING_UP_ONE);
    expect(await state()).toBe('stale');
    expect(await page.getAttribute(INDICATOR, 'title')).toMatch(/^Changes are queued for the pre-aggregated KPI figures/);
    await screenshot(page, 'freshness-stale');
    // Still queued: nothing caught up behind the assertion.
    expect(await pending()).toBe(1);
  });

  it('shows 1,000+ when the queue is longer than the API counts', async () => {
    await db.query(`INSERT INTO rollup_dirty (source, project_id) SELECT 'e2e-freshness', g FROM generate_series(1, 1200) g`);
    await page.goto(`${api.baseUrl}/staffing`);
    await expect.poll(() => page.textContent(TEXT), POLL).toBe(CATCHING_UP_CAP);
  });

  it('is up to date again at the next poll (30 s) once the queue is empty', async () => {
    // The queued statement change altered nothing, so emptying the queue leaves the rollups correct.
    await db.query('DELETE FROM rollup_dirty');
    expect(await page.textContent(TEXT)).toBe(CATCHING_UP_CAP);
    await page.clock.fastForward(31_000);
    await expect.poll(() => page.textContent(TEXT), POLL).toMatch(/^Figures up to date · updated /);
    expect(await state()).toBe('ok');
    await screenshot(page, 'freshness-ok');
  });

  it('disappears on sign-out', async () => {
    await page.click('[data-testid="signout"]');
    await page.waitForSelector('[data-testid="signin-form"]');
    expect(await page.locator(INDICATOR).count()).toBe(0);
  });

  it('when the base tables take too long: the figures without the pending change, said in the header; updated in place once caught up', async () => {
    // A second API on the same database whose stale reads may never use the base tables
    // (STALE_READ_BUDGET_MS=1: every base-table read runs out of budget, as a bank-wide read does
    // at bank scale), so they are answered from the rollups as they are.
    const behindApi = await startApi({
      env: { DATABASE_URL: api.databaseUrl, STALE_READ_BUDGET_MS: '1', ROLLUP_REFRESH_MS: '0' },
      logName: 'api-freshness-behind.log',
    });
    try {
      const { rows: [latest] } = await db.query<{ m: string }>(`SELECT to_char(max(month), 'YYYY-MM') AS m FROM cash_flow_statement`);
      const month = latest!.m;
      const sum = async () => (await db.query<{ b: string }>(`SELECT sum(balance)::text AS b FROM cash_flow_statement WHERE month = $1::date`, [`${month}-01`])).rows[0]!.b;
      const before = await sum();
      // 100 billion more on one loan of the latest month: visible on the Overview's balance tile.
      await db.query(
        `UPDATE cash_flow_statement SET balance = balance + 100000000000.00
         WHERE (project_id, month) = (SELECT project_id, month FROM cash_flow_statement WHERE month = $1::date ORDER BY project_id LIMIT 1)`,
        [`${month}-01`],
      );
      const after = await sum();
      expect(formatMoney(after, 'en')).not.toBe(formatMoney(before, 'en'));
      expect(await pending()).toBe(1);

      await signIn(page, behindApi.baseUrl, 'planner');
      await expect.poll(() => page.textContent(TEXT), POLL).toBe(`Catching up: 1 change pending — figures shown do not include it yet (${month})`);
      expect(await state()).toBe('stale');
      expect(await page.getAttribute(INDICATOR, 'title')).toMatch(/^Changes are queued for the pre-aggregated KPI figures, and computing this page from the base tables would take too long/);
      await expect.poll(() => page.textContent('[data-testid="kpi-outstanding-value"]'), POLL).toBe(formatMoney(before, 'en'));
      await screenshot(page, 'freshness-behind');

      // Caught up (the refresh CLI, as an operator would run it; this API's refresher is off).
      const r = spawnSync(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/modules/rollup/refresh-cli.ts', '--dirty'], {
        cwd: join(repoRoot, 'apps/api'), env: { ...process.env, DATABASE_URL: api.databaseUrl }, encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(await pending()).toBe(0);
      // The header asks again within 10 s while figures are behind; the page then fetches its data again.
      await page.clock.fastForward(11_000);
      await expect.poll(() => page.textContent(TEXT), POLL).toMatch(/^Figures up to date · updated /);
      await expect.poll(() => page.textContent('[data-testid="kpi-outstanding-value"]'), POLL).toBe(formatMoney(after, 'en'));
    } finally {
      await behindApi.stop();
    }
  }, 300_000);

  it('raised no uncaught error in the page along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
