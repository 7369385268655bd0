import pg from 'pg';
import { refreshRollups } from '../modules/rollup/rollup.service.js';

/**
 * Times incremental rollup maintenance on a bank, in transactions that are rolled back (the bank is
 * left as it was): one statement changed (what submitStatement does: the project-month and month + 3),
 * and one project moved to another client manager (what reassignProjects does: every month).
 */
export async function timeMaintenance(url: string, runs = 5): Promise<{ statementMs: number[]; reassignMs: number[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const statementMs: number[] = [];
  const reassignMs: number[] = [];
  try {
    const picks = (await client.query<{ id: number; month: string; to: number }>(`
      SELECT p.id, to_char(max(s.month), 'YYYY-MM') AS month,
             (SELECT o.id FROM staff o WHERE o.unit_id = m.unit_id AND o.id <> m.id AND o.active
                AND o.role IN ('client_manager', 'senior_client_manager') ORDER BY o.id LIMIT 1) AS "to"
      FROM project p JOIN staff m ON m.id = p.manager_id JOIN cash_flow_statement s ON s.project_id = p.id
      WHERE p.id IN (SELECT id FROM project WHERE status = 'active' AND manager_id IS NOT NULL ORDER BY id LIMIT ${runs})
      GROUP BY p.id, m.unit_id, m.id`)).rows;
    for (const p of picks) {
      await client.query('BEGIN');
      await client.query(`UPDATE cash_flow_statement SET balance = balance + 1, classification = 'loss' WHERE project_id = $1 AND month = $2::date`, [p.id, `${p.month}-01`]);
      let t = performance.now();
      await refreshRollups(client, { projectIds: [p.id], months: [p.month] });
      statementMs.push(performance.now() - t);
      await client.query('ROLLBACK');
      if (p.to === null) continue;
      await client.query('BEGIN');
      await client.query(`UPDATE project SET manager_id = $2 WHERE id = $1`, [p.id, p.to]);
      t = performance.now();
      await refreshRollups(client, { projectIds: [p.id] });
      reassignMs.push(performance.now() - t);
      await client.query('ROLLBACK');
    }
  } finally {
    await client.end();
  }
  return { statementMs, reassignMs };
}
