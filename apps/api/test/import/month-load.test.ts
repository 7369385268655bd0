import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { chunksOf, importCsv, type ImportResult } from '../../src/modules/import/import.service.js';

/**
 * A whole month's load: a statements file that names most projects of the bank takes the lookup's
 * one-pass path (`projectLookup: 'scan'`: a hash join on the project keys and the projects' last
 * months from one pass over the statements) instead of one index probe per project. The results
 * must be those of the probe path: new months inserted, an earlier month updated (its project's
 * last month is later, so the merge looks for the stored row), balances realigned. Expected values
 * are plain SQL on the demo bank.
 */
let db: TestDatabase;
const HEADER = 'project_external_key,month,balance,principal_due,interest_due,principal_repaid,interest_repaid,classification,days_overdue,submitted_on';
const run = (csv: string): Promise<ImportResult> =>
  importCsv(db.url, { kind: 'statements', fileName: 'month.csv', source: chunksOf(csv, 64 * 1024), via: 'cli' });

beforeAll(async () => {
  db = await createTestDatabase('demo');
});
afterAll(async () => {
  await db?.drop();
});

describe('a whole month of statements', () => {
  it('takes the one-pass lookup and gives the same rows, updates and balances as one probe per project', async () => {
    const [{ last }] = await db.query<{ last: string }>(`SELECT to_char(max(month), 'YYYY-MM') AS last FROM cash_flow_statement`) as [{ last: string }];
    const next = (await db.query<{ m: string }>(`SELECT to_char(($1 || '-01')::date + interval '1 month', 'YYYY-MM') AS m`, [last]))[0]!.m;
    // Every project with a statement in the last month gets the next month: balance − principal due.
    const rows = await db.query<{ key: string; line: string; id: number; balance: string; classification: string }>(
      `SELECT p.external_key AS key, p.id, greatest(s.balance - s.principal_due, 0)::text AS balance, s.classification::text AS classification,
              concat_ws(',', p.external_key, $2::text, greatest(s.balance - s.principal_due, 0)::text, s.principal_due, s.interest_due,
                        s.principal_due, s.interest_repaid, s.classification, s.days_overdue, '') AS line
       FROM cash_flow_statement s JOIN project p ON p.id = s.project_id WHERE s.month = ($1 || '-01')::date ORDER BY p.id`, [last, next]);
    const [{ projects, statements }] = await db.query<{ projects: number; statements: number }>(
      `SELECT (SELECT count(*) FROM project)::int AS projects, (SELECT count(*) FROM cash_flow_statement)::int AS statements`) as [{ projects: number; statements: number }];
    // The file names enough projects for the one-pass path (import.sql.ts, PROBE_COST_IN_ROWS = 64).
    expect(rows.length).toBeGreaterThan(statements / 64);
    expect(rows.length).toBeGreaterThan(projects / 4);
    // Plus a correction of an earlier month of one project (the stored row must be found and updated).
    const [old] = await db.query<{ key: string; id: number; month: string; balance: string }>(
      `SELECT p.external_key AS key, p.id, to_char(s.month, 'YYYY-MM') AS month, s.balance::text AS balance FROM cash_flow_statement s JOIN project p ON p.id = s.project_id
       WHERE s.month = ($1 || '-01')::date - interval '3 months' ORDER BY p.id LIMIT 1`, [last]);
    // And a project whose own balance disagrees with its statements: the import realigns it.
    await db.query(`UPDATE project SET balance = balance + 7 WHERE id = $1`, [rows[1]!.id]);
    const csv = [HEADER, ...rows.map((r) => r.line), `${old!.key},${old!.month},1.00,0,0,0,0,normal,0,`].join('\n');

    const r = await run(csv);
    expect(r).toMatchObject({ committed: true, rowsIn: rows.length + 1, rejected: 0, inserted: rows.length, updated: 1, unchanged: 0, projectLookup: 'scan' });
    // Plain SQL: the new month holds exactly the file's rows; the correction is stored.
    const [stored] = await db.query<{ n: number; b: string }>(
      `SELECT count(*)::int AS n, sum(balance)::text AS b FROM cash_flow_statement WHERE month = ($1 || '-01')::date`, [next]);
    const fileSum = (await db.query<{ s: string }>(`SELECT sum(x::numeric)::text AS s FROM unnest($1::text[]) x`, [rows.map((x) => x.balance)]))[0]!.s;
    expect(stored).toEqual({ n: rows.length, b: fileSum });
    expect((await db.query<{ b: string }>(`SELECT balance::text AS b FROM cash_flow_statement WHERE project_id = $1 AND month = ($2 || '-01')::date`, [old!.id, old!.month]))[0]!.b).toBe('1.00');
    // Every project of the file now carries its latest statement's balance and class.
    const misaligned = await db.query(
      `SELECT p.id FROM project p CROSS JOIN LATERAL (SELECT balance, classification FROM cash_flow_statement c WHERE c.project_id = p.id ORDER BY c.month DESC LIMIT 1) l
       WHERE p.id = ANY ($1::int[]) AND (p.balance, p.classification) IS DISTINCT FROM (l.balance, l.classification)`, [rows.map((x) => x.id)]);
    expect(misaligned).toEqual([]);
    expect((await db.query<{ b: string }>(`SELECT balance::text AS b FROM project WHERE id = $1`, [rows[1]!.id]))[0]!.b).toBe(rows[1]!.balance);

    // The same file again: nothing changes (the one-pass lookup finds the new month as the last).
    const again = await run(csv);
    expect(again).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: rows.length + 1, projectLookup: 'scan' });
    // A small file still probes.
    const small = await run([HEADER, rows[0]!.line].join('\n'));
    expect(small).toMatchObject({ committed: true, unchanged: 1, projectLookup: 'probe' });
  }, 120_000);
});
