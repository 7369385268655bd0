import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { IsolationLevel } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { sqlOne } from '../common/sql.js';

/**
 * Read replicas (DATABASE_READ_URL, docs/scaling.md section 2). Read-only GraphQL operations of a
 * signed-in user run on a streaming replica (hot standby) unless:
 * - the replica has not yet replayed that session's last write (read-your-writes: the session
 *   stores the primary's WAL position after each of its mutations),
 * - it lags the primary by more than `maxLagMs`,
 * - it cannot be reached, or is not replaying at all (not a standby, e.g. promoted after a failover);
 * then the primary answers. Mutations, sessions and the background refresher always use the primary.
 *
 * Consistency: a request served by the replica reads the cache state (rollup generation, …) on the
 * replica, as its data; so the caches never store a replica's older figures under a newer key, and
 * the rollup freshness check holds on the replica as on the primary.
 */
export interface ReadReplica {
  orm: MikroORM;
  /** Above this lag (ms) reads go to the primary. */
  maxLagMs: number;
  /** Reported once per `REPORT_EVERY_MS` when the replica fails (the primary answers meanwhile). */
  log?: (m: string) => void;
}

export type ReadRoute =
  | { replica: true; lagMs: number }
  | { replica: false; reason: PrimaryReason; lagMs: number | null };

/**
 * Why the primary answered a read: the replica had not replayed the session's own write, lagged,
 * did not answer, is not a standby; or `replica-error`: the replica started the read and it failed
 * there (a query cancelled by a recovery conflict, a connection dropped), so it ran again on the primary.
 */
export type PrimaryReason = 'own-write' | 'lag' | 'unavailable' | 'not-standby' | 'replica-error';

/** A WAL position (`16/B374D848`) as a number, for comparisons. */
export function lsn(text: string): bigint {
  const [hi, lo] = text.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

/**
 * Where a read goes (pure). `primary`: the session's last write and the primary's position, read
 * together on the primary; `replica`: how far the replica has replayed, read at the same time
 * (null when it did not answer).
 */
export function chooseRead(
  primary: { writeLsn: string | null; primaryLsn: string },
  replica: { replayLsn: string | null; replayAgeMs: string | number | null } | null,
  maxLagMs: number,
): ReadRoute {
  if (!replica) return { replica: false, reason: 'unavailable', lagMs: null };
  if (replica.replayLsn === null) return { replica: false, reason: 'not-standby', lagMs: null };
  const replayed = lsn(replica.replayLsn);
  const caughtUp = replayed >= lsn(primary.primaryLsn);
  // Behind the primary: at least as old as the last transaction it replayed (null: none replayed
  // since it started; the position is then all we know, and it is behind).
  const lagMs = caughtUp ? 0 : replica.replayAgeMs === null ? Number.POSITIVE_INFINITY : Math.max(0, Number(replica.replayAgeMs));
  const known = Number.isFinite(lagMs) ? Math.round(lagMs) : null;
  if (primary.writeLsn !== null && replayed < lsn(primary.writeLsn)) return { replica: false, reason: 'own-write', lagMs: known };
  if (lagMs > maxLagMs) return { replica: false, reason: 'lag', lagMs: known };
  return { replica: true, lagMs: Math.round(lagMs) };
}

/**
 * A request's reads on the replica run in one REPEATABLE READ, READ ONLY transaction: one
 * connection and one snapshot for the state that keys its answer and every statement of the
 * request. So a replica endpoint that balances connections over several replicas (at different
 * replay positions) cannot give one request an older replica's rows under a newer replica's key.
 * Maps each such EntityManager to its replica's ORM (reads outside the request's snapshot).
 */
const snapshots = new WeakMap<EntityManager, MikroORM>();
/** Replica EntityManagers of requests → their primary's (for the few writes a read path makes). */
const primaries = new WeakMap<EntityManager, EntityManager>();

export async function openReadSnapshot(replica: MikroORM): Promise<EntityManager> {
  const em = replica.em.fork();
  await em.begin({ isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true });
  snapshots.set(em, replica);
  return em;
}

/**
 * A request's reads on the primary in one REPEATABLE READ, READ ONLY transaction whose statements
 * may run at most `timeoutMs` (SET LOCAL): the stale-rollup reads of server/app.ts, which try the
 * base tables within that budget before answering from the rollups as they are.
 */
export async function openBudgetedSnapshot(orm: MikroORM, timeoutMs: number): Promise<EntityManager> {
  const em = await openReadSnapshot(orm);
  try {
    await em.execute(`SET LOCAL statement_timeout = ${Math.max(1, Math.trunc(timeoutMs))}`);
  } catch (err) {
    await closeReadSnapshot(em);
    throw err;
  }
  return em;
}

/** A statement cancelled by its statement timeout (57014 with PostgreSQL's "statement timeout" message). */
export function isStatementTimeout(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++, e = (e as { cause?: unknown }).cause) {
    if (e instanceof GraphQLError) return false;
    if ((e as { code?: unknown }).code === '57014') return e instanceof Error && /statement timeout/.test(e.message);
  }
  return false;
}

