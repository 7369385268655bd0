import type { TestDatabase } from '../support/db.js';

/**
 * A small hand-built bank for the KPI tests (every expected number in the tests is worked out by
 * hand from these rows; see the comments there).
 *
 * Org: head office 1; branches Alpha 2, Beta 3, Gamma 4 (no projects), Delta 5 (no projects,
 * no target); 6 = Alpha's loan management division.
 * Teams: 1 Alpha energy, 2 Alpha transport, 3 Beta energy.
 * Client managers: 1 Chen (Alpha, team 1), 2 Li (Alpha division, team 2), 3 Wang (Beta, team 3),
 * 4 Zhao (Gamma, no team, no projects).
 *
 * Projects (branch, manager, sector, grade, client):
 *   P1 Alpha CM1 energy key K1     P2 Alpha CM1 energy normal K2     P8 Alpha CM1 agriculture normal K2
 *   P3 Alpha CM2 transport large K3  P4 Alpha CM2 transport normal K3
 *   P5 Beta CM3 energy key K4      P6 Beta CM3 energy normal K5      P7 Beta CM3 telecom normal K6
 * Clients K1, K2, K7 owned by CM1; K3 by CM2; K4, K5, K6 by CM3; K8 in the pool.
 *
 * Statements: every statement has principal due 90 + interest due 10 = 100 due.
 *   month     | P1      | P2       | P3      | P4       | P5      | P6       | P7      | P8
 *   2025-04   | 1000 N r100 | –    | –       | –        | 1000 SS r50 | –    | –       | –
 *   2026-01/02| 1000 N r100 | 500 SM r100 | 2000 N r100 | 500 SS r0 | 4500 N r100 | 1000 SS r100 | 500 L r0 | –
 *   2026-03/04| 1000 N r100 | 500 SS r50  | 2000 N r100 | 500 D r25 | 3500 N r100 | 1000 SM r100 | 500 L r50 | 1000 N r100
 *   (N normal, SM special mention, SS substandard, D doubtful, L loss; rX = X repaid)
 * Submitted on the 5th of the following month, except: 2026-02 P1 on 2026-03-10 (the due date:
 * on time), 2026-02 P4 on 2026-03-11 (late), 2026-03 P3 on 2026-04-20 (late), 2026-04 P8 never.
 *
 * Contacts (client, date): K1 2026-04-15, K2 2026-01-30, K3 2026-01-31, K4 2026-05-01,
 * K6 2026-03-01, K7 2026-04-01. The 90-day window of 2026-04 is 2026-01-31 … 2026-04-30.
 *
 * Targets 2026: Alpha NPL 0.15 / recovery 0.70 / planned 5000; Beta 0.12 / 0.80 / 3000;
 * Gamma 0.05 / 0.90 / 0; Delta none. 2025: Alpha 0.10 / 0.90 / 1000.
 * Branch weights: version 1 (50/30/20) published 2025-01-01; a future version (2099) and a
 * client-manager version exist and must be ignored.
 */
