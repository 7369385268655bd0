import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { DEMO_PASSWORD, seedDemoUsers } from '../../src/seed/demo-users.js';

describe('sign-in, sessions and audit of sign-ins', () => {
  let db: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    db = await createTestDatabase('demo');
    await seedDemoUsers(db.url);
    server = await startTestServer(db.orm, { as: null });
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('stores passwords as memory-hard scrypt hashes, never in clear', async () => {
    const rows = await db.query<{ password_hash: string }>(`SELECT password_hash FROM app_user`);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(r.password_hash).not.toContain(DEMO_PASSWORD);
    }
  });

  it('signs in with a bearer token and an HttpOnly SameSite cookie, and tells who is signed in', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { signIn(username: "head.bj", password: "${DEMO_PASSWORD}") { token expiresAt me { username role branch { code } staff { role } } } }` }),
    });
    const body = (await res.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.signIn.me).toEqual({ username: 'head.bj', role: 'BRANCH_HEAD', branch: { code: 'BJ' }, staff: { role: 'LOAN_DIVISION_HEAD' } });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/ld_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await server.anonymous(`{ me { username role } }`, {}, { authorization: `Bearer ${body.data.signIn.token}` });
    expect(me.data!.me).toEqual({ username: 'head.bj', role: 'BRANCH_HEAD' });
    const viaCookie = await server.anonymous(`{ me { username } }`, {}, { cookie: cookie.split(';')[0]! });
    expect(viaCookie.data!.me).toEqual({ username: 'head.bj' });
  });

  it('refuses a wrong password or unknown user with the same UNAUTHENTICATED answer, and audits both', async () => {
    const before = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'auth.sign_in_failed'`))[0]!.n);
    const wrong = await server.anonymous(`mutation { signIn(username: "planner", password: "nope") { token } }`);
    const ghost = await server.anonymous(`mutation { signIn(username: "nobody", password: "nope") { token } }`);
    expect(wrong.errors?.[0]).toMatchObject({ message: 'Invalid username or password', extensions: { code: 'UNAUTHENTICATED' } });
    expect(ghost.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    const after = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'auth.sign_in_failed'`))[0]!.n);
    expect(after - before).toBe(2);
  });

  it('ends the session on sign-out, and rejects forged tokens', async () => {
    const token = await server.signIn('planner', DEMO_PASSWORD);
    const h = { authorization: `Bearer ${token}` };
    expect((await server.anonymous(`{ me { username } }`, {}, h)).data!.me).toEqual({ username: 'planner' });
    expect((await server.anonymous(`mutation { signOut }`, {}, h)).data!.signOut).toBe(true);
    expect((await server.anonymous(`{ me { username } }`, {}, h)).data!.me).toBeNull();
    const [id] = token.split('.');
    expect((await server.anonymous(`{ me { username } }`, {}, { authorization: `Bearer ${id}.forged` })).data!.me).toBeNull();
    const audit = await db.query<{ action: string; username: string }>(`SELECT action, username FROM audit_log WHERE username = 'planner' ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.sign_in', 'auth.sign_out']));
  });

  it('keeps the audit trail append-only, even for SQL', async () => {
    await expect(db.query(`UPDATE audit_log SET username = 'x'`)).rejects.toMatchObject({ code: '42501' });
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toMatchObject({ code: '42501' });
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toMatchObject({ code: '42501' });
  });

  it('lets planners read the audit trail', async () => {
    const planner = await server.as({ role: 'hq_planner' });
    const r = await planner(`{ auditTrail(action: "auth.", first: 5) { totalCount nodes { action username at } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.auditTrail.totalCount).toBeGreaterThanOrEqual(4);
  });
});
