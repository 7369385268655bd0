/**
 * Rankings under a steady write load (issue 6): a writer reassigns one project back and forth
 * between two client managers through the API every WRITE_MS (each write maintains the rollups in
 * its transaction and supersedes the ranking snapshot), while READERS loops ask for the Rankings
 * page's bank-wide ranking and a branch's ranking. Prints the readers' latencies, the writes' and
 * how the snapshots were built (whole / incremental, from ranking_snapshot).
 *
 *   DATABASE_URL=postgresql://… node --import @swc-node/register/esm-register src/bench/serve.ts &   # the API (:4310)
 *   DATABASE_URL=postgresql://… API_URL=http://127.0.0.1:4310/graphql \
 *     node --import @swc-node/register/esm-register src/bench/ranking-soak.ts
 *
 * Env: SECONDS (60), WRITE_MS (1000), READERS (2), BENCH_USER / BENCH_PASSWORD (bench.planner,
 * created by `pnpm bench`). The project ends where it started (an even number of moves is made
 * when the run ends on an odd one).
 */
import pg from 'pg';
import * as ops from './operations.js';

const API_URL = process.env.API_URL ?? 'http://127.0.0.1:4310/graphql';
const SECONDS = Number(process.env.SECONDS ?? 60);
const WRITE_MS = Number(process.env.WRITE_MS ?? 1000);
const READERS = Number(process.env.READERS ?? 2);
const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
await db.connect();

let token = '';
async function gql(query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(API_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data!;
}
token = ((await gql(`mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }`, {
  u: process.env.BENCH_USER ?? 'bench.planner', p: process.env.BENCH_PASSWORD ?? 'bench-password-1',
})) as { signIn: { token: string } }).signIn.token;

const month = (await db.query(`SELECT to_char(max(month), 'YYYY-MM') AS m FROM cash_flow_statement`)).rows[0].m as string;
// A project with a statement in the month, and a colleague of its manager in the same unit.
const [pair] = (await db.query(`
  SELECT p.id, p.manager_id AS "from", s2.id AS "to"
  FROM project p JOIN staff s1 ON s1.id = p.manager_id
  JOIN staff s2 ON s2.unit_id = s1.unit_id AND s2.id <> s1.id AND s2.active AND s2.role IN ('client_manager', 'senior_client_manager')
  WHERE p.status = 'active' AND EXISTS (SELECT 1 FROM cash_flow_statement z WHERE z.project_id = p.id AND z.month = $1::date)
  ORDER BY p.id LIMIT 1`, [`${month}-01`])).rows;
const branches = (await db.query(`SELECT id FROM org_unit WHERE kind = 'branch' ORDER BY id LIMIT 50`)).rows.map((r) => String(r.id));
const firstSnapshot = Number((await db.query(`SELECT coalesce(max(id), 0) AS id FROM ranking_snapshot`)).rows[0].id);

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const fmt = (xs: number[]): string => `n ${xs.length}, p50 ${pct(xs, 50).toFixed(0)} ms, p95 ${pct(xs, 95).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;

const end = Date.now() + SECONDS * 1000;
const writes: number[] = [];
const bank: number[] = [];
const branch: number[] = [];
let errors = 0;
let moves = 0;

async function move(): Promise<void> {
  const { rows } = await db.query(`SELECT version, manager_id FROM project WHERE id = $1`, [pair.id]);
  const to = rows[0].manager_id === pair.from ? pair.to : pair.from;
  const t = performance.now();
  await gql(`mutation($input: ReassignProjectsInput!) { reassignProjects(input: $input) { id } }`, {
    input: { items: [{ projectId: String(pair.id), expectedVersion: rows[0].version }], toClientManagerId: String(to), reason: 'ranking soak' },
  });
  writes.push(performance.now() - t);
  moves++;
}

async function writer(): Promise<void> {
  while (Date.now() < end) {
    const t = Date.now();
    await move().catch(() => errors++);
    await new Promise((r) => setTimeout(r, Math.max(0, WRITE_MS - (Date.now() - t))));
  }
}

// Snapshots are deleted once superseded: watch them as they appear.
const seen = new Map<number, { incremental: boolean; ms: number }>();
async function watcher(): Promise<void> {
  let last = firstSnapshot;
  while (Date.now() < end + 3000) {
    const { rows } = await db.query(`SELECT id, base_id, build_ms FROM ranking_snapshot WHERE id > $1 AND build_ms IS NOT NULL ORDER BY id`, [last]);
    for (const r of rows) {
      seen.set(Number(r.id), { incremental: r.base_id !== null, ms: r.build_ms });
      last = Math.max(last, Number(r.id));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function reader(n: number): Promise<void> {
  let i = n;
  while (Date.now() < end) {
    const t = performance.now();
    try {
      if (i % 2 === 0) {
        await gql(ops.CLIENT_MANAGER_RANKING, { month });
        bank.push(performance.now() - t);
      } else {
        await gql(ops.BRANCH_RANKING, { month, branchId: branches[i % branches.length] });
        branch.push(performance.now() - t);
      }
    } catch {
      errors++;
    }
    i++;
  }
}

console.log(`[soak] ${SECONDS} s: a reassignment every ${WRITE_MS} ms (project ${pair.id}, staff ${pair.from} ⇄ ${pair.to}), ${READERS} readers, month ${month}`);
const watching = watcher();
await Promise.all([writer(), ...Array.from({ length: READERS }, (_, n) => reader(n))]);
if (moves % 2 === 1) await move(); // back where it started
await watching;

const inc = [...seen.values()].filter((b) => b.incremental).map((b) => b.ms);
const whole = [...seen.values()].filter((b) => !b.incremental).map((b) => b.ms);
console.log(`[soak] writes (reassignProjects): ${fmt(writes)}`);
console.log(`[soak] bank-wide ranking (first 300): ${fmt(bank)}`);
console.log(`[soak] branch ranking: ${fmt(branch)}`);
console.log(`[soak] errors: ${errors}; moves ${moves}; snapshots seen ${seen.size}: incremental ${inc.length ? fmt(inc) : 'none'}; whole ${whole.length ? fmt(whole) : 'none'}`);
await db.end();
