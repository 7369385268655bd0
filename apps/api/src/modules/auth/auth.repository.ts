import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { sql, sqlOne } from '../../common/sql.js';
import type { AppRole } from './roles.js';

export interface UserRow {
  id: number;
  username: string;
  passwordHash: string;
  role: AppRole;
  staffId: number | null;
  branchId: number | null;
  displayName: string;
  active: boolean;
}

/** A session lookup with the cache state (see `sessionWithState`); user columns null without a live session. */
export interface SessionWithState {
  id: number | null;
  username: string | null;
  role: AppRole | null;
  staffId: number | null;
  branchId: number | null;
  displayName: string | null;
  refreshedAt: Date | null;
  maintainedAt: Date | null;
  generation: string;
  configGeneration: string;
  pending: number;
  today: string;
  weightsInForce: number;
  database: string;
  /** The primary's WAL position after the session's last write (null: none recorded). */
  writeLsn: string | null;
  /** The primary's current WAL position. */
  primaryLsn: string;
}

/** The knex client of the ORM's pool (acquire / release a raw pg connection). */
interface PoolClient {
  acquireConnection(): Promise<pg.ClientBase>;
  releaseConnection(conn: pg.ClientBase): Promise<unknown>;
}

/**
 * The live session's user (null columns when the session is unknown, expired, revoked or the user
 * is disabled) and, in the same statement, the state every cache is keyed by: rollup generation,
 * configuration generation, pending rollup changes, today's date, the number of weight versions in
 * force, and the database; and the WAL positions a read replica is compared with (db/read-replica.ts).
 */
const SESSION_WITH_STATE = `
  SELECT u.id, u.username, u.role, u.staff_id AS "staffId", u.branch_id AS "branchId", u.display_name AS "displayName",
         st.refreshed_at AS "refreshedAt", st.maintained_at AS "maintainedAt", st.generation::text AS generation,
         st.config_generation::text AS "configGeneration",
         (SELECT count(*)::int FROM (SELECT 1 FROM rollup_dirty LIMIT 1000) d) AS pending,
         to_char(current_date, 'YYYY-MM-DD') AS today,
         (SELECT count(*)::int FROM score_weight_version w WHERE w.published_at <= now()) AS "weightsInForce",
         current_database() AS database,
         s.write_lsn::text AS "writeLsn", pg_current_wal_lsn()::text AS "primaryLsn"
  FROM rollup_state st
  LEFT JOIN (app_session s JOIN app_user u ON u.id = s.user_id AND u.active)
    ON s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`;

/** The state part of `SESSION_WITH_STATE`, read on a read replica, with how far it has replayed. */
const REPLICA_STATE = `
  SELECT st.refreshed_at AS "refreshedAt", st.maintained_at AS "maintainedAt", st.generation::text AS generation,
         st.config_generation::text AS "configGeneration",
         (SELECT count(*)::int FROM (SELECT 1 FROM rollup_dirty LIMIT 1000) d) AS pending,
         to_char(current_date, 'YYYY-MM-DD') AS today,
         (SELECT count(*)::int FROM score_weight_version w WHERE w.published_at <= now()) AS "weightsInForce",
         current_database() AS database,
         pg_last_wal_replay_lsn()::text AS "replayLsn",
         (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::bigint AS "replayAgeMs"
  FROM rollup_state st`;

export type ReplicaState = Omit<SessionWithState, 'id' | 'username' | 'role' | 'staffId' | 'branchId' | 'displayName' | 'writeLsn' | 'primaryLsn'> & {
  /** null: the server is not replaying WAL (not a standby). */
  replayLsn: string | null;
  /** Since the last transaction replayed was committed on the primary (null: none yet). */
  replayAgeMs: string | null;
};

const USER_COLS = `u.id, u.username, u.password_hash AS "passwordHash", u.role, u.staff_id AS "staffId", u.branch_id AS "branchId", u.display_name AS "displayName", u.active`;

