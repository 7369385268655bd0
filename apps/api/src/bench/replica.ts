import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { startEmbeddedStandby } from '../db/embedded-standby.js';
import { migrate, openOrm } from '../db/orm.js';
import { seedBank } from '../seed/seed.service.js';
import { hashPassword } from '../modules/auth/password.js';
import { createApp } from '../server/app.js';
import * as ops from './operations.js';
import { freePort } from '../common/free-port.js';

/**
 * `pnpm bench:replica` (docs/scaling.md, read replicas): the demo bank on an embedded primary and
 * a streaming replica of it on this machine, one API without the replica and one with it
 * (DATABASE_READ_URL), and per API: latency of dashboard operations (cached and uncached), the
 * Overview's throughput at concurrency 8, and after statements filed through the API: how long the
 * replica takes to replay them and what the writer's next read costs. Both servers share this
 * machine's cores, so throughput here shows the routing's cost, not a replica's added capacity.
 *
 * Env: ITER (200 timed requests per operation), SECONDS (10 s of throughput), WRITES (20).
 */
const ITER = Number(process.env.ITER ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 10);
const WRITES = Number(process.env.WRITES ?? 20);
const log = (m: string): void => console.log(`[bench:replica] ${m}`);


const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const f1 = (n: number): string => n.toFixed(1);

