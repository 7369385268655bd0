import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type OperationDefinitionNode } from 'graphql';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { DEMO_END_MONTH } from '../support/constants.js';
import { hashPassword } from '../../src/modules/auth/password.js';
import { refreshRollups } from '../../src/modules/rollup/rollup.service.js';
import { buildAppSchema } from '../../src/graphql/schema.js';
import { isCacheableOperation } from '../../src/server/response-cache.js';
import * as ops from '../../src/bench/operations.js';

/** A raw HTTP client: the body exactly as sent, and the cache outcome header. */
interface Reply {
  status: number;
  text: string;
  body: { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };
  cache: string | null;
}
type Client = (query: string, variables?: Record<string, unknown>) => Promise<Reply>;

const PASSWORD = 'cache-test-password-1';

describe('whole-response cache of rollup- and configuration-backed queries', () => {
  let db: TestDatabase;
  let server: TestServer;
  let planner: Client;
  let plannerToken: string;
  let branchA: number;
  let branchB: number;
  let headA: Client;
  let headB: Client;
  const month = DEMO_END_MONTH;

  const clientFor = (token: string): Client => async (query, variables) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text), cache: res.headers.get('x-response-cache') };
  };
  const signInAs = async (username: string, role: string, branchId: number | null = null, staffId: number | null = null): Promise<string> => {
    await db.query(`INSERT INTO app_user (username, password_hash, role, staff_id, branch_id, display_name) VALUES ($1, $2, $3, $4, $5, $1)
      ON CONFLICT (username) DO NOTHING`, [username, await hashPassword(PASSWORD), role, staffId, branchId]);
    return server.signIn(username, PASSWORD);
  };
  const ok = (r: Reply): Record<string, any> => {
    expect(r.body.errors).toBeUndefined();
    return r.body.data!;
  };
  /** Every dashboard document the bench times, with variables for the demo bank. */
  const dashboard = (): [string, string, Record<string, unknown>][] => [
    ['OverviewKpi bank', ops.OVERVIEW_KPI, { scope: { kind: 'BANK' }, month }],
    ['OverviewKpi branch', ops.OVERVIEW_KPI, { scope: { kind: 'BRANCH', id: String(branchA) }, month }],
    ['KpiTrend', ops.KPI_TREND, { scope: { kind: 'BANK' }, from: '2025-01', to: month }],
    ['OverviewScorecards', ops.OVERVIEW_SCORECARDS, { month, selected: [String(branchA)] }],
    ['BranchRankingCard', ops.BRANCH_RANKING_CARD, { month }],
    ['BranchScorecardsAll', ops.BRANCH_SCORECARDS_ALL, { month }],
    ['BranchScorecard', ops.BRANCH_SCORECARD, { month, branchId: String(branchA) }],
    ['BranchInfo', ops.BRANCH_INFO, { id: String(branchA) }],
    ['BranchWorkloads', ops.BRANCH_WORKLOADS, { month, branchId: String(branchA) }],
    ['BranchRanking', ops.BRANCH_RANKING, { month, branchId: String(branchA) }],
    ['ClientManagerRanking', ops.CLIENT_MANAGER_RANKING, { month }],
    ['BranchTeams', ops.BRANCH_TEAMS, { id: String(branchA) }],
  ];

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    server = await startTestServer(db.orm);
    const branches = await db.query<{ id: number }>(`SELECT id FROM org_unit WHERE kind = 'branch' ORDER BY id LIMIT 2`);
    branchA = branches[0]!.id;
    branchB = branches[1]!.id;
    plannerToken = await signInAs('cache.planner', 'hq_planner');
    planner = clientFor(plannerToken);
    headA = clientFor(await signInAs('cache.head.a', 'branch_head', branchA));
    headB = clientFor(await signInAs('cache.head.b', 'branch_head', branchB));
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_dirty`))[0]!.n).toBe(0);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('serves every dashboard read from the cache the second time, byte for byte what was computed', async () => {
    for (const [name, doc, vars] of dashboard()) {
      const first = await planner(doc, vars);
      ok(first);
      expect([name, first.cache]).toEqual([name, 'miss']);
      const second = await planner(doc, vars);
      expect([name, second.cache]).toEqual([name, 'hit']);
      expect(second.text).toBe(first.text);
      expect(second.status).toBe(200);
    }
  });

  it('a cached answer equals the uncached answer of a server with an empty cache', async () => {
    const fresh = await startTestServer(db.orm);
    try {
      const token = await fresh.signIn('cache.planner', PASSWORD);
      for (const [name, doc, vars] of dashboard()) {
        const cached = await planner(doc, vars);
        expect([name, cached.cache]).toEqual([name, 'hit']);
        const res = await fetch(`${fresh.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: doc, variables: vars }),
        });
        expect([name, res.headers.get('x-response-cache')]).toEqual([name, 'miss']);
        expect(await res.text()).toBe(cached.text);
      }
    } finally {
      await fresh.close();
    }
  });

  it('answers the media type the client accepts, like Apollo Server', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9', authorization: `Bearer ${plannerToken}` },
      body: JSON.stringify({ query: ops.BRANCH_INFO, variables: { id: String(branchA) } }),
    });
    expect(res.headers.get('x-response-cache')).toBe('hit');
    expect(res.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('never caches reads of uncovered data, mutations or errors', async () => {
    const watch = await planner(ops.WATCH_LIST, { branchId: String(branchA) });
    ok(watch);
    expect(watch.cache).toBe('bypass');
    expect((await planner(ops.WATCH_LIST, { branchId: String(branchA) })).cache).toBe('bypass');
    // One uncovered field makes the whole operation uncacheable.
    const mixed = `query ($m: Month) { kpi(scope: { kind: BANK }, month: $m) { nplRatio } me { username } }`;
    ok(await planner(mixed, { m: month }));
    expect((await planner(mixed, { m: month })).cache).toBe('bypass');
    // Errors are not cached.
    const bad = await planner(ops.BRANCH_INFO, { id: '999999' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const again = await planner(ops.BRANCH_INFO, { id: '999999' });
    expect(again.cache).toBe('miss');
    expect(again.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lists only operations whose every field is covered', async () => {
    const schema = await buildAppSchema();
    const cacheable = (q: string) => {
      const doc = parse(q);
      return isCacheableOperation(schema, doc, doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode);
    };
    for (const [, doc] of dashboard()) expect(cacheable(doc)).toBe(true);
    expect(cacheable(ops.WATCH_LIST)).toBe(false);
    expect(cacheable(`{ kpiFreshness { stale } }`)).toBe(false);
    expect(cacheable(`{ orgUnit(id: "1") { teams { members { id name } } } }`)).toBe(true);
    expect(cacheable(`{ staffingPlan { scenarios { name } } }`)).toBe(false);
    expect(cacheable(`{ __schema { types { name } } }`)).toBe(false);
    expect(cacheable(`mutation { signOut }`)).toBe(false);
    expect(cacheable(`query { ...F } fragment F on Query { branches { id } me { username } }`)).toBe(false);
  });

  it('a branch head never receives a response cached for another scope', async () => {
    // Same documents and variables: the planner's answers are cached; each head gets their own.
    const docs: [string, Record<string, unknown>][] = [
      [ops.BRANCH_WORKLOADS, { month, branchId: null }],
      [ops.CLIENT_MANAGER_RANKING, { month }],
      [ops.OVERVIEW_KPI, { scope: { kind: 'BANK' }, month }],
    ];
    for (const [doc, vars] of docs) {
      const p1 = await planner(doc, vars);
      ok(p1);
      expect((await planner(doc, vars)).cache).toBe('hit');
      const a1 = await headA(doc, vars);
      ok(a1);
      expect(a1.cache).toBe('miss');
      const a2 = await headA(doc, vars);
      expect(a2.cache).toBe('hit');
      expect(a2.text).toBe(a1.text);
      const b1 = await headB(doc, vars);
      ok(b1);
      expect(b1.cache).toBe('miss');
    }
    // Person-level rows are the head's own branch only, whatever the planner saw.
    const planned = ok(await planner(ops.BRANCH_WORKLOADS, { month, branchId: null })).workloads;
    const own = ok(await headA(ops.BRANCH_WORKLOADS, { month, branchId: null })).workloads;
    const other = ok(await headB(ops.BRANCH_WORKLOADS, { month, branchId: null })).workloads;
    expect(own.totalCount).toBeLessThan(planned.totalCount);
    const [counts] = await db.query<{ a: number; b: number }>(`
      SELECT count(*) FILTER (WHERE b = $1)::int AS a, count(*) FILTER (WHERE b = $2)::int AS b FROM (
        SELECT CASE u.kind WHEN 'branch' THEN u.id ELSE u.parent_id END AS b FROM staff s JOIN org_unit u ON u.id = s.unit_id
        WHERE s.active AND s.role IN ('client_manager', 'senior_client_manager') AND s.hired_on <= ($3::date + interval '1 month' - interval '1 day')) x`,
      [branchA, branchB, `${month}-01`]);
    expect(own.totalCount).toBe(counts!.a);
    expect(other.totalCount).toBe(counts!.b);
    // A team of another branch: refused for the head even though the planner's answer is cached.
    const [team] = await db.query<{ id: number }>(`SELECT id FROM team WHERE branch_id = $1 ORDER BY id LIMIT 1`, [branchB]);
    const teamKpi = [ops.OVERVIEW_KPI, { scope: { kind: 'TEAM', id: String(team!.id) }, month }] as const;
    ok(await planner(...teamKpi));
    expect((await planner(...teamKpi)).cache).toBe('hit');
    const refused = await headA(...teamKpi);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('submitStatement: the next request misses and returns the new figure', async () => {
    // The first statement of the month after the demo bank's last one.
    const next = '2026-11';
    const q = `query ($m: Month) { kpi(scope: { kind: BANK }, month: $m) { outstandingBalance nplBalance activeProjects } }`;
    ok(await planner(q, { m: next }));
    const before = await planner(q, { m: next });
    expect(before.cache).toBe('hit');
    const [p] = await db.query<{ pid: number }>(`SELECT p.id AS pid FROM project p WHERE p.status = 'active'
      AND EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = $1::date) ORDER BY p.id LIMIT 1`, [`${month}-01`]);
    const r = await planner(`mutation($i: SubmitStatementInput!) { submitStatement(input: $i) { month } }`, {
      i: { projectId: String(p!.pid), month: next, balance: '987654321.00', principalDue: '1000.00', interestDue: '10.00', principalRepaid: '0.00',
           interestRepaid: '0.00', classification: 'LOSS', daysOverdue: 95 },
    });
    ok(r);
    expect(r.cache).toBe('bypass'); // mutations are never cached
    const after = await planner(q, { m: next });
    expect(after.cache).toBe('miss');
    expect(ok(after).kpi).toEqual({ outstandingBalance: '987654321.00', nplBalance: '987654321.00', activeProjects: ok(before).kpi.activeProjects + 1 });
    expect((await planner(q, { m: next })).cache).toBe('hit');
  });

  it('setBranchTarget: the next scorecard request misses and shows the new target', async () => {
    const vars = { month, branchId: String(branchA) };
    ok(await planner(ops.BRANCH_SCORECARD, vars));
    expect((await planner(ops.BRANCH_SCORECARD, vars)).cache).toBe('hit');
    const year = Number(month.slice(0, 4));
    const [t] = await db.query<{ version: number | null }>(`SELECT version FROM branch_target WHERE branch_id = $1 AND year = $2`, [branchA, year]);
    const r = await planner(`mutation($input: SetBranchTargetInput!) { setBranchTarget(input: $input) { targetNplRatio } }`, {
      input: { branchId: String(branchA), year, targetNplRatio: '0.012345', targetRecoveryRate: '0.912345', plannedRecovery: '123456.00', plannedNewLending: '1000.00', expectedVersion: t?.version ?? null },
    });
    ok(r);
    const after = await planner(ops.BRANCH_SCORECARD, vars);
    expect(after.cache).toBe('miss');
    const row = ok(after).branchScorecards.rows[0];
    expect(row.nplRatio.target).toBe('0.012345');
    expect(row.recoveryRateYtd.target).toBe('0.912345');
  });

  it('reassignProjects: the next workload request misses and shows the move', async () => {
    const [pair] = await db.query<{ pid: number; version: number; from: number; to: number }>(`
      SELECT p.id AS pid, p.version, p.manager_id AS "from", s2.id AS "to"
      FROM project p JOIN staff s1 ON s1.id = p.manager_id
      JOIN staff s2 ON s2.unit_id = s1.unit_id AND s2.id <> s1.id AND s2.active AND s2.role IN ('client_manager', 'senior_client_manager')
      WHERE p.status = 'active' AND p.branch_id = $1 AND EXISTS (SELECT 1 FROM cash_flow_statement z WHERE z.project_id = p.id AND z.month = $2::date)
      ORDER BY p.id LIMIT 1`, [branchA, `${month}-01`]);
    const vars = { month, branchId: String(branchA) };
    const load = (d: Record<string, any>, id: number) => d.workloads.nodes.find((n: any) => n.id === String(id))?.activeProjects;
    const before = ok(await planner(ops.BRANCH_WORKLOADS, vars));
    expect((await planner(ops.BRANCH_WORKLOADS, vars)).cache).toBe('hit');
    ok(await planner(`mutation($input: ReassignProjectsInput!) { reassignProjects(input: $input) { id } }`, {
      input: { items: [{ projectId: String(pair!.pid), expectedVersion: pair!.version }], toClientManagerId: String(pair!.to), reason: 'cache test' },
    }));
    const after = await planner(ops.BRANCH_WORKLOADS, vars);
    expect(after.cache).toBe('miss');
    expect(load(ok(after), pair!.from)).toBe(load(before, pair!.from) - 1);
    expect(load(ok(after), pair!.to)).toBe(load(before, pair!.to) + 1);
  });

  it('while the rollups are stale nothing is cached or served from the cache; after the refresh caching resumes', async () => {
    const q = `query ($m: Month) { kpi(scope: { kind: BANK }, month: $m) { nplBalance } }`;
    ok(await planner(q, { m: month }));
    expect((await planner(q, { m: month })).cache).toBe('hit');
    // A base-table change outside the API (an import, a script): queued, not rolled up yet.
    await db.query(`UPDATE cash_flow_statement SET classification = 'doubtful' WHERE month = $1::date AND project_id IN (
      SELECT project_id FROM cash_flow_statement WHERE month = $1::date AND classification = 'normal' ORDER BY project_id LIMIT 5)`, [`${month}-01`]);
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_dirty`))[0]!.n).toBeGreaterThan(0);
    const [plain] = await db.query<{ npl: string }>(`SELECT sum(balance) FILTER (WHERE classification IN ('substandard', 'doubtful', 'loss'))::text AS npl
      FROM cash_flow_statement WHERE month = $1::date`, [`${month}-01`]);
    for (let i = 0; i < 2; i++) {
      const r = await planner(q, { m: month });
      expect(r.cache).toBe('bypass');
      expect(ok(r).kpi.nplBalance).toBe(plain!.npl);
    }
    for (const [, doc, vars] of dashboard()) expect((await planner(doc, vars)).cache).toBe('bypass');
    await refreshRollups(db.orm.em.fork(), 'dirty');
    const r1 = await planner(q, { m: month });
    expect(r1.cache).toBe('miss');
    expect(ok(r1).kpi.nplBalance).toBe(plain!.npl);
    expect((await planner(q, { m: month })).cache).toBe('hit');
  });

  it('a weight version published for a later time takes effect then, without any other change', async () => {
    const vars = { month };
    const at = new Date(Date.now() + 2500);
    await db.query(`WITH v AS (INSERT INTO score_weight_version (subject, version, note, published_at)
        SELECT 'branch', coalesce(max(version), 0) + 1, 'later', $1 FROM score_weight_version WHERE subject = 'branch' RETURNING id, version)
      INSERT INTO score_weight (version_id, component, weight) SELECT v.id, c, w FROM v, (VALUES ('npl', 0.2), ('recovery', 0.2), ('attainment', 0.6)) x(c, w)`, [at]);
    const before = ok(await planner(ops.BRANCH_RANKING_CARD, vars));
    expect((await planner(ops.BRANCH_RANKING_CARD, vars)).cache).toBe('hit');
    await new Promise((r) => setTimeout(r, Math.max(0, at.getTime() - Date.now()) + 300));
    const after = await planner(ops.BRANCH_RANKING_CARD, vars);
    expect(after.cache).toBe('miss');
    expect(ok(after).branchScorecards.weightVersion.version).toBe(before.branchScorecards.weightVersion.version + 1);
  });

  it('sign-out and a disabled account take effect at once, even for cached answers', async () => {
    const token = await signInAs('cache.leaver', 'executive');
    const exec = clientFor(token);
    const vars = { id: String(branchA) };
    ok(await exec(ops.BRANCH_INFO, vars));
    expect((await exec(ops.BRANCH_INFO, vars)).cache).toBe('hit');
    ok(await exec(`mutation { signOut }`));
    const out = await exec(ops.BRANCH_INFO, vars);
    expect(out.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(out.body.data ?? null).toBeNull();

    const token2 = await server.signIn('cache.leaver', PASSWORD);
    const exec2 = clientFor(token2);
    expect((await exec2(ops.BRANCH_INFO, vars)).cache).toBe('hit');
    await db.query(`UPDATE app_user SET active = false WHERE username = 'cache.leaver'`);
    const disabled = await exec2(ops.BRANCH_INFO, vars);
    expect(disabled.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
