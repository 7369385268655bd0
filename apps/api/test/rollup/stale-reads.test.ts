import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { DEMO_END_MONTH } from '../support/constants.js';
import { hashPassword } from '../../src/modules/auth/password.js';
import { refreshRollups } from '../../src/modules/rollup/rollup.service.js';
import * as ops from '../../src/bench/operations.js';

/**
 * Reads while the rollups are stale (modules/rollup/stale-reads.ts): the base tables within the
 * budget (exact), else the rollups as they are, said in the answer. The base tables are made
 * "too slow" deterministically: another session holds an ACCESS EXCLUSIVE lock on
 * cash_flow_statement, so a base-table read waits until its statement timeout (the budget).
 * Expected figures are plain SQL sums over cash_flow_statement, before and after the change.
 */
const BUDGET_MS = 3000;
const PASSWORD = 'stale-reads-password-1';
const month = DEMO_END_MONTH;
const KPI = `query BankKpi($month: Month) {
  kpi(scope: { kind: BANK }, month: $month) { outstandingBalance nplBalance }
  kpiFreshness { stale pendingChanges pendingMonths figuresFrom }
}`;

interface Reply {
  ms: number;
  figures: string | null;
  body: { data?: Record<string, any>; errors?: { message: string }[]; extensions?: Record<string, any> };
}

