import type { EntityManager } from '@mikro-orm/postgresql';
import { IsolationLevel } from '@mikro-orm/core';
import { execOf, type Exec, type RollupFreshness } from '../rollup/rollup.service.js';
import { rankedCte, rankedParams, SNAPSHOT_COLUMNS } from './ranking.sql.js';
import { outsideSnapshot, primaryOf, waitForReplay } from '../../db/read-replica.js';

/**
 * Ranking snapshots (migration 070000). The bank-wide client-manager ranking of a month takes
 * seconds to compute at bank scale, and every filter, page and distribution of it needs the whole
 * of it (ranks are bank-wide). So it is computed once per state of its inputs and stored; readers
 * filter the stored rows. The background refresher builds the latest month's snapshot after each
 * round, so after a write the first reader usually finds it ready.
 *
 * A snapshot is only built from fresh rollups, and its key is the state it was built from
 * (rollup generation, configuration generation, today) plus month, weight version and norm: the
 * same key as the in-process caches, so a snapshot is never read for other inputs.
 */
export interface SnapshotInputs {
  month: string; // YYYY-MM
  norm: string;
  versionId: number;
}

type State = Pick<RollupFreshness, 'generation' | 'configGeneration' | 'today'>;

export function snapshotKey(s: State, i: SnapshotInputs): string {
  return `${s.generation}|${s.configGeneration}|${s.today}|${i.month}|${i.versionId}|${i.norm}`;
}

/** Statement timeout of a build. */
const BUILD_TIMEOUT_MS = 120_000;

/** How many snapshots of the current state (other months, versions, norms) are kept. */
const KEEP_CURRENT = 12;

export interface SnapshotResult {
  id: number;
  built: boolean;
  ms: number;
  rows: number;
  /** When built incrementally: the snapshot it started from and how many people were scored afresh. */
  base?: { id: number; changed: number };
  /** Read it through this EntityManager (built on the primary for a replica-served request: db/read-replica.ts). */
  readWith?: EntityManager;
}

/**
 * Above this many changed people (or this share of the base's rows) a whole build: the merge's cost
 * grows with the people re-scored (measured at 50,000 client managers: 0.1 k ≈ 1 s, 5 k ≈ 1.9 s,
 * 12.5 k ≈ 3.3 s, about a whole build).
 */
const INCREMENTAL_MAX_CHANGED = 5_000;
const INCREMENTAL_MAX_SHARE = 0.25;

interface Base {
  id: number;
  rows: number;
  hasPrev: boolean;
  changed: number[];
  everyone: boolean;
}

/**
 * The newest snapshot of the same configuration, day, month, weights and norm built from an older
 * generation, with the people whose ranking inputs changed since it was built: those logged in
 * rollup_manager_change by transactions its PostgreSQL snapshot did not see (and this one does).
 */
async function findBase(exec: Exec, st: State, i: SnapshotInputs): Promise<Base | null> {
  const [b] = await exec<{ id: string; rows: number; has_prev: boolean }>(
    `SELECT id, rows, has_prev FROM ranking_snapshot
     WHERE config_generation = ?::bigint AND today = ?::date AND month = ?::date AND substring(key from position('|' in key)) = ?
       AND generation < ?::bigint AND built_in IS NOT NULL AND has_prev IS NOT NULL AND rows IS NOT NULL
     ORDER BY generation DESC LIMIT 1`,
    [st.configGeneration, st.today, `${i.month}-01`, snapshotKey(st, i).slice(snapshotKey(st, i).indexOf('|')), st.generation],
  );
  if (!b) return null;
  const [c] = await exec<{ ids: number[] | null; everyone: boolean }>(
    `SELECT array_agg(DISTINCT manager_id) FILTER (WHERE manager_id IS NOT NULL) AS ids, coalesce(bool_or(manager_id IS NULL), false) AS everyone
     FROM rollup_manager_change WHERE NOT pg_visible_in_snapshot(xid, (SELECT built_in FROM ranking_snapshot WHERE id = ?::bigint))`,
    [b.id],
  );
  return { id: Number(b.id), rows: b.rows, hasPrev: b.has_prev, changed: (c?.ids ?? []).map(Number), everyone: !!c?.everyone };
}

async function findSnapshot(exec: Exec, key: string): Promise<number | null> {
  const [r] = await exec<{ id: string }>(`SELECT id FROM ranking_snapshot WHERE key = ?`, [key]);
  return r ? Number(r.id) : null;
}

