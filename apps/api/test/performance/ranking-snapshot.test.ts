import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TestDatabase } from '../support/db.js';
import type { TestServer } from '../support/server.js';
import { withTestServer } from '../support/fixture.js';
import { DEMO_END_MONTH } from '../support/constants.js';
import { PerformanceRepository, type RankingFilter } from '../../src/modules/performance/performance.repository.js';
import { buildRankingSnapshot, ensureRankingSnapshot, snapshotKey } from '../../src/modules/performance/ranking.snapshot.js';
import { rankingSnapshotWarmer } from '../../src/modules/performance/performance.service.js';
import { execOf, refreshRollups, refreshRollupsAt, rollupFreshness, startRollupRefresher } from '../../src/modules/rollup/rollup.service.js';
import { rankedCte, rankedParams, SNAPSHOT_COLUMNS } from '../../src/modules/performance/ranking.sql.js';

/**
 * Ranking snapshots (modules/performance/ranking.snapshot.ts): the stored bank-wide ranking gives
 * exactly what computing it from the base tables gives, for every filter and row scope; it is
 * keyed by the state it was built from, so a write is in the next answer; concurrent builders
 * share one build; the background refresher builds the latest month's after a write; a rebuild
 * after a write scores only the people whose rollup rows changed and gives exactly what a whole
 * computation gives.
 * (The hand-worked ranking values of test/performance/ranking.test.ts are served through this
 * path too: those requests run outside transactions on fresh rollups.)
 */
