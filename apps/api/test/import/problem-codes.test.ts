import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/config/env.js';
import { chunksOf, CsvFileError, importCsv, type ImportOptions } from '../../src/modules/import/import.service.js';
import { ImportProblemCode, problemReason } from '../../src/modules/import/problems.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Every import problem has a machine-readable code and the values its reason quotes (`params`),
 * next to the unchanged English reason: one bad row per code where possible, through the GraphQL
 * API; file-level problems as GraphQL errors (extensions) and as CsvFileError. The last test fails
 * when a code is produced by none of the cases (a new reason needs a code and a case here).
 */

let db: TestDatabase;
let server: TestServer;
let bj: { cm: string };
let sh: { cm: string };
let notCm: string;
let demoClient: { key: string; name: string };
/** Every code a case below produced (and checked). */
const seen = new Set<string>();

interface Problem {
  line: number;
  column: string;
  code: string;
  params: string[];
  reason: string;
}

const IMPORT = `mutation($input: ImportFileInput!) { importFile(input: $input) {
  committed rowsIn rejected errorCount errors { line column code params reason } } }`;

const CLIENT_HEADER = 'external_key,name,client_type,industry,source,company_nature,annual_revenue,address,branch_code,owner_employee_no';
const PROJECT_HEADER = 'external_key,name,client_external_key,branch_code,manager_employee_no,sector,approved_amount,disbursed_amount,balance,currency,start_date,maturity_date,status,importance,classification,agent_bank_name';
const ST_HEADER = 'project_external_key,month,balance,principal_due,interest_due,principal_repaid,interest_repaid,classification,days_overdue,submitted_on';

const run = (kind: ImportOptions['kind'], csv: string | Buffer, chunk = 7) =>
  importCsv(db.url, { kind, fileName: `${kind}.csv`, source: chunksOf(csv, chunk), via: 'cli' });

/** Imports through GraphQL (all-or-nothing), checks every problem and that its reason is its code's template filled with its params. */
async function problemsOf(kind: 'CLIENTS' | 'PROJECTS' | 'STATEMENTS', csv: string): Promise<Problem[]> {
  const r = await server.gql<{ importFile: { committed: boolean; rejected: number; errorCount: number; errors: Problem[] } }>(IMPORT, {
    input: { kind, fileName: `${kind.toLowerCase()}-codes.csv`, content: csv },
  });
  expect(r.errors).toBeUndefined();
  const { committed, errorCount, errors } = r.data!.importFile;
  expect(committed).toBe(false);
  expect(errorCount).toBe(errors.length);
  for (const e of errors) {
    expect(Object.values(ImportProblemCode)).toContain(e.code);
    expect(problemReason(e.code as ImportProblemCode, e.params), `line ${e.line} ${e.code}`).toBe(e.reason);
    seen.add(e.code);
  }
  return errors;
}

