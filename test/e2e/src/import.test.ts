import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { startApi, type ApiServer } from './api-server';
import { launch, newPage, screenshot, signIn } from './browser';
import { pg, type SqlClient } from './sql';

const POLL = { timeout: 30_000, interval: 200 };
/** Column order of docs/import.md (as apps/api/test/import uses them). */
const ST_HEADER =
  'project_external_key,month,balance,principal_due,interest_due,principal_repaid,interest_repaid,classification,days_overdue,submitted_on';
const CLIENT_HEADER = 'external_key,name,client_type,industry,source,company_nature,annual_revenue,address,branch_code,owner_employee_no';
/** A new client's name: Chinese, with full-width parentheses; not in the demo bank (checked below). */
const CLIENT_NAME = '京港澳（测试）基础设施投资有限公司';
const CLIENT_KEY = 'E2E-IMP-C1';

/** "YYYY-MM-DD HH:mm:ss" in this machine's time zone (the browser's too). */
function localTimestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The text of every cell of a table's body rows. */
function tableRows(page: Page, testId: string): Promise<string[][]> {
  return page.$$eval(`[data-testid="${testId}"] tbody tr`, (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())),
  );
}

/**
 * The Import page of the dashboard against its own API and demo bank: statements with a bad row
 * (all-or-nothing, then partial; the problem also in Chinese), a clients file with a BOM and
 * Chinese text dropped on the page, the import history, and the page hidden from an executive.
 * Expected values come from the fixture files and plain SQL.
 */
