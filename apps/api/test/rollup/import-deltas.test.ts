import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Month } from '@loan-desk/domain';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { DEMO_AS_OF } from '../support/constants.js';
import { chunksOf, importCsv, type ImportOptions, type ImportResult } from '../../src/modules/import/import.service.js';
import { KpiService } from '../../src/modules/kpi/kpi.service.js';
import { ScorecardService } from '../../src/modules/kpi/scorecard.service.js';
import { KpiPeriod, ScopeKind } from '../../src/modules/kpi/kpi.enums.js';
import { resolveScope } from '../../src/modules/kpi/kpi-scope.js';
import { refreshRollups, ROLLUP_LOCK, rollupMaintenanceStats } from '../../src/modules/rollup/rollup.service.js';

/**
 * Rollup maintenance of imports by per-project deltas (rollupImportListener and its beforeMerge
 * step, wired by the app as in production): after every kind of import the rollup tables hold
 * exactly what a full rebuild computes (compared in a rolled-back transaction), nothing is left in
 * the change queue, every KPI read from the rollups equals the base tables, and the maintenance
 * went the way it should (per-project deltas, or recomputed slices for projects with a change the
 * rollups had not seen). Also: a failed or refused import leaves the rollups as they were, and a
 * reassignment (maintainAfterReassign) takes the same delta path.
 */
