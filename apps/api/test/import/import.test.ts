import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { chunksOf, importCsv, type ImportOptions, type ImportResult } from '../../src/modules/import/import.service.js';

let db: TestDatabase;

/** Facts about the demo bank, read with plain SQL. */
let bj: { code: string; cm: string; cm2: string };
let sh: { code: string; cm: string };
let notCm: string;
let demoClient: { key: string; name: string };
let demoProject: { key: string; id: number; start: string };

const run = (kind: ImportOptions['kind'], csv: string | Buffer, opts: Partial<ImportOptions> = {}): Promise<ImportResult> =>
  importCsv(db.url, { kind, fileName: `${kind}.csv`, source: chunksOf(csv, 7), via: 'cli', ...opts });

/** Plain-SQL fingerprint of the tables an import may touch. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [t, order] of [['client', 'id'], ['project', 'id'], ['cash_flow_statement', 'project_id, month'], ['assignment', 'id'], ['import_batch', 'id']] as const) {
    const [r] = await db.query<{ n: string; h: string }>(`SELECT count(*)::text AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY ${order})), '') AS h FROM ${t} t`);
    out[t] = `${r!.n}:${r!.h}`;
  }
  return out;
}

/** The error list as "line/column: reason" strings. */
const lines = (r: ImportResult): string[] => r.errors.map((e) => `${e.line}/${e.column}: ${e.reason}`);

function expectBalanced(r: ImportResult): void {
  expect(r.rowsIn).toBe(r.accepted + r.rejected);
  if (r.committed) expect(r.accepted).toBe(r.inserted + r.updated + r.unchanged);
}

beforeAll(async () => {
  db = await createTestDatabase('demo');
  const cms = await db.query<{ code: string; employee_no: string }>(
    `SELECT b.code, s.employee_no FROM staff s JOIN org_unit u ON u.id = s.unit_id JOIN org_unit b ON b.id = u.parent_id
     WHERE b.code IN ('BJ', 'SH') AND s.role = 'client_manager' ORDER BY s.id`);
  const bjCms = cms.filter((c) => c.code === 'BJ');
  bj = { code: 'BJ', cm: bjCms[0]!.employee_no, cm2: bjCms[1]!.employee_no };
  sh = { code: 'SH', cm: cms.find((c) => c.code === 'SH')!.employee_no };
  notCm = (await db.query<{ e: string }>(`SELECT employee_no AS e FROM staff WHERE role = 'president'`))[0]!.e;
  const [c] = await db.query<{ key: string; name: string }>(`SELECT external_key AS key, name FROM client ORDER BY id LIMIT 1`);
  demoClient = c!;
  const [p] = await db.query<{ key: string; id: number; start: string }>(
    `SELECT external_key AS key, id, start_date::text AS start FROM project WHERE status = 'active' AND start_date > '2024-01-01' ORDER BY id LIMIT 1`);
  demoProject = p!;
});

afterAll(async () => {
  await db?.drop();
});

const CLIENT_HEADER = 'external_key,name,client_type,industry,source,company_nature,annual_revenue,address,branch_code,owner_employee_no';

