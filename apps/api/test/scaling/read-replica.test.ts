import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect, createServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedDatabase } from '../../src/db/embedded-postgres.js';
import { startEmbeddedStandby, type EmbeddedStandby } from '../../src/db/embedded-standby.js';
import { openOrm } from '../../src/db/orm.js';
import { createApp, type App } from '../../src/server/app.js';
import * as ops from '../../src/bench/operations.js';
import { freePort } from '../../src/common/free-port.js';
import { refreshRollupsAt, ROLLUP_LOCK } from '../../src/modules/rollup/rollup.service.js';
import { demoPrimary, fileNovemberStatement, gql, SECRET, spawnApi, stopApi, type ApiProcess } from './support.js';

const NOV = `{ kpi(scope: { kind: BANK }, month: "2026-11") { outstandingBalance } }`;
const FRESHNESS = `{ kpiFreshness { readFrom replicaLagMs readFromPrimaryBecause generation } }`;
const RANKING = `{ clientManagerRanking(month: "2026-09", first: 500) { count rows { nodes { id rank branchRank score previousRank } } } }`;

/**
 * docs/scaling.md, "PostgreSQL read replicas": a real streaming replica (hot standby of a second
 * embedded cluster) behind DATABASE_READ_URL. Read-only operations of signed-in users are answered
 * there — proven by pausing its replay: another session then reads the replica's older figures —
 * except a session's reads after its own write (until replayed), reads while the replica lags more
 * than the limit, and reads while it is down; mutations go to the primary; a ranking snapshot a
 * read needs is built on the primary and read on the replica.
 */
