import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { pgArray } from '../../common/sql.js';
import { COARSE, coarseDelta, coarseFromFine, coverageInsert, fineSelect } from './rollup.sql.js';
import { clearRollupCaches } from './rollup.cache.js';

/** Runs one statement with knex `?` placeholders on an EntityManager (its transaction) or a pg client. */
export type Exec = <T = Record<string, unknown>>(text: string, params?: readonly unknown[]) => Promise<T[]>;

export type RollupTarget = EntityManager | pg.ClientBase;

function isEm(t: RollupTarget): t is EntityManager {
  return typeof (t as EntityManager).getConnection === 'function';
}

export function execOf(target: RollupTarget): Exec {
  if (isEm(target)) {
    return (text, params = []) => target.getConnection().execute(text, params as unknown[], 'all', target.getTransactionContext());
  }
  return async (text, params = []) => {
    let i = 0;
    const res = await target.query(text.replace(/\?/g, () => `$${++i}`), params as unknown[]);
    return res.rows;
  };
}

/** Serialises rollup maintenance: concurrent deltas on the same keys must not overwrite each other. */
const ROLLUP_LOCK = 6_000_007;

export type RefreshScope = { projectIds?: readonly number[]; months?: readonly string[] } | 'all' | 'dirty';

export interface RefreshReport {
  mode: 'all' | 'months' | 'projects' | 'dirty' | 'none';
  fineKeys: number;
  months: string[];
  seconds: number;
}

/** `YYYY-MM` or `YYYY-MM-DD` → first day of the month. */
function firstDay(m: string): string {
  return `${m.slice(0, 7)}-01`;
}

/**
 * Brings the rollups up to date with the base tables, inside the caller's transaction (an
 * EntityManager without one gets its own):
 * - `'all'`: rebuild everything (after seeding or a large import);
 * - `{ months }`: rebuild whole months (with the months + 3 whose downgrade pairs depend on them);
 * - `{ projectIds, months? }`: recompute the (month × branch × manager × sector × importance) slices
 *   of these projects — old and new attributes — for the given months (default: every month they have);
 * - `'dirty'`: whatever the change queue (`rollup_dirty`, written by triggers) lists.
 * Afterwards the processed queue rows are gone and `rollup_state.generation` is bumped.
 */
export async function refreshRollups(target: RollupTarget, scope: RefreshScope): Promise<RefreshReport> {
  if (isEm(target) && !target.getTransactionContext()) {
    return target.transactional((em) => refreshRollups(em, scope));
  }
  const exec = execOf(target);
  const t0 = performance.now();
  await exec(`SELECT pg_advisory_xact_lock(?)`, [ROLLUP_LOCK]);
  const bulk = scope === 'all' || scope === 'dirty' || !scope.projectIds?.length;
  if (bulk) {
    // Rebuilding months scans millions of statements at bank scale: no request timeout, more memory.
    await exec(`SET LOCAL statement_timeout = 0`);
    await exec(`SET LOCAL work_mem = '256MB'`);
  }
  let report: Omit<RefreshReport, 'seconds'>;
  if (scope === 'all') report = await refreshAll(exec);
  else if (scope === 'dirty') report = await refreshDirty(exec);
  else if (scope.projectIds && scope.projectIds.length) report = await refreshProjects(exec, scope.projectIds, scope.months ?? null, true);
  else if (scope.months && scope.months.length) report = await refreshMonths(exec, scope.months.map(firstDay));
  else report = { mode: 'none', fineKeys: 0, months: [] };
  await exec(`UPDATE rollup_state SET generation = generation + 1, maintained_at = clock_timestamp()
              ${report.mode === 'all' ? ', refreshed_at = clock_timestamp()' : ''}`);
  clearRollupCaches();
  return { ...report, seconds: (performance.now() - t0) / 1000 };
}

