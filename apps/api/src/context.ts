import type { Request, Response } from 'express';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Loaders } from './common/loaders.js';
import type { AppRole } from './modules/auth/roles.js';
import type { GraphQLResponse } from '@apollo/server';
import type { ReadReplica } from './db/read-replica.js';

/** Who is asking: the signed-in user, resolved from the session cookie or bearer token. */
export interface Viewer {
  userId: number;
  username: string;
  role: AppRole;
  /** The person behind the account (required for client managers). */
  staffId: number | null;
  /** Home branch (required for branch heads and client managers). */
  branchId: number | null;
  sessionId: string;
}

export interface Context {
  /** A fork of the EntityManager for this request only (identity map not shared). */
  em: EntityManager;
  loaders: Loaders;
  viewer: Viewer | null;
  /** The HTTP exchange, for setting and clearing the session cookie. */
  http?: { req: Request; res: Response };
  /** The request's session token, resolved into `viewer` once the query passed its limits. */
  pendingToken?: string | null;
  /** True on `/graphql/import`, which accepts only the `importFile` mutation. */
  importOnly?: boolean;
  /** Signs and verifies session tokens. */
  sessionSecret?: Buffer;
  production?: boolean;
  /** DATABASE_READ_URL: read-only operations may run there (db/read-replica.ts); `em` is then switched before execution. */
  readReplica?: ReadReplica;
  /** Runs this request's operation again on the primary (after a read failed on the replica; set by server/app.ts). */
  rerunOnPrimary?: () => Promise<GraphQLResponse>;
  /** Set on that second run: the primary answers, for this reason. */
  primaryBecause?: 'replica-error';
  /**
   * While the rollups are stale, a read-only request first tries the base tables within
   * `budgetMs` (its statements' timeout); when that runs out, `rerunBehind` answers it again from
   * the rollups as they are, saying so (modules/rollup/stale-reads.ts; set by server/app.ts).
   */
  staleReads?: {
    budgetMs: number;
    openBudgeted(): Promise<EntityManager>;
    rerunBehind(): Promise<GraphQLResponse>;
  };
  /** Set on that second run: figures from the rollups as they are, without the pending changes. */
  rollupsBehind?: boolean;
}

export function createContext(orm: MikroORM, viewer: Viewer | null = null, extra: Partial<Context> = {}): Context {
  return { em: orm.em.fork(), loaders: new Loaders(), viewer, ...extra };
}