describe('a streaming read replica behind DATABASE_READ_URL', () => {
  let dir = '';
  let primary: EmbeddedDatabase;
  let standby: EmbeddedStandby | undefined;
  let onPrimary: pg.Client;
  let onStandby: pg.Client;
  let api: ApiProcess | undefined;
  let late: ApiProcess | undefined;
  // In-process APIs on the same databases: B with a 1-second lag limit, C without a replica.
  const local: { app: App; server: Server; orm: MikroORM; readOrm?: MikroORM; url: string }[] = [];
  let planner: string;
  let executive: string;

  const sum = async (c: pg.Client, month: string) =>
    (await c.query<{ b: string }>(`SELECT coalesce(sum(balance), 0.00)::text AS b FROM cash_flow_statement WHERE month = $1::date`, [month])).rows[0]!.b;

  /** Until the standby has replayed everything the primary has written so far. */
  const replayed = async () => {
    const { rows: [p] } = await onPrimary.query<{ l: string }>(`SELECT pg_current_wal_lsn()::text AS l`);
    const until = Date.now() + 30_000;
    while (!(await onStandby.query<{ ok: boolean }>(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [p!.l])).rows[0]!.ok) {
      if (Date.now() > until) throw new Error('the standby did not catch up within 30 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  const startLocal = async (readReplicaMaxLagMs: number | null, readUrl?: string, log: (m: string) => void = () => {}, staleReadBudgetMs?: number) => {
    const orm = await openOrm(primary.url);
    const readOrm = readReplicaMaxLagMs === null ? undefined : await openOrm(readUrl ?? standby!.url, { connect: false });
    const app = await createApp({
      orm, sessionSecret: Buffer.from(SECRET), log: () => {}, staleReadBudgetMs,
      readReplica: readOrm ? { orm: readOrm, maxLagMs: readReplicaMaxLagMs!, log } : undefined,
    });
    const server: Server = await new Promise((resolve) => {
      const s = app.express.listen(0, '127.0.0.1', () => resolve(s));
    });
    const l = { app, server, orm, readOrm, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
    local.push(l);
    return l.url;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'loan-desk-read-replica-'));
    ({ primary, client: onPrimary } = await demoPrimary(dir));
    standby = await startEmbeddedStandby({ primaryUrl: primary.url, dir: join(dir, 'standby'), port: await freePort() });
    onStandby = new pg.Client({ connectionString: standby.url });
    await onStandby.connect();
    api = await spawnApi({ DATABASE_URL: primary.url, DATABASE_READ_URL: standby.url, READ_REPLICA_MAX_LAG_MS: '600000', DATA_DIR: join(dir, 'api') });
    const signIn = async (u: string) => (await gql(api!.url, null, `mutation { signIn(username: "${u}", password: "replica-password-1") { token } }`)).data!.signIn.token as string;
    planner = await signIn('rr.planner');
    executive = await signIn('rr.executive');
  }, 180_000);

  afterAll(async () => {
    await stopApi(api);
    await stopApi(late);
    for (const l of local) {
      l.server.closeAllConnections();
      await new Promise((r) => l.server.close(r));
      await l.app.stop();
      await l.readOrm?.close(true);
      await l.orm.close(true);
    }
    await onStandby?.end().catch(() => {});
    await onPrimary?.end();
    await standby?.stop();
    await primary?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * A hot standby cancels a query that holds a lock its replay needs (a recovery conflict, after
   * max_standby_streaming_delay). Made deterministic here: an ACCESS EXCLUSIVE lock on rollup_bank,
   * held by an open transaction on the primary, is replayed (the standby's startup process holds it),
   * so the read blocks on the standby after reading its state; then another replayed lock, on
   * rollup_state, which the read's snapshot transaction already holds, conflicts with it.
   */
  it('runs a read that the replica cancels for a recovery conflict again on the primary', async () => {
    const logged: string[] = [];
    const url = await startLocal(600_000, undefined, (m) => logged.push(m));
    await onStandby.query(`ALTER SYSTEM SET max_standby_streaming_delay = '100ms'`);
    await onStandby.query(`SELECT pg_reload_conf()`);
    await replayed();
    const expected = await sum(onPrimary, '2026-11-01');
    const until = async (what: string, check: () => Promise<boolean>) => {
      for (const end = Date.now() + 20_000; !(await check()); await new Promise((r) => setTimeout(r, 20))) {
        if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
      }
    };

    const holder = new pg.Client({ connectionString: primary.url });
    await holder.connect();
    try {
      await holder.query(`BEGIN`);
      await holder.query(`LOCK TABLE rollup_bank IN ACCESS EXCLUSIVE MODE`);
      await onPrimary.query(`BEGIN; SELECT txid_current(); COMMIT`); // flushes the WAL (the lock record) to the standby
      await until('the standby holds the replayed lock', async () => (await onStandby.query(`SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
        WHERE c.relname = 'rollup_bank' AND l.mode = 'AccessExclusiveLock' AND l.granted`)).rowCount === 1);

      const answer = gql(url, executive, NOV);
      const waiting = async () => (await onStandby.query(`SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND backend_type = 'client backend'`)).rowCount! > 0;
      await until('the read waits on the standby', waiting);
      await onPrimary.query(`BEGIN; LOCK TABLE rollup_state IN ACCESS EXCLUSIVE MODE; COMMIT`);
      // (Its conflict counter in pg_stat_database_conflicts is flushed only ~10 s later.)
      await until('the standby cancelled the read', async () => !(await waiting()));
      await holder.query(`ROLLBACK`);
      const r = await answer;
      expect(r.errors).toBeUndefined();
      expect([r.readFrom, r.data!.kpi.outstandingBalance]).toEqual(['primary; reason=replica-error', expected]);
      expect(logged.join('\n')).toMatch(/read replica: a read failed there \(40(001|P01) canceling statement due to conflict with recovery/);
    } finally {
      await holder.query(`ROLLBACK`).catch(() => {});
      await holder.end();
      await onStandby.query(`ALTER SYSTEM RESET max_standby_streaming_delay`);
      await onStandby.query(`SELECT pg_reload_conf()`);
    }
    // Not cached under the replica's state: the next read is the replica's again (and then cached).
    await replayed();
    const next = await gql(url, executive, NOV);
    expect([next.readFrom, next.cache, next.data!.kpi.outstandingBalance]).toEqual(['replica', 'miss', expected]);
    expect((await gql(url, executive, FRESHNESS)).data!.kpiFreshness).toMatchObject({ readFrom: 'REPLICA', readFromPrimaryBecause: null });
  }, 120_000);

  /**
   * Stale rollups, read on the replica (modules/rollup/stale-reads.ts): the base tables within the
   * budget (the replica snapshot's statement timeout), else the rollups as they are, said so. The
   * base tables are put out of reach on the standby by a replayed ACCESS EXCLUSIVE lock on
   * cash_flow_statement (held by an open transaction on the primary).
   */
  it('answers stale reads on the replica from the base tables within the budget, else from the rollups as they are, saying so', async () => {
    const OCT = `{ kpi(scope: { kind: BANK }, month: "2026-10") { outstandingBalance } }`;
    const url = await startLocal(600_000, undefined, () => {}, 500);
    // The spawned API's background refresher would catch the change up at once: hold the rollup
    // maintenance lock meanwhile (it then skips its rounds).
    const maintenance = new pg.Client({ connectionString: primary.url });
    await maintenance.connect();
    await maintenance.query(`BEGIN`);
    await maintenance.query(`SELECT pg_advisory_xact_lock($1)`, [ROLLUP_LOCK]);
    const [target] = (await onPrimary.query<{ id: number }>(`SELECT project_id AS id FROM cash_flow_statement WHERE month = '2026-10-01' ORDER BY project_id LIMIT 1`)).rows;
    const before = await sum(onPrimary, '2026-10-01');
    await onPrimary.query(`UPDATE cash_flow_statement SET balance = balance + 1000.00 WHERE project_id = $1 AND month = '2026-10-01'`, [target!.id]);
    const after = await sum(onPrimary, '2026-10-01');
    await replayed();
    const until = async (what: string, check: () => Promise<boolean>) => {
      for (const end = Date.now() + 20_000; !(await check()); await new Promise((r) => setTimeout(r, 20))) {
        if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
      }
    };
    try {
      const exact = await gql(url, executive, OCT);
      expect(exact.errors).toBeUndefined();
      expect([exact.readFrom, exact.figures, exact.data!.kpi.outstandingBalance]).toEqual(['replica', 'base-tables', after]);

      const holder = new pg.Client({ connectionString: primary.url });
      await holder.connect();
      try {
        await holder.query(`BEGIN`);
        await holder.query(`LOCK TABLE cash_flow_statement IN ACCESS EXCLUSIVE MODE`);
        await onPrimary.query(`BEGIN; SELECT txid_current(); COMMIT`); // flushes the lock record to the standby
        await until('the standby holds the replayed lock', async () => (await onStandby.query(`SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE c.relname = 'cash_flow_statement' AND l.mode = 'AccessExclusiveLock' AND l.granted`)).rowCount === 1);
        const behind = await gql(url, executive, OCT);
        expect(behind.errors).toBeUndefined();
        // The rollups on the replica do not have the pending change yet: the figure before it.
        expect([behind.readFrom, behind.figures, behind.data!.kpi.outstandingBalance]).toEqual(['replica', 'rollups-behind; pending=1', before]);
      } finally {
        await holder.query(`ROLLBACK`).catch(() => {});
        await holder.end();
      }
      // Caught up: from the rollups again, exact.
      await maintenance.query(`COMMIT`);
      await refreshRollupsAt(primary.url, 'dirty');
      await replayed();
      const caught = await gql(url, executive, OCT);
      expect([caught.readFrom, caught.figures, caught.data!.kpi.outstandingBalance]).toEqual(['replica', 'rollups', after]);
    } finally {
      await maintenance.query(`ROLLBACK`).catch(() => {});
      await maintenance.end();
      await onPrimary.query(`UPDATE cash_flow_statement SET balance = balance - 1000.00 WHERE project_id = $1 AND month = '2026-10-01'`, [target!.id]);
      await refreshRollupsAt(primary.url, 'dirty');
      await replayed();
    }
  }, 120_000);

  /**
   * With synchronous replication in `remote_apply` mode a commit returns only once the standby has
   * replayed it: a writer's next read is already the replica's (no `own-write` detour). Made
   * visible with a standby that applies WAL 1.5 s late (`recovery_min_apply_delay`): asynchronous,
   * the writer's next read must go to the primary; synchronous, the write itself waits instead.
   */
  it('with synchronous replication (remote_apply), a writer\'s next read is answered by the replica', async () => {
    const syncState = async () => (await onPrimary.query<{ s: string }>(`SELECT sync_state AS s FROM pg_stat_replication`)).rows.map((r) => r.s);
    const waitFor = async (state: string) => {
      for (const end = Date.now() + 20_000; !(await syncState()).includes(state); await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() > end) throw new Error(`the standby did not become ${state}: ${(await syncState()).join()}`);
      }
    };
    const configure = async (c: pg.Client, settings: Record<string, string | null>) => {
      for (const [k, v] of Object.entries(settings)) await c.query(v === null ? `ALTER SYSTEM RESET ${k}` : `ALTER SYSTEM SET ${k} = '${v}'`);
      await c.query(`SELECT pg_reload_conf()`);
    };
    const write = async () => {
      const t0 = performance.now();
      await fileNovemberStatement(api!.url, planner, onPrimary);
      return { ms: performance.now() - t0, total: await sum(onPrimary, '2026-11-01') };
    };
    await configure(onStandby, { recovery_min_apply_delay: '1500ms' });
    try {
      // Asynchronous: the write returns before the replica has applied it.
      const early = await write();
      const own = await gql(api!.url, planner, NOV);
      expect([own.readFrom, own.data!.kpi.outstandingBalance]).toEqual(['primary; reason=own-write', early.total]);

      await configure(onPrimary, { synchronous_standby_names: '*', synchronous_commit: 'remote_apply' });
      await waitFor('sync');
      const synced = await write();
      expect(synced.ms).toBeGreaterThan(1400);
      const next = await gql(api!.url, planner, NOV);
      expect([next.readFrom, next.data!.kpi.outstandingBalance]).toEqual(['replica', synced.total]);
    } finally {
      await configure(onPrimary, { synchronous_standby_names: null, synchronous_commit: null });
      await configure(onStandby, { recovery_min_apply_delay: null });
    }
    await waitFor('async');
    await replayed();
  }, 60_000);

  it('serves reads from the replica, a session\'s own writes from the primary until replayed, and falls back when it lags or is down', async () => {
    expect(api!.output.join('')).toContain('read replica: DATABASE_READ_URL');
    const b = await startLocal(1000);
    const c = await startLocal(null);
    await replayed();

    // Readiness for a load balancer reports the replica (and never depends on it: below).
    const readyz = async () => {
      const r = await fetch(api!.url.replace(/\/graphql$/, '/readyz'));
      return [r.status, await r.json()];
    };
    expect(await readyz()).toEqual([200, { ok: true, database: 'ok', readReplica: 'standby' }]);

    // Caught up: reads go to the replica (and are cached there like on the primary).
    const first = await gql(api!.url, executive, NOV);
    expect(first.errors).toBeUndefined();
    expect(first.readFrom).toBe('replica');
    const oldNov = await sum(onPrimary, '2026-11-01');
    expect(first.data!.kpi.outstandingBalance).toBe(oldNov);
    const again = await gql(api!.url, executive, NOV);
    expect([again.readFrom, again.cache]).toEqual(['replica', 'hit']);
    const f0 = (await gql(api!.url, executive, FRESHNESS)).data!.kpiFreshness;
    expect(f0).toMatchObject({ readFrom: 'REPLICA', readFromPrimaryBecause: null });
    expect(f0.replicaLagMs).toBeGreaterThanOrEqual(0);

    // Signed out, or a session signed out (checked on the primary): no read is routed anywhere.
    const anonymous = await gql(api!.url, null, `{ me { username } }`);
    expect([anonymous.data!.me, anonymous.readFrom]).toEqual([null, null]);
    const revoked = (await gql(api!.url, null, `mutation { signIn(username: "rr.executive", password: "replica-password-1") { token } }`)).data!.signIn.token as string;
    expect((await gql(api!.url, revoked, `mutation { signOut }`)).errors).toBeUndefined();
    const afterSignOut = await gql(api!.url, revoked, `{ me { username } }`);
    expect([afterSignOut.data!.me, afterSignOut.readFrom]).toEqual([null, null]);

    // The replica stops replaying; the planner files a statement (a mutation: the primary).
    await onStandby.query(`SELECT pg_wal_replay_pause()`);
    await fileNovemberStatement(api!.url, planner, onPrimary);
    const newNov = await sum(onPrimary, '2026-11-01');
    expect(newNov).not.toBe(oldNov);
    expect(await sum(onStandby, '2026-11-01')).toBe(oldNov);

    // The planner sees their own write at once: from the primary.
    const own = await gql(api!.url, planner, NOV);
    expect([own.readFrom, own.data!.kpi.outstandingBalance]).toEqual(['primary; reason=own-write', newNov]);
    expect((await gql(api!.url, planner, FRESHNESS)).data!.kpiFreshness).toMatchObject({ readFrom: 'PRIMARY', readFromPrimaryBecause: 'OWN_WRITE' });
    // Another session reads the replica: its figures, consistent with its own (older) state.
    const other = await gql(api!.url, executive, NOV);
    expect([other.readFrom, other.data!.kpi.outstandingBalance]).toEqual(['replica', oldNov]);
    const fOther = (await gql(api!.url, executive, FRESHNESS)).data!.kpiFreshness;
    const fOwn = (await gql(api!.url, planner, FRESHNESS)).data!.kpiFreshness;
    expect(BigInt(fOther.generation)).toBeLessThan(BigInt(fOwn.generation));

    // With a 1-second lag limit (API B), a replica paused for longer is bypassed.
    await new Promise((r) => setTimeout(r, 1200));
    const lagging = await gql(b, executive, NOV);
    expect([lagging.readFrom, lagging.data!.kpi.outstandingBalance]).toEqual(['primary; reason=lag', newNov]);

    // Replaying again: everyone reads the new figure from the replica.
    await onStandby.query(`SELECT pg_wal_replay_resume()`);
    await replayed();
    for (const [url, token] of [[api!.url, executive], [api!.url, planner], [b, executive]] as const) {
      const r = await gql(url, token, NOV);
      expect([r.readFrom, r.data!.kpi.outstandingBalance]).toEqual(['replica', newNov]);
    }

    // Every operation of the Overview, Branch and Rankings pages: answered by the replica, equal to
    // the answer of an API without a replica.
    const month = '2026-10';
    const { rows: [br] } = await onPrimary.query<{ id: number }>(`SELECT branch_id AS id FROM project GROUP BY branch_id ORDER BY count(*) DESC, branch_id LIMIT 1`);
    const branchId = String(br!.id);
    const pages: [string, string, Record<string, unknown>][] = [
      ['OverviewKpi', ops.OVERVIEW_KPI, { scope: { kind: 'BANK' }, month }],
      ['KpiTrend', ops.KPI_TREND, { scope: { kind: 'BRANCH', id: branchId }, from: '2024-11', to: month }],
      ['OverviewScorecards', ops.OVERVIEW_SCORECARDS, { month, selected: [branchId] }],
      ['BranchRankingCard', ops.BRANCH_RANKING_CARD, { month }],
      ['BranchInfo', ops.BRANCH_INFO, { id: branchId }],
      ['BranchScorecard', ops.BRANCH_SCORECARD, { month, branchId }],
      ['BranchWorkloads', ops.BRANCH_WORKLOADS, { month, branchId }],
      ['BranchRanking', ops.BRANCH_RANKING, { month, branchId }],
      ['WatchList', ops.WATCH_LIST, { branchId }],
      ['ClientManagerRanking', ops.CLIENT_MANAGER_RANKING, { month }],
      ['BranchTeams', ops.BRANCH_TEAMS, { id: branchId }],
    ];
    for (const [name, doc, vars] of pages) {
      const [r, ref] = [await gql(api!.url, executive, doc, vars), await gql(c, executive, doc, vars)];
      expect([name, r.errors, r.readFrom]).toEqual([name, undefined, 'replica']);
      expect(ref.errors).toBeUndefined();
      expect(r.data).toEqual(ref.data);
    }

    // A ranking whose snapshot does not exist yet (not the latest month: the warmer builds only
    // that one) is built on the primary and read on the replica: the same rows as without a replica.
    const key = (await onPrimary.query<{ n: number }>(`SELECT count(*)::int AS n FROM ranking_snapshot WHERE month = '2026-09-01' AND generation = (SELECT generation FROM rollup_state)`)).rows[0]!.n;
    expect(key).toBe(0);
    const onReplica = await gql(api!.url, executive, RANKING);
    expect(onReplica.errors).toBeUndefined();
    expect(onReplica.readFrom).toBe('replica');
    const built = await onPrimary.query(`SELECT id FROM ranking_snapshot WHERE month = '2026-09-01' AND generation = (SELECT generation FROM rollup_state) AND rows > 0`);
    expect(built.rowCount).toBe(1);
    const onPrimaryOnly = await gql(c, executive, RANKING);
    expect(onPrimaryOnly.readFrom).toBeNull(); // C has no replica
    expect(onReplica.data!.clientManagerRanking).toEqual(onPrimaryOnly.data!.clientManagerRanking);
    expect(onReplica.data!.clientManagerRanking.count).toBeGreaterThan(100);

    // Requests refused after their replica snapshot was opened (introspection by a non-planner, a
    // field error) end it too: no transaction is left open on the replica.
    const refused = await gql(api!.url, executive, `{ __schema { queryType { name } } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const missing = await gql(api!.url, executive, `{ staffMember(id: "999999999") { id } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await new Promise((r) => setTimeout(r, 200));
    const { rows: [idle] } = await onStandby.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`);
    expect(idle!.n).toBe(0);

    // The replica goes down: reads go on from the primary, without waiting for it.
    const standbyUrl = standby!.url;
    await onStandby.end();
    await standby!.stop();
    standby = undefined;
    const down = await gql(api!.url, executive, NOV);
    expect([down.readFrom, down.data!.kpi.outstandingBalance]).toEqual(['primary; reason=unavailable', newNov]);
    expect(down.ms).toBeLessThan(3000);
    expect((await gql(api!.url, executive, FRESHNESS)).data!.kpiFreshness).toMatchObject({ readFrom: 'PRIMARY', readFromPrimaryBecause: 'UNAVAILABLE' });
    expect(api!.output.join('')).toContain('read replica unavailable, reading from the primary');
    expect(await readyz()).toEqual([200, { ok: true, database: 'ok', readReplica: 'unavailable' }]);

    // An API started while the replica is down starts all the same, and reads from the primary.
    late = await spawnApi({ DATABASE_URL: primary.url, DATABASE_READ_URL: standbyUrl, DATA_DIR: join(dir, 'api-late') });
    expect(late.output.join('')).toContain('DATABASE_READ_URL does not answer');
    const fromLate = await gql(late.url, executive, NOV);
    expect([fromLate.readFrom, fromLate.data!.kpi.outstandingBalance]).toEqual(['primary; reason=unavailable', newNov]);

    // A replica that accepts connections and never answers: one request waits for it (1 s), the
    // next ones do not (it is left alone for a few seconds).
    const held = new Set<import('node:net').Socket>();
    const hanging = createServer((socket) => void held.add(socket));
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const hangingUrl = new URL(primary.url);
    hangingUrl.port = String((hanging.address() as AddressInfo).port);
    const d = await startLocal(600_000, hangingUrl.toString());
    const slow = await gql(d, executive, NOV);
    expect([slow.readFrom, slow.data!.kpi.outstandingBalance]).toEqual(['primary; reason=unavailable', newNov]);
    expect(slow.ms).toBeGreaterThan(900);
    const next = await gql(d, executive, NOV);
    expect([next.readFrom, next.data!.kpi.outstandingBalance]).toEqual(['primary; reason=unavailable', newNov]);
    expect(next.ms).toBeLessThan(500);
    for (const socket of held) socket.destroy();
    hanging.close();
  }, 180_000);
});

/**
 * Two replicas behind one DATABASE_READ_URL that balances connections round-robin (a TCP proxy
 * here, like a reader endpoint or HAProxy), one of them behind the other: every answer must be
 * consistent with the state that keys it — each request reads its state and data in one snapshot
 * on one connection (db/read-replica.ts), so it never mixes a newer replica's generation with an
 * older replica's rows, and never caches such a mix.
 */
describe('two replicas behind one round-robin DATABASE_READ_URL', () => {
  let dir = '';
  let primary: EmbeddedDatabase;
  const standbys: EmbeddedStandby[] = [];
  const clients: pg.Client[] = [];
  let proxy: NetServer;
  let app: App;
  let server: Server;
  let orm: MikroORM;
  let readOrm: MikroORM;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'loan-desk-two-replicas-'));
    let c: pg.Client;
    ({ primary, client: c } = await demoPrimary(dir));
    clients.push(c);
    for (const name of ['s1', 's2']) {
      const s = await startEmbeddedStandby({ primaryUrl: primary.url, dir: join(dir, name), port: await freePort() });
      standbys.push(s);
      const sc = new pg.Client({ connectionString: s.url });
      await sc.connect();
      clients.push(sc);
    }
    // Round-robin per connection over the two standbys.
    const ports = standbys.map((s) => Number(new URL(s.url).port));
    let next = 0;
    proxy = createServer((socket) => {
      const upstream = connect(ports[next++ % ports.length]!, '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    const proxyPort = await freePort();
    await new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve));
    const readUrl = new URL(standbys[0]!.url);
    readUrl.port = String(proxyPort);
    orm = await openOrm(primary.url);
    readOrm = await openOrm(readUrl.toString());
    app = await createApp({ orm, sessionSecret: Buffer.from(SECRET), log: () => {}, readReplica: { orm: readOrm, maxLagMs: 600_000, log: () => {} } });
    server = await new Promise((resolve) => {
      const s = app.express.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }, 180_000);

  afterAll(async () => {
    server?.closeAllConnections();
    if (server) await new Promise((r) => server.close(r));
    await app?.stop();
    await readOrm?.close(true);
    await orm?.close(true);
    proxy?.close();
    for (const c of clients) await c.end().catch(() => {});
    for (const s of standbys) await s.stop();
    await primary?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('never answers with one replica\'s generation and the other\'s figures, and leaves no transaction open', async () => {
    const [onPrimary, s1, s2] = clients as [pg.Client, pg.Client, pg.Client];
    const caughtUp = async (c: pg.Client) => {
      const { rows: [p] } = await onPrimary.query<{ l: string }>(`SELECT pg_current_wal_lsn()::text AS l`);
      while (!(await c.query<{ ok: boolean }>(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [p!.l])).rows[0]!.ok) await new Promise((r) => setTimeout(r, 20));
    };
    const signIn = async (u: string) => (await gql(url, null, `mutation { signIn(username: "${u}", password: "replica-password-1") { token } }`)).data!.signIn.token as string;
    const planner = await signIn('rr.planner');
    const executive = await signIn('rr.executive');
    await caughtUp(s1);
    await caughtUp(s2);
    const state = async (c: pg.Client) => {
      const { rows: [r] } = await c.query<{ g: string; b: string }>(`SELECT (SELECT generation::text FROM rollup_state) AS g,
        (SELECT coalesce(sum(balance), 0.00)::text FROM cash_flow_statement WHERE month = '2026-11-01') AS b`);
      return r!;
    };
    const old = await state(s2);

    // s2 stops replaying; a statement is filed; s1 replays it.
    await s2.query(`SELECT pg_wal_replay_pause()`);
    await fileNovemberStatement(url, planner, onPrimary);
    await caughtUp(s1);
    const fresh = await state(s1);
    expect(fresh.g).not.toBe(old.g);
    expect(fresh.b).not.toBe(old.b);
    expect(await state(s2)).toEqual(old);

    // Concurrent reads (several pooled connections, spread over both replicas by the proxy).
    const expected = new Map([[old.g, old.b], [fresh.g, fresh.b]]);
    const seen = new Map<string, number>();
    const q = `{ kpiFreshness { generation readFrom } kpi(scope: { kind: BANK }, month: "2026-11") { outstandingBalance } }`;
    for (let round = 0; round < 6; round++) {
      const answers = await Promise.all(Array.from({ length: 8 }, () => gql(url, executive, q)));
      for (const a of answers) {
        expect(a.errors).toBeUndefined();
        const g = a.data!.kpiFreshness.generation as string;
        expect([a.readFrom, a.data!.kpiFreshness.readFrom]).toEqual(['replica', 'REPLICA']);
        expect([g, a.data!.kpi.outstandingBalance]).toEqual([g, expected.get(g)]);
        seen.set(g, (seen.get(g) ?? 0) + 1);
      }
    }
    // Both replicas answered (the proxy spread the connections).
    expect([...seen.keys()].sort()).toEqual([...expected.keys()].sort());

    // Every request's replica transaction has ended.
    await new Promise((r) => setTimeout(r, 200));
    for (const c of [s1, s2]) {
      const { rows: [open] } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`);
      expect(open!.n).toBe(0);
    }
    await s2.query(`SELECT pg_wal_replay_resume()`);
  }, 120_000);
});