beforeAll(async () => {
  db = await createTestDatabase('demo');
  server = await startTestServer(db.orm);
  const cms = await db.query<{ code: string; employee_no: string }>(
    `SELECT b.code, s.employee_no FROM staff s JOIN org_unit u ON u.id = s.unit_id JOIN org_unit b ON b.id = u.parent_id
     WHERE b.code IN ('BJ', 'SH') AND s.role = 'client_manager' ORDER BY s.id`);
  bj = { cm: cms.find((c) => c.code === 'BJ')!.employee_no };
  sh = { cm: cms.find((c) => c.code === 'SH')!.employee_no };
  notCm = (await db.query<{ e: string }>(`SELECT employee_no AS e FROM staff WHERE role = 'president'`))[0]!.e;
  const [c] = await db.query<{ key: string; name: string }>(`SELECT external_key AS key, name FROM client WHERE external_key IS NOT NULL ORDER BY id LIMIT 1`);
  demoClient = c!;
  // A project starting 2026-01-10, for the statement checks.
  const p = await run('projects', [PROJECT_HEADER, `PC-S1,代码测试项目,${demoClient.key},BJ,${bj.cm},energy,1000,1000,1000,CNY,2026-01-10,2030-01-01,active,normal,normal,`].join('\n'));
  expect(p).toMatchObject({ committed: true, inserted: 1 });
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

describe('import problem codes', () => {
  it('clients: code, params and the unchanged reason of every problem', async () => {
    const long = '很'.repeat(51);
    // 45 characters: the reason and the params show the first 40, then …
    const nature = '混合所有制企业'.repeat(6).slice(0, 45);
    const csv = [
      CLIENT_HEADER,
      /* 2 */ `PC-1,${long},,,,,,,BJ,`,
      /* 3 */ `PC-2,,,,,,,,BJ,`,
      /* 4 */ `PC-3,甲公司PC3,,,,,12x,,BJ,`,
      /* 5 */ `PC-4,乙公司PC4,,,,,NaN,,BJ,`,
      /* 6 */ `PC-5,丙公司PC5,,,,,-5,,BJ,`,
      /* 7 */ `PC-6,丁公司PC6,,,,,1e18,,BJ,`,
      /* 8 */ `PC-7,戊公司PC7,,,,,1.005,,BJ,`,
      /* 9 */ `PC-8,己公司PC8,,,,${nature},,,BJ,`,
      /* 10 */ `PC-9,庚公司PC9,,,,,,,XX9,`,
      /* 11 */ `PC-10,辛公司PC10,,,,,,,BJ,E999999`,
      /* 12 */ `PC-11,壬公司PC11,,,,,,,,${notCm}`,
      /* 13 */ `PC-12,癸公司PC12,,,,,,,BJ,${sh.cm}`,
      /* 14 */ `PC-13,${demoClient.name},,,,,,,BJ,`,
      /* 15 */ `PC-14,子公司PC14,,,,,,,BJ,`,
      /* 16 */ `PC-14,丑公司PC14,,,,,,,BJ,`,
      /* 17 */ `PC-15,同名公司,,,,,,,BJ,`,
      /* 18 */ `PC-16,同名公司,,,,,,,BJ,`,
      /* 19 */ `PC-17,寅公司PC17,,,,,,,BJ`,
      /* 20 */ `PC-18,"卯公司, never closed`,
      '',
    ].join('\n');
    const shownNature = `${nature.slice(0, 40)}…`;
    const expected = [
      { line: 2, column: 'name', code: 'TOO_LONG', params: ['51', '50'], reason: 'too long: 51 characters, at most 50' },
      { line: 3, column: 'name', code: 'MISSING_VALUE', params: [], reason: 'missing value' },
      { line: 4, column: 'annual_revenue', code: 'NOT_A_NUMBER', params: ['12x'], reason: 'not a number: "12x"' },
      { line: 5, column: 'annual_revenue', code: 'NOT_A_NUMBER', params: ['NaN'], reason: 'not a number: "NaN"' },
      { line: 6, column: 'annual_revenue', code: 'NEGATIVE_AMOUNT', params: ['-5'], reason: 'must not be negative: "-5"' },
      { line: 7, column: 'annual_revenue', code: 'AMOUNT_TOO_LARGE', params: ['1e18'], reason: 'too large: "1e18"' },
      { line: 8, column: 'annual_revenue', code: 'TOO_MANY_DECIMALS', params: ['1.005'], reason: 'more than 2 decimal places: "1.005"' },
      {
        line: 9, column: 'company_nature', code: 'UNKNOWN_VALUE', params: [shownNature, 'state_owned, private, foreign_invested, collective, other'],
        reason: `unknown value "${shownNature}" (expected state_owned, private, foreign_invested, collective, other)`,
      },
      { line: 10, column: 'branch_code', code: 'UNKNOWN_BRANCH', params: ['XX9'], reason: 'unknown branch "XX9"' },
      { line: 11, column: 'owner_employee_no', code: 'UNKNOWN_CLIENT_MANAGER', params: ['E999999'], reason: 'unknown client manager "E999999"' },
      { line: 12, column: 'owner_employee_no', code: 'NOT_A_CLIENT_MANAGER', params: [notCm], reason: `employee ${notCm} is not a client manager` },
      { line: 13, column: 'owner_employee_no', code: 'MANAGER_NOT_IN_BRANCH', params: [sh.cm, 'BJ'], reason: `client manager ${sh.cm} does not work in branch BJ` },
      { line: 14, column: 'name', code: 'NAME_ALREADY_USED', params: [demoClient.key], reason: `name already used by client ${demoClient.key}` },
      { line: 15, column: 'external_key', code: 'DUPLICATE_EXTERNAL_KEY', params: ['PC-14', '16'], reason: 'duplicate external key PC-14 also on line 16' },
      { line: 16, column: 'external_key', code: 'DUPLICATE_EXTERNAL_KEY', params: ['PC-14', '15'], reason: 'duplicate external key PC-14 also on line 15' },
      { line: 17, column: 'name', code: 'DUPLICATE_NAME', params: ['同名公司', '18'], reason: 'duplicate name 同名公司 also on line 18' },
      { line: 18, column: 'name', code: 'DUPLICATE_NAME', params: ['同名公司', '17'], reason: 'duplicate name 同名公司 also on line 17' },
      { line: 19, column: '*', code: 'WRONG_FIELD_COUNT', params: ['9', '10'], reason: 'the row has 9 fields, the header has 10' },
      { line: 20, column: '*', code: 'UNTERMINATED_QUOTE', params: [], reason: 'unterminated quoted field (a " opens a field that never closes)' },
    ];
    expect(await problemsOf('CLIENTS', csv)).toEqual(expected);
  });

  it('projects: code, params and the unchanged reason of every problem', async () => {
    const row = (key: string, client: string, manager: string, amounts: string, start: string, maturity: string, bank = '') =>
      `${key},项目${key},${client},BJ,${manager},energy,${amounts},CNY,${start},${maturity},,,,${bank}`;
    const csv = [
      PROJECT_HEADER,
      /* 2 */ row('PP-1', 'NOPE', bj.cm, '100,100,100', '2026-01-01', '2027-01-01'),
      /* 3 */ row('PP-2', demoClient.key, bj.cm, '100,200.5,100', '2026-01-01', '2025-12-31'),
      /* 4 */ row('PP-3', demoClient.key, bj.cm, '100,100,100', '2026-02-30', '2027-01-01', 'No Such Bank'),
      /* 5 */ row('PP-4', demoClient.key, sh.cm, '100,100,100', '2026-01-01', '2027-01-01'),
    ].join('\r\n');
    expect(await problemsOf('PROJECTS', csv)).toEqual([
      { line: 2, column: 'client_external_key', code: 'UNKNOWN_CLIENT', params: ['NOPE'], reason: 'unknown client "NOPE" (import clients first)' },
      { line: 3, column: 'disbursed_amount', code: 'EXCEEDS_APPROVED_AMOUNT', params: ['100'], reason: 'exceeds the approved amount 100' },
      { line: 3, column: 'maturity_date', code: 'BEFORE_START_DATE', params: ['2026-01-01'], reason: 'is before the start date 2026-01-01' },
      { line: 4, column: 'start_date', code: 'BAD_DATE', params: ['2026-02-30'], reason: 'not a date (YYYY-MM-DD): "2026-02-30"' },
      { line: 4, column: 'agent_bank_name', code: 'UNKNOWN_AGENT_BANK', params: ['No Such Bank'], reason: 'unknown settlement agent bank "No Such Bank"' },
      { line: 5, column: 'manager_employee_no', code: 'MANAGER_NOT_IN_BRANCH', params: [sh.cm, 'BJ'], reason: `client manager ${sh.cm} does not work in branch BJ` },
    ]);
  });

  it('statements: code, params and the unchanged reason of every problem; quotes, backslashes and the separator inside values', async () => {
    // A key holding a quote, a backslash and the unit separator the import uses between fields of its report.
    const odd = 'NO"PE\\\x1fX';
    const st = (key: string, month: string, rest = '1,1,1,1,1,normal,0,') => `${key},${month},${rest}`;
    const csv = [
      ST_HEADER,
      /* 2 */ st(`"${odd.replace(/"/g, '""')}"`, '2026-01'),
      /* 3 */ st('PC-S1', '2026-13'),
      /* 4 */ st('PC-S1', '2099-01'),
      /* 5 */ st('PC-S1', '2025-12'),
      /* 6 */ st('PC-S1', '2026-05', '1,1,1,1,1,normal,x,2026-04-30'),
      /* 7 */ st('PC-S1', '2026-06', '1,1,1,1,1,normal,-3,2099-01-01'),
      /* 8 */ st('PC-S1', '2026-07'),
      /* 9 */ st('PC-S1', '2026-07'),
      /* 10 */ st('PC-S1', '2026-07'),
    ].join('\n');
    expect(await problemsOf('STATEMENTS', csv)).toEqual([
      { line: 2, column: 'project_external_key', code: 'UNKNOWN_PROJECT', params: [odd], reason: `unknown project "${odd}" (import projects first)` },
      { line: 3, column: 'month', code: 'BAD_MONTH', params: ['2026-13'], reason: 'not a month (YYYY-MM): "2026-13"' },
      { line: 4, column: 'month', code: 'IN_THE_FUTURE', params: ['2099-01'], reason: 'is in the future: 2099-01' },
      { line: 5, column: 'month', code: 'BEFORE_PROJECT_START', params: ['2026-01'], reason: 'is before the project started (2026-01)' },
      { line: 6, column: 'days_overdue', code: 'NOT_A_WHOLE_NUMBER', params: ['x'], reason: 'not a whole number: "x"' },
      { line: 6, column: 'submitted_on', code: 'BEFORE_STATEMENT_MONTH', params: ['2026-04-30'], reason: 'is before the month reported on: 2026-04-30' },
      { line: 7, column: 'days_overdue', code: 'NEGATIVE_WHOLE_NUMBER', params: ['-3'], reason: 'must not be negative: -3' },
      { line: 7, column: 'submitted_on', code: 'IN_THE_FUTURE', params: ['2099-01-01'], reason: 'is in the future: 2099-01-01' },
      { line: 8, column: 'project_external_key', code: 'DUPLICATE_STATEMENT', params: ['PC-S1', '2026-07', '9, 10'], reason: 'duplicate statement (project, month) PC-S1, 2026-07 also on line 9, 10' },
      { line: 9, column: 'project_external_key', code: 'DUPLICATE_STATEMENT', params: ['PC-S1', '2026-07', '8, 10'], reason: 'duplicate statement (project, month) PC-S1, 2026-07 also on line 8, 10' },
      { line: 10, column: 'project_external_key', code: 'DUPLICATE_STATEMENT', params: ['PC-S1', '2026-07', '8, 9'], reason: 'duplicate statement (project, month) PC-S1, 2026-07 also on line 8, 9' },
    ]);
  });

  it('the import log keeps code and params with every problem', async () => {
    const r = await run('clients', [CLIENT_HEADER, 'PC-L1,日志公司,,,,,,,XX9,'].join('\n'));
    expect(r.errors).toEqual([{ line: 2, column: 'branch_code', code: 'UNKNOWN_BRANCH', params: ['XX9'], reason: 'unknown branch "XX9"' }]);
    const [batch] = await db.query<{ errors: unknown }>(`SELECT errors FROM import_batch WHERE id = $1`, [r.batchId]);
    expect(batch!.errors).toEqual(r.errors);
  });

  it('a file refused as a whole: BAD_USER_INPUT on input.content with extensions.importCode, params, line and column', async () => {
    const gqlFile = async (content: string, base64 = false) => {
      const r = await server.gql(IMPORT, { input: { kind: 'CLIENTS', fileName: 'bad.csv', content, base64 } });
      expect(r.data?.importFile ?? null).toBeNull();
      seen.add(String(r.errors?.[0]?.extensions?.importCode));
      return r.errors?.[0];
    };
    const unknown = await gqlFile('external_key,nmae\nX,Y\n');
    const expected = CLIENT_HEADER.split(',').join(', ');
    expect(unknown?.message).toBe(`input.content: line 1, column nmae: unknown column for a clients file (expected ${expected})`);
    expect(unknown?.extensions).toEqual({
      code: 'BAD_USER_INPUT', field: 'input.content', importCode: 'UNKNOWN_COLUMN', params: ['clients', expected], line: 1, column: 'nmae',
    });
    const gbk = Buffer.concat([Buffer.from(`${CLIENT_HEADER}\nPC-G1,`), Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]), Buffer.from(',,,,,,,BJ,\n')]);
    const notUtf8 = await gqlFile(gbk.toString('base64'), true);
    expect(notUtf8?.message).toBe('input.content: line 2: the file is not valid UTF-8 (save it as UTF-8, with or without BOM)');
    expect(notUtf8?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content', importCode: 'NOT_UTF8', params: [], line: 2, column: '' });
  });

  it('a file refused as a whole: CsvFileError carries code and params; its reason is unchanged', async () => {
    const refused = async (kind: string, csv: string | Buffer): Promise<CsvFileError> => {
      const err = await run(kind as ImportOptions['kind'], csv, 64 * 1024).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(CsvFileError);
      const e = err as CsvFileError;
      expect(e.reason).toBe(problemReason(e.code, e.params));
      seen.add(e.code);
      return e;
    };
    const pick = (e: CsvFileError) => ({ line: e.line, column: e.column, code: e.code, params: e.params, reason: e.reason });
    expect(pick(await refused('clients', ''))).toEqual({ line: 1, column: '', code: 'EMPTY_FILE', params: [], reason: 'the file is empty (a header row is required)' });
    expect(pick(await refused('clients', 'external_key,name,Name\nX,Y,Z\n'))).toEqual({
      line: 1, column: 'name', code: 'DUPLICATE_COLUMN', params: [], reason: 'the column appears twice in the header',
    });
    expect(pick(await refused('clients', 'external_key\nX\n'))).toEqual({
      line: 1, column: 'name', code: 'MISSING_COLUMN', params: [], reason: 'required column is missing from the header',
    });
    expect(pick(await refused('projects', 'external_key,colour\n'))).toMatchObject({ line: 1, column: 'colour', code: 'UNKNOWN_COLUMN', params: ['projects', PROJECT_HEADER.split(',').join(', ')] });
    expect(pick(await refused('clients', `${CLIENT_HEADER}\nPC-R1,"${'长'.repeat(1024 * 1024 + 1)}`))).toEqual({
      line: 2, column: '', code: 'RECORD_TOO_LONG', params: ['1048576'], reason: 'a record is longer than 1048576 characters (an unterminated quote?)',
    });
    expect(pick(await refused('loans', `${CLIENT_HEADER}\n`))).toEqual({ line: 0, column: '', code: 'UNKNOWN_IMPORT_KIND', params: ['loans'], reason: 'unknown import kind loans' });
    const utf8 = await refused('clients', Buffer.concat([Buffer.from(`${CLIENT_HEADER}\nA,B\nC,`), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    expect(pick(utf8)).toEqual({ line: 3, column: '', code: 'NOT_UTF8', params: [], reason: 'the file is not valid UTF-8 (save it as UTF-8, with or without BOM)' });
    expect(utf8.message).toBe('line 3: the file is not valid UTF-8 (save it as UTF-8, with or without BOM)');
  });

  it('every code was produced by a case above, and docs/import.md lists every code', () => {
    expect([...seen].sort()).toEqual(Object.values(ImportProblemCode).sort());
    const doc = readFileSync(join(repoRoot(), 'docs/import.md'), 'utf8');
    const listed = [...doc.matchAll(/^\| `([A-Z_0-9]+)` \|/gm)].map((m) => m[1]!);
    expect([...new Set(listed)].sort()).toEqual(Object.values(ImportProblemCode).sort());
  });
});