/**
 * Builds the snapshot for the database's current state, or finds it when it exists. `exec` runs
 * in a REPEATABLE READ transaction that has run no statement yet, so the state read first and the
 * rollups the ranking reads are the same snapshot. null when the rollups are stale (nothing is
 * stored). Claiming the key by INSERT makes a concurrent builder of the same key wait, then fail
 * with a serialization error (40001), after which the caller finds the finished snapshot.
 */
async function buildIn(exec: Exec, i: SnapshotInputs): Promise<SnapshotResult | null> {
  const t0 = performance.now();
  // Before the transaction's snapshot is taken (LOCK takes none): a change-log cleanup never runs
  // while a build is in progress, nor a build starts from a snapshot taken during a cleanup.
  await exec(`LOCK TABLE ranking_snapshot IN ROW EXCLUSIVE MODE`);
  const [st] = await exec<State & { pending: boolean }>(
    `SELECT generation::text AS generation, config_generation::text AS "configGeneration", to_char(current_date, 'YYYY-MM-DD') AS today,
            EXISTS (SELECT 1 FROM rollup_dirty) AS pending
     FROM rollup_state`,
  );
  if (!st || st.pending) return null;
  const key = snapshotKey(st, i);
  const [claimed] = await exec<{ id: string }>(
    `INSERT INTO ranking_snapshot (key, month, generation, config_generation, today) VALUES (?, ?::date, ?::bigint, ?::bigint, ?::date)
     ON CONFLICT (key) DO NOTHING RETURNING id`,
    [key, `${i.month}-01`, st.generation, st.configGeneration, st.today],
  );
  if (!claimed) {
    const id = await findSnapshot(exec, key);
    return id === null ? null : { id, built: false, ms: performance.now() - t0, rows: 0 };
  }
  const id = Number(claimed.id);
  // A whole build scans every client manager's rollup rows of the year: not bound by a request's
  // timeout (15 s), but bounded: seconds at 50,000 client managers, so 2 minutes means something is
  // wrong (a bad plan), and readers waiting for this build then compute their answer themselves.
  await exec(`SET LOCAL statement_timeout = ${BUILD_TIMEOUT_MS}`);
  const [prev] = await exec<{ has_prev: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM cash_flow_statement WHERE month = (?::date - interval '1 month')::date) AS has_prev`,
    [`${i.month}-01`],
  );
  const hasPrev = !!prev?.has_prev;
  const base = await findBase(exec, st, i);
  // Whether m − 1 has statements decides whether anyone has a previous rank: a change of it, or a
  // full rollup rebuild (logged as everyone), needs a whole rebuild.
  const incremental = base && !base.everyone && base.hasPrev === hasPrev
    && base.changed.length <= Math.min(INCREMENTAL_MAX_CHANGED, Math.max(100, base.rows * INCREMENTAL_MAX_SHARE))
    ? { onlyIds: base.changed, baseId: base.id } : undefined;
  await exec(
    `WITH ${rankedCte(true, !!incremental)}
     INSERT INTO ranking_snapshot_row (snapshot_id, ${SNAPSHOT_COLUMNS}) SELECT ?::bigint, ${SNAPSHOT_COLUMNS} FROM cur_ranked`,
    [...rankedParams(i, incremental), id],
  );
  const ms = performance.now() - t0;
  const [n] = await exec<{ rows: number }>(
    `UPDATE ranking_snapshot SET rows = (SELECT count(*) FROM ranking_snapshot_row WHERE snapshot_id = ?::bigint), build_ms = ?::int,
            built_in = pg_current_snapshot(), has_prev = ?, base_id = ?::bigint, changed = ?::int
     WHERE id = ?::bigint RETURNING rows`,
    [id, Math.round(ms), hasPrev, incremental?.baseId ?? null, incremental?.onlyIds.length ?? null, id],
  );
  return { id, built: true, ms, rows: n?.rows ?? 0, ...(incremental ? { base: { id: incremental.baseId, changed: incremental.onlyIds.length } } : {}) };
}

const inflight = new Map<string, Promise<SnapshotResult | null>>();

/**
 * The snapshot for these inputs: found by the caller's state (`f`, read at the start of its
 * request), else built for the current state in its own transaction. Concurrent callers in this
 * process share one build; other processes wait for it through the key's unique index.
 */
export async function ensureRankingSnapshot(em: EntityManager, i: SnapshotInputs, f: RollupFreshness): Promise<SnapshotResult | null> {
  if (f.stale) return null;
  const key = snapshotKey(f, i);
  const id = await findSnapshot(execOf(em), key);
  if (id !== null) return { id, built: false, ms: 0, rows: 0 };
  // On a read replica (read-only) the snapshot is built on the primary (several replica readers
  // of one key wait for one build through its unique key), and read on the replica once replayed:
  // outside the request's snapshot, which predates it (a newer state than the request's: fine).
  const primary = primaryOf(em);
  if (primary) {
    // Not shared through `inflight`: the result is read outside this request's snapshot.
    const r = await buildRankingSnapshot(primary, i);
    const reader = outsideSnapshot(em);
    return r && (await waitForReplay(reader, primary)) ? { ...r, readWith: reader } : null;
  }
  const running = inflight.get(key);
  if (running) return running;
  const p = buildRankingSnapshot(em, i).finally(() => inflight.delete(key));
  inflight.set(key, p);
  return p;
}

/**
 * After a build, in transactions of their own (READ COMMITTED: a row another cleanup deleted first
 * is simply gone, no serialization failure, and the build's own transaction stays insert-only):
 * - superseded snapshots go at once — a reader holding one sees it gone and recomputes: those of
 *   an older state than the newest snapshot's (not than the database's: under a write a second, the
 *   database has moved on by the time a build ends, and the newest snapshot must stay as the next
 *   build's base); of the newest state's, the most recent KEEP_CURRENT stay;
 * - rows of snapshots that are gone (the rows have no foreign key), the snapshot ids found by
 *   skipping through the primary key, not by reading every row;
 * - change-log rows every remaining snapshot has seen (they can no longer matter to an incremental
 *   build). Only while no build is in progress: a build still running may have taken its snapshot
 *   before a change the others have seen, and will store that snapshot; the rows it would need must
 *   stay. The EXCLUSIVE lock conflicts with the builds' ROW EXCLUSIVE (taken before their snapshot),
 *   not with readers or writers; when a build holds it, that build cleans up after itself.
 */
async function cleanUp(em: EntityManager): Promise<void> {
  await em.fork().transactional(async (tem) => {
    const exec = execOf(tem as EntityManager);
    await exec(
      `DELETE FROM ranking_snapshot
       WHERE (generation, config_generation, today) <> (
               SELECT generation, config_generation, today FROM ranking_snapshot WHERE rows IS NOT NULL
               ORDER BY generation DESC, config_generation DESC, today DESC LIMIT 1)
          OR id NOT IN (SELECT id FROM ranking_snapshot ORDER BY id DESC LIMIT ${KEEP_CURRENT})`,
    );
    await exec(
      `WITH RECURSIVE ids AS (
         (SELECT snapshot_id FROM ranking_snapshot_row ORDER BY snapshot_id LIMIT 1)
         UNION ALL
         SELECT (SELECT r.snapshot_id FROM ranking_snapshot_row r WHERE r.snapshot_id > ids.snapshot_id ORDER BY r.snapshot_id LIMIT 1)
         FROM ids WHERE ids.snapshot_id IS NOT NULL
       )
       DELETE FROM ranking_snapshot_row WHERE snapshot_id IN (
         SELECT snapshot_id FROM ids WHERE snapshot_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ranking_snapshot s WHERE s.id = ids.snapshot_id))`,
    );
  });
  try {
    await em.fork().transactional(async (tem) => {
      const exec = execOf(tem as EntityManager);
      await exec(`LOCK TABLE ranking_snapshot IN EXCLUSIVE MODE NOWAIT`);
      await exec(
        `DELETE FROM rollup_manager_change c
         WHERE NOT EXISTS (SELECT 1 FROM ranking_snapshot s WHERE s.built_in IS NOT NULL AND NOT pg_visible_in_snapshot(c.xid, s.built_in))`,
      );
    });
  } catch (err) {
    if ((err as { code?: string }).code !== '55P03') throw err; // lock_not_available: a build is running
  }
}

/** Builds (or finds) the snapshot for the current state in its own REPEATABLE READ transaction. */
export async function buildRankingSnapshot(em: EntityManager, i: SnapshotInputs): Promise<SnapshotResult | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await em.fork().transactional((tem) => buildIn(execOf(tem as EntityManager), i), { isolationLevel: IsolationLevel.REPEATABLE_READ });
      if (r?.built) await cleanUp(em);
      return r;
    } catch (err) {
      // Another process built (or is building) the same key: look again in a new transaction.
      if ((err as { code?: string }).code !== '40001' || attempt >= 3) throw err;
    }
  }
}
