import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { hashPassword } from '../modules/auth/password.js';
import { refreshRollupsAt } from '../modules/rollup/rollup.service.js';
import * as ops from './operations.js';
import { timeMaintenance } from './maintenance.js';

/**
 * `pnpm bench`: the dashboard's GraphQL operations over HTTP on the large bank, beside the plain SQL
 * a developer would write on the base tables; p50/p95, ratio, throughput of the Overview page's
 * operations at concurrency 8, import rows/s. Results → docs/performance.md.
 *
 * Env: BENCH_DATA_DIR (default /work/large-data; generated with `pnpm seed --scale large` when
 * missing), BENCH_PG_PORT (54500), BENCH_API_PORT (4300), BENCH_ITERATIONS (40), BENCH_SECONDS (15),
 * BENCH_CONCURRENCY (8), BENCH_IMPORT (1: run the import benchmark when the import module exists),
 * BENCH_PLAIN (1: time the plain SQL; 0 skips it for quick runs, and then docs/performance.md is not written),
 * BENCH_MAINTENANCE (1: time incremental rollup maintenance, rolled back; 0 skips it).
 *
 * BENCH_DATABASE_URL: measure on a PostgreSQL that is already running (e.g. shared with other
 * engineers) instead of starting the embedded one in BENCH_DATA_DIR. The API is then started with
 * src/bench/serve.ts, which does not migrate that database; the bench itself does not refresh
 * stale rollups (BENCH_REFRESH=1 to do it anyway) but waits up to BENCH_WAIT_FRESH seconds (300) for
 * the API's background refresher to catch them up, and records whether they were fresh.
 */
const apiDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const repoDir = join(apiDir, '../..');
const DATA_DIR = process.env.BENCH_DATA_DIR ?? '/work/large-data';
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54500);
const API_PORT = Number(process.env.BENCH_API_PORT ?? 4300);
const ITER = Number(process.env.BENCH_ITERATIONS ?? 40);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const RUN_IMPORT = (process.env.BENCH_IMPORT ?? '1') !== '0';
const RUN_PLAIN = (process.env.BENCH_PLAIN ?? '1') !== '0';
const EXTERNAL_URL = process.env.BENCH_DATABASE_URL || undefined;
const RUN_MAINTENANCE = (process.env.BENCH_MAINTENANCE ?? '1') !== '0';
const REFRESH = (process.env.BENCH_REFRESH ?? (EXTERNAL_URL ? '0' : '1')) !== '0';
const WAIT_FRESH_S = Number(process.env.BENCH_WAIT_FRESH ?? 300);
const PG_URL = EXTERNAL_URL ?? `postgres://postgres:loandesk@127.0.0.1:${PG_PORT}/loandesk`;
const API = `http://127.0.0.1:${API_PORT}/graphql`;
const NODE_ARGS = ['--import', '@swc-node/register/esm-register'];
const env = { ...process.env, DATA_DIR, EMBEDDED_PG_PORT: String(PG_PORT), SCALE: 'none' };
const log = (m: string) => console.log(`[bench] ${m}`);

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model ?? '?';
  const nproc = spawnSync('nproc').stdout?.toString().trim() || String(cpus().length);
  return { nproc, memGiB: (totalmem() / 2 ** 30).toFixed(1), cpu };
}

async function waitForApi(child: ChildProcess): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < 15 * 60_000) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      const r = await fetch(API, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the API did not start within 15 minutes');
}

