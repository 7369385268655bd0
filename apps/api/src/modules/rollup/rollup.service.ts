import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { pgArray } from '../../common/sql.js';
import { COARSE, FINE_KEYS, clientMonthSelect, coarseDelta, coarseFromFine, coverageFromClientMonths, dropEmpty, fineAddDelta, fineSelect, netFineDelta } from './rollup.sql.js';
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

export type RefreshScope =
  | {
      projectIds?: readonly number[];
      months?: readonly string[];
      /**
       * With `projectIds` (no months): what changed in this transaction is only these projects'
       * attributes (branch, client manager, sector, grade, client), not their statements. Their
       * rollups are then kept by per-project deltas (their statements taken out under the attributes
       * the rollups saw, rollup_project, and put back under the current ones) instead of
       * recomputing every slice they touch; a project with any other pending change (a queue row of
       * another transaction, or of this one for its statements) gets its slices recomputed.
       */
      changed?: 'attributes';
    }
  | 'all'
  | 'dirty';

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
  /** Projects kept by per-project deltas / by recomputing their slices (project scopes). */
  deltaProjects?: number;
  sliceProjects?: number;
}

/**
 * How many projects each incremental path has maintained in this process (diagnostics; the tests
 * use it to check which path an import or a reassignment took).
 */
export const rollupMaintenanceStats = { deltaProjects: 0, sliceProjects: 0 };

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
  else if (scope.projectIds && scope.projectIds.length && scope.changed === 'attributes' && !scope.months?.length) report = await refreshProjectsByDelta(exec, scope.projectIds, { kind: 'attributes' });
  else if (scope.projectIds && scope.projectIds.length) report = await refreshProjects(exec, scope.projectIds, scope.months ?? null, true);
  else if (scope.months && scope.months.length) report = await refreshMonths(exec, scope.months.map(firstDay));
  else report = { mode: 'none', fineKeys: 0, months: [] };
  await bumpGeneration(exec, report.mode === 'all');
  return { ...report, seconds: (performance.now() - t0) / 1000 };
}

