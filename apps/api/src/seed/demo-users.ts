import pg from 'pg';
import { hashPassword } from '../modules/auth/password.js';

/** Demo-only credentials, listed in the README. Never use them outside a demo. */
export const DEMO_PASSWORD = 'loandesk-demo';

export interface DemoUser {
  username: string;
  role: 'executive' | 'hq_planner' | 'branch_head' | 'client_manager';
  /** SQL returning (staff_id, branch_id, display_name) for the account. */
  pick: string;
}

const CM_OF = (code: string): string => `
  SELECT s.id, b.id, s.name || ' (' || b.name || ')' FROM staff s JOIN org_unit d ON d.id = s.unit_id JOIN org_unit b ON b.id = d.parent_id
  WHERE b.code = '${code}' AND s.role = 'client_manager'
  ORDER BY (SELECT count(*) FROM project p WHERE p.manager_id = s.id AND p.status = 'active') DESC, s.id LIMIT 1`;

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'executive', role: 'executive', pick: `SELECT s.id, NULL::int, s.name || ' (President)' FROM staff s WHERE s.role = 'president' ORDER BY s.id LIMIT 1` },
  { username: 'planner', role: 'hq_planner', pick: `SELECT s.id, NULL::int, s.name || ' (Planning Division)' FROM staff s JOIN org_unit u ON u.id = s.unit_id WHERE u.code = 'LMB_PLANNING' AND s.role = 'bureau_officer' ORDER BY s.id LIMIT 1` },
  { username: 'head.bj', role: 'branch_head', pick: `SELECT s.id, b.id, s.name || ' (Beijing Branch)' FROM staff s JOIN org_unit d ON d.id = s.unit_id JOIN org_unit b ON b.id = d.parent_id WHERE b.code = 'BJ' AND s.role = 'loan_division_head' LIMIT 1` },
  { username: 'head.wh', role: 'branch_head', pick: `SELECT s.id, b.id, s.name || ' (Wuhan Branch)' FROM staff s JOIN org_unit d ON d.id = s.unit_id JOIN org_unit b ON b.id = d.parent_id WHERE b.code = 'WH' AND s.role = 'loan_division_head' LIMIT 1` },
  { username: 'cm.bj', role: 'client_manager', pick: CM_OF('BJ') },
  { username: 'cm.wh', role: 'client_manager', pick: CM_OF('WH') },
];

/** Creates one sign-in account per role on the demo bank (skips accounts that exist). */
export async function seedDemoUsers(url: string, password = DEMO_PASSWORD): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let created = 0;
  try {
    for (const u of DEMO_USERS) {
      const { rows } = await client.query<{ id: number | null; branch: number | null; name: string }>(`SELECT x.* FROM (${u.pick}) AS x(id, branch, name)`);
      const row = rows[0];
      if (!row) continue; // the bank has no such person (e.g. the large bank has no BJ code)
      const r = await client.query(`INSERT INTO app_user (username, password_hash, role, staff_id, branch_id, display_name) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING`, [
        u.username, await hashPassword(password), u.role, row.id, row.branch, row.name,
      ]);
      created += r.rowCount ?? 0;
    }
  } finally {
    await client.end();
  }
  return created;
}