describe('import of clients', () => {
  it('parses BOM, CRLF, quoted fields with commas and newlines, doubled quotes and Chinese text; blank owner = client pool', async () => {
    const csv = '\uFEFF' + [
      CLIENT_HEADER,
      `IMP-C1,北京城建投资有限公司,corporate,建筑,Core banking,国有,123456789.50,"北京市朝阳区, 建国路 1 号\r\n""东塔""",BJ,${bj.cm}`,
      `IMP-C2,"上海""浦江""能源有限公司",corporate,能源,Core banking,private,0,,SH,`,
      '',
    ].join('\r\n');
    const r = await run('clients', csv);
    expectBalanced(r);
    expect(r).toMatchObject({ committed: true, rowsIn: 2, accepted: 2, rejected: 0, inserted: 2, updated: 0, unchanged: 0, errors: [] });
    const rows = await db.query(`SELECT c.external_key, c.name, c.company_nature::text, c.annual_revenue::text, c.address, b.code AS branch, s.employee_no AS owner
      FROM client c LEFT JOIN org_unit b ON b.id = c.branch_id LEFT JOIN staff s ON s.id = c.owner_id WHERE c.external_key LIKE 'IMP-C%' ORDER BY 1`);
    expect(rows).toEqual([
      { external_key: 'IMP-C1', name: '北京城建投资有限公司', company_nature: 'state_owned', annual_revenue: '123456789.50', address: '北京市朝阳区, 建国路 1 号\n"东塔"', branch: 'BJ', owner: bj.cm },
      { external_key: 'IMP-C2', name: '上海"浦江"能源有限公司', company_nature: 'private', annual_revenue: '0.00', address: null, branch: 'SH', owner: null },
    ]);
    const [batch] = await db.query(`SELECT kind::text, status::text, rows_in, accepted, rejected, inserted, sha256 FROM import_batch WHERE id = $1`, [r.batchId]);
    expect(batch).toMatchObject({ kind: 'clients', status: 'committed', rows_in: 2, accepted: 2, rejected: 0, inserted: 2, sha256: r.sha256 });
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);

    // The same file again: nothing changes.
    const before = await snapshot();
    const again = await run('clients', csv);
    expect(again).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    const after = await snapshot();
    expect({ ...after, import_batch: '' }).toEqual({ ...before, import_batch: '' });

    // A changed value updates exactly that row.
    const changed = await run('clients', csv.replace('123456789.50', '200'));
    expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
  });

  it('reports every bad row with line, column and reason, and changes nothing (all-or-nothing)', async () => {
    const long = '很'.repeat(51);
    const csv = [
      CLIENT_HEADER,
      /* 2 ok      */ `IMP-E1,甲公司,corporate,,,,1000,,BJ,${bj.cm}`,
      /* 3 long    */ `IMP-E2,${long},,,,,,,BJ,`,
      /* 4 missing */ `IMP-E3,,,,,,,,BJ,`,
      /* 5 branch  */ `IMP-E4,丙公司,,,,,,,XX9,`,
      /* 6 owner   */ `IMP-E5,丁公司,,,,,,,BJ,E999999`,
      /* 7 other   */ `IMP-E6,戊公司,,,,,,,BJ,${sh.cm}`,
      /* 8 neg     */ `IMP-E7,己公司,,,,,-5,,BJ,`,
      /* 9 type    */ `IMP-E8,庚公司,,,,,12x,,BJ,`,
      /* 10 enum   */ `IMP-E9,辛公司,,,,mixed,,,BJ,`,
      /* 11 dup    */ `IMP-E10,壬公司,,,,,,,BJ,`,
      /* 12 dup    */ `IMP-E10,癸公司,,,,,,,BJ,`,
      /* 13 db     */ `IMP-E11,${demoClient.name},,,,,,,BJ,`,
      /* 14 fields */ `IMP-E12,子公司,,,,,,,BJ`,
      /* 15 role   */ `IMP-E13,丑公司,,,,,,,,${notCm}`,
      /* 16 decim  */ `IMP-E14,寅公司,,,,,1.005,,BJ,`,
    ].join('\n');
    const before = await snapshot();
    const r = await run('clients', csv);
    expectBalanced(r);
    expect(r.committed).toBe(false);
    expect(r.rowsIn).toBe(15);
    expect(r.rejected).toBe(14);
    expect(r.accepted).toBe(1);
    expect(lines(r)).toEqual([
      '3/name: too long: 51 characters, at most 50',
      '4/name: missing value',
      '5/branch_code: unknown branch "XX9"',
      '6/owner_employee_no: unknown client manager "E999999"',
      `7/owner_employee_no: client manager ${sh.cm} does not work in branch BJ`,
      '8/annual_revenue: must not be negative: "-5"',
      '9/annual_revenue: not a number: "12x"',
      '10/company_nature: unknown value "mixed" (expected state_owned, private, foreign_invested, collective, other)',
      '11/external_key: duplicate external key IMP-E10 also on line 12',
      '12/external_key: duplicate external key IMP-E10 also on line 11',
      `13/name: name already used by client ${demoClient.key}`,
      '14/*: the row has 9 fields, the header has 10',
      `15/owner_employee_no: employee ${notCm} is not a client manager`,
      '16/annual_revenue: more than 2 decimal places: "1.005"',
    ]);
    const after = await snapshot();
    // Nothing changed but the log entry of the refused attempt.
    expect({ ...after, import_batch: '' }).toEqual({ ...before, import_batch: '' });
    const [batch] = await db.query(`SELECT status::text, rows_in, accepted, rejected, inserted, error_count FROM import_batch WHERE id = $1`, [r.batchId]);
    expect(batch).toEqual({ status: 'rejected', rows_in: 15, accepted: 1, rejected: 14, inserted: 0, error_count: 14 });

    // Partial mode commits exactly the valid row.
    const p = await run('clients', csv, { allowPartial: true });
    expectBalanced(p);
    expect(p).toMatchObject({ committed: true, rowsIn: 15, accepted: 1, rejected: 14, inserted: 1, updated: 0, unchanged: 0 });
    expect(lines(p)).toEqual(lines(r));
    const keys = await db.query<{ k: string }>(`SELECT external_key AS k FROM client WHERE external_key LIKE 'IMP-E%'`);
    expect(keys.map((k) => k.k)).toEqual(['IMP-E1']);
  });

  it('refuses a file whose header is wrong, before touching anything', async () => {
    await expect(run('clients', 'external_key,nmae\nX,Y\n')).rejects.toThrow(/line 1, column nmae: unknown column/);
    await expect(run('clients', 'external_key\nX\n')).rejects.toThrow(/column name: required column is missing/);
    await expect(run('clients', '')).rejects.toThrow(/empty/);
  });
});

