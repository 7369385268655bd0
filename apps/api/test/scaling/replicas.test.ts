import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { hashPassword } from '../../src/modules/auth/password.js';
import { freePort } from '../../src/common/free-port.js';

const API_DIR = fileURLToPath(new URL('../..', import.meta.url));


interface Replica {
  url: string;
  proc: ChildProcess;
  output: string[];
}

/** Starts the real API entry point (src/main.ts) as its own process on the shared database. */
async function startReplica(databaseUrl: string, secret: string, dataDir: string): Promise<Replica> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: API_DIR,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SCALE: 'none', SESSION_SECRET: secret, DATA_DIR: dataDir, ROLLUP_REFRESH_MS: '200' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica did not start:\n${output.join('')}`)), 60_000);
    const onData = (b: Buffer) => {
      output.push(b.toString());
      if (output.join('').includes('GraphQL API:')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (b: Buffer) => output.push(b.toString()));
    proc.once('exit', (code) => reject(new Error(`replica exited with ${code}:\n${output.join('')}`)));
  });
  return { url: `http://127.0.0.1:${port}/graphql`, proc, output };
}

async function stopReplica(r: Replica): Promise<number | null> {
  if (r.proc.exitCode !== null) return r.proc.exitCode;
  const exited = new Promise<number | null>((resolve) => r.proc.once('exit', (code) => resolve(code)));
  r.proc.kill('SIGTERM');
  return exited;
}

async function gql(url: string, token: string | null, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };
}

/**
 * docs/scaling.md, "stateless API replicas": two API processes on one database behave as one
 * service behind a load balancer — a session from one is valid on the other and revoked on both,
 * a write through one is read through the other at once (per-process caches are keyed by the
 * rollup generation in the database), and the background refreshers share the queue.
 */
describe('two API replicas on one database', () => {
  let db: TestDatabase;
  let a: Replica;
  let b: Replica;
  const dirs: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    await db.query(`INSERT INTO app_user (username, password_hash, role, display_name) VALUES ('replica.planner', $1, 'hq_planner', 'Replica planner')`, [
      await hashPassword('replica-password-1'),
    ]);
    const secret = 'a-session-secret-shared-by-every-replica-0123456789';
    for (let i = 0; i < 2; i++) dirs.push(mkdtempSync(join(tmpdir(), 'loan-desk-replica-')));
    [a, b] = await Promise.all([startReplica(db.url, secret, dirs[0]!), startReplica(db.url, secret, dirs[1]!)]);
  }, 120_000);

  afterAll(async () => {
    if (a) await stopReplica(a);
    if (b) await stopReplica(b);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await db?.drop();
  });

  it('share sessions, see each other\'s writes at once, share the rollup queue, and stop cleanly', async () => {
    const signIn = await gql(a.url, null, `mutation { signIn(username: "replica.planner", password: "replica-password-1") { token } }`);
    const token = signIn.data!.signIn.token as string;
    const me = await gql(b.url, token, `{ me { username role } }`);
    expect(me.data!.me).toEqual({ username: 'replica.planner', role: 'HQ_PLANNER' });

    // Warm both replicas' caches, then write through B and read through A.
    const kpi = `{ kpi(scope: { kind: BANK }, month: "2026-10") { outstandingBalance } }`;
    const sumOct = async () => (await db.query<{ b: string }>(`SELECT sum(balance)::text AS b FROM cash_flow_statement WHERE month = '2026-10-01'`))[0]!.b;
    expect((await gql(a.url, token, kpi)).data!.kpi.outstandingBalance).toBe(await sumOct());
    expect((await gql(b.url, token, kpi)).data!.kpi.outstandingBalance).toBe(await sumOct());
    const [p] = await db.query<{ id: number }>(`
      SELECT p.id FROM project p WHERE p.status = 'active'
        AND EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-10-01')
        AND NOT EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-11-01')
      ORDER BY p.id LIMIT 1`);
    const nov = `{ kpi(scope: { kind: BANK }, month: "2026-11") { outstandingBalance activeProjects } }`;
    const before = await gql(a.url, token, nov);
    const w = await gql(b.url, token, `mutation($i: SubmitStatementInput!) { submitStatement(input: $i) { month } }`, {
      i: { projectId: String(p!.id), month: '2026-11', balance: '4242.42', principalDue: '0.00', interestDue: '0.00', principalRepaid: '0.00',
           interestRepaid: '0.00', classification: 'NORMAL', daysOverdue: 0, submittedOn: '2026-11-28' },
    });
    expect(w.errors).toBeUndefined();
    const [nb] = await db.query<{ b: string }>(`SELECT sum(balance)::text AS b FROM cash_flow_statement WHERE month = '2026-11-01'`);
    const after = await gql(a.url, token, nov);
    expect(after.data!.kpi.outstandingBalance).toBe(nb!.b);
    expect(after.data!.kpi.outstandingBalance).not.toBe(before.data!.kpi.outstandingBalance);

    // A bulk change made outside the API: both answer from the base tables, then a refresher catches up.
    await db.query(`UPDATE cash_flow_statement SET balance = balance + 1 WHERE month = '2026-10-01'`);
    const fresh = `{ kpiFreshness { stale } }`;
    expect((await gql(a.url, token, kpi)).data!.kpi.outstandingBalance).toBe(await sumOct());
    expect((await gql(b.url, token, kpi)).data!.kpi.outstandingBalance).toBe(await sumOct());
    const until = Date.now() + 60_000;
    while ((await gql(a.url, token, fresh)).data!.kpiFreshness.stale && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect((await gql(b.url, token, fresh)).data!.kpiFreshness.stale).toBe(false);
    expect((await gql(a.url, token, kpi)).data!.kpi.outstandingBalance).toBe(await sumOct());
    expect((await gql(b.url, token, kpi)).data!.kpi.outstandingBalance).toBe(await sumOct());
    const caughtUp = [...a.output, ...b.output].join('').match(/rollups caught up/g) ?? [];
    expect(caughtUp.length).toBeGreaterThanOrEqual(1);

    // Signing out through A revokes the session on B at once.
    expect((await gql(a.url, token, `mutation { signOut }`)).errors).toBeUndefined();
    const denied = await gql(b.url, token, `{ me { username } }`);
    expect(denied.data?.me ?? null).toBeNull();
    const denied2 = await gql(b.url, token, kpi);
    expect(denied2.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    expect(await stopReplica(a)).toBe(0);
    expect(await stopReplica(b)).toBe(0);
  }, 120_000);
});
