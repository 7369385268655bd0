import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { pgArray } from '../../common/sql.js';
import { COARSE, clientMonthSelect, coarseDelta, coarseFromFine, coverageFromClientMonths, fineSelect } from './rollup.sql.js';
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
export const ROLLUP_LOCK = 6_000_007;

export type RefreshScope = { projectIds?: readonly number[]; months?: readonly string[] } | 'all' | 'dirty';

export interface RefreshOptions {
  /**
   * Wait at most this long for the maintenance lock; when another maintenance (a full rebuild can
   * take minutes at bank scale) still holds it, do nothing and return mode 'deferred': the change
   * stays in the queue (reads use the base tables) until the background refresher processes it.
   * Writers use this so a request never waits behind a rebuild. Default: wait as long as needed.
   */
  lockWaitMs?: number;
  /**
   * With 'dirty': only the queue rows this transaction wrote for single projects or clients (a
   * writer catching up its own change; anything bigger stays for the background refresher).
   */
  onlyOwnQueue?: boolean;
}

export interface RefreshReport {
  mode: 'all' | 'months' | 'projects' | 'dirty' | 'none' | 'deferred';
  fineKeys: number;
  months: string[];
  seconds: number;
}

/** Polls the maintenance lock (a blocked lock wait cannot be bounded without aborting the transaction). */
async function tryLock(exec: Exec, waitMs: number): Promise<boolean> {
  const until = performance.now() + waitMs;
  for (;;) {
    const [r] = await exec<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(?) AS ok`, [ROLLUP_LOCK]);
    if (r?.ok) return true;
    if (performance.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
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
export async function refreshRollups(target: RollupTarget, scope: RefreshScope, opts: RefreshOptions = {}): Promise<RefreshReport> {
  if (isEm(target) && !target.getTransactionContext()) {
    return target.transactional((em) => refreshRollups(em, scope, opts));
  }
  const exec = execOf(target);
  const t0 = performance.now();
  if (opts.lockWaitMs === undefined) await exec(`SELECT pg_advisory_xact_lock(?)`, [ROLLUP_LOCK]);
  else if (!(await tryLock(exec, opts.lockWaitMs))) return { mode: 'deferred', fineKeys: 0, months: [], seconds: (performance.now() - t0) / 1000 };
  const bulk = scope === 'all' || scope === 'dirty' || !scope.projectIds?.length;
  if (bulk) {
    // Rebuilding months scans millions of statements at bank scale: no request timeout, more memory.
    await exec(`SET LOCAL statement_timeout = 0`);
    await exec(`SET LOCAL work_mem = '256MB'`);
  }
  let report: Omit<RefreshReport, 'seconds'>;
  if (scope === 'all') report = await refreshAll(exec);
  else if (scope === 'dirty') report = await refreshDirty(exec, opts.onlyOwnQueue ?? false);
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
  await exec(`TRUNCATE rollup_fine, rollup_bank, rollup_branch, rollup_manager, rollup_project, rollup_coverage, rollup_client_month`);
  // One month at a time: smaller sorts, and the m − 3 lookups stay within two months of the index.
  const months = await exec<{ m: string }>(`SELECT DISTINCT month::text AS m FROM cash_flow_statement ORDER BY 1`);
  for (const { m } of months) {
    await exec(`INSERT INTO rollup_fine ${fineSelect('cash_flow_statement s JOIN project p ON p.id = s.project_id', 's.month = ?::date')}`, [m]);
  }
  for (const c of COARSE) await exec(coarseFromFine(c.table, c.keys, 'TRUE'));
  await exec(`INSERT INTO rollup_project SELECT id, branch_id, coalesce(manager_id, 0), sector, importance, client_id FROM project`);
  for (const { m } of months) await exec(`INSERT INTO rollup_client_month ${clientMonthSelect('s.month = ?::date')}`, [m]);
  await exec(coverageFromClientMonths(`SELECT *, 1 AS sign FROM rollup_client_month`));
  await exec(`ANALYZE rollup_fine, rollup_bank, rollup_branch, rollup_manager, rollup_project, rollup_coverage, rollup_client_month`);
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
  // Queue rows first: a change committed while this runs keeps its row (recomputed next time).
  await exec(`DELETE FROM rollup_dirty WHERE project_id IS NULL AND client_id IS NULL AND month = ANY(?::date[])`, [months]);
  await exec(`DELETE FROM rollup_fine WHERE month = ANY(?::date[])`, [all]);
  for (const c of COARSE) await exec(`DELETE FROM ${c.table} WHERE month = ANY(?::date[])`, [all]);
  await exec(`INSERT INTO rollup_fine ${fineSelect('cash_flow_statement s JOIN project p ON p.id = s.project_id', 's.month = ANY(?::date[])')}`, [all]);
  for (const c of COARSE) await exec(coarseFromFine(c.table, c.keys, 'f.month = ANY(?::date[])'), [all]);
  await exec(`DELETE FROM rollup_coverage WHERE month = ANY(?::date[])`, [months]);
  await exec(`DELETE FROM rollup_client_month WHERE month = ANY(?::date[])`, [months]);
  for (const m of new Set(monthsIn)) await exec(`INSERT INTO rollup_client_month ${clientMonthSelect('s.month = ?::date')}`, [firstDay(m)]);
  await exec(coverageFromClientMonths(`SELECT *, 1 AS sign FROM rollup_client_month WHERE month = ANY(?::date[])`), [months]);
  return { mode: 'months', fineKeys: 0, months: [...monthsIn] };
}

async function ensureTempTables(exec: Exec): Promise<void> {
  await exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_keys (month date, branch_id int, manager_id int, sector sector, importance importance_grade) ON COMMIT DELETE ROWS`);
  await exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_delta (LIKE rollup_fine, sign int) ON COMMIT DELETE ROWS`);
  await exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_cov_delta (LIKE rollup_client_month, sign int) ON COMMIT DELETE ROWS`);
  await exec(`TRUNCATE rollup_keys, rollup_delta, rollup_cov_delta`);
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
  // Queue rows of these projects first: what is committed after this point keeps its row.
  await exec(
    `DELETE FROM rollup_dirty WHERE client_id IS NULL AND project_id = ANY(?::int[])
       AND (${months ? 'month = ANY(?::date[])' : 'TRUE'})`,
    months ? [ids, months] : [ids],
  );
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
  // Coverage counts clients with a statement in a month: the projects' clients, old and new.
  const clients = coverage
    ? await exec<{ id: number }>(
        `SELECT client_id AS id FROM project WHERE id = ANY(?::int[])
         UNION SELECT client_id FROM rollup_project WHERE project_id = ANY(?::int[]) AND client_id IS NOT NULL`,
        [ids, ids],
      )
    : [];
  await exec(
    `INSERT INTO rollup_project SELECT id, branch_id, coalesce(manager_id, 0), sector, importance, client_id FROM project WHERE id = ANY(?::int[])
     ON CONFLICT (project_id) DO UPDATE SET branch_id = excluded.branch_id, manager_id = excluded.manager_id, sector = excluded.sector,
       importance = excluded.importance, client_id = excluded.client_id`,
    [ids],
  );
  await refreshClientCoverage(exec, clients.map((c) => c.id));
  const [n] = await exec<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_keys`);
  const ms = await exec<{ m: string }>(`SELECT DISTINCT to_char(month, 'YYYY-MM') AS m FROM rollup_keys ORDER BY 1`);
  return { mode: 'projects', fineKeys: n?.n ?? 0, months: ms.map((m) => m.m) };
}

/**
 * Contact coverage of some clients, every month: their rollup_client_month rows are recomputed from
 * the base tables and old − new is added to rollup_coverage (bank, owner — old and new owner —,
 * sector and grade rows). A few index lookups per client, whatever the bank's size.
 */
async function refreshClientCoverage(exec: Exec, clientIds: readonly number[]): Promise<void> {
  if (!clientIds.length) return;
  const ids = pgArray([...new Set(clientIds)]);
  await exec(`TRUNCATE rollup_cov_delta`);
  await exec(
    `WITH d AS (DELETE FROM rollup_client_month WHERE client_id = ANY(?::int[]) RETURNING *)
     INSERT INTO rollup_cov_delta SELECT d.*, -1 FROM d`,
    [ids],
  );
  await exec(
    `WITH n AS (INSERT INTO rollup_client_month ${clientMonthSelect('p.client_id = ANY(?::int[])')} RETURNING *)
     INSERT INTO rollup_cov_delta SELECT n.*, 1 FROM n`,
    [ids],
  );
  await exec(coverageFromClientMonths(`SELECT * FROM rollup_cov_delta`));
  await exec(`DELETE FROM rollup_coverage WHERE clients = 0 AND month IN (SELECT DISTINCT month FROM rollup_cov_delta)`);
}

/** This transaction's id as `xmin` shows it on rows it wrote (32-bit, as text). */
const OWN_XID = `(pg_current_xact_id()::text::bigint % 4294967296)::text`;

/** Processes the change queue written by the triggers. */
async function refreshDirty(exec: Exec, ownOnly: boolean): Promise<Omit<RefreshReport, 'seconds'>> {
  const rows = await exec<{ source: string; month: string | null; projectId: number | null; clientId: number | null }>(
    `DELETE FROM rollup_dirty
     ${ownOnly ? `WHERE xmin::text = ${OWN_XID} AND (project_id IS NOT NULL OR client_id IS NOT NULL)` : ''}
     RETURNING source, to_char(month, 'YYYY-MM-DD') AS month, project_id AS "projectId", client_id AS "clientId"`,
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
  // Client owner changes and contacts: those clients' coverage rows (old owner from rollup_client_month).
  const clientIds = [...new Set(rows.filter((r) => r.clientId !== null).map((r) => r.clientId!))];
  if (clientIds.length) {
    await ensureTempTables(exec);
    await refreshClientCoverage(exec, clientIds);
  }
  return { mode: 'dirty', fineKeys, months: [...new Set(rows.map((r) => r.month).filter((m): m is string => m !== null))].sort() };
}

/**
 * How long a writer waits for the maintenance lock before leaving its change to the background
 * refresher (see startRollupRefresher): well inside the 15 s statement timeout.
 */
export const WRITER_LOCK_WAIT_MS = 2000;

/** After `submitStatement` (same transaction): the project's slices for the month (and month + 3). */
export function maintainAfterStatement(em: EntityManager, projectId: number, month: string): Promise<RefreshReport> {
  return refreshRollups(em, { projectIds: [projectId], months: [month] }, { lockWaitMs: WRITER_LOCK_WAIT_MS });
}

/** After `reassignProjects` (same transaction): the old and new manager's slices of every month. */
export function maintainAfterReassign(em: EntityManager, projectIds: readonly number[]): Promise<RefreshReport> {
  return refreshRollups(em, { projectIds }, { lockWaitMs: WRITER_LOCK_WAIT_MS });
}

/** After a contact or a client owner change (same transaction): those clients' coverage rows. */
export async function maintainAfterClientChange(em: EntityManager): Promise<RefreshReport> {
  return refreshRollups(em, 'dirty', { lockWaitMs: WRITER_LOCK_WAIT_MS, onlyOwnQueue: true });
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
 * For the import module: `onImportMerged(rollupImportListener)` brings the rollups up to date inside
 * the import's transaction, after its merge: the affected projects' slices (every month they have)
 * and their clients' coverage, then this transaction's own remaining queue rows (clients whose owner
 * changed). Imports touching more than 20,000 projects, or finding the maintenance lock held for
 * longer than WRITER_LOCK_WAIT_MS, leave their queue rows to the background refresher: the import
 * commits at once and reads use the base tables until the refresher has caught up.
 */
export async function rollupImportListener(tx: { client: pg.ClientBase; affectedProjectsTable: string }): Promise<void> {
  const exec = execOf(tx.client);
  const [{ n } = { n: 0 }] = await exec<{ n: number }>(`SELECT count(*)::int AS n FROM ${tx.affectedProjectsTable}`);
  if (n > 20_000) return;
  if (n > 0) {
    const ids = await exec<{ id: number }>(`SELECT DISTINCT project_id AS id FROM ${tx.affectedProjectsTable}`);
    const r = await refreshRollups(tx.client, { projectIds: ids.map((x) => x.id) }, { lockWaitMs: WRITER_LOCK_WAIT_MS });
    if (r.mode === 'deferred') return;
    // Every statement change of this import is in those projects' slices (all months): the
    // month-level queue rows this transaction wrote for large statement batches are covered.
    await exec(`DELETE FROM rollup_dirty WHERE xmin::text = ${OWN_XID} AND source = 'statement' AND project_id IS NULL AND client_id IS NULL`);
  }
  await refreshRollups(tx.client, 'dirty', { lockWaitMs: WRITER_LOCK_WAIT_MS, onlyOwnQueue: true });
}

export interface RefresherHandle {
  stop(): Promise<void>;
}

/**
 * Background refresher (one per API process; several processes share the work through the
 * maintenance lock): every `intervalMs`, if the change queue is not empty, processes it in one
 * REPEATABLE READ transaction (a consistent snapshot: changes committed meanwhile keep their queue
 * rows for the next round). Writers that could not maintain the rollups inline (lock held by a
 * rebuild, large imports, plain SQL changes, the rebuild a migration asks for) are caught up here.
 * `afterRound` runs after every round (e.g. warming results derived from the rollups).
 */
export function startRollupRefresher(
  url: string,
  opts: { intervalMs?: number; log?: (m: string) => void; afterRound?: () => Promise<void> } = {},
): RefresherHandle {
  const intervalMs = opts.intervalMs ?? 2000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let active: pg.Client | undefined;
  const round = async (): Promise<void> => {
    const { default: pgLib } = await import('pg');
    const client = new pgLib.Client({ connectionString: url, application_name: 'loan-desk rollup refresher' });
    active = client;
    try {
      await client.connect();
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const { rows } = await client.query<{ ok: boolean; pending: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM rollup_dirty) AS pending, pg_try_advisory_xact_lock($1) AS ok`,
        [ROLLUP_LOCK],
      );
      if (!rows[0]?.pending || !rows[0].ok) {
        await client.query('ROLLBACK');
        return;
      }
      const report = await refreshRollups(client, 'dirty');
      await client.query('COMMIT');
      if (report.mode !== 'none') opts.log?.(`rollups caught up (${report.months.length ? report.months.join(', ') : 'queue'}) in ${report.seconds.toFixed(1)} s`);
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      if (!stopped) opts.log?.(`rollup refresh failed, retrying: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      active = undefined;
      await client.end().catch(() => {});
    }
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      // round() handles its own errors; the catch keeps a failure (e.g. during shutdown) from ever
      // becoming an unhandled rejection that would end the process.
      running = round()
        .then(() => (stopped ? undefined : opts.afterRound?.()))
        .catch((err: unknown) => {
          if (!stopped) opts.log?.(`after-refresh step failed: ${err instanceof Error ? err.message : String(err)}`);
        })
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      // A rebuild may run for minutes: closing the connection rolls it back (it is redone next start).
      await active?.end().catch(() => {});
      await running.catch(() => {});
    },
  };
}