const PROJECT_HEADER = 'external_key,name,client_external_key,branch_code,manager_employee_no,sector,approved_amount,disbursed_amount,balance,currency,start_date,maturity_date,status,importance,classification,agent_bank_name';

describe('import of projects', () => {
  it('inserts, updates, records client-manager changes, and reports bad rows', async () => {
    const ok = [
      PROJECT_HEADER,
      `IMP-P1,"北京地铁 12 号线, 二期",${demoClient.key},BJ,${bj.cm},交通,1000000,800000,750000.00,CNY,2026-01-15,2036-01-14,active,key,normal,中国工商银行`,
      `IMP-P2,Wind farm,${demoClient.key},BJ,,energy,500,500,500,USD,2025-06-01,2030-06-01,存续,一般,关注,`,
    ].join('\r\n');
    const r = await run('projects', ok);
    expect(r).toMatchObject({ committed: true, inserted: 2, updated: 0 });
    const [p1] = await db.query(`SELECT p.name, p.sector::text, p.currency::text, p.importance::text, p.classification::text, a.name AS bank, p.balance::text
      FROM project p LEFT JOIN settlement_agent_bank a ON a.id = p.agent_bank_id WHERE p.external_key = 'IMP-P1'`);
    expect(p1).toEqual({ name: '北京地铁 12 号线, 二期', sector: 'transport', currency: 'CNY', importance: 'key', classification: 'normal', bank: 'Industrial and Commercial Bank of China', balance: '750000.00' });
    const [p2] = await db.query(`SELECT status::text, importance::text, classification::text, manager_id FROM project WHERE external_key = 'IMP-P2'`);
    expect(p2).toEqual({ status: 'active', importance: 'normal', classification: 'special_mention', manager_id: null });

    // New client manager → one assignment history row; version goes up.
    const [v0] = await db.query<{ version: number }>(`SELECT version FROM project WHERE external_key = 'IMP-P1'`);
    const moved = await run('projects', ok.replace(`BJ,${bj.cm},交通`, `BJ,${bj.cm2},交通`));
    expect(moved).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, followUps: 1 });
    const hist = await db.query(`SELECT f.employee_no AS "from", t.employee_no AS "to", a.reason FROM assignment a JOIN project p ON p.id = a.project_id
      LEFT JOIN staff f ON f.id = a.from_staff_id LEFT JOIN staff t ON t.id = a.to_staff_id WHERE p.external_key = 'IMP-P1'`);
    expect(hist).toEqual([{ from: bj.cm, to: bj.cm2, reason: 'Core-banking import of projects.csv' }]);
    const [v1] = await db.query<{ version: number }>(`SELECT version FROM project WHERE external_key = 'IMP-P1'`);
    expect(v1!.version).toBe(v0!.version + 1);

    const bad = [
      PROJECT_HEADER,
      /* 2 */ `IMP-P3,甲,NOPE,BJ,${bj.cm},energy,100,100,100,CNY,2026-01-01,2027-01-01,,,,`,
      /* 3 */ `IMP-P4,乙,${demoClient.key},BJ,${bj.cm},energy,100,200,100,CNY,2026-01-01,2025-01-01,,,,`,
      /* 4 */ `IMP-P5,丙,${demoClient.key},BJ,${bj.cm},mining,100,100,100,CNY,2026-02-30,2027-01-01,,,,`,
      /* 5 */ `IMP-P6,丁,${demoClient.key},BJ,E999999,energy,100,100,100,EUR,2026-01-01,2027-01-01,,,,No Such Bank`,
      /* 6 */ `IMP-P7,戊,${demoClient.key},BJ,${bj.cm},energy,100,100,,CNY,01/02/2026,2027-01-01,,,,`,
    ].join('\n');
    const before = await snapshot();
    const e = await run('projects', bad);
    expectBalanced(e);
    expect(e).toMatchObject({ committed: false, rowsIn: 5, rejected: 5, accepted: 0 });
    expect(lines(e)).toEqual([
      '2/client_external_key: unknown client "NOPE" (import clients first)',
      '3/disbursed_amount: exceeds the approved amount 100',
      '3/maturity_date: is before the start date 2026-01-01',
      '4/sector: unknown value "mining" (expected energy, transport, telecom, raw_materials, agriculture, urban_infrastructure, other)',
      '4/start_date: not a date (YYYY-MM-DD): "2026-02-30"',
      '5/manager_employee_no: unknown client manager "E999999"',
      '5/currency: unknown value "EUR" (expected CNY, USD)',
      '5/agent_bank_name: unknown settlement agent bank "No Such Bank"',
      '6/balance: missing value',
      '6/start_date: not a date (YYYY-MM-DD): "01/02/2026"',
    ]);
    expect({ ...(await snapshot()), import_batch: '' }).toEqual({ ...before, import_batch: '' });
  });
});