describe('ranking snapshots', () => {
  let db: TestDatabase;
  let server: TestServer;
  const em = (): EntityManager => db.orm.em.fork() as unknown as EntityManager;
  type Private = Record<string, (...a: unknown[]) => Promise<unknown>>;

  withTestServer('demo', (d, s) => {
    db = d;
    server = s;
  });

  async function inputs(month: string) {
    const repo = new PerformanceRepository(em());
    const version = await repo.weightVersionFor('client_manager' as never, null, month);
    return { month, norm: await repo.workloadNorm(), versionId: Number(version!.id) };
  }

  async function filters(month: string): Promise<RankingFilter[]> {
    const i = await inputs(month);
    const [b] = await db.query<{ id: number }>(`SELECT id FROM org_unit WHERE kind = 'branch' ORDER BY id LIMIT 1 OFFSET 1`);
    const [t] = await db.query<{ id: number }>(`SELECT team_id AS id FROM staff WHERE team_id IS NOT NULL GROUP BY team_id ORDER BY count(*) DESC, team_id LIMIT 1`);
    const [cm] = await db.query<{ id: number }>(`SELECT manager_id AS id FROM project WHERE manager_id IS NOT NULL GROUP BY manager_id ORDER BY count(*) DESC, manager_id LIMIT 1`);
    const base = { ...i, scope: 'TRUE', branchId: null, teamId: null, role: null };
    return [
      base,
      { ...base, branchId: b!.id },
      { ...base, teamId: t!.id },
      { ...base, role: 'senior_client_manager' },
      { ...base, scope: `branch_id = ${b!.id}` }, // a branch head's row scope
      { ...base, scope: `id = ${cm!.id}` }, // a client manager's
    ];
  }

  async function expectSnapshotEqualsBase(month: string) {
    const fr = await rollupFreshness(execOf(em()));
    const snap = await ensureRankingSnapshot(em(), await inputs(month), fr);
    expect(snap).not.toBeNull();
    const repo = new PerformanceRepository(em()) as unknown as Private;
    for (const f of await filters(month)) {
      const fromSnapshot = await repo.rankingPageQuery!.call(repo, f, 100000, null, { snapshot: snap!.id });
      const fromBase = await repo.rankingPageQuery!.call(repo, f, 100000, null, false);
      expect(fromSnapshot, JSON.stringify(f)).toEqual(fromBase);
      expect((fromBase as unknown[]).length).toBeGreaterThan(0);
      // a page in the middle (keyset on rank)
      expect(await repo.rankingPageQuery!.call(repo, f, 7, 5, { snapshot: snap!.id })).toEqual(await repo.rankingPageQuery!.call(repo, f, 7, 5, false));
      expect(await repo.scoreDistributionQuery!.call(repo, f, { snapshot: snap!.id }), JSON.stringify(f)).toEqual(await repo.scoreDistributionQuery!.call(repo, f, false));
    }
    return snap!;
  }

  const Q = `query($m: Month, $b: ID) { clientManagerRanking(month: $m, branchId: $b, first: 500) {
      count distribution { mean median topDecile { threshold count } }
      rows { totalCount nodes { staff { id } score rank branchRank quartile previousRank } } } }`;

  it('equals the ranking computed from the base tables for every filter, page and row scope', async () => {
    const snap = await expectSnapshotEqualsBase(DEMO_END_MONTH);
    const [row] = await db.query<{ rows: number; cms: number }>(
      `SELECT rows, (SELECT count(*)::int FROM staff s WHERE s.active AND s.role IN ('client_manager', 'senior_client_manager')
                       AND s.hired_on <= ($2::date + interval '1 month' - interval '1 day')::date) AS cms
       FROM ranking_snapshot WHERE id = $1`,
      [snap.id, `${DEMO_END_MONTH}-01`],
    );
    expect(row!.rows).toBe(row!.cms); // every client manager of the month, ranked bank-wide
    await expectSnapshotEqualsBase('2026-01');
  });

  it('is keyed by the state it was built from: a write is in the next answer, and the superseded snapshot is deleted', async () => {
    const before = await server.gql(Q, {});
    expect(before.errors).toBeUndefined();
    const fr1 = await rollupFreshness(execOf(em()));
    const i = await inputs(DEMO_END_MONTH);
    const [{ id: oldId }] = (await db.query<{ id: string }>(`SELECT id FROM ranking_snapshot WHERE key = $1`, [snapshotKey(fr1, i)])) as [{ id: string }];

    // File the latest statement of a ranked client manager's project again, as LOSS, through the API
    // (removed with plain SQL first: submitStatement only files new statements).
    const [p] = await db.query<{ id: number; manager: number }>(`
      SELECT s.project_id AS id, p.manager_id AS manager FROM cash_flow_statement s JOIN project p ON p.id = s.project_id
      WHERE s.month = $1::date AND s.classification = 'normal' AND p.manager_id IS NOT NULL ORDER BY s.balance DESC LIMIT 1`, [`${DEMO_END_MONTH}-01`]);
    await db.query(`DELETE FROM cash_flow_statement WHERE project_id = $1 AND month = $2::date`, [p!.id, `${DEMO_END_MONTH}-01`]);
    const r = await server.gql(`mutation($i: SubmitStatementInput!) { submitStatement(input: $i) { month } }`, {
      i: { projectId: String(p!.id), month: DEMO_END_MONTH, balance: '98765432.10', principalDue: '1000.00', interestDue: '0.00', principalRepaid: '0.00',
           interestRepaid: '0.00', classification: 'LOSS', daysOverdue: 200 },
    });
    expect(r.errors).toBeUndefined();

    const after = await server.gql(Q, {});
    expect(after.errors).toBeUndefined();
    const score = (res: typeof after) => res.data!.clientManagerRanking.rows.nodes.find((n: { staff: { id: string } }) => n.staff.id === String(p!.manager))?.score;
    expect(score(after)).not.toBe(score(before));
    // What was served equals the base-table computation at the new state.
    const repo = new PerformanceRepository(em()) as unknown as Private;
    const f = { ...i, scope: 'TRUE', branchId: null, teamId: null, role: null };
    const base = (await repo.rankingPageQuery!.call(repo, f, 500, null, false)) as { id: number; score: string; rank: number }[];
    expect(after.data!.clientManagerRanking.rows.nodes.map((n: { staff: { id: string }; score: string; rank: number }) => [n.staff.id, n.score, n.rank]))
      .toEqual(base.map((b) => [String(b.id), b.score, b.rank]));
    const fr2 = await rollupFreshness(execOf(em()));
    expect(fr2.generation).not.toBe(fr1.generation);
    const snaps = await db.query<{ id: string; key: string }>(`SELECT id, key FROM ranking_snapshot`);
    expect(snaps.map((s) => s.key)).toContain(snapshotKey(fr2, i));
    expect(snaps.map((s) => s.id)).not.toContain(oldId);
  });

  it('a reader holding a deleted snapshot sees it gone (present = false) and the repository recomputes', async () => {
    const i = await inputs(DEMO_END_MONTH);
    const snap = await buildRankingSnapshot(em(), i);
    await db.query(`DELETE FROM ranking_snapshot WHERE id = $1`, [snap!.id]);
    const repo = new PerformanceRepository(em()) as unknown as Private;
    const f = { ...i, scope: 'TRUE', branchId: null, teamId: null, role: null };
    const gone = (await repo.rankingPageQuery!.call(repo, f, 10, null, { snapshot: snap!.id })) as { present: boolean; id: number | null }[];
    expect(gone).toEqual([expect.objectContaining({ present: false, total: 0, id: null })]);
    expect(((await repo.scoreDistributionQuery!.call(repo, f, { snapshot: snap!.id })) as { present: boolean }).present).toBe(false);
    // The public path finds no snapshot for the key, builds one and answers like the base tables.
    const page = await new PerformanceRepository(em()).rankingPage(f, 500, null);
    expect(page).toEqual(await repo.rankingPageQuery!.call(repo, f, 500, null, false));
  });

  it('concurrent builders of the same key (as from two API processes) share one build', async () => {
    await db.query(`DELETE FROM ranking_snapshot`);
    const i = await inputs('2026-06');
    const [a, b, c] = await Promise.all([buildRankingSnapshot(em(), i), buildRankingSnapshot(em(), i), buildRankingSnapshot(em(), i)]);
    expect(a!.id).toBe(b!.id);
    expect(b!.id).toBe(c!.id);
    expect([a, b, c].filter((x) => x!.built)).toHaveLength(1);
    const [n] = await db.query<{ snaps: number; rows: number }>(
      `SELECT (SELECT count(*)::int FROM ranking_snapshot) AS snaps, (SELECT count(*)::int FROM ranking_snapshot_row) AS rows`,
    );
    expect(n!.snaps).toBe(1);
    expect(n!.rows).toBe(a!.rows + b!.rows + c!.rows);
  });

  it('is not built from stale rollups', async () => {
    await db.query(`INSERT INTO rollup_dirty (source, month) VALUES ('test', $1::date)`, [`${DEMO_END_MONTH}-01`]);
    try {
      expect(await buildRankingSnapshot(em(), await inputs(DEMO_END_MONTH))).toBeNull();
      expect(await ensureRankingSnapshot(em(), await inputs(DEMO_END_MONTH), await rollupFreshness(execOf(em())))).toBeNull();
    } finally {
      await db.query(`DELETE FROM rollup_dirty WHERE source = 'test'`);
    }
  });

  /** Every stored row of a snapshot, and the whole ranking computed afresh from the rollups, in rank order. */
  async function storedRows(id: number) {
    return db.query(`SELECT ${SNAPSHOT_COLUMNS} FROM ranking_snapshot_row WHERE snapshot_id = $1 ORDER BY rank`, [id]);
  }
  async function wholeRows(i: Awaited<ReturnType<typeof inputs>>) {
    return execOf(em())(`WITH ${rankedCte(true)} SELECT ${SNAPSHOT_COLUMNS} FROM cur_ranked ORDER BY rank`, rankedParams(i));
  }

  it('after a write, a rebuild scores only the people whose rollup rows changed and equals the whole computation', async () => {
    for (const month of [DEMO_END_MONTH, '2026-01']) {
      const i = await inputs(month);
      // A base snapshot at the current state (whole or incremental, whichever applies).
      let prev = (await buildRankingSnapshot(em(), i))!;
      const rebuilt = async (what: string, expectChanged: number[]) => {
        const snap = await buildRankingSnapshot(em(), i);
        expect(snap, what).not.toBeNull();
        expect(snap!.built, what).toBe(true);
        // Incremental from the previous snapshot, re-scoring the people the write touched.
        expect(snap!.base, what).toEqual({ id: prev.id, changed: expect.any(Number) });
        const [logged] = await db.query<{ changed: number }>(`SELECT changed FROM ranking_snapshot WHERE id = $1`, [snap!.id]);
        expect(logged!.changed, what).toBe(snap!.base!.changed);
        expect(snap!.base!.changed, what).toBeGreaterThanOrEqual(expectChanged.length);
        expect(snap!.base!.changed, what).toBeLessThanOrEqual(expectChanged.length + 2);
        const stored = await storedRows(snap!.id);
        expect(stored.length, what).toBeGreaterThan(0);
        expect(stored, what).toEqual(await wholeRows(i));
        prev = snap!;
        return stored as { id: number; score: string; rank: number; previous_rank: number | null }[];
      };
      const before = await storedRows(prev.id) as { id: number; score: string }[];

      // (1) A statement filed through the API, for the month ranked: that manager's score changes.
      const [p] = await db.query<{ id: number; manager: number }>(`
        SELECT s.project_id AS id, p.manager_id AS manager FROM cash_flow_statement s JOIN project p ON p.id = s.project_id
        JOIN staff m ON m.id = p.manager_id AND m.role IN ('client_manager', 'senior_client_manager') AND m.active
        WHERE s.month = $1::date AND s.classification = 'normal' AND p.status = 'active' ORDER BY s.balance DESC, s.project_id LIMIT 1`, [`${month}-01`]);
      await db.query(`DELETE FROM cash_flow_statement WHERE project_id = $1 AND month = $2::date`, [p!.id, `${month}-01`]);
      await refreshRollupsAt(db.url, 'dirty');
      await rebuilt('statement removed (plain SQL, refresher)', [p!.manager]);
      const r = await server.gql(`mutation($i: SubmitStatementInput!) { submitStatement(input: $i) { month } }`, {
        i: { projectId: String(p!.id), month, balance: '87654321.00', principalDue: '5000.00', interestDue: '0.00', principalRepaid: '0.00',
             interestRepaid: '0.00', classification: 'DOUBTFUL', daysOverdue: 120 },
      });
      expect(r.errors).toBeUndefined();
      const afterSubmit = await rebuilt('statement submitted', [p!.manager]);
      const score = (rows: { id: number; score: string }[], id: number) => rows.find((x) => x.id === id)?.score;
      expect(score(afterSubmit, p!.manager)).toBeDefined();
      expect(score(afterSubmit, p!.manager)).not.toBe(score(before, p!.manager));

      // (2) A project reassigned to a colleague: both people's rows change.
      const [pair] = await db.query<{ pid: number; version: number; from: number; to: number }>(`
        SELECT p.id AS pid, p.version, p.manager_id AS "from", s2.id AS "to"
        FROM project p JOIN staff s1 ON s1.id = p.manager_id
        JOIN staff s2 ON s2.unit_id = s1.unit_id AND s2.id <> s1.id AND s2.active AND s2.role IN ('client_manager', 'senior_client_manager')
        WHERE p.status = 'active' AND EXISTS (SELECT 1 FROM cash_flow_statement z WHERE z.project_id = p.id AND z.month = $1::date)
        ORDER BY p.id DESC, s2.id LIMIT 1`, [`${month}-01`]);
      const re = await server.gql(`mutation($input: ReassignProjectsInput!) { reassignProjects(input: $input) { id } }`, {
        input: { items: [{ projectId: String(pair!.pid), expectedVersion: pair!.version }], toClientManagerId: String(pair!.to), reason: 'snapshot test' },
      });
      expect(re.errors).toBeUndefined();
      await rebuilt('project reassigned', [pair!.from, pair!.to]);

      // (3) A contact logged with an owned client that had none in the window: the owner's coverage.
      const [c] = await db.query<{ id: number; owner: number; day: string }>(`
        SELECT c.id, c.owner_id AS owner, to_char(($1::date + interval '1 month' - interval '1 day')::date, 'YYYY-MM-DD') AS day
        FROM client c JOIN staff o ON o.id = c.owner_id AND o.active AND o.role IN ('client_manager', 'senior_client_manager')
        WHERE EXISTS (SELECT 1 FROM project pr JOIN cash_flow_statement st ON st.project_id = pr.id AND st.month = $1::date WHERE pr.client_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM client_contact cc WHERE cc.client_id = c.id
                          AND cc.contacted_on BETWEEN ($1::date + interval '1 month' - interval '90 days')::date AND ($1::date + interval '1 month' - interval '1 day')::date)
        ORDER BY c.id LIMIT 1`, [`${month}-01`]);
      if (c) {
        const lc = await server.gql(`mutation($i: LogClientContactInput!) { logClientContact(input: $i) { id } }`, {
          i: { clientId: String(c.id), staffId: String(c.owner), contactedOn: c.day, kind: 'VISIT', notes: 'snapshot test' },
        });
        expect(lc.errors).toBeUndefined();
        await rebuilt('contact logged', [c.owner]);
      }

      // (4) A write that touches nobody's ranking inputs still gives a new snapshot (new generation), re-ranked from the old.
      await db.query(`UPDATE cash_flow_statement SET balance = balance WHERE (project_id, month) IN (SELECT project_id, month FROM cash_flow_statement ORDER BY project_id LIMIT 1)`);
      await refreshRollupsAt(db.url, 'dirty');
      const fr = await rollupFreshness(execOf(em()));
      if ((await db.query(`SELECT 1 FROM ranking_snapshot WHERE key = $1`, [snapshotKey(fr, i)])).length === 0) await rebuilt('no-op write', []);
    }
  });

  it('after a full rollup rebuild, or for another month, the next snapshot is computed whole; the change log is emptied', async () => {
    const i = await inputs(DEMO_END_MONTH);
    await buildRankingSnapshot(em(), i);
    await refreshRollups(db.orm.em.fork() as unknown as EntityManager, 'all');
    const whole = await buildRankingSnapshot(em(), i);
    expect(whole!.built).toBe(true);
    expect(whole!.base).toBeUndefined();
    expect(await storedRows(whole!.id)).toEqual(await wholeRows(i));
    // Only this snapshot is left (the others were superseded): it has seen every logged change.
    const [n] = await db.query<{ snaps: number; log: number; orphans: number }>(`
      SELECT (SELECT count(*)::int FROM ranking_snapshot) AS snaps, (SELECT count(*)::int FROM rollup_manager_change) AS log,
             (SELECT count(*)::int FROM ranking_snapshot_row r WHERE NOT EXISTS (SELECT 1 FROM ranking_snapshot s WHERE s.id = r.snapshot_id)) AS orphans`);
    expect(n).toEqual({ snaps: 1, log: 0, orphans: 0 });
  });

  it('the change log is kept while another build is in progress (it may still store a snapshot that missed a change)', async () => {
    const i = await inputs(DEMO_END_MONTH);
    const write = async () => {
      await db.query(`UPDATE cash_flow_statement SET balance = balance + 1 WHERE (project_id, month) IN (
        SELECT project_id, month FROM cash_flow_statement WHERE month = $1::date ORDER BY project_id LIMIT 2)`, [`${DEMO_END_MONTH}-01`]);
      await refreshRollupsAt(db.url, 'dirty');
    };
    const logRows = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_manager_change`))[0]!.n;
    await buildRankingSnapshot(em(), i);
    await write();
    expect(await logRows()).toBeGreaterThan(0);
    // Another builder (another month, another process) holds the builders' lock, as from before its snapshot.
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    try {
      await other.query(`BEGIN ISOLATION LEVEL REPEATABLE READ`);
      await other.query(`LOCK TABLE ranking_snapshot IN ROW EXCLUSIVE MODE`);
      const snap = await buildRankingSnapshot(em(), i);
      expect(snap!.built).toBe(true); // builders do not wait for each other
      expect(await logRows()).toBeGreaterThan(0); // but nothing was cleaned
      await other.query(`COMMIT`);
    } finally {
      await other.end();
    }
    await write();
    expect((await buildRankingSnapshot(em(), i))!.built).toBe(true);
    expect(await logRows()).toBe(0);
  });

  it('the background refresher builds the latest month’s snapshot after a write', async () => {
    const logs: string[] = [];
    const refresher = startRollupRefresher(db.url, { intervalMs: 100, log: (m) => logs.push(m), afterRound: rankingSnapshotWarmer(em, (m) => logs.push(m)) });
    try {
      // A plain SQL change: queued by the triggers, caught up by the refresher, then the snapshot.
      await db.query(`UPDATE cash_flow_statement SET balance = balance + 1 WHERE (project_id, month) IN (
        SELECT project_id, month FROM cash_flow_statement WHERE month = $1::date ORDER BY project_id LIMIT 3)`, [`${DEMO_END_MONTH}-01`]);
      const i = await inputs(DEMO_END_MONTH);
      let key = '';
      for (let t = 0; t < 200; t++) {
        const fr = await rollupFreshness(execOf(em()));
        key = snapshotKey(fr, i);
        // The build commits, then cleans the change log, then logs: wait for the log line too.
        const built = logs.some((m) => m.startsWith(`ranking ${DEMO_END_MONTH} snapshot built`));
        if (!fr.stale && built && (await db.query(`SELECT 1 FROM ranking_snapshot WHERE key = $1`, [key])).length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await db.query(`SELECT 1 FROM ranking_snapshot WHERE key = $1`, [key])).length).toBe(1);
      expect(logs.some((m) => m.startsWith(`ranking ${DEMO_END_MONTH} snapshot built`))).toBe(true);
    } finally {
      await refresher.stop();
    }
  });
});
