import { describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TestDatabase } from '../support/db.js';
import type { TestServer } from '../support/server.js';
import { withTestServer } from '../support/fixture.js';
import { DEMO_END_MONTH } from '../support/constants.js';
import { PerformanceRepository, type RankingFilter } from '../../src/modules/performance/performance.repository.js';
import { buildRankingSnapshot, ensureRankingSnapshot, snapshotKey } from '../../src/modules/performance/ranking.snapshot.js';
import { rankingSnapshotWarmer } from '../../src/modules/performance/performance.service.js';
import { execOf, rollupFreshness, startRollupRefresher } from '../../src/modules/rollup/rollup.service.js';

/**
 * Ranking snapshots (modules/performance/ranking.snapshot.ts): the stored bank-wide ranking gives
 * exactly what computing it from the base tables gives, for every filter and row scope; it is
 * keyed by the state it was built from, so a write is in the next answer; concurrent builders
 * share one build; the background refresher builds the latest month's after a write.
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
        if (!fr.stale && (await db.query(`SELECT 1 FROM ranking_snapshot WHERE key = $1`, [key])).length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await db.query(`SELECT 1 FROM ranking_snapshot WHERE key = $1`, [key])).length).toBe(1);
      expect(logs.some((m) => m.startsWith(`ranking ${DEMO_END_MONTH} snapshot built`))).toBe(true);
    } finally {
      await refresher.stop();
    }
  });
});