const ST_HEADER = 'project_external_key,month,balance,principal_due,interest_due,principal_repaid,interest_repaid,classification,days_overdue,submitted_on';

describe('import of statements', () => {
  it('merges statements, keeps the project balance and classification on the latest statement, and is idempotent', async () => {
    await run('projects', [PROJECT_HEADER, `IMP-S1,测试项目,${demoClient.key},BJ,${bj.cm},energy,1000,1000,1000,CNY,2026-01-10,2030-01-01,active,normal,normal,`].join('\n'));
    const [latest] = await db.query<{ month: string; balance: string }>(
      `SELECT to_char(month, 'YYYY-MM') AS month, balance::text FROM cash_flow_statement WHERE project_id = $1 ORDER BY month DESC LIMIT 1`, [demoProject.id]);
    const csv = [
      ST_HEADER,
      'IMP-S1,2026-01,990.00,10,5,10,5,normal,0,2026-02-08',
      'IMP-S1,2026-03,970.00,10,5,10,5,substandard,95,2026-04-09',
      'IMP-S1,2026-02,980.00,10,5,10,5,关注,31,',
      // Correct the demo project's latest statement.
      `${demoProject.key},${latest!.month},123.45,0,0,0,0,doubtful,200,`,
    ].join('\r\n');
    const r = await run('statements', csv);
    expectBalanced(r);
    expect(r).toMatchObject({ committed: true, rowsIn: 4, inserted: 3, updated: 1, unchanged: 0, followUps: 2 });
    const projects = await db.query(`SELECT external_key, balance::text, classification::text FROM project WHERE external_key IN ('IMP-S1', $1) ORDER BY external_key`, [demoProject.key]);
    expect(projects).toEqual([
      { external_key: 'IMP-S1', balance: '970.00', classification: 'substandard' },
      { external_key: demoProject.key, balance: '123.45', classification: 'doubtful' },
    ].sort((a, b) => (a.external_key < b.external_key ? -1 : 1)));
    const [feb] = await db.query(`SELECT c.classification::text, c.days_overdue, c.submitted_on FROM cash_flow_statement c JOIN project p ON p.id = c.project_id
      WHERE p.external_key = 'IMP-S1' AND c.month = '2026-02-01'`);
    expect(feb).toEqual({ classification: 'special_mention', days_overdue: 31, submitted_on: null });

    const before = await snapshot();
    const again = await run('statements', csv);
    expect(again).toMatchObject({ committed: true, rowsIn: 4, accepted: 4, inserted: 0, updated: 0, unchanged: 4, followUps: 0 });
    expect({ ...(await snapshot()), import_batch: '' }).toEqual({ ...before, import_batch: '' });
  });

  it('reports every bad statement row with line, column and reason', async () => {
    const csv = [
      ST_HEADER,
      /* 2 */ 'NOPE,2026-01,1,1,1,1,1,normal,0,',
      /* 3 */ 'IMP-S1,2026-13,1,1,1,1,1,normal,0,',
      /* 4 */ 'IMP-S1,2099-01,1,1,1,1,1,normal,0,',
      /* 5 */ 'IMP-S1,2025-12,1,1,1,1,1,normal,0,',
      /* 6 */ 'IMP-S1,2026-04,-1,1,1.234,1,1,normal,0,',
      /* 7 */ 'IMP-S1,2026-05,1,1,1,1,1,normal,x,2026-04-30',
      /* 8 */ 'IMP-S1,2026-06,1,1,1,1,1,normal,0,2026-06-01',
      /* 9 */ 'IMP-S1,2026-06,1,1,1,1,1,bad,0,',
      /* 10 */ '"IMP-S1","2026-07",1,1,1,1,1,normal,0,"2099-01-01"',
    ].join('\n');
    const before = await snapshot();
    const r = await run('statements', csv);
    expectBalanced(r);
    expect(r).toMatchObject({ committed: false, rowsIn: 9, accepted: 0, rejected: 9 });
    expect(lines(r)).toEqual([
      '2/project_external_key: unknown project "NOPE" (import projects first)',
      '3/month: not a month (YYYY-MM): "2026-13"',
      '4/month: is in the future: 2099-01',
      '5/month: is before the project started (2026-01)',
      '6/balance: must not be negative: "-1"',
      '6/interest_due: more than 2 decimal places: "1.234"',
      '7/days_overdue: not a whole number: "x"',
      '7/submitted_on: is before the month reported on: 2026-04-30',
      '8/project_external_key: duplicate statement (project, month) IMP-S1, 2026-06 also on line 9',
      '9/classification: unknown value "bad" (expected normal, special_mention, substandard, doubtful, loss)',
      '9/project_external_key: duplicate statement (project, month) IMP-S1, 2026-06 also on line 8',
      '10/submitted_on: is in the future: 2099-01-01',
    ]);
    expect({ ...(await snapshot()), import_batch: '' }).toEqual({ ...before, import_batch: '' });
  });

  it('reports a key given twice even when both lines repeat the stored statement', async () => {
    const same = 'IMP-S1,2026-01,990.00,10,5,10,5,normal,0,2026-02-08';
    const r = await run('statements', [ST_HEADER, same, same, same.replace('990.00', '991.00')].join('\n'));
    expect(r).toMatchObject({ committed: false, rowsIn: 3, rejected: 3, accepted: 0 });
    expect(lines(r)).toEqual([
      '2/project_external_key: duplicate statement (project, month) IMP-S1, 2026-01 also on line 3, 4',
      '3/project_external_key: duplicate statement (project, month) IMP-S1, 2026-01 also on line 2, 4',
      '4/project_external_key: duplicate statement (project, month) IMP-S1, 2026-01 also on line 2, 3',
    ]);
  });

  it('partial mode commits exactly the valid rows, duplicates excluded', async () => {
    const csv = [
      ST_HEADER,
      'IMP-S1,2026-04,960,1,1,1,1,normal,0,',
      'IMP-S1,2026-05,950,1,1,1,1,normal,0,',
      'IMP-S1,2026-05,940,1,1,1,1,normal,0,',
      'IMP-S1,2026-06,oops,1,1,1,1,normal,0,',
    ].join('\n');
    const r = await run('statements', csv, { allowPartial: true });
    expectBalanced(r);
    expect(r).toMatchObject({ committed: true, rowsIn: 4, accepted: 1, rejected: 3, inserted: 1 });
    expect(lines(r)).toEqual([
      '3/project_external_key: duplicate statement (project, month) IMP-S1, 2026-05 also on line 4',
      '4/project_external_key: duplicate statement (project, month) IMP-S1, 2026-05 also on line 3',
      '5/balance: not a number: "oops"',
    ]);
    const months = await db.query<{ m: string }>(`SELECT to_char(month, 'YYYY-MM') AS m FROM cash_flow_statement c JOIN project p ON p.id = c.project_id
      WHERE p.external_key = 'IMP-S1' ORDER BY month`);
    expect(months.map((m) => m.m)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    const [p] = await db.query(`SELECT balance::text, classification::text FROM project WHERE external_key = 'IMP-S1'`);
    expect(p).toEqual({ balance: '960.00', classification: 'normal' });
    const [batch] = await db.query(`SELECT status::text, rejected, inserted FROM import_batch WHERE id = $1`, [r.batchId]);
    expect(batch).toEqual({ status: 'partial', rejected: 3, inserted: 1 });
  });

  it('a crash after the staging COPY or after the merge leaves nothing; running it again completes', async () => {
    const csv = [ST_HEADER, 'IMP-S1,2026-07,900,1,1,1,1,loss,120,', 'IMP-S1,2026-08,890,1,1,1,1,loss,150,'].join('\n');
    const before = await snapshot();
    // The connection dies right after the COPY (like a killed process).
    await expect(run('statements', csv, { hooks: { afterStage: (c) => { (c as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy(); } } })).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
    // …or after the merge, before the commit.
    await expect(run('statements', csv, { hooks: { afterMerge: () => { throw new Error('killed'); } } })).rejects.toThrow('killed');
    expect(await snapshot()).toEqual(before);
    const done = await run('statements', csv);
    expect(done).toMatchObject({ committed: true, inserted: 2 });
    const [p] = await db.query(`SELECT balance::text, classification::text FROM project WHERE external_key = 'IMP-S1'`);
    expect(p).toEqual({ balance: '890.00', classification: 'loss' });
  });
});

describe('statements: the foreign key to project, checked once per project', () => {
  /** A new project without statements (key IMP-FK<n>), for these tests. */
  async function newProject(n: number): Promise<{ key: string; id: number }> {
    const key = `IMP-FK${n}`;
    const r = await run('projects', [PROJECT_HEADER, `${key},外键测试 ${n},${demoClient.key},BJ,${bj.cm},energy,1000,1000,1000,CNY,2026-01-10,2030-01-01,active,normal,normal,`].join('\n'));
    expect(r).toMatchObject({ committed: true, inserted: 1 });
    const [p] = await db.query<{ id: number }>(`SELECT id FROM project WHERE external_key = $1`, [key]);
    return { key, id: p!.id };
  }
  const statements = (key: string, months: string[]): string =>
    [ST_HEADER, ...months.map((m, i) => `${key},${m},${900 - i}.00,10,5,10,5,normal,0,`)].join('\n');
  const triggerModes = async (): Promise<Record<string, string>> => Object.fromEntries((await db.query<{ tgname: string; tgenabled: string }>(
    `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'cash_flow_statement'::regclass AND NOT tgisinternal ORDER BY 1`)).map((t) => [t.tgname, t.tgenabled]));

  it('runs without the per-row trigger for a superuser, and the rollup dirty-tracking triggers still fire', async () => {
    expect(await triggerModes()).toMatchObject({ rollup_statement_ins: 'A', rollup_statement_upd: 'A' });
    const p = await newProject(1);
    const [before] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_dirty WHERE source = 'statement'`);
    const r = await run('statements', statements(p.key, ['2026-01', '2026-02']));
    expect(r).toMatchObject({ committed: true, inserted: 2, foreignKeyCheck: 'set' });
    const [after] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_dirty WHERE source = 'statement' AND project_id = $1`, [p.id]);
    expect(after!.n).toBeGreaterThan(0);
    expect(before!.n).toBeGreaterThanOrEqual(0);
    // A changed row: the update trigger fires too.
    const [n0] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_dirty WHERE project_id = $1`, [p.id]);
    const u = await run('statements', statements(p.key, ['2026-01', '2026-02']).replace('900.00', '901.00'));
    expect(u).toMatchObject({ committed: true, inserted: 0, updated: 1, unchanged: 1, foreignKeyCheck: 'set' });
    const [n1] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_dirty WHERE project_id = $1`, [p.id]);
    expect(n1!.n).toBeGreaterThan(n0!.n);
    // The session setting does not outlive the merge: realignment and everything after run as usual.
    const [proj] = await db.query(`SELECT balance::text FROM project WHERE id = $1`, [p.id]);
    expect(proj).toEqual({ balance: '899.00' });
  });

  it('holds the projects it wrote rows for (FOR KEY SHARE) until the commit', async () => {
    const p = await newProject(2);
    let deleteError: unknown;
    // The project's own balance and classification: the realignment leaves it alone (no row lock of its own).
    const r = await run('statements', [ST_HEADER, `${p.key},2026-03,1000.00,10,5,10,5,normal,0,`].join('\n'), {
      hooks: {
        afterMerge: async () => {
          const other = new pg.Client({ connectionString: db.url });
          await other.connect();
          try {
            await other.query(`SET lock_timeout = '300ms'`);
            await other.query(`DELETE FROM project WHERE id = $1`, [p.id]);
          } catch (e) {
            deleteError = e;
          } finally {
            await other.end();
          }
        },
      },
    });
    expect(r).toMatchObject({ committed: true, inserted: 1, followUps: 0, foreignKeyCheck: 'set' });
    expect((deleteError as { code?: string } | undefined)?.code).toBe('55P03');
    const [n] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cash_flow_statement WHERE project_id = $1`, [p.id]);
    expect(n!.n).toBe(1);
  });

  it('fails, writing nothing, when a project is deleted between the lookup and the merge', async () => {
    const keep = await newProject(3);
    const gone = await newProject(4);
    const csv = [ST_HEADER, `${keep.key},2026-04,800.00,1,1,1,1,normal,0,`, `${gone.key},2026-04,800.00,1,1,1,1,normal,0,`].join('\n');
    const before = await snapshot();
    await expect(run('statements', csv, {
      hooks: { beforeMerge: async () => { await db.query(`DELETE FROM project WHERE id = $1`, [gone.id]); } },
    })).rejects.toThrow(/deleted while the import ran/);
    const after = await snapshot();
    expect(after.cash_flow_statement).toBe(before.cash_flow_statement);
    expect(after.import_batch).toBe(before.import_batch);
    // Without it, the file is reported as it should be.
    const again = await run('statements', csv);
    expect(again).toMatchObject({ committed: false, rejected: 1 });
    expect(lines(again)).toEqual([`3/project_external_key: unknown project "${gone.key}" (import projects first)`]);
  });

  it('falls back to the per-row trigger for a user who may not skip it, with the same result', async () => {
    const p = await newProject(5);
    const role = `imp_${Math.random().toString(36).slice(2, 10)}`;
    await db.query(`CREATE ROLE ${role} LOGIN PASSWORD 'imp-test' NOSUPERUSER`);
    try {
      await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
      await db.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
      const url = new URL(db.url);
      url.username = role;
      url.password = 'imp-test';
      const csv = statements(p.key, ['2026-01', '2026-02', '2026-03']);
      const r = await importCsv(url.toString(), { kind: 'statements', fileName: 'statements.csv', source: chunksOf(csv, 7), via: 'cli' });
      expectBalanced(r);
      expect(r).toMatchObject({ committed: true, inserted: 3, foreignKeyCheck: 'row' });
      const again = await importCsv(url.toString(), { kind: 'statements', fileName: 'statements.csv', source: chunksOf(csv, 7), via: 'cli' });
      expect(again).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: 3, foreignKeyCheck: 'row' });
      // …and an unknown project is still reported, not a foreign-key error.
      const bad = await importCsv(url.toString(), { kind: 'statements', fileName: 'statements.csv', source: chunksOf(statements('NOPE-FK', ['2026-01']), 7), via: 'cli' });
      expect(lines(bad)).toEqual(['2/project_external_key: unknown project "NOPE-FK" (import projects first)']);
    } finally {
      await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
      await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`);
      await db.query(`DROP ROLE ${role}`);
    }
    const [proj] = await db.query(`SELECT balance::text FROM project WHERE id = $1`, [p.id]);
    expect(proj).toEqual({ balance: '898.00' });
  });

  it('falls back when a trigger on cash_flow_statement would not fire in replica mode', async () => {
    const p = await newProject(6);
    await db.query(`ALTER TABLE cash_flow_statement ENABLE TRIGGER rollup_statement_ins`);
    try {
      const r = await run('statements', statements(p.key, ['2026-05']));
      expect(r).toMatchObject({ committed: true, inserted: 1, foreignKeyCheck: 'row' });
      const [d] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_dirty WHERE project_id = $1`, [p.id]);
      expect(d!.n).toBeGreaterThan(0);
    } finally {
      await db.query(`ALTER TABLE cash_flow_statement ENABLE ALWAYS TRIGGER rollup_statement_ins`);
    }
    expect(await triggerModes()).toMatchObject({ rollup_statement_ins: 'A', rollup_statement_upd: 'A' });
  });
});