async function refreshAll(exec: Exec): Promise<Omit<RefreshReport, 'seconds'>> {
  // Queue first: a change committed after this point keeps its row (conservatively stale).
  await exec(`DELETE FROM rollup_dirty`);
  await exec(`TRUNCATE rollup_fine, rollup_bank, rollup_branch, rollup_manager, rollup_project, rollup_coverage`);
  // One month at a time: smaller sorts, and the m − 3 lookups stay within two months of the index.
  const months = await exec<{ m: string }>(`SELECT DISTINCT month::text AS m FROM cash_flow_statement ORDER BY 1`);
  for (const { m } of months) {
    await exec(`INSERT INTO rollup_fine ${fineSelect('cash_flow_statement s JOIN project p ON p.id = s.project_id', 's.month = ?::date')}`, [m]);
  }
  for (const c of COARSE) await exec(coarseFromFine(c.table, c.keys, 'TRUE'));
  await exec(`INSERT INTO rollup_project SELECT id, branch_id, coalesce(manager_id, 0), sector, importance FROM project`);
  for (const { m } of months) await exec(coverageInsert('s.month = ?::date', null), [m]);
  await exec(`ANALYZE rollup_fine, rollup_bank, rollup_branch, rollup_manager, rollup_project, rollup_coverage`);
  const [r] = await exec<{ n: number; months: string[] }>(`SELECT count(*)::int AS n, array_agg(DISTINCT to_char(month, 'YYYY-MM')) AS months FROM rollup_fine`);
  return { mode: 'all', fineKeys: r?.n ?? 0, months: r?.months ?? [] };
}

/** Whole months (and the months + 3 whose downgrade pairs look back at them). */
async function refreshMonths(exec: Exec, monthsIn: readonly string[]): Promise<Omit<RefreshReport, 'seconds'>> {
  const months = pgArray([...new Set(monthsIn)]);
  const [{ all } = { all: '{}' }] = await exec<{ all: string }>(
    `SELECT array_agg(DISTINCT m)::text AS all FROM (SELECT unnest(?::date[]) AS m UNION SELECT (unnest(?::date[]) + interval '3 months')::date) x`,
    [months, months],
  );
  await exec(`DELETE FROM rollup_fine WHERE month = ANY(?::date[])`, [all]);
  for (const c of COARSE) await exec(`DELETE FROM ${c.table} WHERE month = ANY(?::date[])`, [all]);
  await exec(`INSERT INTO rollup_fine ${fineSelect('cash_flow_statement s JOIN project p ON p.id = s.project_id', 's.month = ANY(?::date[])')}`, [all]);
  for (const c of COARSE) await exec(coarseFromFine(c.table, c.keys, 'f.month = ANY(?::date[])'), [all]);
  await exec(`DELETE FROM rollup_coverage WHERE month = ANY(?::date[])`, [months]);
  for (const m of new Set(monthsIn)) await exec(coverageInsert('s.month = ?::date', null), [m]);
  await exec(`DELETE FROM rollup_dirty WHERE project_id IS NULL AND client_id IS NULL AND month = ANY(?::date[])`, [months]);
  return { mode: 'months', fineKeys: 0, months: [...monthsIn] };
}

async function ensureTempTables(exec: Exec): Promise<void> {
  await exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_keys (month date, branch_id int, manager_id int, sector sector, importance importance_grade) ON COMMIT DELETE ROWS`);
  await exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_delta (LIKE rollup_fine, sign int) ON COMMIT DELETE ROWS`);
  await exec(`TRUNCATE rollup_keys, rollup_delta`);
}

/**
 * Recomputes the fine slices touched by some projects (their old attributes from rollup_project
 * and their current ones), turns old − new into deltas and adds them to the coarse rollups.
 * `months` null = every month the projects have statements in; otherwise those months (+ 3).
 */
