import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

// The database itself refuses what must never be stored; each refused write leaves no trace.
describe('database constraints', () => {
  let db: TestDatabase;
  let projectId: number;
  let clientId: number;

  const count = async (table: string): Promise<number> => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    const [p] = await db.query<{ id: number; client_id: number }>(`SELECT id, client_id FROM project WHERE status = 'active' ORDER BY id LIMIT 1`);
    projectId = p!.id;
    clientId = p!.client_id;
  });
  afterAll(async () => db?.drop());

  it('refuses a negative statement balance and writes nothing', async () => {
    const before = await count('cash_flow_statement');
    await expect(db.query(`INSERT INTO cash_flow_statement (project_id, month, balance, principal_due, interest_due, principal_repaid, interest_repaid, classification)
      VALUES ($1, '2030-01-01', -1.00, 0, 0, 0, 0, 'normal')`, [projectId])).rejects.toMatchObject({ code: '23514' });
    expect(await count('cash_flow_statement')).toBe(before);
  });

  it('refuses a negative project balance', async () => {
    await expect(db.query(`UPDATE project SET balance = -0.01 WHERE id = $1`, [projectId])).rejects.toMatchObject({ code: '23514' });
    const [p] = await db.query<{ balance: string }>(`SELECT balance FROM project WHERE id = $1`, [projectId]);
    expect(Number(p!.balance)).toBeGreaterThanOrEqual(0);
  });

  it('refuses a second statement for the same (project, month)', async () => {
    const [s] = await db.query<{ month: string }>(`SELECT to_char(month, 'YYYY-MM-DD') AS month FROM cash_flow_statement WHERE project_id = $1 ORDER BY month DESC LIMIT 1`, [projectId]);
    const before = await count('cash_flow_statement');
    await expect(db.query(`INSERT INTO cash_flow_statement (project_id, month, balance, principal_due, interest_due, principal_repaid, interest_repaid, classification)
      VALUES ($1, $2, 100, 0, 0, 0, 0, 'normal')`, [projectId, s!.month])).rejects.toMatchObject({ code: '23505', constraint: 'cash_flow_statement_pkey' });
    expect(await count('cash_flow_statement')).toBe(before);
  });

  it('refuses a month that is not the first day of a month', async () => {
    await expect(db.query(`INSERT INTO cash_flow_statement (project_id, month, balance, principal_due, interest_due, principal_repaid, interest_repaid, classification)
      VALUES ($1, '2030-02-15', 1, 0, 0, 0, 0, 'normal')`, [projectId])).rejects.toMatchObject({ code: '23514' });
  });

  it('refuses a client name over 50 characters, and an empty one, writing nothing', async () => {
    const before = await count('client');
    await expect(db.query(`INSERT INTO client (name) VALUES ($1)`, ['客'.repeat(51)])).rejects.toMatchObject({ code: '22001' });
    await expect(db.query(`INSERT INTO client (name) VALUES ('   ')`)).rejects.toMatchObject({ code: '23514' });
    expect(await count('client')).toBe(before);
    await db.query(`INSERT INTO client (name) VALUES ($1)`, ['客'.repeat(50)]);
    expect(await count('client')).toBe(before + 1);
  });

  it('refuses unknown classifications and roles, dangling references and duplicate unique names', async () => {
    await expect(db.query(`UPDATE project SET classification = 'bad' WHERE id = $1`, [projectId])).rejects.toMatchObject({ code: '22P02' });
    await expect(db.query(`UPDATE staff SET role = 'janitor' WHERE id = 1`)).rejects.toMatchObject({ code: '22P02' });
    await expect(db.query(`UPDATE project SET client_id = 99999999 WHERE id = $1`, [projectId])).rejects.toMatchObject({ code: '23503' });
    const [c] = await db.query<{ name: string }>(`SELECT name FROM client WHERE id = $1`, [clientId]);
    await expect(db.query(`INSERT INTO client (name) VALUES ($1)`, [c!.name])).rejects.toMatchObject({ code: '23505' });
    await expect(db.query(`INSERT INTO settlement_agent_bank (name) SELECT name FROM settlement_agent_bank LIMIT 1`)).rejects.toMatchObject({ code: '23505' });
    await expect(db.query(`INSERT INTO branch_target (branch_id, year, target_npl_ratio, target_recovery_rate, planned_recovery, planned_new_lending)
      SELECT branch_id, year, 0.05, 0.9, 1, 1 FROM branch_target LIMIT 1`)).rejects.toMatchObject({ code: '23505' });
    await expect(db.query(`INSERT INTO branch_target (branch_id, year, target_npl_ratio, target_recovery_rate, planned_recovery, planned_new_lending)
      SELECT id, 2099, 1.5, 0.9, 1, 1 FROM org_unit WHERE kind = 'branch' LIMIT 1`)).rejects.toMatchObject({ code: '23514' });
  });
});