let token = '';
/**
 * The bench's HTTP client: node:http with keep-alive sockets (one per concurrent client). It shares
 * the 2 cores with the API and PostgreSQL, so it is kept light: undici's fetch costs the client
 * about as much CPU per request as a cached answer costs the server.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(CONCURRENCY, 1) });
const apiUrl = new URL(API);
/** `x-response-cache` of each answer (hit / miss / bypass), counted per operation. */
let outcomes: Record<string, number> = {};
function post(body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent, host: apiUrl.hostname, port: apiUrl.port, path: apiUrl.pathname, method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const outcome = String(res.headers['x-response-cache'] ?? 'none');
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
async function gql(query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const body = JSON.parse(await post(JSON.stringify({ query, variables }))) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data!;
}

async function timeIt(fn: () => Promise<unknown>, n: number, budgetMs: number, min = 5): Promise<{ cold: number; samples: number[] }> {
  let t = performance.now();
  await fn();
  const cold = performance.now() - t;
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < n && (samples.length < min || performance.now() - start < budgetMs)) {
    t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return { cold, samples };
}

/**
 * What one request costs before any work: a bare node:http server in this process (the cheapest
 * possible HTTP answer on this machine), the API's `/healthz` (its middleware, no database), and
 * `SELECT 1` over the pg connection the plain SQL uses. Same keep-alive client as the operations.
 */
async function roundTripFloors(db: pg.Client, n = 300): Promise<Record<'bare' | 'healthz' | 'select1', { p50: number; p95: number }> & { n: number }> {
  const get = (port: number | string, path: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = http.request({ agent, host: '127.0.0.1', port, path }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', reject);
      req.end();
    });
  const bare = http.createServer((_q, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()));
  const barePort = (bare.address() as { port: number }).port;
  const measure = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 30; i++) await fn();
    const t: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = performance.now();
      await fn();
      t.push(performance.now() - a);
    }
    return { p50: pct(t, 50), p95: pct(t, 95) };
  };
  try {
    return {
      bare: await measure(() => get(barePort, '/')),
      healthz: await measure(() => get(apiUrl.port, '/healthz')),
      select1: await measure(() => db.query('SELECT 1')),
      n,
    };
  } finally {
    bare.close();
  }
}

interface Op {
  page: string;
  name: string;
  doc: string;
  vars: Record<string, unknown>;
  plain: string[] | null;
}

