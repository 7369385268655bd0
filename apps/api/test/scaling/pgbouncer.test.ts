import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedDatabase } from '../../src/db/embedded-postgres.js';
import { startEmbeddedStandby, type EmbeddedStandby } from '../../src/db/embedded-standby.js';
import { freePort } from '../../src/common/free-port.js';
import { chunksOf, importCsv } from '../../src/modules/import/import.service.js';
import { wireModuleHooks } from '../../src/hooks.js';
import { demoPrimary, fileNovemberStatement, gql, spawnApi, stopApi, type ApiProcess } from './support.js';
import { startPgBouncer, type Bouncer } from './pgbouncer.js';

const NOV = `{ kpi(scope: { kind: BANK }, month: "2026-11") { outstandingBalance } kpiFreshness { stale } }`;
const POOL = 3;

/**
 * docs/scaling.md, "Connection poolers": the real API process (src/main.ts) with DATABASE_URL
 * pointing at a real PgBouncer in transaction pooling mode (each transaction may run on another
 * server session; at most three here, so they are shared all the time), and DATABASE_READ_URL at a
 * second PgBouncer in front of a streaming replica. What breaks there — named prepared statements,
 * session-level SET — must not break the API: every answer is right, and nothing the API or the
 * import sets stays behind on a pooled server session.
 */
