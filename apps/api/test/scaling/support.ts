import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { expect } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres.js';
import { migrate, openOrm } from '../../src/db/orm.js';
import { seedBank } from '../../src/seed/seed.service.js';
import { hashPassword } from '../../src/modules/auth/password.js';
import { DEMO_AS_OF, DEMO_SEED } from '../support/constants.js';
import { freePort } from '../../src/common/free-port.js';

/** Shared by the scaling tests that run the real API process against real servers (replicas, PgBouncer). */

const API_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const SECRET = 'a-session-secret-shared-by-every-api-process-0123456789';


export interface Answer {
  data?: Record<string, any>;
  errors?: { message: string; extensions?: { code?: string } }[];
  readFrom: string | null;
  cache: string | null;
  /** `x-figures`: rollups, base-tables, or rollups-behind; pending=N (stale reads). */
  figures: string | null;
  ms: number;
}

export async function gql(url: string, token: string | null, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const t0 = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Pick<Answer, 'data' | 'errors'>;
  return { ...body, readFrom: res.headers.get('x-read-from'), cache: res.headers.get('x-response-cache'), figures: res.headers.get('x-figures'), ms: performance.now() - t0 };
}

/** A primary with the demo bank and two sign-in accounts (rr.planner, rr.executive), and a plain client on it. */
export async function demoPrimary(dir: string): Promise<{ primary: EmbeddedDatabase; client: pg.Client }> {
  chmodSync(dir, 0o755);
  const primary = await startEmbeddedPostgres({ dir: join(dir, 'primary'), port: await freePort() });
  const orm = await openOrm(primary.url);
  await migrate(orm);
  await orm.close(true);
  await seedBank(primary.url, { scale: 'demo', seed: DEMO_SEED, asOf: DEMO_AS_OF });
  const client = new pg.Client({ connectionString: primary.url });
  await client.connect();
  for (const [u, role] of [['rr.planner', 'hq_planner'], ['rr.executive', 'executive']]) {
    await client.query(`INSERT INTO app_user (username, password_hash, role, display_name) VALUES ($1, $2, $3, $1)`, [u, await hashPassword('replica-password-1'), role]);
  }
  return { primary, client };
}

/** Files a November statement (4242.42) through the API for a project that has none yet. */
export async function fileNovemberStatement(url: string, token: string, onPrimary: pg.Client): Promise<void> {
  const { rows: [p] } = await onPrimary.query<{ id: number }>(`
    SELECT p.id FROM project p WHERE p.status = 'active'
      AND EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-10-01')
      AND NOT EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-11-01')
    ORDER BY p.id LIMIT 1`);
  const w = await gql(url, token, `mutation($i: SubmitStatementInput!) { submitStatement(input: $i) { month } }`, {
    i: { projectId: String(p!.id), month: '2026-11', balance: '4242.42', principalDue: '0.00', interestDue: '0.00', principalRepaid: '0.00',
         interestRepaid: '0.00', classification: 'NORMAL', daysOverdue: 0, submittedOn: '2026-11-28' },
  });
  expect(w.errors).toBeUndefined();
}

export type ApiProcess = { url: string; proc: ChildProcess; output: string[] };

/** The real API entry point (src/main.ts) as its own process, with these settings. */
export async function spawnApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: API_DIR,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SCALE: 'none', SESSION_SECRET: SECRET, ROLLUP_REFRESH_MS: '200', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start:\n${output.join('')}`)), 60_000);
    proc.stdout!.on('data', (b: Buffer) => {
      output.push(b.toString());
      if (output.join('').includes('GraphQL API:')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.stderr!.on('data', (b: Buffer) => output.push(b.toString()));
    proc.once('exit', (code) => reject(new Error(`the API exited with ${code}:\n${output.join('')}`)));
  });
  return { url: `http://127.0.0.1:${port}/graphql`, proc, output };
}

export async function stopApi(a: ApiProcess | undefined): Promise<void> {
  if (!a || a.proc.exitCode !== null) return;
  const exited = new Promise((r) => a.proc.once('exit', r));
  a.proc.kill('SIGTERM');
  await exited;
}