async function post(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<{ body: unknown; readFrom: string | null; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return { body, readFrom: res.headers.get('x-read-from'), ms: performance.now() - t0 };
}

const dir = mkdtempSync(join(tmpdir(), 'loan-desk-bench-replica-'));
chmodSync(dir, 0o755);
const primary = await startEmbeddedPostgres({ dir: join(dir, 'primary'), port: await freePort() });
const cleanup: (() => Promise<unknown>)[] = [async () => primary.stop()];
try {
  const orm0 = await openOrm(primary.url);
  await migrate(orm0);
  await orm0.close(true);
  log('loading the demo bank');
  await seedBank(primary.url, { scale: 'demo', seed: 20261129, asOf: '2026-11-29' });
  const db = new pg.Client({ connectionString: primary.url });
  await db.connect();
  cleanup.unshift(() => db.end());
  await db.query(`INSERT INTO app_user (username, password_hash, role, display_name) VALUES ('bench.replica', $1, 'hq_planner', 'Replica bench')`, [await hashPassword('bench-password-1')]);
  const t0 = performance.now();
  const standby = await startEmbeddedStandby({ primaryUrl: primary.url, dir: join(dir, 'standby'), port: await freePort() });
  cleanup.unshift(() => standby.stop());
  log(`standby started in ${f1((performance.now() - t0) / 1000)} s`);
  const rep = new pg.Client({ connectionString: standby.url });
  await rep.connect();
  cleanup.unshift(() => rep.end());

  const secret = Buffer.from('a-session-secret-for-the-replica-benchmark-0123456789');
  const apis: Record<'primary only' | 'with replica', string> = {} as never;
  for (const name of ['primary only', 'with replica'] as const) {
    const orm = await openOrm(primary.url);
    const readOrm = name === 'with replica' ? await openOrm(standby.url) : undefined;
    const app = await createApp({ orm, sessionSecret: secret, log: () => {}, readReplica: readOrm ? { orm: readOrm, maxLagMs: 5000 } : undefined });
    const server: Server = await new Promise((resolve) => {
      const s = app.express.listen(0, '127.0.0.1', () => resolve(s));
    });
    cleanup.unshift(async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await app.stop();
      await readOrm?.close(true);
      await orm.close(true);
    });
    apis[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  const signIn = async (url: string): Promise<string> => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { signIn(username: "bench.replica", password: "bench-password-1") { token } }` }) });
    return ((await res.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
  };
  const { rows: [br] } = await db.query<{ id: number }>(`SELECT id FROM org_unit WHERE kind = 'branch' ORDER BY id LIMIT 1`);
  const operations = [
    { name: 'OverviewKpi (cached)', doc: ops.OVERVIEW_KPI, vars: { scope: { kind: 'BANK' }, month: '2026-10' } },
    { name: 'ClientManagerRanking (cached)', doc: ops.CLIENT_MANAGER_RANKING, vars: { month: '2026-10' } },
    { name: 'WatchList (not cacheable)', doc: ops.WATCH_LIST, vars: { branchId: String(br!.id) } },
  ];
  // Two tokens per API: one only reads, one writes (its reads follow its own writes).
  const tokens = Object.fromEntries(await Promise.all(Object.entries(apis).map(async ([k, url]) => [k, { reader: await signIn(url), writer: await signIn(url) }]))) as Record<keyof typeof apis, { reader: string; writer: string }>;
  const waitReplayed = async (): Promise<number> => {
    const t = performance.now();
    const { rows: [p] } = await db.query<{ l: string }>(`SELECT pg_current_wal_lsn()::text AS l`);
    while (!(await rep.query<{ ok: boolean }>(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [p!.l])).rows[0]!.ok) await new Promise((r) => setTimeout(r, 1));
    return performance.now() - t;
  };
  await waitReplayed();

  const lines: string[] = [];
  lines.push(`| operation | API | p50 ms | p95 ms | answered by |`, `| --- | --- | ---: | ---: | --- |`);
  for (const op of operations) {
    for (const [name, url] of Object.entries(apis)) {
      const token = tokens[name as keyof typeof apis].reader;
      await post(url, token, op.doc, op.vars);
      const ms: number[] = [];
      const from = new Map<string, number>();
      for (let i = 0; i < ITER; i++) {
        const r = await post(url, token, op.doc, op.vars);
        ms.push(r.ms);
        from.set(r.readFrom ?? 'primary', (from.get(r.readFrom ?? 'primary') ?? 0) + 1);
      }
      lines.push(`| ${op.name} | ${name} | ${f1(pct(ms, 50))} | ${f1(pct(ms, 95))} | ${[...from].map(([k, n]) => `${k} ×${n}`).join(', ')} |`);
    }
  }
  lines.push('', `| Overview throughput (OverviewKpi + OverviewScorecards + KpiTrend, concurrency 8, ${SECONDS} s) | req/s |`, `| --- | ---: |`);
  const overview = [
    { doc: ops.OVERVIEW_KPI, vars: { scope: { kind: 'BANK' }, month: '2026-10' } },
    { doc: ops.OVERVIEW_SCORECARDS, vars: { month: '2026-10', selected: [] } },
    { doc: ops.KPI_TREND, vars: { scope: { kind: 'BANK' }, from: '2025-11', to: '2026-10' } },
  ];
  for (const [name, url] of Object.entries(apis)) {
    const token = tokens[name as keyof typeof apis].reader;
    for (const o of overview) await post(url, token, o.doc, o.vars);
    let n = 0;
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: 8 }, async (_, w) => {
      for (let i = w; performance.now() < until; i++) {
        const o = overview[i % overview.length]!;
        await post(url, token, o.doc, o.vars);
        n++;
      }
    }));
    lines.push(`| ${name} | ${Math.round(n / SECONDS)} |`);
  }

  // Statements filed through the API with the replica: replay time, and the writer's next read.
  const url = apis['with replica'];
  const { writer, reader } = tokens['with replica'];
  const projects = (await db.query<{ id: number }>(`
    SELECT p.id FROM project p WHERE p.status = 'active'
      AND EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-10-01')
      AND NOT EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-11-01')
    ORDER BY p.id LIMIT $1`, [WRITES])).rows;
  const replay: number[] = [];
  const ownRead: number[] = [];
  const ownFrom = new Map<string, number>();
  const otherFrom = new Map<string, number>();
  const nov = { scope: { kind: 'BANK' }, month: '2026-11' };
  for (const p of projects) {
    await post(url, writer, `mutation($i: SubmitStatementInput!) { submitStatement(input: $i) { month } }`, {
      i: { projectId: String(p.id), month: '2026-11', balance: '1000.00', principalDue: '0.00', interestDue: '0.00', principalRepaid: '0.00',
           interestRepaid: '0.00', classification: 'NORMAL', daysOverdue: 0, submittedOn: '2026-11-28' },
    });
    const [own, other, lag] = await Promise.all([post(url, writer, ops.OVERVIEW_KPI, nov), post(url, reader, ops.OVERVIEW_KPI, nov), waitReplayed()]);
    replay.push(lag);
    ownRead.push(own.ms);
    ownFrom.set(own.readFrom ?? '', (ownFrom.get(own.readFrom ?? '') ?? 0) + 1);
    otherFrom.set(other.readFrom ?? '', (otherFrom.get(other.readFrom ?? '') ?? 0) + 1);
    await new Promise((r) => setTimeout(r, 200));
  }
  const fmt = (m: Map<string, number>) => [...m].map(([k, n]) => `${k} ×${n}`).join(', ');
  lines.push(
    '', `After each of ${projects.length} statements filed through the API (with replica):`,
    `- the replica had replayed it within p50 ${f1(pct(replay, 50))} ms, max ${f1(Math.max(...replay))} ms (polled from the moment the mutation returned);`,
    `- the writer's next OverviewKpi: p50 ${f1(pct(ownRead, 50))} ms, p95 ${f1(pct(ownRead, 95))} ms, answered by ${fmt(ownFrom)};`,
    `- another session's OverviewKpi at the same moment: answered by ${fmt(otherFrom)}.`,
  );
  const cpu = cpus();
  console.log(`\n${new Date().toISOString()} · ${cpu.length} × ${cpu[0]?.model ?? 'cpu'} · ${Math.round(totalmem() / 2 ** 30)} GiB · demo bank · ITER=${ITER} SECONDS=${SECONDS} WRITES=${WRITES}\n`);
  console.log(lines.join('\n'));
} finally {
  for (const c of cleanup) await c().catch((e) => console.error(e));
  rmSync(dir, { recursive: true, force: true });
}
