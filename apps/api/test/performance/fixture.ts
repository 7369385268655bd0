import type { TestDatabase } from '../support/db.js';

/**
 * A small hand-built bank for the performance tests (months 2026-01 … 2026-03; m = 2026-03).
 *
 * Head office 1; Alpha Branch 2 (with its loan management division 4); Beta Branch 3.
 * Teams: 1 Alpha energy, 2 Alpha transport, 3 Beta energy.
 * Client managers (active): Ann 11 (Alpha, team 1), Bob 12 (senior, sits in division 4 → Alpha, team 1),
 *   Cid 13 (Alpha, team 2), Dan 14 (Beta, team 3), Fay 15 (Beta, team 3, hired 2026-03-15 → not a
 *   client manager yet in February), Eve 16 (Beta, no team, no clients, no projects).
 * Not client managers: Gus 17 (assistant), Hal 18 (client manager who left: active = false, still
 *   manages project 11).
 * Setting workload_norm = 4. Client-manager weights v1 = 0.35 / 0.30 / 0.15 / 0.10 / 0.10, published
 * 2026-01-01 09:00 Beijing time; branch weights v1 = 0.5 / 0.3 / 0.2.
 *
 * Every statement: principal due 80 + interest due 20 (= 100 due), except Dan's and Hal's (0 due).
 *   Ann  P1 key   bal 1000 normal        repaid 100  submitted the 5th  (on time)
 *        P2       bal 1000 normal        repaid 100  5th
 *        P3 large bal 1500 normal        repaid 100  5th
 *        P4       bal  500 substandard   repaid  60  15th (late)
 *   Bob  P5 key   bal 1000 normal        repaid 100  Jan 02-05, Feb 03-05, Mar 04-10 (due day: on time)
 *        P6       bal 1000 normal (Jan, Feb) / doubtful (Mar)  repaid 0
 *                 Jan 02-10 (on time), Feb 03-11 (late), Mar not submitted (due 04-10 passed → late)
 *   Cid  P7       bal  960 normal        repaid 100  5th
 *        P8       bal   40 substandard   repaid  80  5th
 *   Dan  P9, P10  bal 0 normal, nothing due, 5th
 *   Hal  P11      bal 100 normal (Feb, Mar only), nothing due
 * Clients: C1–C4 Ann (P1–P4), C9 Ann (no project), C5 Bob (P5), C6 Bob (P6), C7 Cid (P7, P8), C8 Dan (P9, P10), C10 Hal.
 * Contacts: C1 by Ann 2026-03-05; C2 by Ann 2026-02-10; C3 by Ann 2026-01-01; C5 by Bob 2025-12-31;
 *   C6 by Ann (not its owner) 2026-03-20; C7 by Cid 2026-02-15; C8 by Dan 2026-04-01 (after March).
 */
