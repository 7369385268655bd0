import type { EntityManager } from '@mikro-orm/postgresql';
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

const USER_COLS = `u.id, u.username, u.password_hash AS "passwordHash", u.role, u.staff_id AS "staffId", u.branch_id AS "branchId", u.display_name AS "displayName", u.active`;

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

  async createSession(id: string, userId: number, ttlSeconds: number): Promise<string> {
    const r = await sqlOne<{ expiresAt: Date }>(this.em, `INSERT INTO app_session (id, user_id, expires_at) VALUES (?, ?, now() + make_interval(secs => ?)) RETURNING expires_at AS "expiresAt"`, [id, userId, ttlSeconds]);
    return new Date(r!.expiresAt).toISOString();
  }

  async revokeSession(id: string): Promise<boolean> {
    const rows = await sql(this.em, `UPDATE app_session SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL RETURNING id`, [id]);
    return rows.length > 0;
  }
}
