import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';

let db: TestDatabase;
let server: TestServer;
let dir: string;
let project: { key: string; month: string };

const IMPORT = `mutation($input: ImportFileInput!) { importFile(input: $input) {
  batchId kind rowsIn accepted rejected inserted updated unchanged followUps errorCount committed sha256 seconds errors { line column reason } } }`;
const HEADER = 'external_key,name,client_type,industry,source,company_nature,annual_revenue,address,branch_code,owner_employee_no';

beforeAll(async () => {
  db = await createTestDatabase('demo');
  server = await startTestServer(db.orm);
  dir = mkdtempSync(join(tmpdir(), 'loandesk-import-test-'));
  const [p] = await db.query<{ key: string; month: string }>(`SELECT p.external_key AS key, to_char(max(c.month), 'YYYY-MM') AS month
    FROM project p JOIN cash_flow_statement c ON c.project_id = p.id WHERE p.status = 'active' GROUP BY p.id ORDER BY p.id LIMIT 1`);
  project = p!;
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('importFile mutation', () => {
  it('imports a file for an HQ planner, logs the batch and the audit entry', async () => {
    const content = `\uFEFF${HEADER}\r\nAPI-1,"接口导入, 测试公司",corporate,能源,API,国有,100.5,"广州市\n天河区",GD,\r\n`;
    const r = await server.gql(IMPORT, { input: { kind: 'CLIENTS', fileName: 'clients.csv', content } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.importFile).toMatchObject({ kind: 'CLIENTS', rowsIn: 1, accepted: 1, rejected: 0, inserted: 1, updated: 0, unchanged: 0, committed: true, errors: [], errorCount: 0 });
    const [c] = await db.query(`SELECT name, address, annual_revenue::text FROM client WHERE external_key = 'API-1'`);
    expect(c).toEqual({ name: '接口导入, 测试公司', address: '广州市\n天河区', annual_revenue: '100.50' });

    const again = await server.gql(IMPORT, { input: { kind: 'CLIENTS', fileName: 'clients.csv', content: Buffer.from(content).toString('base64'), base64: true } });
    expect(again.data!.importFile).toMatchObject({ inserted: 0, updated: 0, unchanged: 1, committed: true, sha256: r.data!.importFile.sha256 });

    const log = await server.gql(`{ importBatches(first: 5) { id kind fileName status rowsIn inserted unchanged source importedBy startedAt finishedAt } }`);
    expect(log.errors).toBeUndefined();
    expect(log.data!.importBatches[0]).toMatchObject({ id: again.data!.importFile.batchId, kind: 'CLIENTS', status: 'COMMITTED', unchanged: 1, source: 'api', importedBy: 't.hqplanner.x.x' });
    const audit = await db.query(`SELECT action, entity, entity_id FROM audit_log WHERE action = 'import.file' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'import.file', entity: 'import_batch', entity_id: r.data!.importFile.batchId },
      { action: 'import.file', entity: 'import_batch', entity_id: again.data!.importFile.batchId },
    ]);
  });

  it('returns rejected rows; all-or-nothing writes nothing, allowPartial commits the valid rows', async () => {
    const content = [
      'project_external_key,month,balance,principal_due,interest_due,principal_repaid,interest_repaid,classification,days_overdue,submitted_on',
      `${project.key},${project.month},100,0,0,0,0,normal,0,`,
      `${project.key},2099-01,100,0,0,0,0,normal,0,`,
    ].join('\n');
    const [before] = await db.query(`SELECT c.balance::text FROM cash_flow_statement c JOIN project p ON p.id = c.project_id WHERE p.external_key = $1 AND c.month = $2::date`, [project.key, `${project.month}-01`]);
    const r = await server.gql(IMPORT, { input: { kind: 'STATEMENTS', fileName: 's.csv', content } });
    expect(r.data!.importFile).toMatchObject({ committed: false, rowsIn: 2, accepted: 1, rejected: 1, inserted: 0, errors: [{ line: 3, column: 'month', reason: 'is in the future: 2099-01' }] });
    const [same] = await db.query(`SELECT c.balance::text FROM cash_flow_statement c JOIN project p ON p.id = c.project_id WHERE p.external_key = $1 AND c.month = $2::date`, [project.key, `${project.month}-01`]);
    expect(same).toEqual(before);

    const p = await server.gql(IMPORT, { input: { kind: 'STATEMENTS', fileName: 's.csv', content, allowPartial: true } });
    expect(p.data!.importFile).toMatchObject({ committed: true, rowsIn: 2, accepted: 1, rejected: 1, updated: 1, followUps: 1 });
    const [proj] = await db.query(`SELECT balance::text FROM project WHERE external_key = $1`, [project.key]);
    expect(proj).toEqual({ balance: '100.00' });
  });

  it('refuses an unreadable file as bad input, and other roles', async () => {
    const bad = await server.gql(IMPORT, { input: { kind: 'CLIENTS', fileName: 'x.csv', content: 'external_key,colour\nA,B\n' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
    expect(bad.errors?.[0]?.message).toMatch(/line 1, column colour: unknown column/);
    const [cm] = await db.query<{ id: number; unit_id: number; branch: number }>(`SELECT s.id, s.unit_id, u.parent_id AS branch FROM staff s JOIN org_unit u ON u.id = s.unit_id WHERE s.role = 'client_manager' LIMIT 1`);
    const asCm = await server.as({ role: 'client_manager', staffId: cm!.id, branchId: cm!.branch });
    const denied = await asCm(IMPORT, { input: { kind: 'CLIENTS', fileName: 'c.csv', content: `${HEADER}\nAPI-2,某公司,,,,,,,BJ,\n` } });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anon = await server.anonymous(IMPORT, { input: { kind: 'CLIENTS', fileName: 'c.csv', content: `${HEADER}\nAPI-2,某公司,,,,,,,BJ,\n` } });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await db.query(`SELECT 1 FROM client WHERE external_key = 'API-2'`)).toEqual([]);
  });
});

describe('import CLI', () => {
  const apiDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const cli = (args: string[]): Promise<{ code: number; out: string }> =>
    new Promise((done) => {
      execFile(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/import-cli.ts', ...args], {
        cwd: apiDir, env: { ...process.env, DATABASE_URL: db.url }, timeout: 60_000,
      }, (err, stdout, stderr) => done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }));
    });

  it('prints rows in/accepted/rejected, rows per second and the first errors; exit 1 when rows are rejected', async () => {
    const file = join(dir, 'clients.csv');
    writeFileSync(file, `${HEADER}\nCLI-1,命令行公司,,,,,,,BJ,\nCLI-2,命令行公司二,,,,,-1,,BJ,\n`);
    const bad = await cli(['--', '--kind', 'clients', '--file', file]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('rows in 2, accepted 1, rejected 1');
    expect(bad.out).toContain('line 3, column annual_revenue: must not be negative: "-1"');
    expect(bad.out).toMatch(/rows\/s/);
    expect(await db.query(`SELECT 1 FROM client WHERE external_key LIKE 'CLI-%'`)).toEqual([]);

    const partial = await cli(['--kind', 'clients', '--file', file, '--partial']);
    expect(partial.code).toBe(1);
    expect(partial.out).toContain('inserted 1, updated 0, unchanged 0');
    writeFileSync(file, `${HEADER}\nCLI-1,命令行公司,,,,,,,BJ,\n`);
    const ok = await cli(['--kind', 'clients', '--file', file]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('inserted 0, updated 0, unchanged 1');
  });
});