describe('import page', () => {
  let api: ApiServer;
  let db: SqlClient;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  /** Requests the page sent to /graphql/import (body included). */
  const importRequests: Request[] = [];

  /** Three active projects without a statement for the current month yet, and that month. */
  let projects: { key: string; balance: string; classification: string }[];
  let month: string;
  let bjManager: string;
  let statementsFile: string;

  const statementCount = async (): Promise<number> =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM cash_flow_statement c JOIN project p ON p.id = c.project_id WHERE p.external_key = ANY($1)`,
        [projects.map((p) => p.key)],
      )
    ).rows[0]!.n;
  const statementsOfMonth = async () =>
    (
      await db.query<{ key: string; balance: string; classification: string }>(
        `SELECT p.external_key AS key, c.balance::text, c.classification::text FROM cash_flow_statement c JOIN project p ON p.id = c.project_id
         WHERE p.external_key = ANY($1) AND c.month = to_date($2, 'YYYY-MM') ORDER BY p.external_key`,
        [projects.map((p) => p.key), month],
      )
    ).rows;
  const latestBatch = async () =>
    (
      await db.query<{ id: string; status: string; rows_in: number; accepted: number; rejected: number; inserted: number }>(
        `SELECT id::text, status::text, rows_in, accepted, rejected, inserted FROM import_batch ORDER BY id DESC LIMIT 1`,
      )
    ).rows[0];

  /** Waits for the result of an import other than the one shown before (`previous` batch id). */
  async function waitForResult(previous: string | null): Promise<string> {
    await page.waitForFunction(
      (prev) => {
        const el = document.querySelector('[data-testid="import-outcome"]');
        return el !== null && el.getAttribute('data-batch-id') !== prev;
      },
      previous,
      { timeout: 60_000 },
    );
    return (await page.getAttribute('[data-testid="import-outcome"]', 'data-batch-id'))!;
  }
  const stat = (key: string) => page.textContent(`[data-testid="import-stat-${key}"]`);
  const historyFirstFile = async () => (await tableRows(page, 'import-history'))[0]?.[1];

  beforeAll(async () => {
    api = await startApi({ logName: 'api-import.log' });
    db = new pg.Client({ connectionString: api.databaseUrl });
    await db.connect();
    // The business month (Asia/Shanghai, as the API's "not after the current month" check).
    month = (await db.query<{ m: string }>(`SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM') AS m`)).rows[0]!.m;
    projects = (
      await db.query<{ key: string; balance: string; classification: string }>(
        `SELECT p.external_key AS key, p.balance::text, p.classification::text FROM project p
         WHERE p.status = 'active' AND p.start_date < to_date($1, 'YYYY-MM')
           AND NOT EXISTS (SELECT 1 FROM cash_flow_statement c WHERE c.project_id = p.id AND c.month >= to_date($1, 'YYYY-MM'))
         ORDER BY p.id LIMIT 3`,
        [month],
      )
    ).rows;
    expect(projects).toHaveLength(3);
    bjManager = (
      await db.query<{ e: string }>(
        `SELECT s.employee_no AS e FROM staff s JOIN org_unit u ON u.id = s.unit_id JOIN org_unit b ON b.id = u.parent_id
         WHERE b.code = 'BJ' AND s.role = 'client_manager' ORDER BY s.id LIMIT 1`,
      )
    ).rows[0]!.e;
    expect((await db.query(`SELECT 1 FROM client WHERE name = $1 OR external_key = $2`, [CLIENT_NAME, CLIENT_KEY])).rowCount).toBe(0);
    const [p1, p2, p3] = projects;
    // Line 4: a negative balance (docs/import.md: must not be negative).
    statementsFile = [
      ST_HEADER,
      `${p1!.key},${month},1000.00,10,5,10,5,normal,0,`,
      `${p2!.key},${month},2000.00,20,6,20,6,special_mention,0,`,
      `${p3!.key},${month},-5,1,1,1,1,normal,0,`,
      '',
    ].join('\r\n');

    browser = await launch();
    ({ context, page } = await newPage(browser));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/graphql/import') importRequests.push(r);
    });
    await signIn(page, api.baseUrl, 'planner');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await db?.end();
    await api?.stop();
  });

  it('is in the navigation of an HQ planner and opens with an empty history', async () => {
    await page.click('[data-testid="nav-import"]');
    await page.waitForURL((u) => u.pathname === '/import');
    await page.waitForSelector('[data-testid="import-form"]');
    expect(await page.textContent('.page-title')).toBe('Import core-banking files');
    const logged = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_batch')).rows[0]!.n;
    await page.waitForSelector(logged === 0 ? '[data-testid="import-history-card"] .state-empty' : '[data-testid="import-history"]');
    expect(await page.isDisabled('[data-testid="import-submit"]')).toBe(true); // no file yet
    expect(await page.textContent('[data-testid="import-partial-hint"]')).toMatch(/If any row has a problem, nothing is written/);
  });

  it('refuses a file over 10 MB in the browser, before sending anything', async () => {
    await page.setInputFiles('[data-testid="import-file"]', {
      name: 'huge.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x41),
    });
    await expect
      .poll(() => page.textContent('[data-testid="import-file-problem"]'), POLL)
      .toBe('The file is 10.1 MB; at most 10 MB can be imported here. Use the command-line import for larger files.');
    expect(await page.isDisabled('[data-testid="import-submit"]')).toBe(true);
    expect(importRequests).toHaveLength(0);
  });

  it('(a) all-or-nothing: a statements file with one bad row writes nothing and lists the row', async () => {
    const before = await statementCount();
    const batchesBefore = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_batch')).rows[0]!.n;
    await page.click('[data-testid="import-kind-STATEMENTS"]');
    await page.setInputFiles('[data-testid="import-file"]', {
      name: 'statements-bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(statementsFile, 'utf8'),
    });
    await page.waitForSelector('[data-testid="import-file-problem"]', { state: 'detached' });
    expect(await page.isChecked('[data-testid="import-partial"]')).toBe(false); // the default
    // Hold the request a moment so the busy state can be seen; a second click must not send again.
    await page.route('**/graphql/import', async (route) => {
      await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    await page.click('[data-testid="import-submit"]');
    await page.waitForSelector('[data-testid="import-busy"]');
    expect(await page.isDisabled('[data-testid="import-submit"]')).toBe(true);
    await page.click('[data-testid="import-submit"]', { force: true }).catch(() => undefined);
    await expect.poll(() => page.textContent('[data-testid="import-busy"]'), POLL).toMatch(/^Importing… [1-9]\d* s$/);
    const batchId = await waitForResult(null);
    await page.unroute('**/graphql/import');
    expect(importRequests).toHaveLength(1);

    // Sent as base64 of the file bytes, to /graphql/import.
    const body = importRequests[0]!.postDataJSON() as {
      variables: { input: { kind: string; fileName: string; content: string; base64: boolean; allowPartial: boolean } };
    };
    expect(body.variables.input).toMatchObject({ kind: 'STATEMENTS', fileName: 'statements-bad.csv', base64: true, allowPartial: false });
    expect(Buffer.from(body.variables.input.content, 'base64').toString('utf8')).toBe(statementsFile);

    expect(await page.getAttribute('[data-testid="import-outcome"]', 'data-committed')).toBe('false');
    expect(await page.textContent('[data-testid="import-outcome"]')).toBe('Nothing was written: 1 row has problems');
    expect(await stat('rowsIn')).toBe('3');
    expect(await stat('accepted')).toBe('2');
    expect(await stat('rejected')).toBe('1');
    expect(await stat('inserted')).toBe('0');
    expect(await tableRows(page, 'import-errors')).toEqual([['4', 'balance', 'must not be negative: "-5"']]);
    expect(await page.textContent('[data-testid="import-errors-caption"]')).toBe('1 problem');
    await screenshot(page, 'import-rejected');

    // The database is unchanged (only the log records the attempt).
    expect(await statementCount()).toBe(before);
    expect(await statementsOfMonth()).toEqual([]);
    expect(await latestBatch()).toEqual({ id: batchId, status: 'rejected', rows_in: 3, accepted: 2, rejected: 1, inserted: 0 });
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_batch')).rows[0]!.n).toBe(batchesBefore + 1);
    // The history was fetched again.
    await expect.poll(historyFirstFile, POLL).toBe('statements-bad.csv');

    // The error report: line,column,reason,code, UTF-8 with BOM, the reason in the UI language.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="import-errors-csv"]')]);
    expect(download.suggestedFilename()).toBe('statements-bad-errors.csv');
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toBe(
      'line,column,reason,code\r\n4,balance,"must not be negative: ""-5""",NEGATIVE_AMOUNT\r\n',
    );

    // In Chinese the problems table says the reason in Chinese (from the code and its params), as does the report.
    await page.click('[data-testid="lang-toggle"]');
    await expect.poll(() => page.getAttribute('html', 'lang'), POLL).toBe('zh-CN');
    await expect.poll(() => tableRows(page, 'import-errors'), POLL).toEqual([['4', 'balance', '金额不能为负数：“-5”']]);
    expect(await page.textContent('[data-testid="import-outcome"]')).toBe('未写入任何数据：1 行有问题');
    expect(await page.getAttribute('[data-testid="import-errors"] tbody td [data-code]', 'data-code')).toBe('NEGATIVE_AMOUNT');
    await screenshot(page, 'import-rejected-zh');
    const [zhDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="import-errors-csv"]')]);
    expect(
      readFileSync((await zhDownload.path())!)
        .subarray(3)
        .toString('utf8'),
    ).toBe('line,column,reason,code\r\n4,balance,金额不能为负数：“-5”,NEGATIVE_AMOUNT\r\n');
    await page.click('[data-testid="lang-toggle"]');
    await expect.poll(() => tableRows(page, 'import-errors'), POLL).toEqual([['4', 'balance', 'must not be negative: "-5"']]);
  });

  it('(b) partial: the same file commits the valid rows and returns the rejected one', async () => {
    const before = await statementCount();
    const previous = await page.getAttribute('[data-testid="import-outcome"]', 'data-batch-id');
    // Projects whose balance or classification the new latest statement changes (docs/import.md).
    const expectedFollowUps = [
      projects[0]!.balance !== '1000.00' || projects[0]!.classification !== 'normal',
      projects[1]!.balance !== '2000.00' || projects[1]!.classification !== 'special_mention',
    ].filter(Boolean).length;
    await page.check('[data-testid="import-partial"]');
    expect(await page.textContent('[data-testid="import-partial-hint"]')).toMatch(/the valid rows are written/);
    await page.click('[data-testid="import-submit"]');
    const batchId = await waitForResult(previous);
    expect(importRequests).toHaveLength(2);
    expect((importRequests[1]!.postDataJSON() as { variables: { input: { allowPartial: boolean } } }).variables.input.allowPartial).toBe(
      true,
    );

    expect(await page.getAttribute('[data-testid="import-outcome"]', 'data-committed')).toBe('true');
    expect(await page.textContent('[data-testid="import-outcome"]')).toBe(
      'Partly imported: 2 valid rows written, 1 with problems not written',
    );
    expect(await stat('rowsIn')).toBe('3');
    expect(await stat('accepted')).toBe('2');
    expect(await stat('rejected')).toBe('1');
    expect(await stat('inserted')).toBe('2');
    expect(await stat('updated')).toBe('0');
    expect(await stat('unchanged')).toBe('0');
    expect(await stat('followUps')).toBe(String(expectedFollowUps));
    expect(await tableRows(page, 'import-errors')).toEqual([['4', 'balance', 'must not be negative: "-5"']]);

    expect(await statementCount()).toBe(before + 2);
    expect(await statementsOfMonth()).toEqual(
      [
        { key: projects[0]!.key, balance: '1000.00', classification: 'normal' },
        { key: projects[1]!.key, balance: '2000.00', classification: 'special_mention' },
      ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    );
    expect(await latestBatch()).toEqual({ id: batchId, status: 'partial', rows_in: 3, accepted: 2, rejected: 1, inserted: 2 });
    await expect.poll(async () => (await tableRows(page, 'import-history')).length, POLL).toBe(2);
  });

  it('(c) a clients file with a UTF-8 BOM and Chinese text, dropped on the page, arrives byte-exact', async () => {
    // The client search of Portfolio, before the import (cached by the dashboard).
    await page.goto(`${api.baseUrl}/portfolio?tab=clients&q=${encodeURIComponent(CLIENT_NAME)}`);
    await expect.poll(() => page.getAttribute('[data-testid="table-total"]', 'data-total'), POLL).toBe('0');
    await page.click('[data-testid="nav-import"]');
    await page.waitForSelector('[data-testid="import-form"]');

    const file = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        [
          CLIENT_HEADER,
          `${CLIENT_KEY},${CLIENT_NAME},corporate,基础设施,Core banking,国有,123456.78,"北京市东城区, 东长安街 1 号",BJ,${bjManager}`,
          '',
        ].join('\r\n'),
        'utf8',
      ),
    ]);
    await page.click('[data-testid="import-kind-CLIENTS"]');
    // Drag and drop: a DataTransfer holding the file, dropped on the drop zone.
    const dataTransfer = await page.evaluateHandle(
      ({ name, base64 }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, { type: 'text/csv' }));
        return dt;
      },
      { name: '客户-2026.csv', base64: file.toString('base64') },
    );
    await page.dispatchEvent('[data-testid="import-dropzone"]', 'dragenter', { dataTransfer });
    await page.dispatchEvent('[data-testid="import-dropzone"]', 'drop', { dataTransfer });
    await expect.poll(() => page.textContent('[data-testid="import-file-name"]'), POLL).toContain('客户-2026.csv');
    await page.uncheck('[data-testid="import-partial"]');
    await page.click('[data-testid="import-submit"]');
    const batchId = await waitForResult(null);
    expect(importRequests).toHaveLength(3);
    const sent = Buffer.from(
      (importRequests[2]!.postDataJSON() as { variables: { input: { content: string } } }).variables.input.content,
      'base64',
    );
    expect(sent.equals(file)).toBe(true);

    expect(await page.textContent('[data-testid="import-outcome"]')).toBe('Imported: 1 row');
    expect(await stat('inserted')).toBe('1');
    expect(await page.locator('[data-testid="import-errors"]').count()).toBe(0);
    const [row] = (
      await db.query<{ external_key: string; name_hex: string; address: string; branch: string; owner: string }>(
        `SELECT c.external_key, encode(convert_to(c.name, 'UTF8'), 'hex') AS name_hex, c.address, b.code AS branch, s.employee_no AS owner
         FROM client c LEFT JOIN org_unit b ON b.id = c.branch_id LEFT JOIN staff s ON s.id = c.owner_id WHERE c.name = $1`,
        [CLIENT_NAME],
      )
    ).rows;
    expect(row).toEqual({
      external_key: CLIENT_KEY,
      name_hex: Buffer.from(CLIENT_NAME, 'utf8').toString('hex'),
      address: '北京市东城区, 东长安街 1 号',
      branch: 'BJ',
      owner: bjManager,
    });
    expect(await latestBatch()).toEqual({ id: batchId, status: 'committed', rows_in: 1, accepted: 1, rejected: 0, inserted: 1 });
    await screenshot(page, 'import-committed');

    // Back to the same Portfolio search: not the cached empty answer from before the import.
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/portfolio');
    await expect.poll(() => page.getAttribute('[data-testid="table-total"]', 'data-total'), POLL).toBe('1');
    expect(await page.textContent('[data-testid="clients-table"] tbody')).toContain(CLIENT_NAME);
  });

  it('(d) the history lists the three attempts, newest first, as the log holds them', async () => {
    await page.click('[data-testid="nav-import"]');
    const log = (
      await db.query<{
        finished_at: Date;
        file_name: string;
        kind: string;
        rows_in: number;
        accepted: number;
        rejected: number;
        inserted: number;
        updated: number;
        status: string;
        username: string | null;
      }>(
        `SELECT b.finished_at, b.file_name, b.kind::text, b.rows_in, b.accepted, b.rejected, b.inserted, b.updated, b.status::text, u.username
         FROM import_batch b LEFT JOIN app_user u ON u.id = b.imported_by ORDER BY b.started_at DESC, b.id DESC LIMIT 20`,
      )
    ).rows;
    expect(log.map((b) => [b.file_name, b.status])).toEqual([
      ['客户-2026.csv', 'committed'],
      ['statements-bad.csv', 'partial'],
      ['statements-bad.csv', 'rejected'],
    ]);
    const kind: Record<string, string> = { clients: 'Clients', projects: 'Projects', statements: 'Statements' };
    const status: Record<string, string> = { committed: 'Committed', partial: 'Partial', rejected: 'Nothing written' };
    const expected = log.map((b) => [
      localTimestamp(b.finished_at),
      b.file_name,
      kind[b.kind]!,
      String(b.rows_in),
      String(b.accepted),
      String(b.rejected),
      String(b.inserted),
      String(b.updated),
      status[b.status]!,
      b.username ?? '—',
    ]);
    expect(expected.every((r) => r[9] === 'planner')).toBe(true);
    await expect.poll(() => tableRows(page, 'import-history'), POLL).toEqual(expected);
    await screenshot(page, 'import-history');
  });

  it('shows a file refused as a whole (BAD_USER_INPUT on input.content) as a readable message', async () => {
    await page.click('[data-testid="import-kind-CLIENTS"]');
    await page.setInputFiles('[data-testid="import-file"]', {
      name: 'typo.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('external_key,nmae\r\nX1,Y\r\n', 'utf8'),
    });
    await page.click('[data-testid="import-submit"]');
    await expect
      .poll(() => page.textContent('[data-testid="import-error"]'), POLL)
      .toMatch(/^The import failed: The file was refused as a whole and nothing was written: line 1, column nmae: unknown column/);
    expect(await page.locator('[data-testid="import-outcome"]').count()).toBe(0);
    // In Chinese: the same refusal from its code (extensions.importCode), line, column and params.
    await page.click('[data-testid="lang-toggle"]');
    await expect
      .poll(() => page.textContent('[data-testid="import-error"]'), POLL)
      .toBe(
        `导入失败: 整个文件被拒绝，未写入任何数据：第 1 行，列 nmae：无法识别的列（此类文件的列为：${CLIENT_HEADER.split(',').join(', ')}）`,
      );
    await page.click('[data-testid="lang-toggle"]');
    await expect.poll(() => page.textContent('[data-testid="import-error"]'), POLL).toMatch(/^The import failed: /);
    expect((await db.query(`SELECT 1 FROM client WHERE external_key = 'X1'`)).rowCount).toBe(0);
  });

  it('(e) an executive has no Import link, and /import shows what the role may see', async () => {
    const exec = await newPage(browser);
    exec.page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await signIn(exec.page, api.baseUrl, 'executive');
      await exec.page.waitForSelector('[data-testid="nav-overview"]');
      expect(await exec.page.locator('[data-testid="nav-staffing"]').count()).toBe(1);
      expect(await exec.page.locator('[data-testid="nav-import"]').count()).toBe(0);
      await exec.page.goto(`${api.baseUrl}/import`);
      await exec.page.waitForSelector('[data-testid="user-box"]');
      await expect.poll(() => exec.page.textContent('.page-title'), POLL).toBe('Bank overview');
      expect(await exec.page.locator('[data-testid="import-form"]').count()).toBe(0);
      expect(await exec.page.locator('[data-testid="nav-import"]').count()).toBe(0);
    } finally {
      await exec.context.close();
    }
  });

  it('raised no uncaught error in the page along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