export async function loadFixture(db: TestDatabase): Promise<void> {
  await db.query(`
    INSERT INTO org_unit (id, code, name, name_zh, kind, parent_id, sort_order) VALUES
      (1, 'HO', 'Head Office', '总行', 'head_office', NULL, 0),
      (2, 'BA', 'Alpha Branch', '甲分行', 'branch', 1, 1),
      (3, 'BB', 'Beta Branch', '乙分行', 'branch', 1, 2),
      (4, 'BA_LMD', 'Alpha Loan Management Division', '甲分行贷款管理处', 'branch_division', 2, 0);
    INSERT INTO team (id, branch_id, sector, name) VALUES
      (1, 2, 'energy', 'Alpha Energy'), (2, 2, 'transport', 'Alpha Transport'), (3, 3, 'energy', 'Beta Energy');
    INSERT INTO staff (id, employee_no, name, unit_id, role, grade, team_id, hired_on, active) VALUES
      (11, 'E11', 'Ann', 2, 'client_manager', 5, 1, '2020-01-01', true),
      (12, 'E12', 'Bob', 4, 'senior_client_manager', 7, 1, '2018-05-01', true),
      (13, 'E13', 'Cid', 2, 'client_manager', 5, 2, '2021-01-01', true),
      (14, 'E14', 'Dan', 3, 'client_manager', 5, 3, '2019-01-01', true),
      (15, 'E15', 'Fay', 3, 'client_manager', 4, 3, '2026-03-15', true),
      (16, 'E16', 'Eve', 3, 'client_manager', 4, NULL, '2022-01-01', true),
      (17, 'E17', 'Gus', 2, 'assistant', 3, NULL, '2020-01-01', true),
      (18, 'E18', 'Hal', 3, 'client_manager', 5, 3, '2015-01-01', false);
    INSERT INTO client (id, name, branch_id, owner_id) VALUES
      (1, 'C1', 2, 11), (2, 'C2', 2, 11), (3, 'C3', 2, 11), (4, 'C4', 2, 11), (5, 'C5', 2, 12), (6, 'C6', 2, 12),
      (7, 'C7', 2, 13), (8, 'C8', 3, 14), (9, 'C9', 2, 11), (10, 'C10', 3, 18);
    INSERT INTO project (id, name, client_id, branch_id, manager_id, sector, approved_amount, disbursed_amount, balance, start_date, maturity_date, importance, classification) VALUES
      (1, 'P1', 1, 2, 11, 'energy', 5000, 5000, 1000, '2020-01-01', '2030-12-31', 'key', 'normal'),
      (2, 'P2', 2, 2, 11, 'energy', 5000, 5000, 1000, '2020-01-01', '2030-12-31', 'normal', 'normal'),
      (3, 'P3', 3, 2, 11, 'energy', 5000, 5000, 1500, '2020-01-01', '2030-12-31', 'large', 'normal'),
      (4, 'P4', 4, 2, 11, 'energy', 5000, 5000, 500, '2020-01-01', '2030-12-31', 'normal', 'substandard'),
      (5, 'P5', 5, 2, 12, 'energy', 5000, 5000, 1000, '2020-01-01', '2030-12-31', 'key', 'normal'),
      (6, 'P6', 6, 2, 12, 'energy', 5000, 5000, 1000, '2020-01-01', '2030-12-31', 'normal', 'doubtful'),
      (7, 'P7', 7, 2, 13, 'transport', 5000, 5000, 960, '2020-01-01', '2030-12-31', 'normal', 'normal'),
      (8, 'P8', 7, 2, 13, 'transport', 5000, 5000, 40, '2020-01-01', '2030-12-31', 'normal', 'substandard'),
      (9, 'P9', 8, 3, 14, 'energy', 5000, 0, 0, '2025-12-01', '2035-12-31', 'normal', 'normal'),
      (10, 'P10', 8, 3, 14, 'energy', 5000, 0, 0, '2025-12-01', '2035-12-31', 'normal', 'normal'),
      (11, 'P11', 10, 3, 18, 'energy', 5000, 5000, 100, '2020-01-01', '2030-12-31', 'normal', 'normal');
    INSERT INTO cash_flow_statement (project_id, month, balance, principal_due, interest_due, principal_repaid, interest_repaid, classification, submitted_on)
    SELECT v.project_id, m.month, v.balance, v.pd, v.id_, v.pr, v.ir, v.cls::classification,
           (m.month + interval '1 month' + (v.day - 1) * interval '1 day')::date
    FROM (VALUES (1, 1000, 80, 20, 80, 20, 'normal', 5), (2, 1000, 80, 20, 80, 20, 'normal', 5),
                 (3, 1500, 80, 20, 80, 20, 'normal', 5), (4, 500, 80, 20, 40, 20, 'substandard', 15),
                 (7, 960, 80, 20, 80, 20, 'normal', 5), (8, 40, 80, 20, 60, 20, 'substandard', 5),
                 (9, 0, 0, 0, 0, 0, 'normal', 5), (10, 0, 0, 0, 0, 0, 'normal', 5))
         AS v(project_id, balance, pd, id_, pr, ir, cls, day)
    CROSS JOIN (VALUES (DATE '2026-01-01'), (DATE '2026-02-01'), (DATE '2026-03-01')) AS m(month);
    INSERT INTO cash_flow_statement (project_id, month, balance, principal_due, interest_due, principal_repaid, interest_repaid, classification, submitted_on) VALUES
      (5, '2026-01-01', 1000, 80, 20, 80, 20, 'normal', '2026-02-05'),
      (5, '2026-02-01', 1000, 80, 20, 80, 20, 'normal', '2026-03-05'),
      (5, '2026-03-01', 1000, 80, 20, 80, 20, 'normal', '2026-04-10'),
      (6, '2026-01-01', 1000, 80, 20, 0, 0, 'normal', '2026-02-10'),
      (6, '2026-02-01', 1000, 80, 20, 0, 0, 'normal', '2026-03-11'),
      (6, '2026-03-01', 1000, 80, 20, 0, 0, 'doubtful', NULL),
      (11, '2026-02-01', 100, 0, 0, 0, 0, 'normal', '2026-03-05'),
      (11, '2026-03-01', 100, 0, 0, 0, 0, 'normal', '2026-04-05');
    INSERT INTO client_contact (client_id, staff_id, kind, contacted_on) VALUES
      (1, 11, 'visit', '2026-03-05'), (2, 11, 'call', '2026-02-10'), (3, 11, 'meeting', '2026-01-01'),
      (5, 12, 'visit', '2025-12-31'), (6, 11, 'call', '2026-03-20'), (7, 13, 'visit', '2026-02-15'),
      (8, 14, 'call', '2026-04-01');
    INSERT INTO setting (key, value, description) VALUES ('workload_norm', '4', 'Projects per client manager');
    INSERT INTO score_weight_version (subject, version, published_at, note) VALUES
      ('client_manager', 1, '2026-01-01 09:00:00+08', 'Initial weights'),
      ('branch', 1, '2026-01-01 09:00:00+08', 'Initial branch weights');
    INSERT INTO score_weight (version_id, component, weight)
    SELECT v.id, w.component, w.weight FROM score_weight_version v
    JOIN (VALUES ('client_manager', 'asset_quality', 0.35), ('client_manager', 'recovery', 0.30), ('client_manager', 'reporting', 0.15),
                 ('client_manager', 'contact', 0.10), ('client_manager', 'workload', 0.10),
                 ('branch', 'npl', 0.5), ('branch', 'recovery', 0.3), ('branch', 'attainment', 0.2)) AS w(subject, component, weight)
      ON w.subject = v.subject::text;
  `);
}

/** Drops trailing fraction zeros so expected values can be written as 87.5 rather than 87.5000000000. */
export function trim(s: string | null | undefined): string | null | undefined {
  if (s === null || s === undefined || !s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}