/** Every maintenance bumps the generation (cache keys) and drops this process's caches. */
async function bumpGeneration(exec: Exec, rebuilt = false): Promise<void> {
  await exec(`UPDATE rollup_state SET generation = generation + 1, maintained_at = clock_timestamp()
              ${rebuilt ? ', refreshed_at = clock_timestamp()' : ''}`);
  clearRollupCaches();
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

/**
 * Runs `fn` with aggregation by sorting, not hashing (the setting is restored afterwards; on error
 * the transaction or the savepoint around it is rolled back, and the setting with it). Deltas group hundreds of thousands of keys with up to twenty numeric sums each: a hash
 * table of them takes hundreds of MB or spills, and its output comes in random order, while the
 * upserts that follow go fastest in key order (measured on the large bank: 240,000 manager-months
 * in 3 s instead of 6.5 s).
 */
async function withSortedAggregation<T>(exec: Exec, fn: () => Promise<T>): Promise<T> {
  const [{ v } = { v: 'on' }] = await exec<{ v: string }>(`SELECT current_setting('enable_hashagg') AS v`);
  await exec(`SET LOCAL enable_hashagg = off`);
  const result = await fn();
  await exec(`SELECT set_config('enable_hashagg', ?, true)`, [v]);
  return result;
}

/** Adds rollup_delta to the coarse rollups and deletes their keys left without statements. */
async function applyCoarseDeltas(exec: Exec): Promise<void> {
  await withSortedAggregation(exec, async () => {
    for (const c of COARSE) {
      await exec(coarseDelta(c.table, c.keys));
      await exec(dropEmpty(c.table, c.keys));
    }
  });
}

async function ensureTempTables(exec: Exec): Promise<void> {
  await exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_keys (month date, branch_id int, manager_id int, sector sector, importance importance_grade) ON COMMIT DELETE ROWS`);
  await exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_delta (LIKE rollup_fine, sign int) ON COMMIT DELETE ROWS`);
  await exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_cov_delta (LIKE rollup_client_month, sign int) ON COMMIT DELETE ROWS`);
  // Per-project deltas: each project with the attributes the rollups saw (0) and its current ones (1).
  await exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_pd (project_id int PRIMARY KEY, ok boolean NOT NULL,
    branch0 int, manager0 int, sector0 sector, importance0 importance_grade, client0 int,
    branch1 int, manager1 int, sector1 sector, importance1 importance_grade, client1 int, client_pre int) ON COMMIT DELETE ROWS`);
  await exec(`TRUNCATE rollup_keys, rollup_delta, rollup_cov_delta, rollup_pd`);
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
  // Every month: under the current attributes, the months the projects have statements in (and
  // + 3); under the attributes the rollups saw (rollup_project), every month the rollups hold —
  // statements deleted since (a bulk delete queues the project, not its months) are gone from the
  // base tables but still in those slices.
  if (months) {
    await exec(
      `INSERT INTO rollup_keys
       SELECT DISTINCT mo.m, a.branch_id, a.manager_id, a.sector, a.importance
       FROM (SELECT id AS project_id, branch_id, coalesce(manager_id, 0) AS manager_id, sector, importance FROM project WHERE id = ANY(?::int[])
             UNION
             SELECT project_id, branch_id, manager_id, sector, importance FROM rollup_project WHERE project_id = ANY(?::int[])) a
       CROSS JOIN (SELECT m FROM unnest(?::date[]) m UNION SELECT (m + interval '3 months')::date FROM unnest(?::date[]) m) mo(m)`,
      [ids, ids, months, months],
    );
  } else {
    await exec(
      `INSERT INTO rollup_keys
       SELECT mo.m, a.branch_id, a.manager_id, a.sector, a.importance
       FROM (SELECT id AS project_id, branch_id, coalesce(manager_id, 0) AS manager_id, sector, importance FROM project WHERE id = ANY(?::int[])) a
       CROSS JOIN LATERAL (SELECT s.month FROM cash_flow_statement s WHERE s.project_id = a.project_id
                           UNION SELECT (s.month + interval '3 months')::date FROM cash_flow_statement s WHERE s.project_id = a.project_id) mo(m)
       UNION
       SELECT mo.month, a.branch_id, a.manager_id, a.sector, a.importance
       FROM (SELECT DISTINCT branch_id, manager_id, sector, importance FROM rollup_project WHERE project_id = ANY(?::int[])) a
       CROSS JOIN (SELECT DISTINCT month FROM rollup_bank) mo`,
      [ids, ids],
    );
  }
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
  await applyCoarseDeltas(exec);
  rollupMaintenanceStats.sliceProjects += new Set(projectIds).size;
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
  // With months: only statements of those months changed (attribute changes queue the project for
  // every month), so only those client-months can differ.
  await refreshClientCoverage(exec, clients.map((c) => c.id), months);
  const [n] = await exec<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_keys`);
  const ms = await exec<{ m: string }>(`SELECT DISTINCT to_char(month, 'YYYY-MM') AS m FROM rollup_keys ORDER BY 1`);
  return { mode: 'projects', fineKeys: n?.n ?? 0, months: ms.map((m) => m.m), deltaProjects: 0, sliceProjects: new Set(projectIds).size };
}

/**
 * What the per-project deltas take as the projects' statements before the change:
 * - `attributes`: their statements as they are now (only their attributes changed);
 * - `image`: the copy an import took before its merge (rollup_import_image, see
 *   rollupImportListener.beforeMerge), restricted to `months` (null: every month) — the months whose
 *   fine rows the import can change (the file's months and those + 3).
 */
type DeltaSource = { kind: 'attributes' } | { kind: 'image'; months: string | null };

/**
 * Per-project deltas (the maintenance lock is held). For each project: its contribution to
 * rollup_fine before the change (its previous statements under the attributes the rollups saw,
 * rollup_project) is taken away and its contribution now (its statements now, under its current
 * attributes) added, both with fineSelect's measures; the net is added to rollup_fine and, through
 * rollup_delta, to the coarse rollups (`coarseDelta`); keys left without statements are deleted,
 * as a rebuild leaves them. Then rollup_project, the queue rows this covers, and the coverage of the
 * projects' clients (old and new; per client, as refreshProjects does).
 *
 * This is exact only for a project whose rollups hold exactly its previous contribution. That is
 * so when no change of it is pending: a project with a queue row of another transaction (seen in
 * the same statement that computes the delta, so nothing can slip in between), one without a
 * rollup_project row that has statements, one deleted meanwhile, or (image with months) one whose
 * attributes changed meanwhile, is left out and returned: the caller recomputes its slices
 * (refreshProjects). Month-level queue rows do not matter: the months they name are rebuilt as a
 * whole later, whatever this adds to them.
 */
async function deltaProjects(exec: Exec, projectIds: readonly number[], src: DeltaSource): Promise<{ fineKeys: number; months: string[]; fallback: number[] }> {
  await ensureTempTables(exec);
  const ids = pgArray([...new Set(projectIds)]);
  const image = src.kind === 'image';
  const months = image ? src.months : null;
  // The months of fine rows that can change (S), and the statements read for them: S and S − 3.
  const inMonths = months ? `s.month = ANY (?::date[])` : 'TRUE';
  const readMonths = months ? ` AND s.month = ANY (ARRAY(SELECT m FROM unnest(?::date[]) m UNION SELECT (m - interval '3 months')::date FROM unnest(?::date[]) m))` : '';
  const sameAttrs = `(rp.branch_id, rp.manager_id, rp.sector, rp.importance) = (p.branch_id, coalesce(p.manager_id, 0), p.sector, p.importance)`;
  // Pending changes of a project, in the same snapshot as the delta (rollup_dirty has no index on
  // project_id: one hashed scan of the queue). Image: every queue row that was there before the
  // merge is another transaction's (rollup_import_pre.stale), and one committed after the image was
  // taken is in neither the image nor the rollups (its writer found the maintenance lock held), so
  // its change is in the delta and its row may go with the import's own. Attributes: any row but
  // this transaction's own project rows means a change the rollups have not seen.
  const ok = image
    ? `p.id IS NOT NULL AND NOT pre.stale AND (rp.project_id IS NOT NULL OR NOT pre.had_statements)${months ? ` AND (rp.project_id IS NULL OR ${sameAttrs})` : ''}`
    : `p.id IS NOT NULL
       AND (rp.project_id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM cash_flow_statement z WHERE z.project_id = x.id))
       AND x.id NOT IN (SELECT q.project_id FROM rollup_dirty q WHERE q.project_id IS NOT NULL AND q.client_id IS NULL
                          AND NOT (q.source = 'project' AND ${ownRow('q')}))`;
  const attrs = (v: 0 | 1): string =>
    `(SELECT project_id AS id, branch${v} AS branch_id, manager${v} AS manager_id, sector${v} AS sector, importance${v} AS importance FROM ok${v === 0 ? ' WHERE branch0 IS NOT NULL' : ''}) p`;
  const before = image ? 'st0' : 'st1';
  await withSortedAggregation(exec, () => exec(
    `WITH a AS MATERIALIZED (
       SELECT x.id AS project_id, (${ok}) AS ok,
              rp.branch_id AS branch0, rp.manager_id AS manager0, rp.sector AS sector0, rp.importance AS importance0, rp.client_id AS client0,
              p.branch_id AS branch1, coalesce(p.manager_id, 0) AS manager1, p.sector AS sector1, p.importance AS importance1, p.client_id AS client1,
              ${image ? 'pre.client_id' : 'NULL::int'} AS client_pre
       FROM unnest(?::int[]) x(id)
       ${image ? 'JOIN rollup_import_pre pre ON pre.project_id = x.id' : ''}
       -- fetched by key (a plain join lets the planner hash the whole tables)
       LEFT JOIN (SELECT * FROM project WHERE id = ANY (?::int[])) p ON p.id = x.id
       LEFT JOIN (SELECT * FROM rollup_project WHERE project_id = ANY (?::int[])) rp ON rp.project_id = x.id),
     ok AS MATERIALIZED (SELECT * FROM a WHERE ok),
     st1 AS MATERIALIZED (SELECT s.* FROM cash_flow_statement s WHERE s.project_id = ANY (ARRAY(SELECT project_id FROM ok))${readMonths}),
     ${image ? `st0 AS MATERIALIZED (SELECT i.* FROM rollup_import_image i WHERE i.project_id IN (SELECT project_id FROM ok)),` : ''}
     sg AS (SELECT -1 AS sign, f.* FROM (${fineSelect(`${attrs(0)} JOIN ${before} s ON s.project_id = p.id`, inMonths, before)}) f
            UNION ALL
            SELECT 1 AS sign, f.* FROM (${fineSelect(`${attrs(1)} JOIN st1 s ON s.project_id = p.id`, inMonths, 'st1')}) f),
     dq AS (DELETE FROM rollup_dirty q WHERE q.client_id IS NULL AND q.project_id IN (SELECT project_id FROM ok)
              ${image ? '' : `AND ${ownRow('q')}`}),
     pd AS (INSERT INTO rollup_pd SELECT * FROM a)
     INSERT INTO rollup_delta ${netFineDelta('SELECT * FROM sg')}`,
    [ids, ids, ids, ...(months ? [months, months] : []), ...(months ? [months, months] : [])],
  ));
  await exec(fineAddDelta());
  await exec(dropEmpty('rollup_fine', FINE_KEYS));
  await applyCoarseDeltas(exec);
  await exec(
    `INSERT INTO rollup_project SELECT project_id, branch1, manager1, sector1, importance1, client1 FROM rollup_pd WHERE ok
     ON CONFLICT (project_id) DO UPDATE SET branch_id = excluded.branch_id, manager_id = excluded.manager_id, sector = excluded.sector,
       importance = excluded.importance, client_id = excluded.client_id`,
  );
  const clients = await exec<{ id: number }>(
    `SELECT DISTINCT c AS id FROM rollup_pd, unnest(ARRAY[client0, client1, client_pre]) c WHERE ok AND c IS NOT NULL`,
  );
  await refreshClientCoverage(exec, clients.map((c) => c.id));
  const [r] = await exec<{ n: number; months: string[] | null; fallback: number[] | null; done: number }>(
    `SELECT (SELECT count(*)::int FROM rollup_delta) AS n,
            (SELECT array_agg(DISTINCT to_char(month, 'YYYY-MM') ORDER BY to_char(month, 'YYYY-MM')) FROM rollup_delta) AS months,
            (SELECT array_agg(project_id ORDER BY project_id) FROM rollup_pd WHERE NOT ok) AS fallback,
            (SELECT count(*)::int FROM rollup_pd WHERE ok) AS done`,
  );
  rollupMaintenanceStats.deltaProjects += r?.done ?? 0;
  return { fineKeys: r?.n ?? 0, months: r?.months ?? [], fallback: r?.fallback ?? [] };
}

/** Per-project deltas for `projectIds`, then the slices of those the deltas could not take. */
async function refreshProjectsByDelta(exec: Exec, projectIds: readonly number[], src: DeltaSource): Promise<Omit<RefreshReport, 'seconds'>> {
  const d = await deltaProjects(exec, projectIds, src);
  const unique = new Set(projectIds).size;
  if (!d.fallback.length) return { mode: 'projects', fineKeys: d.fineKeys, months: d.months, deltaProjects: unique, sliceProjects: 0 };
  const s = await refreshProjects(exec, d.fallback, null, true);
  return {
    mode: 'projects', fineKeys: d.fineKeys + s.fineKeys, months: [...new Set([...d.months, ...s.months])].sort(),
    deltaProjects: unique - d.fallback.length, sliceProjects: d.fallback.length,
  };
}

/**
 * Contact coverage of some clients, every month: their rollup_client_month rows are recomputed from
 * the base tables and old − new is added to rollup_coverage (bank, owner — old and new owner —,
 * sector and grade rows). A few index lookups per client, whatever the bank's size.
 */
/**
 * `months` (first days): only those client-months — enough when only statements of those months
 * changed (a client-month row depends on that month's statements, the client's owner and contacts);
 * null: every month of the clients.
 */
async function refreshClientCoverage(exec: Exec, clientIds: readonly number[], months: string | null = null): Promise<void> {
  if (!clientIds.length) return;
  const ids = pgArray([...new Set(clientIds)]);
  await exec(`TRUNCATE rollup_cov_delta`);
  // Through the primary key, whatever the number of clients: for thousands of clients (an import)
  // the planner estimated a sequential scan of every client-month cheaper; measured on the large
  // bank (9.3 M rows, 20,000 clients) it took 2.2 s against 0.4–1.0 s for the index.
  await exec(`SET LOCAL enable_seqscan = off`);
  await exec(
    `WITH d AS (DELETE FROM rollup_client_month WHERE client_id = ANY(?::int[])${months ? ' AND month = ANY(?::date[])' : ''} RETURNING *)
     INSERT INTO rollup_cov_delta SELECT d.*, -1 FROM d`,
    months ? [ids, months] : [ids],
  );
  await exec(`SET LOCAL enable_seqscan TO DEFAULT`);
  await exec(
    `WITH n AS (INSERT INTO rollup_client_month ${clientMonthSelect(`p.client_id = ANY(?::int[])${months ? ' AND s.month = ANY(?::date[])' : ''}`)} RETURNING *)
     INSERT INTO rollup_cov_delta SELECT n.*, 1 FROM n`,
    months ? [ids, months] : [ids],
  );
  await exec(coverageFromClientMonths(`SELECT * FROM rollup_cov_delta`));
  await exec(`DELETE FROM rollup_coverage WHERE clients = 0 AND month IN (SELECT DISTINCT month FROM rollup_cov_delta)`);
}

/**
 * True for a rollup_dirty row `q` this transaction wrote, in a subtransaction too (an import merges
 * inside a savepoint: its triggers' rows carry the subtransaction's xid, not the transaction's).
 * `at` defaults to now(), the transaction's start: only rows of transactions that started at the
 * same instant go on to the second test (CASE: in that order), and their xids are close to this
 * one's, so the 32-bit xmin is widened to 64 bits by its signed distance to pg_current_xact_id();
 * pg_xact_status says 'in progress' only for this transaction and its subtransactions (another
 * transaction's row is visible only once that transaction has committed).
 */
const ownRow = (q: string): string =>
  `(CASE WHEN ${q}.at = now() THEN pg_xact_status((pg_current_xact_id()::text::bigint
     + ((${q}.xmin::text::bigint - pg_current_xact_id()::text::bigint % 4294967296 + 6442450944) % 4294967296 - 2147483648))::text::xid8) = 'in progress'
   ELSE false END)`;

/** Processes the change queue written by the triggers. */
async function refreshDirty(exec: Exec, ownOnly: boolean): Promise<Omit<RefreshReport, 'seconds'>> {
  const rows = await exec<{ source: string; month: string | null; projectId: number | null; clientId: number | null }>(
    `DELETE FROM rollup_dirty
     ${ownOnly ? `WHERE ${ownRow('rollup_dirty')} AND (project_id IS NOT NULL OR client_id IS NOT NULL)` : ''}
     RETURNING source, to_char(month, 'YYYY-MM-DD') AS month, project_id AS "projectId", client_id AS "clientId"`,
  );
  if (!rows.length) return { mode: 'none', fineKeys: 0, months: [] };
  if (rows.some((r) => r.month === null && r.projectId === null && r.clientId === null)) return { ...(await refreshAll(exec)), mode: 'dirty' };
  const wholeMonths = [...new Set(rows.filter((r) => r.projectId === null && r.clientId === null).map((r) => r.month!))];
  // (Sets and pushes: the queue can hold tens of thousands of project rows.)
  const projectAll = new Set(rows.filter((r) => r.projectId !== null && r.month === null).map((r) => r.projectId!));
  const projectMonth = rows.filter((r) => r.projectId !== null && r.month !== null && !projectAll.has(r.projectId));
  let fineKeys = 0;
  if (projectAll.size) fineKeys += (await refreshProjects(exec, [...projectAll], null, true)).fineKeys;
  // Project × month rows: group by month so each call recomputes one set of months.
  const byMonth = new Map<string, number[]>();
  for (const r of projectMonth) {
    const ids = byMonth.get(r.month!);
    if (ids) ids.push(r.projectId!);
    else byMonth.set(r.month!, [r.projectId!]);
  }
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

/**
 * After `reassignProjects` (same transaction): only the projects' client manager changed, so their
 * statements move from the old manager's rows to the new one's by per-project deltas (every month);
 * a project with another pending change gets the old and new manager's slices recomputed.
 */
export function maintainAfterReassign(em: EntityManager, projectIds: readonly number[]): Promise<RefreshReport> {
  return refreshRollups(em, { projectIds, changed: 'attributes' }, { lockWaitMs: WRITER_LOCK_WAIT_MS });
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
 * After an import's affected projects were maintained: every statement change and every project
 * attribute change of the import is in those projects (import_affected_projects lists every
 * project whose rows the merge wrote), so the bulk queue rows its own triggers wrote — a month of
 * statements for large statement batches, "every project" for more than 1,000 projects whose
 * attributes changed — are covered.
 */
const OWN_BULK_ROWS_COVERED = `DELETE FROM rollup_dirty q WHERE ${ownRow('q')} AND q.project_id IS NULL AND q.client_id IS NULL
  AND (q.source = 'statement' OR (q.source = 'project' AND q.month IS NULL))`;

/**
 * Imports touching at most this many projects keep the rollups up to date inside their own
 * transaction; larger ones leave their queue rows to the background refresher.
 */
export const IMPORT_INLINE_PROJECTS = 20_000;

/** What an import tells its listeners before its merge (see ImportPreMergeContext in the import module). */
export interface ImportPreMerge {
  client: pg.ClientBase;
  /** A query returning `project_id`: every existing project the merge may change (null: none). */
  candidateProjects: string | null;
  /** A query returning one date column: the only months the merge may write statements for (null: any). */
  candidateMonths: string | null;
}

/**
 * Before an import's merge (same transaction), when it may change at most IMPORT_INLINE_PROJECTS
 * existing projects: takes the maintenance lock (held until the import commits, so nothing else
 * changes the rollups between this image and the deltas; at most WRITER_LOCK_WAIT_MS, else the
 * import leaves its changes to the background refresher) and keeps an image of what the merge may
 * change: those projects' statements (of the file's months, those − 3 and + 3 for the downgrade
 * pairs; every month for a projects file), which of them have a change the rollups have not seen
 * (a queue row: all of them are other transactions' here), and their client. After the merge,
 * rollupImportListener turns it into per-project deltas.
 */
export async function rollupBeforeImportMerge(tx: ImportPreMerge): Promise<void> {
  if (!tx.candidateProjects) return;
  const exec = execOf(tx.client);
  const [{ n } = { n: 0 }] = await exec<{ n: number }>(`SELECT count(DISTINCT project_id)::int AS n FROM (${tx.candidateProjects}) x`);
  if (n === 0 || n > IMPORT_INLINE_PROJECTS) return;
  await exec(`CREATE TEMP TABLE rollup_import_state (deferred boolean NOT NULL, months date[]) ON COMMIT DROP`);
  if (!(await tryLock(exec, WRITER_LOCK_WAIT_MS))) {
    await exec(`INSERT INTO rollup_import_state VALUES (true, NULL)`);
    return;
  }
  // The months whose fine rows can change: the file's months and those + 3 (downgrade pairs).
  await exec(
    tx.candidateMonths
      ? `WITH f AS MATERIALIZED (SELECT DISTINCT f.m::date AS m FROM (${tx.candidateMonths}) f(m))
         INSERT INTO rollup_import_state SELECT false, coalesce(array_agg(DISTINCT m ORDER BY m), '{}') FROM (
           SELECT m FROM f UNION SELECT (m + interval '3 months')::date FROM f) x`
      : `INSERT INTO rollup_import_state VALUES (false, NULL)`,
  );
  const [{ months } = { months: null }] = await exec<{ months: string | null }>(`SELECT months::text AS months FROM rollup_import_state`);
  await exec(`CREATE TEMP TABLE rollup_import_pre (project_id int PRIMARY KEY, stale boolean NOT NULL, had_statements boolean NOT NULL, client_id int) ON COMMIT DROP`);
  await exec(`CREATE TEMP TABLE rollup_import_image (LIKE cash_flow_statement) ON COMMIT DROP`);
  // One statement, so the flags and the image are of one moment (after the lock was taken).
  await exec(
    `WITH c AS MATERIALIZED (SELECT DISTINCT x.project_id FROM (${tx.candidateProjects}) x WHERE x.project_id IS NOT NULL),
     pre AS (INSERT INTO rollup_import_pre
       SELECT p.id, p.id IN (SELECT q.project_id FROM rollup_dirty q WHERE q.project_id IS NOT NULL AND q.client_id IS NULL),
              EXISTS (SELECT 1 FROM cash_flow_statement z WHERE z.project_id = p.id), p.client_id
       FROM project p WHERE p.id = ANY (ARRAY(SELECT project_id FROM c))
       RETURNING project_id, stale)
     INSERT INTO rollup_import_image
     SELECT s.* FROM cash_flow_statement s WHERE s.project_id = ANY (ARRAY(SELECT project_id FROM pre WHERE NOT stale))
       ${months ? `AND s.month = ANY (ARRAY(SELECT m FROM unnest(?::date[]) m UNION SELECT (m - interval '3 months')::date FROM unnest(?::date[]) m))` : ''}`,
    months ? [months, months] : [],
  );
}

/**
 * For the import module: `onImportMerged(rollupImportListener)` brings the rollups up to date inside
 * the import's transaction, after its merge, then processes this transaction's own remaining queue
 * rows (clients whose owner changed).
 * - When `rollupImportListener.beforeMerge` took an image (at most IMPORT_INLINE_PROJECTS projects
 *   the file may change): per-project deltas of the affected projects (their contribution before
 *   the merge, from the image, taken away; their contribution now added), proportional to the rows
 *   the import changed; their clients' coverage; projects the deltas cannot take (a change the
 *   rollups had not seen, a project new to the rollups with statements) and projects the file
 *   created get their slices recomputed.
 * - Without an image (called directly, or more candidate projects than the limit): up to
 *   IMPORT_INLINE_PROJECTS affected projects get their slices of every month recomputed.
 * Larger imports, or finding the maintenance lock held for longer than WRITER_LOCK_WAIT_MS, leave
 * their queue rows to the background refresher: the import commits at once and reads use the base
 * tables until the refresher has caught up.
 */
export async function rollupImportListener(tx: { client: pg.ClientBase; affectedProjectsTable: string }): Promise<void> {
  const exec = execOf(tx.client);
  // The state beforeMerge left (a TEMP table dropped at commit or rollback: only this transaction's).
  const [{ imaged } = { imaged: false }] = await exec<{ imaged: boolean }>(`SELECT to_regclass('pg_temp.rollup_import_state') IS NOT NULL AS imaged`);
  const [st] = imaged ? await exec<{ deferred: boolean; months: string | null }>(`SELECT deferred, months::text AS months FROM rollup_import_state`) : [];
  if (st?.deferred) return;
  if (st) {
    const [{ captured, other } = { captured: null, other: null }] = await exec<{ captured: number[] | null; other: number[] | null }>(
      `SELECT array_agg(DISTINCT a.project_id) FILTER (WHERE pre.project_id IS NOT NULL) AS captured,
              array_agg(DISTINCT a.project_id) FILTER (WHERE pre.project_id IS NULL) AS other
       FROM ${tx.affectedProjectsTable} a LEFT JOIN rollup_import_pre pre ON pre.project_id = a.project_id`,
    );
    const fallback = [...(other ?? [])];
    if (captured?.length) fallback.push(...(await deltaProjects(exec, captured, { kind: 'image', months: st.months })).fallback);
    if (fallback.length) await refreshProjects(exec, fallback, null, true);
    if (captured?.length || fallback.length) {
      await exec(OWN_BULK_ROWS_COVERED);
      await bumpGeneration(exec);
    }
  } else {
    const [{ n } = { n: 0 }] = await exec<{ n: number }>(`SELECT count(*)::int AS n FROM ${tx.affectedProjectsTable}`);
    if (n > IMPORT_INLINE_PROJECTS) return;
    if (n > 0) {
      const ids = await exec<{ id: number }>(`SELECT DISTINCT project_id AS id FROM ${tx.affectedProjectsTable}`);
      const r = await refreshRollups(tx.client, { projectIds: ids.map((x) => x.id) }, { lockWaitMs: WRITER_LOCK_WAIT_MS });
      if (r.mode === 'deferred') return;
      await exec(OWN_BULK_ROWS_COVERED);
    }
  }
  await refreshRollups(tx.client, 'dirty', { lockWaitMs: WRITER_LOCK_WAIT_MS, onlyOwnQueue: true });
}
rollupImportListener.beforeMerge = rollupBeforeImportMerge;

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
