import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, badInput } from '../../common/errors.js';
import type { Viewer } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { AuthRepository, type SessionWithState } from './auth.repository.js';
import { dummyHash, verifyPassword } from './password.js';
import { newSessionToken, SESSION_TTL_SECONDS, verifySessionToken } from './session-token.js';
import { chooseRead, closeReadSnapshot, openReadSnapshot, replicaResting, reportReplicaFailure, within, type ReadReplica, type ReadRoute } from '../../db/read-replica.js';

/** Rollup and configuration state read with the session (cache keys); see AuthRepository.sessionWithState. */
export type SessionState = Omit<SessionWithState, 'id' | 'username' | 'role' | 'staffId' | 'branchId' | 'displayName' | 'writeLsn' | 'primaryLsn'> & {
  stale: boolean;
  /** With a read replica configured: where this read goes and why (db/read-replica.ts). */
  read?: ReadRoute;
};

/** A replica that has not answered its state query by then is treated as unavailable for this request. */
const REPLICA_STATE_TIMEOUT_MS = 1000;

const invalid = (): AppError => new AppError('UNAUTHENTICATED', 'Invalid username or password');

export class AuthService {
  private readonly repo: AuthRepository;

  constructor(private readonly em: EntityManager, private readonly secret: Buffer) {
    this.repo = new AuthRepository(em);
  }

  async signIn(username: string, password: string): Promise<{ token: string; expiresAt: string; viewer: Viewer; displayName: string }> {
    if (!username || username.length > 40) throw badInput('username', 'is required (at most 40 characters)');
    if (!password || password.length > 200) throw badInput('password', 'is required (at most 200 characters)');
    const user = await this.repo.userByName(username.trim().toLowerCase());
    // Same work whether or not the user exists, so timing does not reveal usernames.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !user.active || !ok) throw invalid();
    const { id, token } = newSessionToken(this.secret);
    const expiresAt = await this.repo.createSession(id, user.id, SESSION_TTL_SECONDS);
    const viewer: Viewer = { userId: user.id, username: user.username, role: user.role, staffId: user.staffId, branchId: user.branchId, sessionId: id };
    await recordAudit(this.em, viewer, 'auth.sign_in', 'app_user', user.id, null, { expiresAt });
    return { token, expiresAt, viewer, displayName: user.displayName };
  }

  /** Recorded on its own, outside the refused sign-in's transaction, so the attempt is kept. */
  async recordFailure(username: string): Promise<void> {
    const user = await this.repo.userByName(username.trim().toLowerCase());
    await recordAudit(this.em, null, 'auth.sign_in_failed', 'app_user', user?.id ?? null, null, { username: username.slice(0, 40) });
  }

  async signOut(viewer: Viewer): Promise<boolean> {
    const done = await this.repo.revokeSession(viewer.sessionId);
    if (done) await recordAudit(this.em, viewer, 'auth.sign_out', 'app_user', viewer.userId, null, null);
    return done;
  }

  /** The viewer behind a token, or null (unknown, forged, expired or revoked). */
  async resolve(token: string | null): Promise<(Viewer & { displayName: string }) | null> {
    const id = verifySessionToken(this.secret, token);
    if (!id) return null;
    const u = await this.repo.userBySession(id);
    return u ? { userId: u.id, username: u.username, role: u.role, staffId: u.staffId, branchId: u.branchId, sessionId: id, displayName: u.displayName } : null;
  }

  /**
   * The viewer behind a token (as `resolve`) and the cache state read in the same statement; the
   * state is null when the token fails its signature check (no SQL then).
   */
  async resolveWithState(token: string | null): Promise<{ viewer: (Viewer & { displayName: string }) | null; state: SessionState | null }> {
    const id = verifySessionToken(this.secret, token);
    if (!id) return { viewer: null, state: null };
    const r = await this.repo.sessionWithState(id);
    if (!r) return { viewer: null, state: null }; // no rollup_state row (not migrated): no state
    const viewer = r.id !== null && r.role !== null
      ? { userId: r.id, username: r.username!, role: r.role, staffId: r.staffId, branchId: r.branchId, sessionId: id, displayName: r.displayName! }
      : null;
    const { id: _i, username: _u, role: _r, staffId: _s, branchId: _b, displayName: _d, writeLsn: _w, primaryLsn: _p, ...state } = r;
    return { viewer, state: { ...state, stale: state.pending > 0 } };
  }

  /**
   * For a read-only operation with a read replica configured: the session (and the primary's state)
   * on the primary and, at the same time, the replica's state in a new read-only snapshot
   * transaction there; then where the read goes (db/read-replica.ts `chooseRead`). The state
   * returned is that of the server that answers; `readEm` is the replica snapshot the request must
   * read through (and close: closeReadSnapshot) when the replica answers.
   */
  async resolveForRead(
    token: string | null, replica: ReadReplica, opts: { snapshot?: boolean } = {},
  ): Promise<{ viewer: (Viewer & { displayName: string }) | null; state: SessionState | null; readEm?: EntityManager }> {
    const id = verifySessionToken(this.secret, token);
    if (!id) return { viewer: null, state: null };
    // Without `snapshot` (a cache lookup, which reads nothing else): the state alone, one statement.
    // A replica that failed moments ago is not tried (replicaResting).
    const opening = replicaResting(replica)
      ? Promise.reject(new Error('resting after a failure'))
      : opts.snapshot === false
      ? new AuthRepository(replica.orm.em.fork()).replicaState().then((rs) => ({ em: undefined, rs }))
      : openReadSnapshot(replica.orm).then(async (em) => {
          try {
            return { em: em as EntityManager | undefined, rs: await new AuthRepository(em).replicaState() };
          } catch (err) {
            await closeReadSnapshot(em);
            throw err;
          }
        });
    const [r, onReplica] = await Promise.all([
      this.repo.sessionWithState(id),
      within(opening, REPLICA_STATE_TIMEOUT_MS).catch((err: unknown) => {
        // Too late or failed: a snapshot opened after the timeout is closed at once.
        void opening.then((o) => o.em && closeReadSnapshot(o.em), () => {});
        if (!replicaResting(replica)) reportReplicaFailure(replica, err);
        return null;
      }),
    ]);
    const viewer = r && r.id !== null && r.role !== null
      ? { userId: r.id, username: r.username!, role: r.role, staffId: r.staffId, branchId: r.branchId, sessionId: id, displayName: r.displayName! }
      : null;
    // Signed out: nothing is read for this session (and the primary answers what it may ask).
    const read = r && viewer ? chooseRead(r, onReplica?.rs ?? null, replica.maxLagMs) : undefined;
    if (read?.replica && onReplica?.rs) {
      const { replayLsn: _l, replayAgeMs: _a, ...state } = onReplica.rs;
      return { viewer, state: { ...state, stale: state.pending > 0, read }, ...(onReplica.em ? { readEm: onReplica.em } : {}) };
    }
    if (onReplica?.em) await closeReadSnapshot(onReplica.em);
    if (!r) return { viewer: null, state: null };
    const { id: _i, username: _u, role: _r, staffId: _s, branchId: _b, displayName: _d, writeLsn: _w, primaryLsn: _p, ...state } = r;
    return { viewer, state: { ...state, stale: state.pending > 0, ...(read ? { read } : {}) } };
  }

  /** After a mutation of this session (with a read replica configured): see AuthRepository.recordWrite. */
  recordWrite(sessionId: string): Promise<void> {
    return this.repo.recordWrite(sessionId);
  }
}