export async function loadKpiFixture(db: TestDatabase): Promise<void> {
  await db.query(`
    INSERT INTO org_unit (id, code, name, name_zh, kind, parent_id, sort_order) VALUES
      (1, 'HO', 'Head Office', '总行', 'head_office', NULL, 0),
      (2, 'AL', 'Alpha Branch', '阿尔法分行', 'branch', 1, 1),
      (3, 'BE', 'Beta Branch', '贝塔分行', 'branch', 1, 2),
      (4, 'GA', 'Gamma Branch', '伽马分行', 'branch', 1, 3),
      (5, 'DE', 'Delta Branch', '德尔塔分行', 'branch', 1, 4),
      (6, 'AL-LD', 'Alpha Loan Management Division', '阿尔法贷款管理处', 'branch_division', 2, 0);
    INSERT INTO team (id, branch_id, sector, name) VALUES
      (1, 2, 'energy', 'Alpha Energy'), (2, 2, 'transport', 'Alpha Transport'), (3, 3, 'energy', 'Beta Energy');
    INSERT INTO staff (id, employee_no, name, unit_id, role, grade, team_id, hired_on) VALUES
      (1, 'E001', 'Chen One', 2, 'client_manager', 4, 1, '2020-01-01'),
      (2, 'E002', 'Li Two', 6, 'senior_client_manager', 6, 2, '2018-01-01'),
      (3, 'E003', 'Wang Three', 3, 'client_manager', 4, 3, '2021-01-01'),
      (4, 'E004', 'Zhao Four', 4, 'client_manager', 4, NULL, '2022-01-01');
    INSERT INTO client (id, name, branch_id, owner_id) VALUES
      (1, 'Client K1', 2, 1), (2, 'Client K2', 2, 1), (3, 'Client K3', 2, 2), (4, 'Client K4', 3, 3),
      (5, 'Client K5', 3, 3), (6, 'Client K6', 3, 3), (7, 'Client K7', 2, 1), (8, 'Pool Client K8', 2, NULL);
    INSERT INTO project (id, name, client_id, branch_id, manager_id, sector, approved_amount, disbursed_amount, balance, start_date, maturity_date, importance) VALUES
      (1, 'P1', 1, 2, 1, 'energy', 5000, 5000, 1000, '2024-01-01', '2030-12-31', 'key'),
      (2, 'P2', 2, 2, 1, 'energy', 5000, 5000, 500, '2024-01-01', '2030-12-31', 'normal'),
      (3, 'P3', 3, 2, 2, 'transport', 5000, 5000, 2000, '2024-01-01', '2030-12-31', 'large'),
      (4, 'P4', 3, 2, 2, 'transport', 5000, 5000, 500, '2024-01-01', '2030-12-31', 'normal'),
      (5, 'P5', 4, 3, 3, 'energy', 5000, 5000, 3500, '2024-01-01', '2030-12-31', 'key'),
      (6, 'P6', 5, 3, 3, 'energy', 5000, 5000, 1000, '2024-01-01', '2030-12-31', 'normal'),
      (7, 'P7', 6, 3, 3, 'telecom', 5000, 5000, 500, '2024-01-01', '2030-12-31', 'normal'),
      (8, 'P8', 2, 2, 1, 'agriculture', 5000, 5000, 1000, '2026-03-01', '2030-12-31', 'normal');
  `);

  // (project, month, balance, repaid, class, submitted_on); due is always 90 + 10.
  type Row = [number, string, number, 0 | 25 | 50 | 100, string, string | null];
  const rows: Row[] = [
    [1, '2025-04', 1000, 100, 'normal', '2025-05-05'],
    [5, '2025-04', 1000, 50, 'substandard', '2025-05-05'],
  ];
  for (const m of ['2026-01', '2026-02']) {
    const next = m === '2026-01' ? '2026-02' : '2026-03';
    rows.push(
      [1, m, 1000, 100, 'normal', m === '2026-02' ? '2026-03-10' : `${next}-05`],
      [2, m, 500, 100, 'special_mention', `${next}-05`],
      [3, m, 2000, 100, 'normal', `${next}-05`],
      [4, m, 500, 0, 'substandard', m === '2026-02' ? '2026-03-11' : `${next}-05`],
      [5, m, 4500, 100, 'normal', `${next}-05`],
      [6, m, 1000, 100, 'substandard', `${next}-05`],
      [7, m, 500, 0, 'loss', `${next}-05`],
    );
  }
  for (const m of ['2026-03', '2026-04']) {
    const next = m === '2026-03' ? '2026-04' : '2026-05';
    rows.push(
      [1, m, 1000, 100, 'normal', `${next}-05`],
      [2, m, 500, 50, 'substandard', `${next}-05`],
      [3, m, 2000, 100, 'normal', m === '2026-03' ? '2026-04-20' : `${next}-05`],
      [4, m, 500, 25, 'doubtful', `${next}-05`],
      [5, m, 3500, 100, 'normal', `${next}-05`],
      [6, m, 1000, 100, 'special_mention', `${next}-05`],
      [7, m, 500, 50, 'loss', `${next}-05`],
      [8, m, 1000, 100, 'normal', m === '2026-04' ? null : `${next}-05`],
    );
  }
  const split: Record<number, [number, number]> = { 0: [0, 0], 25: [15, 10], 50: [40, 10], 100: [90, 10] };
  for (const [project, month, balance, repaid, cls, submitted] of rows) {
    const [pr, ir] = split[repaid]!;
    await db.query(
      `INSERT INTO cash_flow_statement (project_id, month, balance, principal_due, interest_due, principal_repaid, interest_repaid, classification, days_overdue, submitted_on)
       VALUES ($1, $2::date, $3, 90, 10, $4, $5, $6::classification, 0, $7::date)`,
      [project, `${month}-01`, balance, pr, ir, cls, submitted],
    );
  }

  await db.query(`
    INSERT INTO client_contact (client_id, staff_id, kind, contacted_on) VALUES
      (1, 1, 'visit', '2026-04-15'), (2, 1, 'call', '2026-01-30'), (3, 2, 'meeting', '2026-01-31'),
      (4, 3, 'call', '2026-05-01'), (6, 3, 'visit', '2026-03-01'), (7, 1, 'call', '2026-04-01');
    INSERT INTO branch_target (branch_id, year, target_npl_ratio, target_recovery_rate, planned_recovery, planned_new_lending) VALUES
      (2, 2026, 0.15, 0.70, 5000, 10000), (3, 2026, 0.12, 0.80, 3000, 8000), (4, 2026, 0.05, 0.90, 0, 0),
      (2, 2025, 0.10, 0.90, 1000, 2000);
    INSERT INTO score_weight_version (id, subject, version, published_at, note) VALUES
      (1, 'branch', 1, '2025-01-01 09:00:00+08', 'Initial branch weights'),
      (2, 'branch', 2, '2099-01-01 09:00:00+08', 'Not yet in force'),
      (3, 'client_manager', 1, '2025-06-01 09:00:00+08', 'Client-manager weights');
    INSERT INTO score_weight (version_id, component, weight) VALUES
      (1, 'npl', 0.5), (1, 'recovery', 0.3), (1, 'attainment', 0.2),
      (2, 'npl', 1), (2, 'recovery', 0), (2, 'attainment', 0),
      (3, 'asset_quality', 1);
  `);
}