async function main(): Promise<void> {
  const started = new Date();
  const m = machine();
  log(`machine: ${m.nproc} cores, ${m.memGiB} GiB, ${m.cpu}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  let api: ChildProcess;
  if (EXTERNAL_URL) {
    log(`using the running database of BENCH_DATABASE_URL (not migrated); starting the API on :${API_PORT}`);
    api = spawn('node', [...NODE_ARGS, 'src/bench/serve.ts'], { cwd: apiDir, env: { ...process.env, DATABASE_URL: EXTERNAL_URL, PORT: String(API_PORT) }, stdio: ['ignore', 'pipe', 'inherit'] });
  } else {
    if (!existsSync(join(DATA_DIR, 'pg', 'PG_VERSION'))) {
      log(`no bank in ${DATA_DIR}: generating the large bank (seed 20261129, as of 2026-11-29; ~20–30 min on 2 cores)`);
      const r = spawnSync('node', [...NODE_ARGS, 'src/seed/cli.ts', '--scale', 'large', '--seed', '20261129', '--as-of', '2026-11-29'], { cwd: apiDir, env, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('generating the large bank failed');
    } else log(`reusing the bank in ${DATA_DIR}`);

    if (existsSync(join(DATA_DIR, 'pg', 'postmaster.pid'))) {
      throw new Error(`${DATA_DIR}/pg is in use by a running PostgreSQL (postmaster.pid); stop it first, or set BENCH_DATABASE_URL`);
    }
    log(`starting the API on :${API_PORT} (embedded PostgreSQL :${PG_PORT})`);
    api = spawn('node', [...NODE_ARGS, 'src/main.ts'], { cwd: apiDir, env: { ...env, PORT: String(API_PORT) }, stdio: ['ignore', 'pipe', 'inherit'] });
  }
  api.stdout!.on('data', (d: Buffer) => process.env.BENCH_VERBOSE && process.stdout.write(d));
  const db = new pg.Client({ connectionString: PG_URL });
  try {
    await waitForApi(api);
    await db.connect();
    await db.query(`SET statement_timeout = 0`);
    const counts = (await db.query(`SELECT (SELECT count(*) FROM org_unit WHERE kind = 'branch')::int AS branches,
      (SELECT count(*) FROM staff WHERE role IN ('client_manager', 'senior_client_manager'))::int AS cms,
      (SELECT count(*) FROM project)::int AS projects, (SELECT reltuples::bigint FROM pg_class WHERE relname = 'cash_flow_statement')::bigint AS statements`)).rows[0];
    log(`bank: ${JSON.stringify(counts)}`);

    // Rollups must be fresh before measuring (the API would otherwise answer from the base tables).
    const dirty = async () => (await db.query(`SELECT count(*)::int AS n, bool_or(source = 'never_refreshed') AS never FROM rollup_dirty`)).rows[0] as { n: number; never: boolean };
    let pending = await dirty();
    let refresh = 'already fresh';
    if (pending.n > 0 && !REFRESH) {
      log(`rollups stale (${pending.n} queued changes; BENCH_REFRESH=0): waiting up to ${WAIT_FRESH_S} s for someone to refresh them`);
      const until = Date.now() + WAIT_FRESH_S * 1000;
      while (pending.n > 0 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 5000));
        pending = await dirty();
      }
      refresh = pending.n > 0 ? `STALE (${pending.n} queued changes, not refreshed: reads fall back to the base tables)` : 'turned fresh while waiting';
      log(refresh);
    }
    if (pending.n > 0 && REFRESH) {
      log(`rollups stale (${pending.n} queued changes): refreshing ${pending.never ? 'everything' : 'the queue'}`);
      const r = await refreshRollupsAt(PG_URL, pending.never ? 'all' : 'dirty');
      refresh = `${r.mode} refresh ${r.seconds.toFixed(1)} s`;
      log(refresh);
    }
    const rollupRows = (await db.query(`SELECT (SELECT count(*) FROM rollup_fine)::int AS fine, (SELECT count(*) FROM rollup_bank)::int AS bank,
      (SELECT count(*) FROM rollup_branch)::int AS branch, (SELECT count(*) FROM rollup_manager)::int AS manager, (SELECT count(*) FROM rollup_coverage)::int AS coverage`)).rows[0];
    log(`rollup rows: ${JSON.stringify(rollupRows)}`);

    const calib = async () => {
      const t = performance.now();
      await db.query('SELECT count(*) FROM generate_series(1, 10000000)');
      return (performance.now() - t) / 1000;
    };
    const calBefore = await calib();

    await db.query(`INSERT INTO app_user (username, password_hash, role, display_name) VALUES ('bench.planner', $1, 'hq_planner', 'Benchmark planner')
      ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, active = true`, [await hashPassword('bench-password-1')]);
    token = ((await gql(`mutation { signIn(username: "bench.planner", password: "bench-password-1") { token } }`, {})) as { signIn: { token: string } }).signIn.token;

    const month = (await db.query(`SELECT to_char(max(month), 'YYYY-MM') AS m FROM cash_flow_statement`)).rows[0].m as string;
    const monthDate = `${month}-01`;
    const from = (await db.query(`SELECT to_char($1::date - interval '23 months', 'YYYY-MM') AS m`, [monthDate])).rows[0].m as string;
    // A typical branch: the one with the median number of projects.
    const branchId = (await db.query(`SELECT branch_id AS id FROM (SELECT branch_id, count(*) AS n, row_number() OVER (ORDER BY count(*), branch_id) AS r,
      count(*) OVER () AS t FROM project GROUP BY branch_id) x WHERE r = (t + 1) / 2`)).rows[0].id as number;
    log(`month ${month}, trend ${from} … ${month}, branch ${branchId}`);
    const bank = { kind: 'BANK' };
    const branch = { kind: 'BRANCH', id: String(branchId) };
    const inBranch = `p.branch_id = ${branchId}`;
    const list: Op[] = [
      { page: 'Overview', name: 'OverviewKpi (bank)', doc: ops.OVERVIEW_KPI, vars: { scope: bank, month }, plain: ops.plainKpiSnapshot('TRUE') },
      { page: 'Overview', name: 'KpiTrend (bank, 24 months)', doc: ops.KPI_TREND, vars: { scope: bank, from, to: month }, plain: ops.plainTrend('TRUE') },
      { page: 'Overview', name: 'OverviewScorecards (30 furthest from target × 3, counts)', doc: ops.OVERVIEW_SCORECARDS, vars: { month, selected: [] }, plain: ops.PLAIN_SCORECARDS },
      { page: 'Overview', name: 'BranchRankingCard (top and bottom 15; also on Rankings)', doc: ops.BRANCH_RANKING_CARD, vars: { month }, plain: ops.PLAIN_SCORECARDS },
      { page: 'Branch', name: 'BranchInfo', doc: ops.BRANCH_INFO, vars: { id: String(branchId) }, plain: null },
      { page: 'Branch', name: 'BranchScorecard (one branch)', doc: ops.BRANCH_SCORECARD, vars: { month, branchId: String(branchId) }, plain: ops.PLAIN_SCORECARDS },
      { page: 'Branch', name: 'OverviewKpi (branch)', doc: ops.OVERVIEW_KPI, vars: { scope: branch, month }, plain: ops.plainKpiSnapshot(inBranch) },
      { page: 'Branch', name: 'KpiTrend (branch, 24 months)', doc: ops.KPI_TREND, vars: { scope: branch, from, to: month }, plain: ops.plainTrend(inBranch) },
      { page: 'Branch', name: 'BranchWorkloads', doc: ops.BRANCH_WORKLOADS, vars: { month, branchId: String(branchId) }, plain: ops.PLAIN_WORKLOADS },
      { page: 'Branch', name: 'BranchRanking', doc: ops.BRANCH_RANKING, vars: { month, branchId: String(branchId) }, plain: ops.PLAIN_RANKING },
      { page: 'Branch', name: 'WatchList', doc: ops.WATCH_LIST, vars: { branchId: String(branchId) }, plain: ops.PLAIN_WATCH_LIST },
      { page: 'Rankings', name: 'ClientManagerRanking (bank, first 300)', doc: ops.CLIENT_MANAGER_RANKING, vars: { month }, plain: ops.PLAIN_RANKING },
      { page: 'Rankings', name: 'BranchTeams', doc: ops.BRANCH_TEAMS, vars: { id: String(branchId) }, plain: null },
    ];

    const rows: string[] = [];
    const results: { op: Op; p50: number; p95: number; cold: number; n: number; sql?: { p50: number; p95: number; n: number } }[] = [];
    for (const op of list) {
      outcomes = {};
      const g = await timeIt(() => gql(op.doc, op.vars), ITER, 20_000);
      const answered = Object.entries(outcomes).map(([k, n]) => `${k} ${n}`).join(', ');
      let sqlRes: { p50: number; p95: number; n: number } | undefined;
      if (op.plain && RUN_PLAIN) {
        const params = (t: string) => (t.startsWith('-- params: branch') ? [branchId] : t.includes('$2') ? [monthDate, branchId] : [monthDate]);
        const s = await timeIt(async () => {
          for (const q of op.plain!) await db.query(q, params(q));
        }, Math.min(ITER, 10), 15_000, 3);
        sqlRes = { p50: pct(s.samples, 50), p95: pct(s.samples, 95), n: s.samples.length };
      }
      const r = { op, p50: pct(g.samples, 50), p95: pct(g.samples, 95), cold: g.cold, n: g.samples.length, sql: sqlRes };
      results.push(r);
      const line = `| ${op.page} | ${op.name} | ${ms(r.cold)} | ${ms(r.p50)} | ${ms(r.p95)} | ${sqlRes ? ms(sqlRes.p50) : '–'} | ${sqlRes ? ms(sqlRes.p95) : '–'} | ${sqlRes ? `${(sqlRes.p50 / r.p50).toFixed(1)}×` : '–'} | ${r.p95 < 50 ? 'yes' : 'no'} | ${answered} |`;
      rows.push(line);
      log(line);
    }

    const dirtyAfterTimed = (await dirty()).n;
    const floors = await roundTripFloors(db);
    // An 8× speed-up needs plain SQL p50 ÷ 8 end to end; below the bare HTTP round trip no API can get there.
    const belowFloor = results.filter((r) => r.sql && r.sql.p50 / 8 < floors.bare.p50).map((r) => `${r.op.name} (plain SQL ${ms(r.sql!.p50)} ms → ${ms(r.sql!.p50 / 8)} ms)`);
    const floorLine = `bare Node HTTP server in the bench process ${ms(floors.bare.p50)} / ${ms(floors.bare.p95)} ms; the API's \`GET /healthz\` (Express, no database) ${ms(floors.healthz.p50)} / ${ms(floors.healthz.p95)} ms; \`SELECT 1\` through pg ${ms(floors.select1.p50)} / ${ms(floors.select1.p95)} ms (${floors.n} each)${belowFloor.length ? `. 8× would need less than the bare HTTP round trip for: ${belowFloor.join('; ')}` : ''}`;
    log(`round-trip floors: ${floorLine}`);
    // Throughput: the Overview page's operations, CONCURRENCY clients, SECONDS seconds.
    const overview = list.filter((o) => o.page === 'Overview');
    outcomes = {};
    let done = 0;
    let failed = 0;
    const lat: number[] = [];
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, w) => {
        let i = w;
        while (performance.now() < until) {
          const op = overview[i++ % overview.length]!;
          const t = performance.now();
          try {
            await gql(op.doc, op.vars);
            done++;
            lat.push(performance.now() - t);
          } catch {
            failed++;
          }
        }
      }),
    );
    const rps = done / SECONDS;
    const throughput = `${rps.toFixed(0)} req/s (${done} requests in ${SECONDS} s at concurrency ${CONCURRENCY}, ${failed} failed; latency p50 ${ms(pct(lat, 50))} ms, p95 ${ms(pct(lat, 95))} ms; response cache: ${Object.entries(outcomes).map(([k, n]) => `${k} ${n}`).join(', ')})`;
    log(`throughput, Overview operations together: ${throughput}`);
    const calAfter = await calib();

    // Incremental maintenance (rolled back): what submitStatement and reassignProjects add to their transaction.
    let maintenance = 'not measured (BENCH_MAINTENANCE=0)';
    if (RUN_MAINTENANCE) {
      const mt = await timeMaintenance(PG_URL, 5);
      maintenance = `submitStatement-like (1 project-month + month + 3) p50 ${ms(pct(mt.statementMs, 50))} ms, max ${ms(Math.max(...mt.statementMs))} ms; reassignProjects-like (1 project, every month) p50 ${ms(pct(mt.reassignMs, 50))} ms, max ${ms(Math.max(...mt.reassignMs))} ms (${mt.statementMs.length} runs each, rolled back)`;
    }
    log(`incremental maintenance: ${maintenance}`);

    // Rankings right after a write. Setting the workload norm to itself changes no figure but bumps
    // the configuration generation like any staff or weight change: every cache and ranking snapshot
    // is superseded, so the first reader waits for the bank-wide ranking to be built again (or for
    // the background refresher's build); the next readers (any branch) read the new snapshot.
    const firstAfterWrite: number[] = [];
    const nextAfterWrite: number[] = [];
    const otherBranches = (await db.query(`SELECT id FROM org_unit WHERE kind = 'branch' AND id <> $1 ORDER BY id LIMIT 3`, [branchId])).rows.map((r) => String(r.id));
    for (const other of otherBranches) {
      await db.query(`UPDATE setting SET value = value WHERE key = 'workload_norm'`);
      let t = performance.now();
      await gql(ops.CLIENT_MANAGER_RANKING, { month });
      firstAfterWrite.push(performance.now() - t);
      t = performance.now();
      await gql(ops.BRANCH_RANKING, { month, branchId: other });
      nextAfterWrite.push(performance.now() - t);
    }
    const afterWrite = `first reader (bank, first 300) ${firstAfterWrite.map((x) => ms(x)).join(' / ')} ms; next reader (another branch) ${nextAfterWrite.map((x) => ms(x)).join(' / ')} ms (${firstAfterWrite.length} writes)`;
    log(`rankings right after a write: ${afterWrite}`);

    // Rankings right after a statement is filed through the API (the everyday write): the snapshot
    // is rebuilt incrementally, re-scoring only that client manager. Each statement is removed with
    // plain SQL (rollups caught up, untimed) and filed again with the same figures and date.
    const submitMs: number[] = [];
    const firstAfterStatement: number[] = [];
    const nextAfterStatement: number[] = [];
    const refiled = (await db.query(`
      SELECT s.project_id, to_char(s.month, 'YYYY-MM') AS month, s.balance::text, s.principal_due::text, s.interest_due::text,
             s.principal_repaid::text, s.interest_repaid::text, upper(s.classification::text) AS classification, s.days_overdue,
             to_char(s.submitted_on, 'YYYY-MM-DD') AS submitted_on
      FROM cash_flow_statement s JOIN project p ON p.id = s.project_id AND p.status = 'active' AND p.manager_id IS NOT NULL
      WHERE s.month = $1::date AND s.submitted_on IS NOT NULL AND p.branch_id <> ALL ($2::int[])
      ORDER BY s.project_id LIMIT 3`, [`${month}-01`, otherBranches.map(Number)])).rows;
    for (const [n, st] of refiled.entries()) {
      await db.query(`DELETE FROM cash_flow_statement WHERE project_id = $1 AND month = $2::date`, [st.project_id, `${st.month}-01`]);
      await refreshRollupsAt(PG_URL, 'dirty');
      let t = performance.now();
      await gql(`mutation($i: SubmitStatementInput!) { submitStatement(input: $i) { month } }`, {
        i: { projectId: String(st.project_id), month: st.month, balance: st.balance, principalDue: st.principal_due, interestDue: st.interest_due,
             principalRepaid: st.principal_repaid, interestRepaid: st.interest_repaid, classification: st.classification,
             daysOverdue: st.days_overdue, submittedOn: st.submitted_on },
      });
      submitMs.push(performance.now() - t);
      t = performance.now();
      await gql(ops.CLIENT_MANAGER_RANKING, { month });
      firstAfterStatement.push(performance.now() - t);
      t = performance.now();
      await gql(ops.BRANCH_RANKING, { month, branchId: otherBranches[n % otherBranches.length] });
      nextAfterStatement.push(performance.now() - t);
    }
    const afterStatement = `submitStatement ${submitMs.map((x) => ms(x)).join(' / ')} ms; then first reader (bank, first 300) ${firstAfterStatement.map((x) => ms(x)).join(' / ')} ms; next reader (another branch) ${nextAfterStatement.map((x) => ms(x)).join(' / ')} ms (${submitMs.length} statements)`;
    log(`rankings right after a statement: ${afterStatement}`);

    // Import rows/s through the import module's own benchmark (new BENCH projects + 12 months of statements).
    let importLine = 'not measured (BENCH_IMPORT=0)';
    let importRefresh = '';
    const importBench = join(apiDir, 'src/modules/import/bench.ts');
    if (RUN_IMPORT && existsSync(join(apiDir, 'src/import-cli.ts')) && existsSync(importBench)) {
      const projects = process.env.BENCH_IMPORT_PROJECTS ?? '20000';
      log(`import: src/modules/import/bench.ts --projects ${projects} --months 12 (on the running database)`);
      const r = spawnSync('node', [...NODE_ARGS, 'src/modules/import/bench.ts', '--projects', projects, '--months', '12'], {
        cwd: apiDir, env: { ...env, DATABASE_URL: PG_URL }, encoding: 'utf8', maxBuffer: 64 << 20,
      });
      process.stdout.write(r.stdout ?? '');
      // "statements:" and "again" (idempotent re-import) with the rows/s line under each.
      const out = (r.stdout ?? '').split('\n');
      const summary = (label: string): string | null => {
        const i = out.findIndex((l) => l.startsWith(label));
        return i < 0 ? null : `${out[i]!.trim()} — ${(out[i + 1] ?? '').trim()}`;
      };
      const st = summary('statements');
      const again = summary('again');
      importLine = st ? `${st}${again ? `; re-import of the same file: ${again}` : ''}` : `failed (exit ${r.status}): ${(r.stderr ?? '').slice(-300)}`;
      // The import leaves rollups stale unless the import hook is wired: bring them back.
      const t = performance.now();
      const rr = await refreshRollupsAt(PG_URL, 'dirty');
      importRefresh = `rollups after the import: ${rr.mode} refresh (${rr.months.length} months) in ${((performance.now() - t) / 1000).toFixed(1)} s`;
      log(importRefresh);
    } else if (RUN_IMPORT) importLine = 'not measured (no import module)';

    const finished = new Date();
    const uptime = spawnSync('uptime').stdout?.toString().trim() ?? '';
    const report = [
      `<!-- bench:start -->`,
      `### Latest run: ${finished.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `- Command: \`pnpm bench\` (${ITER} timed runs per GraphQL operation after one cold run; plain SQL after one cold run: at least 3 runs, up to 10 within 15 s; ${EXTERNAL_URL ? 'BENCH_DATABASE_URL (running server, not migrated)' : `BENCH_DATA_DIR=${DATA_DIR}`})`,
      `- Machine: ${m.nproc} cores (\`nproc\`), ${m.memGiB} GiB RAM, ${m.cpu}; load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}; calibration \`SELECT count(*) FROM generate_series(1, 10000000)\` ${calBefore.toFixed(2)} s before, ${calAfter.toFixed(2)} s after (≈ 0.5 s when a core is idle)`,
      `- Bank: ${JSON.stringify(counts)}; month ${month}; branch ${branchId} (median size)`,
      `- Rollups: ${refresh}; rows ${JSON.stringify(rollupRows)}; queued changes after the timed runs: ${dirtyAfterTimed}${dirtyAfterTimed ? ' (STALE: some reads fell back to the base tables)' : ''}`,
      `- \`uptime\` at the end: ${uptime}`,
      '',
      '| page | operation | cold ms | p50 ms | p95 ms | plain SQL p50 ms | plain SQL p95 ms | speed-up (p50) | p95 < 50 ms | response cache (cold + timed runs) |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
      ...rows,
      '',
      `- Round-trip floors, one request at a time (p50 / p95): ${floorLine}`,
      `- Throughput, Overview operations together (${overview.map((o) => o.name.replace(/ \(.*/, '')).join(' + ')} in turn): ${throughput}`,
      `- Incremental rollup maintenance inside the writer's transaction: ${maintenance}`,
      `- Client-manager ranking right after a write (a configuration change that supersedes every cache and snapshot): ${afterWrite}`,
      `- Client-manager ranking right after a statement filed through the API (snapshot rebuilt incrementally): ${afterStatement}`,
      `- Import: ${importLine}`,
      ...(importRefresh ? [`- ${importRefresh}`] : []),
      `- Took ${((finished.getTime() - started.getTime()) / 1000).toFixed(0)} s.`,
      `<!-- bench:end -->`,
    ].join('\n');
    const docPath = join(repoDir, RUN_PLAIN ? 'docs/performance.md' : 'docs/performance.quick.md');
    const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Performance\n\n<!-- bench:start -->\n<!-- bench:end -->\n';
    const next = doc.includes('<!-- bench:start -->')
      ? doc.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, report)
      : `${doc}\n${report}\n`;
    writeFileSync(docPath, next);
    console.log(`\n${report}\n`);
    log(`written to ${docPath}`);
  } finally {
    await db.end().catch(() => {});
    agent.destroy();
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
}

await main();
