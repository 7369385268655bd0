import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/modules/auth/password.js';
import type { AppRole } from '../../src/modules/auth/roles.js';

export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

export type Gql = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GqlResult<T>>;

/** Who a test client signs in as; accounts are created on the fly with a random password. */
export interface TestUser {
  role: AppRole;
  staffId?: number | null;
  branchId?: number | null;
}

export interface TestServer {
  url: string;
  /** Signed in as the default user (an HQ planner unless `as` said otherwise). */
  gql: Gql;
  /** A client signed in as another user. */
  as(user: TestUser): Promise<Gql>;
  /** A client with no session. */
  anonymous: Gql;
  /** Signs in with the real mutation; returns the bearer token. */
  signIn(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

const TEST_PASSWORD = 'test-password-1';

/** Boots the real HTTP app on a free port; clients POST like any other client would. */
export async function startTestServer(orm: MikroORM, opts: { as?: TestUser | null; staleReadBudgetMs?: number } = {}): Promise<TestServer> {
  const app = await createApp({ orm, log: () => {}, sessionSecret: randomBytes(32), staleReadBudgetMs: opts.staleReadBudgetMs });
  const server: Server = await new Promise((resolve) => {
    const s = app.express.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = (token: string | null): Gql => async (query, variables, headers) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<any>;
  };
  const signIn = async (username: string, password: string): Promise<string> => {
    const r = await client(null)<{ signIn: { token: string } }>(`mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }`, { u: username, p: password });
    if (!r.data?.signIn) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(r.errors)}`);
    return r.data.signIn.token;
  };
  const em = orm.em.fork();
  const as = async (user: TestUser): Promise<Gql> => {
    const username = `t.${user.role.replace('_', '')}.${user.staffId ?? 'x'}.${user.branchId ?? 'x'}`;
    await em.getConnection().execute(
      `INSERT INTO app_user (username, password_hash, role, staff_id, branch_id, display_name) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING`,
      [username, await hashPassword(TEST_PASSWORD), user.role, user.staffId ?? null, user.branchId ?? null, username],
    );
    return client(await signIn(username, TEST_PASSWORD));
  };
  const defaultUser = opts.as === undefined ? { role: 'hq_planner' as const } : opts.as;
  const gql = defaultUser ? await as(defaultUser) : client(null);
  return {
    url,
    gql,
    as,
    anonymous: client(null),
    signIn,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await app.stop();
    },
  };
}