describe('the API behind PgBouncer in transaction pooling mode', () => {
  let dir = '';
  let primary: EmbeddedDatabase;
  let onPrimary: pg.Client;
  let bouncer: Bouncer | undefined;
  let standby: EmbeddedStandby | undefined;
  let onStandby: pg.Client | undefined;
  let readBouncer: Bouncer | undefined;
  let api: ApiProcess | undefined;

  /** Until the replica has replayed everything the primary has written so far. */
  const replayed = async () => {
    const { rows: [p] } = await onPrimary.query<{ l: string }>(`SELECT pg_current_wal_lsn()::text AS l`);
    for (const end = Date.now() + 30_000; !(await onStandby!.query<{ ok: boolean }>(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [p!.l])).rows[0]!.ok;) {
      if (Date.now() > end) throw new Error('the standby did not catch up within 30 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  const sum = async () =>
    (await onPrimary.query<{ b: string }>(`SELECT coalesce(sum(balance), 0.00)::text AS b FROM cash_flow_statement WHERE month = '2026-11-01'`)).rows[0]!.b;

  /** `POOL` transactions open at once through PgBouncer: one on each of its server sessions. */
  const onEverySession = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T[]> => {
    const clients = Array.from({ length: POOL }, () => new pg.Client({ connectionString: bouncer!.url }));
    try {
      await Promise.all(clients.map((c) => c.connect()));
      await Promise.all(clients.map((c) => c.query('BEGIN')));
      return await Promise.all(clients.map(fn));
    } finally {
      await Promise.all(clients.map((c) => c.query('COMMIT').catch(() => {})));
      await Promise.all(clients.map((c) => c.end()));
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'loan-desk-pgbouncer-'));
    ({ primary, client: onPrimary } = await demoPrimary(dir));
    bouncer = await startPgBouncer({ serverUrl: primary.url, dir: join(dir, 'bouncer'), dataDir: join(dir, 'primary'), poolMode: 'transaction', poolSize: POOL });
    // Every pooled server session already has a prepared statement of the API's name, as another
    // API process sharing the pool leaves it: the API's own first one meets "already exists".
    await onEverySession((c) => c.query(`PREPARE loan_desk_session_with_state AS SELECT 1`));
    standby = await startEmbeddedStandby({ primaryUrl: primary.url, dir: join(dir, 'standby'), port: await freePort() });
    onStandby = new pg.Client({ connectionString: standby.url });
    await onStandby.connect();
    readBouncer = await startPgBouncer({ serverUrl: standby.url, dir: join(dir, 'read-bouncer'), dataDir: join(dir, 'standby'), poolMode: 'transaction', poolSize: POOL });
    api = await spawnApi({ DATABASE_URL: bouncer.url, DATABASE_READ_URL: readBouncer.url, READ_REPLICA_MAX_LAG_MS: '600000', DATA_DIR: join(dir, 'api') });
  }, 180_000);

  afterAll(async () => {
    await stopApi(api);
    await readBouncer?.stop();
    await onStandby?.end();
    await standby?.stop();
    await bouncer?.stop();
    await onPrimary?.end();
    await primary?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers concurrent reads (on the replica), a statement and an import right, and leaves no setting behind on the pooled sessions', async () => {
    const signIn = async (u: string) => (await gql(api!.url, null, `mutation { signIn(username: "${u}", password: "replica-password-1") { token } }`)).data!.signIn.token as string;
    const planner = await signIn('rr.planner');
    const executive = await signIn('rr.executive');

    // Concurrent reads of two sessions (more API connections than server sessions), on the replica.
    await replayed();
    const before = await sum();
    const queries = [NOV, `{ me { username } }`, `{ projects(first: 5) { nodes { id } } }`];
    const answers = await Promise.all(Array.from({ length: 8 }, async (_, w) => {
      const got = [];
      for (let i = 0; i < 25; i++) got.push(await gql(api!.url, (w + i) % 2 ? planner : executive, queries[i % queries.length]!));
      return got;
    }));
    const all = answers.flat();
    expect(all.filter((a) => a.errors).map((a) => a.errors)).toEqual([]);
    expect(new Set(all.map((a) => a.readFrom))).toEqual(new Set(['replica']));
    for (const a of all.filter((x) => x.data?.kpi)) expect(a.data!.kpi.outstandingBalance).toBe(before);
    expect(api!.output.join('')).toContain('using unnamed statements from now on');

    // A statement filed through the API: the next read has it.
    await fileNovemberStatement(api!.url, planner, onPrimary);
    const afterStatement = await sum();
    expect(afterStatement).not.toBe(before);
    await replayed();
    expect((await gql(api!.url, executive, NOV)).data).toEqual({ kpi: { outstandingBalance: afterStatement }, kpiFreshness: { stale: false } });

    // An import through PgBouncer (one transaction, its rollup maintenance included).
    wireModuleHooks();
    const { rows: keys } = await onPrimary.query<{ k: string }>(`
      SELECT p.external_key AS k FROM project p WHERE p.status = 'active'
        AND EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-10-01')
        AND NOT EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-11-01')
      ORDER BY p.id LIMIT 20`);
    const csv = ['project_external_key,month,balance,principal_due,interest_due,principal_repaid,interest_repaid,classification,days_overdue,submitted_on',
      ...keys.map((r, i) => `${r.k},2026-11,${1000 + i}.25,10,5,10,5,normal,0,2026-11-20`)].join('\n');
    const r = await importCsv(bouncer!.url, { kind: 'statements', fileName: 'statements.csv', source: chunksOf(csv), via: 'cli' });
    expect(r).toMatchObject({ committed: true, rowsIn: 20, accepted: 20, inserted: 20, rejected: 0 });
    const afterImport = await sum();
    expect(afterImport).not.toBe(afterStatement);
    await replayed();
    const read = await gql(api!.url, executive, NOV);
    expect(read.readFrom).toBe('replica');
    expect(read.data).toEqual({ kpi: { outstandingBalance: afterImport }, kpiFreshness: { stale: false } });

    // Nothing the import set (work_mem 256MB, no statement timeout) stays on a pooled session.
    const settings = await onEverySession(async (c) => (await c.query<{ w: string; t: string }>(
      `SELECT current_setting('work_mem') AS w, current_setting('temp_buffers') AS t`)).rows[0]);
    expect(settings).toEqual(Array.from({ length: POOL }, () => ({ w: '4MB', t: '8MB' })));
    // Every request's replica transaction has ended (through the read pooler too).
    const { rows: [open] } = await onStandby!.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`);
    expect(open!.n).toBe(0);
  }, 180_000);
});