describe('rollup maintenance of imports by per-project deltas', () => {
  let db: TestDatabase;
  let server: TestServer;
  const em = (): EntityManager => db.orm.em.fork() as unknown as EntityManager;

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    // The app wires the import hooks (onImportMerged(rollupImportListener)) in this process.
    server = await startTestServer(db.orm);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const run = (kind: ImportOptions['kind'], csv: string, opts: Partial<ImportOptions> = {}): Promise<ImportResult> =>
    importCsv(db.url, { kind, fileName: `${kind}.csv`, source: chunksOf(csv, 4096), via: 'cli', ...opts });

  const field = (v: unknown): string => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);
  const csvOf = (header: string, rows: unknown[][]): string => [header, ...rows.map((r) => r.map(field).join(','))].join('\r\n') + '\r\n';

  const ST_HEADER = 'project_external_key,month,balance,principal_due,interest_due,principal_repaid,interest_repaid,classification,days_overdue,submitted_on';
  const PROJECT_HEADER = 'external_key,name,client_external_key,branch_code,manager_employee_no,sector,approved_amount,disbursed_amount,balance,currency,start_date,maturity_date,status,importance,classification,agent_bank_name';

  interface StatementRow { key: string; month: string; balance: string; pd: string; id: string; pr: string; ir: string; cls: string; dov: number; sub: string | null }
  const stRow = (r: StatementRow): unknown[] => [r.key, r.month, r.balance, r.pd, r.id, r.pr, r.ir, r.cls, r.dov, r.sub];
  /** Stored statements as file rows. */
  async function statementsOf(where: string, params: unknown[]): Promise<StatementRow[]> {
    return db.query<StatementRow>(`
      SELECT p.external_key AS key, to_char(s.month, 'YYYY-MM') AS month, s.balance::text AS balance, s.principal_due::text AS pd,
             s.interest_due::text AS id, s.principal_repaid::text AS pr, s.interest_repaid::text AS ir, s.classification::text AS cls,
             s.days_overdue AS dov, s.submitted_on::text AS sub
      FROM cash_flow_statement s JOIN project p ON p.id = s.project_id WHERE ${where} ORDER BY p.id, s.month`, params);
  }

  const ROLLUP_TABLES: [string, string][] = [
    ['rollup_fine', 'month, branch_id, manager_id, sector, importance, classification'],
    ['rollup_bank', 'month, sector, importance'],
    ['rollup_branch', 'month, branch_id'],
    ['rollup_manager', 'month, manager_id'],
    ['rollup_coverage', 'month, dim, key'],
    ['rollup_client_month', 'client_id, month'],
    ['rollup_project', 'project_id'],
  ];
  /** Every rollup table, row by row (numbers as PostgreSQL prints them: scale included). */
  async function rollupContents(): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const [t, order] of ROLLUP_TABLES) out[t] = (await db.query<{ r: string }>(`SELECT t::text AS r FROM ${t} t ORDER BY ${order}`)).map((x) => x.r);
    return out;
  }
  /** The rollups as kept incrementally equal a full rebuild (done in a transaction that is rolled back), and nothing is queued. */
  async function expectEqualToRebuild(): Promise<void> {
    expect(await db.query(`SELECT source, month, project_id, client_id FROM rollup_dirty`)).toEqual([]);
    const incremental = await rollupContents();
    await db.query('BEGIN');
    try {
      await refreshRollups(db.pg, 'all');
      const rebuilt = await rollupContents();
      for (const [t] of ROLLUP_TABLES) expect(incremental[t], t).toEqual(rebuilt[t]);
    } finally {
      await db.query('ROLLBACK');
    }
  }

  const plain = (m: Map<string, unknown>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));
  /** KPI points of the scopes the changed projects are in (before and after), rollups against base tables. */
  async function expectKpisEqual(projectIds: number[], months: Month[], extra: { branches?: number[]; managers?: number[] } = {}): Promise<void> {
    const [t] = await db.query<{ branches: number[]; managers: number[]; teams: number[] | null; sectors: string[]; grades: string[] }>(`
      SELECT array_agg(DISTINCT p.branch_id) AS branches, array_agg(DISTINCT p.manager_id) FILTER (WHERE p.manager_id IS NOT NULL) AS managers,
             array_agg(DISTINCT s.team_id) FILTER (WHERE s.team_id IS NOT NULL) AS teams,
             array_agg(DISTINCT p.sector::text) AS sectors, array_agg(DISTINCT p.importance::text) AS grades
      FROM project p LEFT JOIN staff s ON s.id = p.manager_id WHERE p.id = ANY($1::int[])`, [projectIds]);
    const branches = [...new Set([...(t!.branches ?? []), ...(extra.branches ?? [])])].slice(0, 4);
    const managers = [...new Set([...(t!.managers ?? []), ...(extra.managers ?? [])])].slice(0, 6);
    const scopes = [
      { kind: ScopeKind.BANK },
      ...t!.sectors.slice(0, 2).map((sector) => ({ kind: ScopeKind.SECTOR, sector })),
      ...t!.grades.map((importance) => ({ kind: ScopeKind.IMPORTANCE, importance })),
      ...branches.map((id) => ({ kind: ScopeKind.BRANCH, id: String(id) })),
      ...(t!.teams ?? []).slice(0, 2).map((id) => ({ kind: ScopeKind.TEAM, id: String(id) })),
      ...managers.map((id) => ({ kind: ScopeKind.CLIENT_MANAGER, id: String(id) })),
    ];
    for (const input of scopes) {
      const scope = await resolveScope(em(), input as never);
      for (const period of [KpiPeriod.MONTH, KpiPeriod.YEAR_TO_DATE]) {
        for (const asOf of [DEMO_AS_OF, '2026-11-05']) {
          const service = new KpiService(em());
          const fromRollups = await service.pointsFromRollups(scope, months, period, asOf);
          const fromBase = await service.pointsFromBase(scope, months, period, asOf);
          expect(plain(fromRollups), `${JSON.stringify(input)} ${period} ${asOf}`).toEqual(plain(fromBase));
        }
      }
    }
  }

  async function expectScorecardsEqual(month: Month): Promise<void> {
    const s = new ScorecardService(em());
    expect(await s.compute(month, true)).toEqual(await s.compute(month, false));
  }

  /** Projects (id, key) with a client manager and a client that has an external key, in a stable order. */
  async function pickProjects(where: string, limit: number, offset = 0): Promise<{ id: number; key: string }[]> {
    return db.query<{ id: number; key: string }>(`
      SELECT p.id, p.external_key AS key FROM project p JOIN client c ON c.id = p.client_id
      WHERE p.external_key IS NOT NULL AND c.external_key IS NOT NULL AND p.manager_id IS NOT NULL AND (${where})
      ORDER BY p.id LIMIT ${limit} OFFSET ${offset}`);
  }

  const stats = () => ({ ...rollupMaintenanceStats });
  /** Since `before`: how many projects took the per-project delta path, and how many the slice recompute. */
  const expectPaths = (before: ReturnType<typeof stats>, delta: number, slice: number): void => {
    expect(stats().deltaProjects - before.deltaProjects).toBe(delta);
    expect(stats().sliceProjects - before.sliceProjects).toBe(slice);
  };

  it('start fresh and equal to a rebuild', async () => {
    await expectEqualToRebuild();
  });

  it('an import that adds a new month: deltas only, equal to a rebuild', async () => {
    const ps = await pickProjects(`p.status = 'active' AND EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-10-01')
      AND NOT EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-11-01')`, 40, 7);
    expect(ps.length).toBe(40);
    const classes = ['normal', 'special_mention', 'substandard', 'doubtful', 'loss'];
    const rows = ps.map((p, i) => [p.key, '2026-11', `${1000 + i}.25`, '10.00', '2.50', i % 3 ? '10.00' : '0.00', '2.50', classes[i % 5], i % 5 ? 30 : 0, i % 4 ? `2026-11-${String(1 + (i % 28)).padStart(2, '0')}` : '']);
    const before = stats();
    const r = await run('statements', csvOf(ST_HEADER, rows));
    expect(r).toMatchObject({ committed: true, inserted: 40, updated: 0 });
    expectPaths(before, 40, 0);
    expect(r.phases['listeners before merge']).toBeGreaterThanOrEqual(0);
    expect(r.phases.listeners).toBeGreaterThanOrEqual(r.phases['listeners before merge']!);
    await expectEqualToRebuild();
    await expectKpisEqual(ps.map((p) => p.id), ['2026-11', '2026-10', '2026-08'] as Month[]);
    await expectScorecardsEqual('2026-11' as Month);
  });

  it('a re-import that changes amounts and classifications of existing months (downgrade pairs at m and m + 3 change)', async () => {
    const ps = await pickProjects(`(SELECT count(*) FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month BETWEEN '2026-03-01' AND '2026-10-01') = 8`, 30, 100);
    expect(ps.length).toBe(30);
    const ids = ps.map((p) => p.id);
    // The file: 2026-06 and 2026-07 changed (amounts, classification, submission date), 2026-03 as
    // stored. It does not carry 2026-09 / 2026-10, whose downgrade pairs look back at the changed months.
    const stored = await statementsOf(`s.project_id = ANY($1::int[]) AND s.month IN ('2026-03-01', '2026-06-01', '2026-07-01')`, [ids]);
    const classes = ['normal', 'special_mention', 'substandard', 'doubtful', 'loss'];
    const rows = stored.map((s, i) => {
      if (s.month !== '2026-06' && s.month !== '2026-07') return stRow(s);
      return stRow({ ...s, balance: (Number(s.balance) + 1234.56).toFixed(2), pr: '0.00', cls: classes[(classes.indexOf(s.cls) + 1 + (i % 4)) % 5]!, sub: i % 2 ? null : `${s.month}-20` });
    });
    const before = stats();
    const r = await run('statements', csvOf(ST_HEADER, rows));
    expect(r).toMatchObject({ committed: true, inserted: 0, updated: 60, unchanged: 30 });
    expectPaths(before, 30, 0);
    await expectEqualToRebuild();
    await expectKpisEqual(ids, ['2026-06', '2026-07', '2026-09', '2026-10', '2026-05'] as Month[]);

    // The same file again: nothing changes, nothing to maintain.
    const again = stats();
    const r2 = await run('statements', csvOf(ST_HEADER, rows));
    expect(r2).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: 90 });
    expect(stats()).toEqual(again);
    await expectEqualToRebuild();
  });

  it('a projects import that moves projects (client manager, branch, grade, sector), then their statements: deltas, equal to a rebuild', async () => {
    // Projects whose client manager is valid for their branch, with statements in 2026.
    const ps = await db.query<Record<string, string | null> & { id: number; branch: number; manager: number }>(`
      SELECT p.id, p.branch_id AS branch, p.manager_id AS manager, p.external_key, p.name, c.external_key AS client, b.code AS branch_code, m.employee_no AS manager_no,
             p.sector::text, p.approved_amount::text, p.disbursed_amount::text, p.balance::text, p.currency::text, p.start_date::text,
             p.maturity_date::text, p.status::text, p.importance::text, p.classification::text, ab.name AS agent
      FROM project p JOIN client c ON c.id = p.client_id JOIN org_unit b ON b.id = p.branch_id JOIN staff m ON m.id = p.manager_id
      JOIN org_unit u ON u.id = m.unit_id LEFT JOIN settlement_agent_bank ab ON ab.id = p.agent_bank_id
      WHERE c.external_key IS NOT NULL AND p.external_key IS NOT NULL AND m.role IN ('client_manager', 'senior_client_manager')
        AND b.id = CASE WHEN u.kind = 'branch' THEN u.id WHEN u.kind = 'branch_division' THEN u.parent_id END
        AND EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month >= '2026-01-01')
      ORDER BY p.id LIMIT 12 OFFSET 300`);
    expect(ps.length).toBe(12);
    // Client managers by branch (for moves within a branch and to another branch).
    const cms = await db.query<{ id: number; no: string; branch: number; code: string }>(`
      SELECT s.id, s.employee_no AS no, b.id AS branch, b.code FROM staff s JOIN org_unit u ON u.id = s.unit_id
      JOIN org_unit b ON b.id = CASE WHEN u.kind = 'branch' THEN u.id WHEN u.kind = 'branch_division' THEN u.parent_id END
      WHERE s.role IN ('client_manager', 'senior_client_manager') ORDER BY s.id`);
    const otherCm = (branch: number, not: number) => cms.find((c) => c.branch === branch && c.id !== not)!;
    const otherBranchCm = (branch: number) => cms.find((c) => c.branch !== branch)!;
    const sectors = ['energy', 'transport', 'telecom', 'raw_materials', 'agriculture', 'urban_infrastructure', 'other'];
    const grades = ['key', 'large', 'normal'];
    const touchedManagers: number[] = [];
    const touchedBranches: number[] = [];
    const rows = ps.map((p, i) => {
      let branchCode = p.branch_code;
      let managerNo = p.manager_no;
      let { sector, importance } = p;
      if (i % 4 === 0) {
        const to = otherCm(p.branch, p.manager);
        managerNo = to.no;
        touchedManagers.push(to.id);
      } else if (i % 4 === 1) {
        const to = otherBranchCm(p.branch);
        branchCode = to.code;
        managerNo = to.no;
        touchedManagers.push(to.id);
        touchedBranches.push(to.branch);
      } else if (i % 4 === 2) {
        importance = grades[(grades.indexOf(importance!) + 1) % 3]!;
      } else {
        sector = sectors[(sectors.indexOf(sector!) + 2) % 7]!;
        importance = grades[(grades.indexOf(importance!) + 2) % 3]!;
      }
      return [p.external_key, p.name, p.client, branchCode, managerNo, sector, p.approved_amount, p.disbursed_amount, p.balance, p.currency,
        p.start_date, p.maturity_date, p.status, importance, p.classification, p.agent];
    });
    const ids = ps.map((p) => p.id);
    const before = stats();
    const r = await run('projects', csvOf(PROJECT_HEADER, rows));
    expect(r).toMatchObject({ committed: true, inserted: 0, updated: 12, rejected: 0 });
    expectPaths(before, 12, 0);
    await expectEqualToRebuild();
    await expectKpisEqual(ids, ['2026-10', '2026-05', '2025-12'] as Month[], {
      branches: [...ps.map((p) => p.branch), ...touchedBranches], managers: [...ps.map((p) => p.manager), ...touchedManagers],
    });
    await expectScorecardsEqual('2026-10' as Month);

    // Their statements (every month of 2026 changed, plus the new month for those that lack it).
    const stored = await statementsOf(`s.project_id = ANY($1::int[]) AND s.month >= '2026-01-01'`, [ids]);
    const st = stored.map((s, i) => stRow({ ...s, balance: (Number(s.balance) + 1.11).toFixed(2), cls: i % 3 ? s.cls : 'substandard', dov: i % 3 ? s.dov : 95 }));
    const lacking = await db.query<{ key: string }>(`SELECT external_key AS key FROM project p WHERE id = ANY($1::int[]) AND status = 'active'
      AND NOT EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-11-01')`, [ids]);
    for (const l of lacking) st.push([l.key, '2026-11', '500.00', '1.00', '1.00', '1.00', '1.00', 'doubtful', 60, '']);
    const b2 = stats();
    const r2 = await run('statements', csvOf(ST_HEADER, st));
    expect(r2).toMatchObject({ committed: true, inserted: lacking.length, rejected: 0 });
    expectPaths(b2, 12, 0);
    await expectEqualToRebuild();
    await expectKpisEqual(ids, ['2026-11', '2026-10', '2026-04', '2026-01'] as Month[]);
  });

  it('an import of rows that partly exist (new, changed, unchanged; partial mode with a bad line)', async () => {
    const ps = await pickProjects(`p.status = 'active' AND EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-09-01')
      AND NOT EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-11-01')`, 24, 60);
    expect(ps.length).toBe(24);
    const ids = ps.map((p) => p.id);
    const stored = await statementsOf(`s.project_id = ANY($1::int[]) AND s.month = '2026-09-01'`, [ids]);
    const rows: unknown[][] = [];
    stored.forEach((s, i) => {
      // 2026-09: a third changed, the rest as stored; 2026-11: new for half of the projects.
      rows.push(stRow(i % 3 === 0 ? { ...s, cls: s.cls === 'loss' ? 'normal' : 'loss', ir: '0.00' } : s));
      if (i % 2 === 0) rows.push([s.key, '2026-11', '777.77', '7.00', '0.70', '7.00', '0.70', i % 4 ? 'normal' : 'doubtful', 0, '2026-11-09']);
    });
    rows.push([ps[0]!.key, '2026-11', 'oops', '1', '1', '1', '1', 'normal', 0, '']); // rejected (and a duplicate key of a new row)
    const before = stats();
    const r = await run('statements', csvOf(ST_HEADER, rows), { allowPartial: true });
    expect(r.committed).toBe(true);
    expect(r.rejected).toBe(2);
    expect(r.inserted).toBe(11);
    expect(r.updated).toBe(8);
    // The projects with a new or changed row (the rejected key's project got no row).
    const affected = new Set(stored.filter((_, i) => i % 3 === 0 || (i % 2 === 0 && i > 0)).map((s) => s.key)).size;
    expectPaths(before, affected, 0);
    await expectEqualToRebuild();
    await expectKpisEqual(ids, ['2026-11', '2026-09', '2026-12'] as Month[]);
  });

  it('projects with a change the rollups have not seen get their slices recomputed; month-level queue rows of others stay queued', async () => {
    const ps = await pickProjects(`(SELECT count(*) FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month BETWEEN '2026-01-01' AND '2026-10-01') = 10`, 10, 400);
    expect(ps.length).toBe(10);
    const ids = ps.map((p) => p.id);
    // Another transaction changes two of them without maintaining the rollups (plain SQL: queue rows only).
    const [moved] = await db.query<{ id: number; to: number }>(`
      SELECT p.id, o.id AS "to" FROM project p JOIN staff m ON m.id = p.manager_id
      JOIN staff o ON o.unit_id = m.unit_id AND o.id <> m.id AND o.role IN ('client_manager', 'senior_client_manager')
      WHERE p.id = ANY($1::int[]) ORDER BY p.id, o.id LIMIT 1`, [ids]);
    await db.query(`UPDATE project SET manager_id = $2 WHERE id = $1`, [moved!.id, moved!.to]);
    const other = ids.find((id) => id !== moved!.id)!;
    await db.query(`UPDATE cash_flow_statement SET balance = balance + 5 WHERE project_id = $1 AND month = '2026-02-01'`, [other]);
    // …and a bulk change elsewhere queued as whole months (as above 50,000 projects at bank scale).
    await db.query(`SET loan_desk.rollup_project_limit = 10`);
    await db.query(`UPDATE cash_flow_statement SET interest_repaid = interest_repaid + 1 WHERE month = '2026-04-01' AND NOT (project_id = ANY($1::int[]))`, [ids]);
    await db.query(`RESET loan_desk.rollup_project_limit`);
    expect((await db.query(`SELECT count(*)::int AS n FROM rollup_dirty WHERE project_id IS NULL AND month = '2026-04-01'`))[0]!.n).toBe(1);

    const stored = await statementsOf(`s.project_id = ANY($1::int[]) AND s.month BETWEEN '2026-01-01' AND '2026-10-01'`, [ids]);
    const rows = stored.map((s) => stRow(s.month === '2026-04' || s.month === '2026-05' ? { ...s, pd: (Number(s.pd) + 3).toFixed(2), cls: 'special_mention' } : s));
    const before = stats();
    const r = await run('statements', csvOf(ST_HEADER, rows));
    expect(r.committed).toBe(true);
    expectPaths(before, 8, 2);
    // The other transaction's month-level row is still queued (it is not the import's to clear).
    const left = await db.query(`SELECT source, to_char(month, 'YYYY-MM') AS month, project_id FROM rollup_dirty`);
    expect(left).toEqual([{ source: 'statement', month: '2026-04', project_id: null }]);
    await refreshRollups(em(), 'dirty');
    await expectEqualToRebuild();
    await expectKpisEqual(ids, ['2026-04', '2026-05', '2026-07', '2026-08', '2026-02'] as Month[], { managers: [moved!.to] });
  });

  it('a failed import (error after the merge) and a refused one leave the rollups exactly as they were', async () => {
    const ps = await pickProjects(`EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-08-01')`, 15, 900);
    const stored = await statementsOf(`s.project_id = ANY($1::int[]) AND s.month = '2026-08-01'`, [ps.map((p) => p.id)]);
    const rows = stored.map((s) => stRow({ ...s, balance: '1.00', cls: 'loss' }));
    const before = await rollupContents();
    const [gen0] = await db.query<{ g: string }>(`SELECT generation::text AS g FROM rollup_state`);
    await expect(run('statements', csvOf(ST_HEADER, rows), { hooks: { afterMerge: () => { throw new Error('killed'); } } })).rejects.toThrow('killed');
    expect(await rollupContents()).toEqual(before);
    const refused = await run('statements', csvOf(ST_HEADER, [...rows, [ps[0]!.key, '2026-13', '1', '1', '1', '1', '1', 'normal', 0, '']]));
    expect(refused.committed).toBe(false);
    expect(await rollupContents()).toEqual(before);
    const [gen1] = await db.query<{ g: string }>(`SELECT generation::text AS g FROM rollup_state`);
    expect(gen1!.g).toBe(gen0!.g);
    expect(await db.query(`SELECT 1 FROM rollup_dirty`)).toEqual([]);
    await expectEqualToRebuild();
  });

  it('an import finding the maintenance lock held leaves its changes queued; the refresher brings the rollups to a rebuild', async () => {
    const ps = await pickProjects(`EXISTS (SELECT 1 FROM cash_flow_statement s WHERE s.project_id = p.id AND s.month = '2026-07-01')`, 5, 1200);
    const stored = await statementsOf(`s.project_id = ANY($1::int[]) AND s.month = '2026-07-01'`, [ps.map((p) => p.id)]);
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_LOCK]);
      const before = stats();
      const r = await run('statements', csvOf(ST_HEADER, stored.map((s) => stRow({ ...s, balance: '42.00' }))));
      expect(r).toMatchObject({ committed: true, updated: 5 });
      expect(stats()).toEqual(before);
      expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_dirty WHERE project_id = ANY($1::int[])`, [ps.map((p) => p.id)]))[0]!.n).toBeGreaterThan(0);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    await refreshRollups(em(), 'dirty');
    await expectEqualToRebuild();
  });

  it('reassignProjects (maintainAfterReassign) takes the delta path and equals a rebuild', async () => {
    const [pair] = await db.query<{ pid: number; version: number; from: number; to: number }>(`
      SELECT p.id AS pid, p.version, p.manager_id AS "from", s2.id AS "to"
      FROM project p JOIN staff s1 ON s1.id = p.manager_id
      JOIN staff s2 ON s2.unit_id = s1.unit_id AND s2.id <> s1.id AND s2.active AND s2.role IN ('client_manager', 'senior_client_manager')
      WHERE p.status = 'active' AND EXISTS (SELECT 1 FROM cash_flow_statement z WHERE z.project_id = p.id AND z.month = '2026-10-01')
      ORDER BY p.id DESC LIMIT 1`);
    const before = stats();
    const r = await server.gql(`mutation($input: ReassignProjectsInput!) { reassignProjects(input: $input) { id } }`, {
      input: { items: [{ projectId: String(pair!.pid), expectedVersion: pair!.version }], toClientManagerId: String(pair!.to), reason: 'delta test' },
    });
    expect(r.errors).toBeUndefined();
    expectPaths(before, 1, 0);
    await expectEqualToRebuild();
    await expectKpisEqual([pair!.pid], ['2026-10', '2026-03'] as Month[], { managers: [pair!.from, pair!.to] });

    // Back, after a change of its statements the rollups have not seen (plain SQL): its slices are recomputed.
    await db.query(`UPDATE cash_flow_statement SET classification = 'loss' WHERE project_id = $1 AND month = '2026-09-01'`, [pair!.pid]);
    const [{ version } = { version: 0 }] = await db.query<{ version: number }>(`SELECT version FROM project WHERE id = $1`, [pair!.pid]);
    const b2 = stats();
    const back = await server.gql(`mutation($input: ReassignProjectsInput!) { reassignProjects(input: $input) { id } }`, {
      input: { items: [{ projectId: String(pair!.pid), expectedVersion: version }], toClientManagerId: String(pair!.from), reason: 'delta test, back' },
    });
    expect(back.errors).toBeUndefined();
    expectPaths(b2, 0, 1);
    await expectEqualToRebuild();
    await expectKpisEqual([pair!.pid], ['2026-09', '2026-12'] as Month[], { managers: [pair!.from, pair!.to] });
  });

  it('a clients import that changes owners clears its own queue rows (written inside the merge savepoint): fresh at commit', async () => {
    const cs = await db.query<{ key: string; name: string; code: string; emp: string }>(`
      SELECT DISTINCT ON (c.id) c.external_key AS key, c.name, b.code, o.employee_no AS emp
      FROM client c JOIN org_unit b ON b.id = c.branch_id
      JOIN org_unit u ON u.id = b.id OR u.parent_id = b.id
      JOIN staff o ON o.unit_id = u.id AND o.role = 'client_manager' AND o.id IS DISTINCT FROM c.owner_id
      WHERE c.owner_id IS NOT NULL AND c.external_key IS NOT NULL
        AND EXISTS (SELECT 1 FROM project p JOIN cash_flow_statement s ON s.project_id = p.id WHERE p.client_id = c.id AND s.month = '2026-10-01')
      ORDER BY c.id, o.id LIMIT 5`);
    expect(cs.length).toBe(5);
    const r = await run('clients', csvOf('external_key,name,branch_code,owner_employee_no', cs.map((c) => [c.key, c.name, c.code, c.emp])));
    expect(r).toMatchObject({ committed: true, updated: 5 });
    await expectEqualToRebuild();
  });

  it('a projects import changing more than 1,000 projects (one "every project" queue row) is maintained by deltas and leaves nothing queued', async () => {
    const ps = await db.query<Record<string, string | null> & { id: number }>(`
      SELECT p.id, p.external_key, p.name, c.external_key AS client, b.code AS branch_code, m.employee_no AS manager_no,
             p.sector::text, p.approved_amount::text, p.disbursed_amount::text, p.balance::text, p.currency::text, p.start_date::text,
             p.maturity_date::text, p.status::text, p.importance::text, p.classification::text, ab.name AS agent
      FROM project p JOIN client c ON c.id = p.client_id JOIN org_unit b ON b.id = p.branch_id LEFT JOIN staff m ON m.id = p.manager_id
      LEFT JOIN org_unit u ON u.id = m.unit_id LEFT JOIN settlement_agent_bank ab ON ab.id = p.agent_bank_id
      WHERE c.external_key IS NOT NULL AND p.external_key IS NOT NULL
        AND (p.manager_id IS NULL OR (m.role IN ('client_manager', 'senior_client_manager')
             AND b.id = CASE WHEN u.kind = 'branch' THEN u.id WHEN u.kind = 'branch_division' THEN u.parent_id END))
      ORDER BY p.id LIMIT 1100`);
    expect(ps.length).toBe(1100);
    const grades = ['key', 'large', 'normal'];
    const rows = ps.map((p) => [p.external_key, p.name, p.client, p.branch_code, p.manager_no, p.sector, p.approved_amount, p.disbursed_amount, p.balance,
      p.currency, p.start_date, p.maturity_date, p.status, grades[(grades.indexOf(p.importance!) + 1) % 3], p.classification, p.agent]);
    const before = stats();
    const r = await run('projects', csvOf(PROJECT_HEADER, rows));
    expect(r).toMatchObject({ committed: true, updated: 1100, rejected: 0 });
    expectPaths(before, 1100, 0);
    await expectEqualToRebuild();
    await expectKpisEqual(ps.slice(0, 50).map((p) => p.id), ['2026-10', '2026-02'] as Month[]);
  });

  it('a bulk delete of statements (queued per project, not per month) is taken out of the rollups by the refresher', async () => {
    const ids = (await pickProjects('TRUE', 150, 1500)).map((p) => p.id);
    const deleted = await db.query<{ id: number }>(`DELETE FROM cash_flow_statement WHERE project_id = ANY($1::int[]) AND month <= '2026-06-01' RETURNING project_id AS id`, [ids]);
    expect(deleted.length).toBeGreaterThan(1000);
    const queued = await db.query<{ id: number }>(`SELECT project_id AS id FROM rollup_dirty WHERE project_id IS NOT NULL AND month IS NULL ORDER BY 1`);
    expect(queued.map((q) => q.id)).toEqual([...new Set(deleted.map((d) => d.id))].sort((a, b) => a - b));
    await refreshRollups(em(), 'dirty');
    await expectEqualToRebuild();
    await expectKpisEqual(ids, ['2026-06', '2025-12', '2026-09'] as Month[]);
  });
});