describe('reads while the rollups are stale', () => {
  let db: TestDatabase;
  let server: TestServer;
  let token: string;
  let projectId: number;

  const ask = async (query = KPI, variables: Record<string, unknown> = { month }): Promise<Reply> => {
    const t = performance.now();
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Reply['body'];
    return { ms: performance.now() - t, figures: res.headers.get('x-figures'), body };
  };
  const plainSums = async () => (await db.query<{ b: string; npl: string }>(
    `SELECT sum(balance)::text AS b, coalesce(sum(balance) FILTER (WHERE classification IN ('substandard', 'doubtful', 'loss')), 0)::text AS npl
     FROM cash_flow_statement WHERE month = $1::date`, [`${month}-01`]))[0]!;
  /** Sessions of this database left inside a transaction (other than `except`). */
  const openTransactions = async (except: number[]) => Number((await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND pid <> ALL ($1::int[])`,
    [except]))[0]!.n);

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    server = await startTestServer(db.orm, { staleReadBudgetMs: BUDGET_MS });
    await db.query(`INSERT INTO app_user (username, password_hash, role, display_name) VALUES ('stale.planner', $1, 'hq_planner', 'Stale planner')`, [await hashPassword(PASSWORD)]);
    token = await server.signIn('stale.planner', PASSWORD);
    projectId = (await db.query<{ id: number }>(`SELECT project_id AS id FROM cash_flow_statement WHERE month = $1::date ORDER BY project_id LIMIT 1`, [`${month}-01`]))[0]!.id;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('fresh: the rollups answer, equal to plain SQL', async () => {
    const before = await plainSums();
    const r = await ask();
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.kpi).toEqual({ outstandingBalance: before.b, nplBalance: before.npl });
    expect(r.body.data!.kpiFreshness).toEqual({ stale: false, pendingChanges: 0, pendingMonths: [], figuresFrom: 'ROLLUPS' });
    expect(r.figures).toBe('rollups');
    expect(r.body.extensions?.freshness).toBeUndefined();
  });

  it('stale, base tables within the budget: exact figures from the base tables', async () => {
    const before = await plainSums();
    await db.query(`UPDATE cash_flow_statement SET balance = balance + 1000.00 WHERE project_id = $1 AND month = $2::date`, [projectId, `${month}-01`]);
    const after = await plainSums();
    expect(after.b).not.toBe(before.b);
    const r = await ask();
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.kpi).toEqual({ outstandingBalance: after.b, nplBalance: after.npl });
    expect(r.body.data!.kpiFreshness).toEqual({ stale: true, pendingChanges: 1, pendingMonths: [month], figuresFrom: 'BASE_TABLES' });
    expect(r.figures).toBe('base-tables');
    expect(r.body.extensions?.freshness).toBeUndefined();
  });

  it('stale, base tables slower than the budget: the rollups as they are, said in the answer; then exact again once caught up', async () => {
    // The rollups still hold the figures before the pending change: plain SQL without it.
    const [without] = await db.query<{ b: string }>(
      `SELECT (sum(balance) - 1000.00)::text AS b FROM cash_flow_statement WHERE month = $1::date`, [`${month}-01`]);
    const after = await plainSums();
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    const lockerPid = (await locker.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows[0]!.pid;
    try {
      await locker.query(`BEGIN; LOCK TABLE cash_flow_statement IN ACCESS EXCLUSIVE MODE`);
      const first = await ask();
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data!.kpi).toEqual({ outstandingBalance: without!.b, nplBalance: after.npl });
      expect(first.body.data!.kpiFreshness).toEqual({ stale: true, pendingChanges: 1, pendingMonths: [month], figuresFrom: 'ROLLUPS_BEHIND' });
      expect(first.figures).toBe('rollups-behind; pending=1');
      expect(first.body.extensions?.freshness).toMatchObject({ figuresFrom: 'ROLLUPS_BEHIND', pendingChanges: 1, pendingMonths: [month] });
      // It waited for the base tables for the budget, then answered (the lock is still held).
      expect(first.ms).toBeGreaterThanOrEqual(BUDGET_MS - 50);
      // The same request again, under the same pending change: straight to the rollups, without
      // waiting for the budget again.
      const second = await ask();
      expect(second.body.data).toEqual(first.body.data);
      expect(second.figures).toBe('rollups-behind; pending=1');
      expect(second.ms).toBeLessThan(BUDGET_MS);
      // No read transaction left open by the budgeted attempt.
      expect(await openTransactions([lockerPid])).toBe(0);
    } finally {
      await locker.query('ROLLBACK').catch(() => {});
      await locker.end();
    }
    // Caught up: exact again, from the rollups (a behind answer is not cached under the new state).
    await refreshRollups(db.orm.em.fork(), 'dirty');
    await db.query(`INSERT INTO app_user (username, password_hash, role, display_name) VALUES ('stale.planner2', $1, 'hq_planner', 'Stale planner 2')`, [await hashPassword(PASSWORD)]);
    const r = await ask();
    expect(r.body.data!.kpi).toEqual({ outstandingBalance: after.b, nplBalance: after.npl });
    expect(r.body.data!.kpiFreshness).toEqual({ stale: false, pendingChanges: 0, pendingMonths: [], figuresFrom: 'ROLLUPS' });
    expect(r.figures).toBe('rollups');
  }, 60_000);

  it('every rollup-backed dashboard document answers from the rollups as they are when the base tables are out of reach', async () => {
    // A second API with a short budget (each document's first request waits for it once).
    const quick = await startTestServer(db.orm, { staleReadBudgetMs: 300, as: null });
    const quickToken = await quick.signIn('stale.planner', PASSWORD);
    const branchId = String((await db.query<{ id: number }>(`SELECT id FROM org_unit WHERE kind = 'branch' ORDER BY id LIMIT 1`))[0]!.id);
    const docs: [string, string, Record<string, unknown>][] = [
      ['OverviewKpi bank', ops.OVERVIEW_KPI, { scope: { kind: 'BANK' }, month }],
      ['OverviewKpi branch', ops.OVERVIEW_KPI, { scope: { kind: 'BRANCH', id: branchId }, month }],
      ['KpiTrend', ops.KPI_TREND, { scope: { kind: 'BANK' }, from: '2025-01', to: month }],
      ['OverviewScorecards', ops.OVERVIEW_SCORECARDS, { month, selected: [branchId] }],
      ['BranchRankingCard', ops.BRANCH_RANKING_CARD, { month }],
      ['BranchScorecard', ops.BRANCH_SCORECARD, { month, branchId }],
      ['BranchWorkloads', ops.BRANCH_WORKLOADS, { month, branchId }],
      ['BranchRanking', ops.BRANCH_RANKING, { month, branchId }],
      ['ClientManagerRanking', ops.CLIENT_MANAGER_RANKING, { month }],
    ];
    // Fresh answers first (plain: the same API, nothing pending).
    const post = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${quick.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${quickToken}` },
        body: JSON.stringify({ query, variables }),
      });
      return { figures: res.headers.get('x-figures'), body: (await res.json()) as Reply['body'] };
    };
    const fresh = new Map<string, unknown>();
    for (const [name, doc, vars] of docs) {
      const r = await post(doc, vars);
      expect(r.body.errors, name).toBeUndefined();
      fresh.set(name, r.body.data);
    }
    // A change in another month than the one asked for: every figure asked for stays the same.
    await db.query(`UPDATE cash_flow_statement SET balance = balance + 1.00 WHERE project_id = $1 AND month = '2025-03-01'`, [projectId]);
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query(`BEGIN; LOCK TABLE cash_flow_statement IN ACCESS EXCLUSIVE MODE`);
      for (const [name, doc, vars] of docs) {
        const r = await post(doc, vars);
        expect(r.body.errors, name).toBeUndefined();
        expect(r.figures, name).toBe('rollups-behind; pending=1');
        expect(r.body.extensions?.freshness, name).toMatchObject({ figuresFrom: 'ROLLUPS_BEHIND', pendingMonths: ['2025-03'] });
        if (name !== 'KpiTrend') expect(r.body.data, name).toEqual(fresh.get(name));
      }
    } finally {
      await locker.query('ROLLBACK').catch(() => {});
      await locker.end();
      await quick.close();
    }
  }, 120_000);
});
