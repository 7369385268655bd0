import type { EntityManager } from '@mikro-orm/postgresql';
import { IsolationLevel } from '@mikro-orm/core';
import { execOf, type Exec, type RollupFreshness } from '../rollup/rollup.service.js';
import { rankedCte, rankedParams, SNAPSHOT_COLUMNS } from './ranking.sql.js';

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

/** How many snapshots of the current state (other months, versions, norms) are kept. */
const KEEP_CURRENT = 12;

export interface SnapshotResult {
  id: number;
  built: boolean;
  ms: number;
  rows: number;
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
  // Rebuilding scans every client manager's rollup rows of the year: not bound by a request's timeout.
  await exec(`SET LOCAL statement_timeout = 0`);
  await exec(
    `WITH ${rankedCte(true)}
     INSERT INTO ranking_snapshot_row (snapshot_id, ${SNAPSHOT_COLUMNS}) SELECT ?::bigint, ${SNAPSHOT_COLUMNS} FROM cur_ranked`,
    [...rankedParams(i), id],
  );
  const ms = performance.now() - t0;
  const [n] = await exec<{ rows: number }>(
    `UPDATE ranking_snapshot SET rows = (SELECT count(*) FROM ranking_snapshot_row WHERE snapshot_id = ?::bigint), build_ms = ?::int
     WHERE id = ?::bigint RETURNING rows`,
    [id, Math.round(ms), id],
  );
  // Superseded snapshots go at once (a reader holding one sees it gone and recomputes); of the
  // current state's, the most recent KEEP_CURRENT stay.
  await exec(
    `DELETE FROM ranking_snapshot WHERE id <> ?::bigint
       AND ((generation, config_generation, today) <> (?::bigint, ?::bigint, ?::date)
            OR id NOT IN (SELECT id FROM ranking_snapshot ORDER BY id DESC LIMIT ${KEEP_CURRENT}))`,
    [id, st.generation, st.configGeneration, st.today],
  );
  return { id, built: true, ms, rows: n?.rows ?? 0 };
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
  const running = inflight.get(key);
  if (running) return running;
  const p = buildRankingSnapshot(em, i).finally(() => inflight.delete(key));
  inflight.set(key, p);
  return p;
}

/** Builds (or finds) the snapshot for the current state in its own REPEATABLE READ transaction. */
export async function buildRankingSnapshot(em: EntityManager, i: SnapshotInputs): Promise<SnapshotResult | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.fork().transactional((tem) => buildIn(execOf(tem as EntityManager), i), { isolationLevel: IsolationLevel.REPEATABLE_READ });
    } catch (err) {
      // Another process built (or is building) the same key: look again in a new transaction.
      if ((err as { code?: string }).code !== '40001' || attempt >= 3) throw err;
    }
  }
}
