import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { GeneratedBank } from './generate.js';

/** Tables with a serial id whose sequence must continue after the generated ids. */
const SERIAL_TABLES = [
  'org_unit', 'team', 'staff', 'staffing_scenario', 'staffing_line', 'score_weight_version', 'settlement_agent_bank',
  'agent_bank_evaluation', 'client', 'contact', 'project', 'client_contact', 'restructuring_case', 'assignment', 'branch_target',
];

export interface LoadResult {
  rows: number;
  seconds: number;
  perTable: Record<string, number>;
}

/** Loads generated COPY files in one transaction: either the whole bank lands or nothing does. */
export async function loadBank(url: string, bank: GeneratedBank, onTable?: (table: string, rows: number) => void): Promise<LoadResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  const perTable: Record<string, number> = {};
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM org_unit');
    if (rows[0]!.n !== '0') throw new Error('the database already holds a bank; reset it first (pnpm seed --reset)');
    for (const t of bank.tables) {
      const stream = client.query(copyFrom(`COPY ${t.table} (${t.columns.join(', ')}) FROM STDIN`));
      await pipeline(createReadStream(t.path), stream);
      perTable[t.table] = t.rows;
      onTable?.(t.table, t.rows);
    }
    for (const t of SERIAL_TABLES) {
      await client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), GREATEST((SELECT max(id) FROM ${t}), 1))`);
    }
    await client.query('COMMIT');
    await client.query('ANALYZE');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows: Object.values(perTable).reduce((s, n) => s + n, 0), seconds, perTable };
}

/** Empties every table (keeps the schema and migrations). */
export async function resetBank(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`TRUNCATE ${['cash_flow_statement', 'client_contact', 'restructuring_case', 'assignment', 'contact', 'project', 'client', 'agent_bank_evaluation', 'settlement_agent_bank', 'branch_target', 'score_weight', 'score_weight_version', 'staffing_line', 'staffing_scenario', 'setting', 'staff', 'team', 'org_unit'].join(', ')} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}