async function refreshProjects(exec: Exec, projectIds: readonly number[], monthsIn: readonly string[] | null, coverage: boolean): Promise<Omit<RefreshReport, 'seconds'>> {
  await ensureTempTables(exec);
  const ids = pgArray([...new Set(projectIds)]);
  const months = monthsIn ? pgArray([...new Set(monthsIn.map(firstDay))]) : null;
  const monthsOf = months
    ? `SELECT m FROM unnest(?::date[]) m UNION SELECT (m + interval '3 months')::date FROM unnest(?::date[]) m`
    : `SELECT s.month FROM cash_flow_statement s WHERE s.project_id = a.project_id
       UNION SELECT (s.month + interval '3 months')::date FROM cash_flow_statement s WHERE s.project_id = a.project_id`;
  await exec(
    `INSERT INTO rollup_keys
     SELECT DISTINCT mo.m, a.branch_id, a.manager_id, a.sector, a.importance
     FROM (SELECT id AS project_id, branch_id, coalesce(manager_id, 0) AS manager_id, sector, importance FROM project WHERE id = ANY(?::int[])
           UNION
           SELECT project_id, branch_id, manager_id, sector, importance FROM rollup_project WHERE project_id = ANY(?::int[])) a
     CROSS JOIN LATERAL (${monthsOf}) mo(m)`,
    months ? [ids, ids, months, months] : [ids, ids],
  );
  await exec(
    `WITH d AS (DELETE FROM rollup_fine f USING rollup_keys k
                WHERE f.month = k.month AND f.branch_id = k.branch_id AND f.manager_id = k.manager_id AND f.sector = k.sector AND f.importance = k.importance
                RETURNING f.*)
     INSERT INTO rollup_delta SELECT d.*, -1 FROM d`,
  );
  await exec(
    `WITH nw AS (${fineSelect(
      `rollup_keys k JOIN project p ON p.branch_id = k.branch_id AND p.manager_id IS NOT DISTINCT FROM nullif(k.manager_id, 0)
         AND p.sector = k.sector AND p.importance = k.importance
       JOIN cash_flow_statement s ON s.project_id = p.id AND s.month = k.month`,
      'TRUE',
    )}),
     ins AS (INSERT INTO rollup_fine SELECT * FROM nw RETURNING *)
     INSERT INTO rollup_delta SELECT ins.*, 1 FROM ins`,
  );
  for (const c of COARSE) await exec(coarseDelta(c.table, c.keys));
  await exec(
    `INSERT INTO rollup_project SELECT id, branch_id, coalesce(manager_id, 0), sector, importance FROM project WHERE id = ANY(?::int[])
     ON CONFLICT (project_id) DO UPDATE SET branch_id = excluded.branch_id, manager_id = excluded.manager_id, sector = excluded.sector, importance = excluded.importance`,
    [ids],
  );
  if (coverage) {
    // Coverage depends on which clients have an active project in a month: the months touched.
    const touched = await exec<{ m: string }>(`SELECT DISTINCT to_char(month, 'YYYY-MM-DD') AS m FROM rollup_keys`);
    const owners = await exec<{ id: number }>(
      `SELECT DISTINCT c.owner_id AS id FROM project p JOIN client c ON c.id = p.client_id WHERE p.id = ANY(?::int[]) AND c.owner_id IS NOT NULL`,
      [ids],
    );
    await refreshCoverage(exec, months ? monthsIn!.map(firstDay) : touched.map((t) => t.m), owners.map((o) => o.id));
  }
  // Queue rows of these projects are covered now (for the months recomputed).
  await exec(
    `DELETE FROM rollup_dirty WHERE client_id IS NULL AND project_id = ANY(?::int[])
       AND (${months ? 'month = ANY(?::date[])' : 'TRUE'})`,
    months ? [ids, months] : [ids],
  );
  const [n] = await exec<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_keys`);
  const ms = await exec<{ m: string }>(`SELECT DISTINCT to_char(month, 'YYYY-MM') AS m FROM rollup_keys ORDER BY 1`);
  return { mode: 'projects', fineKeys: n?.n ?? 0, months: ms.map((m) => m.m) };
}

/**
 * Coverage for some months: the owner rows of `owners` (null = every owner), the bank row as the
 * sum of owner rows (each owned client has one owner), and the sector / importance rows rebuilt.
 */
async function refreshCoverage(exec: Exec, monthsIn: readonly string[], owners: readonly number[] | null): Promise<void> {
  if (!monthsIn.length) return;
  const months = pgArray([...new Set(monthsIn.map(firstDay))]);
  if (owners === null) {
    await exec(`DELETE FROM rollup_coverage WHERE month = ANY(?::date[])`, [months]);
    await exec(coverageInsert('s.month = ANY(?::date[])', null), [months]);
    return;
  }
  if (owners.length) {
    const o = pgArray(owners.map(String));
    await exec(`DELETE FROM rollup_coverage WHERE dim = 'owner' AND month = ANY(?::date[]) AND key = ANY(?::text[])`, [months, o]);
    await exec(coverageInsert('s.month = ANY(?::date[])', 'c.owner_id = ANY(?::int[])'), [months, pgArray(owners)]);
  }
  await exec(`DELETE FROM rollup_coverage WHERE dim <> 'owner' AND month = ANY(?::date[])`, [months]);
  await exec(
    `INSERT INTO rollup_coverage (month, dim, key, clients, covered)
     SELECT month, 'bank', '', sum(clients), sum(covered) FROM rollup_coverage WHERE dim = 'owner' AND month = ANY(?::date[]) GROUP BY month`,
    [months],
  );
  await exec(
    `INSERT INTO rollup_coverage (month, dim, key, clients, covered)
     SELECT month, dim, key, clients, covered FROM (${coverageInsert('s.month = ANY(?::date[])', null).replace(/^INSERT INTO rollup_coverage \(month, dim, key, clients, covered\)/, '')}) x(month, dim, key, clients, covered)
     WHERE dim IN ('sector', 'importance')`,
    [months],
  );
}

/** Processes the change queue written by the triggers. */
async function refreshDirty(exec: Exec): Promise<Omit<RefreshReport, 'seconds'>> {
  const rows = await exec<{ source: string; month: string | null; projectId: number | null; clientId: number | null }>(
    `DELETE FROM rollup_dirty RETURNING source, to_char(month, 'YYYY-MM-DD') AS month, project_id AS "projectId", client_id AS "clientId"`,
  );
  if (!rows.length) return { mode: 'none', fineKeys: 0, months: [] };
  if (rows.some((r) => r.month === null && r.projectId === null && r.clientId === null)) return { ...(await refreshAll(exec)), mode: 'dirty' };
  const wholeMonths = [...new Set(rows.filter((r) => r.projectId === null && r.clientId === null).map((r) => r.month!))];
  const projectAll = [...new Set(rows.filter((r) => r.projectId !== null && r.month === null).map((r) => r.projectId!))];
  const projectMonth = rows.filter((r) => r.projectId !== null && r.month !== null && !projectAll.includes(r.projectId));
  let fineKeys = 0;
  if (projectAll.length) fineKeys += (await refreshProjects(exec, projectAll, null, true)).fineKeys;
  // Project × month rows: group by month so each call recomputes one set of months.
  const byMonth = new Map<string, number[]>();
  for (const r of projectMonth) byMonth.set(r.month!, [...(byMonth.get(r.month!) ?? []), r.projectId!]);
  for (const [m, ids] of byMonth) if (!wholeMonths.includes(m)) fineKeys += (await refreshProjects(exec, ids, [m], true)).fineKeys;
  if (wholeMonths.length) await refreshMonths(exec, wholeMonths);
  // Client owner changes: the old owner is unknown, so coverage of every month is rebuilt.
  if (rows.some((r) => r.source === 'client')) {
    const all = await exec<{ m: string }>(`SELECT DISTINCT to_char(month, 'YYYY-MM-DD') AS m FROM rollup_bank`);
    await refreshCoverage(exec, all.map((a) => a.m), null);
  } else {
    const contact = rows.filter((r) => r.source === 'contact' && r.month !== null);
    if (contact.length) {
      const owners = await exec<{ id: number }>(`SELECT DISTINCT owner_id AS id FROM client WHERE id = ANY(?::int[]) AND owner_id IS NOT NULL`, [
        pgArray([...new Set(contact.map((c) => c.clientId!))]),
      ]);
      await refreshCoverage(exec, [...new Set(contact.map((c) => c.month!))], owners.map((o) => o.id));
    }
  }
  return { mode: 'dirty', fineKeys, months: [...new Set(rows.map((r) => r.month).filter((m): m is string => m !== null))].sort() };
}

/** After `submitStatement` (same transaction): the project's slices for the month (and month + 3). */
export function maintainAfterStatement(em: EntityManager, projectId: number, month: string): Promise<RefreshReport> {
  return refreshRollups(em, { projectIds: [projectId], months: [month] });
}

/** After `reassignProjects` (same transaction): the old and new manager's slices of every month. */
export function maintainAfterReassign(em: EntityManager, projectIds: readonly number[]): Promise<RefreshReport> {
  return refreshRollups(em, { projectIds });
}

export interface RollupFreshness {
  refreshedAt: Date | null;
  maintainedAt: Date | null;
  generation: string;
  configGeneration: string;
  /** Base-table changes not yet in the rollups (queue rows visible to this transaction). */
  pending: number;
  stale: boolean;
  today: string;
}

export async function rollupFreshness(exec: Exec): Promise<RollupFreshness> {
  const [r] = await exec<Omit<RollupFreshness, 'stale'>>(
    `SELECT refreshed_at AS "refreshedAt", maintained_at AS "maintainedAt", generation::text AS generation,
            config_generation::text AS "configGeneration",
            (SELECT count(*)::int FROM (SELECT 1 FROM rollup_dirty LIMIT 1000) d) AS pending,
            to_char(current_date, 'YYYY-MM-DD') AS today
     FROM rollup_state`,
  );
  return { ...r!, stale: r!.pending > 0 };
}

/** Full refresh on a database URL in its own transaction (seeding, the bench, the CLI). */
export async function refreshRollupsAt(url: string, scope: RefreshScope = 'all'): Promise<RefreshReport> {
  const { default: pgLib } = await import('pg');
  const client = new pgLib.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const report = await refreshRollups(client, scope);
    await client.query('COMMIT');
    return report;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

/**
 * For the import module: `onImportMerged(rollupImportListener)` recomputes the rollups inside the
 * import's transaction, after its merge — the affected projects' slices (every month they have)
 * for small imports, whole months for large ones, and the queue left by the triggers.
 */
export async function rollupImportListener(tx: { client: pg.ClientBase; affectedProjectsTable: string }): Promise<void> {
  const exec = execOf(tx.client);
  const [{ n } = { n: 0 }] = await exec<{ n: number }>(`SELECT count(*)::int AS n FROM ${tx.affectedProjectsTable}`);
  if (n > 0 && n <= 20_000) {
    const ids = await exec<{ id: number }>(`SELECT DISTINCT project_id AS id FROM ${tx.affectedProjectsTable}`);
    await refreshRollups(tx.client, { projectIds: ids.map((r) => r.id) });
    // Every change of this import is in those projects' slices (all months): the queue rows this
    // transaction wrote (month-level ones for large statements included) are covered. Rows written
    // in a subtransaction carry another xid and stay (then rebuilt below: slower, still correct).
    await exec(`DELETE FROM rollup_dirty WHERE xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text`);
  }
  await refreshRollups(tx.client, 'dirty');
}