/** Ends a request's replica transaction (idempotent; it only read). */
export async function closeReadSnapshot(em: EntityManager): Promise<void> {
  if (!snapshots.delete(em)) return;
  await em.rollback().catch(() => {});
}

/** The request reads through `em` from now on; writes a read path makes go to `primaryEm`. */
export function servesRequest(em: EntityManager, primaryEm: EntityManager): EntityManager {
  primaries.set(em, primaryEm);
  return em;
}

/**
 * True inside a transaction that may still write or roll back (results must not be cached);
 * false outside any transaction and in a request's read-only replica snapshot.
 */
export function inWriteTransaction(em: EntityManager): boolean {
  return !!em.getTransactionContext() && !snapshots.has(em);
}

/** The primary's EntityManager when `em` reads a replica; undefined when `em` is the primary's. */
export function primaryOf(em: EntityManager): EntityManager | undefined {
  return primaries.get(em);
}

/**
 * Rows written on the primary during the request (a ranking snapshot built on demand) are not in
 * the request's replica snapshot: read them outside it (newer than the request's state, never older).
 */
export function outsideSnapshot(em: EntityManager): EntityManager {
  const replica = snapshots.get(em);
  return replica ? replica.em.fork() : em;
}

/**
 * After a write on the primary that a replica read needs (a ranking snapshot built on demand):
 * waits until the replica has replayed the primary's current position, polling. False on timeout.
 */
export async function waitForReplay(replicaEm: EntityManager, primaryEm: EntityManager, timeoutMs = 10_000): Promise<boolean> {
  const p = await sqlOne<{ l: string }>(primaryEm, `SELECT pg_current_wal_lsn()::text AS l`);
  const until = Date.now() + timeoutMs;
  for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
    const r = await sqlOne<{ ok: boolean | null }>(replicaEm, `SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn AS ok`, [p!.l]);
    if (r?.ok) return true;
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

const REPORT_EVERY_MS = 30_000;
/** After a failure the replica is left alone this long: one request per period waits for it, not every one. */
const RETRY_AFTER_MS = 5_000;
let lastReport = 0;
const restingUntil = new WeakMap<ReadReplica, number>();

/** True for a while after the replica failed: reads go to the primary without trying it. */
export function replicaResting(r: ReadReplica): boolean {
  return (restingUntil.get(r) ?? 0) > Date.now();
}

/** The replica's failure, logged at most every 30 s (requests go on on the primary). */
export function reportReplicaFailure(r: ReadReplica, err: unknown): void {
  const now = Date.now();
  restingUntil.set(r, now + RETRY_AFTER_MS);
  if (now - lastReport < REPORT_EVERY_MS) return;
  lastReport = now;
  (r.log ?? console.error)(`read replica unavailable, reading from the primary: ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`);
}

/**
 * True for an error that says the replica (or the connection to it) failed the read, as opposed to
 * an answer the API chose to give (AppError: not found, forbidden, bad input) or an error the
 * primary would raise just the same (a statement timeout, a bug in a query): a statement cancelled
 * by a recovery conflict (40001, 40P01), the server shutting down or the database dropped (57P0x),
 * a connection exception (08xxx), insufficient resources (53xxx), a system or I/O error (58xxx), or
 * a connection that ended without a SQLSTATE. Such a replica read is run again on the primary.
 */
export function isDatabaseFailure(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++, e = (e as { cause?: unknown }).cause) {
    if (e instanceof GraphQLError) return false;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return /^(40001|40P01|57P0\d|08...|53...|58...)$/.test(code);
    if (e instanceof Error && /connection|terminat|ECONNRESET|EPIPE/i.test(e.message)) return true;
  }
  return false;
}

let lastRetryReport = 0;

/** A replica read that failed and was run again on the primary: logged at most every 30 s. */
export function reportReplicaRetry(r: ReadReplica, err: unknown): void {
  const now = Date.now();
  if (now - lastRetryReport < REPORT_EVERY_MS) return;
  lastRetryReport = now;
  const e = err as { code?: unknown; message?: unknown };
  // The driver's message is `<SQL> - <PostgreSQL's message>`: no SQL in the log.
  const message = String(e?.message ?? err).split(' - ').pop()!.slice(0, 200);
  (r.log ?? console.error)(`read replica: a read failed there (${typeof e?.code === 'string' ? `${e.code} ` : ''}${message}); answered from the primary`);
}

/** Resolves within `ms` or rejects: a replica that hangs must not hold requests. */
export function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