/** False once a prepared statement was lost between transactions (see `prepared`), for the whole process. */
const namedStatements = { usable: process.env.DATABASE_PREPARED_STATEMENTS !== 'off' };

export class AuthRepository {
  constructor(private readonly em: EntityManager) {}

  userByName(username: string): Promise<UserRow | undefined> {
    return sqlOne(this.em, `SELECT ${USER_COLS} FROM app_user u WHERE u.username = ?`, [username]);
  }

  /** The live session's user, or nothing when the session is unknown, expired, revoked or the user is disabled. */
  userBySession(sessionId: string): Promise<(UserRow & { expiresAt: string }) | undefined> {
    return sqlOne(this.em, `SELECT ${USER_COLS}, s.expires_at AS "expiresAt" FROM app_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.id = ? AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`, [sessionId]);
  }

  /** `SESSION_WITH_STATE`: one statement per request instead of a session lookup plus freshness probes. */
  async sessionWithState(sessionId: string): Promise<SessionWithState | undefined> {
    if (this.em.getTransactionContext()) return sqlOne(this.em, SESSION_WITH_STATE.replace('$1', '?'), [sessionId]);
    // Prepared: it runs on every request, so PostgreSQL plans it once per connection.
    return this.prepared<SessionWithState>('loan_desk_session_with_state', SESSION_WITH_STATE, [sessionId]);
  }

  /** `REPLICA_STATE` (this repository's EntityManager is the replica's). */
  replicaState(): Promise<ReplicaState | undefined> {
    // In the request's snapshot transaction (db/read-replica.ts): on its connection.
    if (this.em.getTransactionContext()) return sqlOne<ReplicaState>(this.em, REPLICA_STATE);
    return this.prepared<ReplicaState>('loan_desk_replica_state', REPLICA_STATE, []);
  }

  /** After a session's write: the primary's WAL position, which a replica must reach before it serves that session. */
  async recordWrite(sessionId: string): Promise<void> {
    await sql(this.em, `UPDATE app_session SET write_lsn = pg_current_wal_lsn() WHERE id = ?`, [sessionId]);
  }

  /**
   * A named prepared statement on a connection of the ORM's pool (planned once per connection, no
   * query builder). Behind a transaction-pooling proxy (PgBouncer before 1.21 with
   * `pool_mode = transaction`) a connection's statements do not stay on one server session: the
   * first "already exists" / "does not exist" error switches this process to unnamed statements.
   */
  private async prepared<T extends object>(name: string, text: string, values: unknown[]): Promise<T | undefined> {
    const client = this.em.getConnection().getKnex().client as unknown as PoolClient;
    const conn = await client.acquireConnection();
    try {
      if (!namedStatements.usable) return (await conn.query<T & pg.QueryResultRow>(text, values)).rows[0];
      try {
        return (await conn.query<T & pg.QueryResultRow>({ name, text, values })).rows[0];
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (code !== '42P05' && code !== '26000') throw err;
        namedStatements.usable = false;
        console.error(`[loan-desk] named prepared statements are not kept between transactions on this connection (${code}: a transaction-pooling proxy?): using unnamed statements from now on`);
        return (await conn.query<T & pg.QueryResultRow>(text, values)).rows[0];
      }
    } finally {
      await client.releaseConnection(conn);
    }
  }

  async createSession(id: string, userId: number, ttlSeconds: number): Promise<string> {
    const r = await sqlOne<{ expiresAt: Date }>(this.em, `INSERT INTO app_session (id, user_id, expires_at) VALUES (?, ?, now() + make_interval(secs => ?)) RETURNING expires_at AS "expiresAt"`, [id, userId, ttlSeconds]);
    return new Date(r!.expiresAt).toISOString();
  }

  async revokeSession(id: string): Promise<boolean> {
    const rows = await sql(this.em, `UPDATE app_session SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL RETURNING id`, [id]);
    return rows.length > 0;
  }
}
