/**
 * SQL of the KPI rollups (tables in db/migrations/Migration20261129030000Rollups.ts). Every text
 * uses knex `?` placeholders only (no `?` operator), so it runs on an EntityManager or a pg client.
 */

export const CLASSES = ['normal', 'special_mention', 'substandard', 'doubtful', 'loss'] as const;
const NPL = `('substandard', 'doubtful', 'loss')`;

/** Measure columns of the coarse rollups, in table order. */
export const MEASURE_COLS = [
  'n', 'balance', 'npl_balance', 'n_key_large', 'due', 'repaid', 'n_submitted', 'n_on_time', 'dg_pairs', 'dg_down',
  ...CLASSES.map((c) => `n_${c}`), ...CLASSES.map((c) => `b_${c}`),
];

/** Aggregates of fine rows `f` (optionally signed by `f.sign`) into the coarse measure columns. */
export function coarseAggregates(signed: boolean): string {
  const s = signed ? 'f.sign * ' : '';
  return [
    `coalesce(sum(${s}f.n), 0)`,
    `coalesce(sum(${s}f.balance), 0.00)`,
    `coalesce(sum(${s}f.balance) FILTER (WHERE f.classification IN ${NPL}), 0.00)`,
    `coalesce(sum(${s}f.n) FILTER (WHERE f.importance IN ('key', 'large')), 0)`,
    `coalesce(sum(${s}f.due), 0.00)`,
    `coalesce(sum(${s}f.repaid), 0.00)`,
    `coalesce(sum(${s}f.n_submitted), 0)`,
    `coalesce(sum(${s}f.n_on_time), 0)`,
    `coalesce(sum(${s}f.dg_pairs), 0)`,
    `coalesce(sum(${s}f.dg_down), 0)`,
    ...CLASSES.map((c) => `coalesce(sum(${s}f.n) FILTER (WHERE f.classification = '${c}'), 0)`),
    ...CLASSES.map((c) => `coalesce(sum(${s}f.balance) FILTER (WHERE f.classification = '${c}'), 0.00)`),
  ].join(',\n      ');
}

/** The three coarse rollups and their keys over the fine columns. */
export const COARSE = [
  { table: 'rollup_bank', keys: ['month', 'sector', 'importance'] },
  { table: 'rollup_branch', keys: ['month', 'branch_id'] },
  { table: 'rollup_manager', keys: ['month', 'manager_id'] },
] as const;

/** Fine rows computed from the base tables; `where` filters `s` (statement) / `p` (project); extra joins first. */
export function fineSelect(join: string, where: string): string {
  return `
    SELECT s.month, p.branch_id, coalesce(p.manager_id, 0) AS manager_id, p.sector, p.importance, s.classification,
           count(*)::int AS n, sum(s.balance) AS balance,
           sum(s.principal_due + s.interest_due) AS due, sum(s.principal_repaid + s.interest_repaid) AS repaid,
           count(s.submitted_on)::int AS n_submitted,
           count(*) FILTER (WHERE s.submitted_on <= (s.month + interval '1 month 9 days')::date)::int AS n_on_time,
           count(s0.project_id)::int AS dg_pairs,
           count(*) FILTER (WHERE s.classification > s0.classification)::int AS dg_down
    FROM ${join}
    LEFT JOIN cash_flow_statement s0 ON s0.project_id = s.project_id AND s0.month = (s.month - interval '3 months')::date
    WHERE ${where}
    GROUP BY 1, 2, 3, 4, 5, 6`;
}

/** INSERT … SELECT of a coarse rollup from fine rows (whole months). */
export function coarseFromFine(table: string, keys: readonly string[], monthFilter: string): string {
  const k = keys.join(', ');
  return `INSERT INTO ${table} (${k}, ${MEASURE_COLS.join(', ')})
    SELECT ${keys.map((x) => `f.${x}`).join(', ')}, ${coarseAggregates(false)}
    FROM rollup_fine f WHERE ${monthFilter} GROUP BY ${keys.map((x) => `f.${x}`).join(', ')}`;
}

/** Adds the signed deltas in `rollup_delta` to a coarse rollup (upsert). */
export function coarseDelta(table: string, keys: readonly string[]): string {
  const k = keys.join(', ');
  return `INSERT INTO ${table} AS t (${k}, ${MEASURE_COLS.join(', ')})
    SELECT ${keys.map((x) => `f.${x}`).join(', ')}, ${coarseAggregates(true)}
    FROM rollup_delta f GROUP BY ${keys.map((x) => `f.${x}`).join(', ')}
    ON CONFLICT (${k}) DO UPDATE SET ${MEASURE_COLS.map((c) => `${c} = t.${c} + excluded.${c}`).join(', ')}`;
}

/**
 * Coverage facts per owned client and month with a statement (`rollup_client_month` columns, in
 * order): owner, contacted within the 90 days ending on the month's last day, and bitmasks of the
 * sectors / grades of the client's projects with a statement that month. `where` filters `s`
 * (statement) / `p` (project) / `c` (client).
 */
export function clientMonthSelect(where: string): string {
  return `
    SELECT p.client_id, s.month, c.owner_id,
           EXISTS (SELECT 1 FROM client_contact x WHERE x.client_id = p.client_id
                   AND x.contacted_on BETWEEN (s.month + interval '1 month' - interval '1 day')::date - 89
                                          AND (s.month + interval '1 month' - interval '1 day')::date) AS covered,
           bit_or(1 << (array_position(enum_range(NULL::sector), p.sector) - 1)) AS sectors,
           bit_or(1 << (array_position(enum_range(NULL::importance_grade), p.importance) - 1)) AS importances
    FROM cash_flow_statement s JOIN project p ON p.id = s.project_id JOIN client c ON c.id = p.client_id
    WHERE c.owner_id IS NOT NULL AND ${where}
    GROUP BY p.client_id, s.month, c.owner_id`;
}

/**
 * Coverage rows (bank, owner, sector, grade) summed from client-month rows (`srcQuery`: a query
 * returning the rollup_client_month columns and an integer `sign`), added to rollup_coverage.
 * A client counts once per sector / grade it has, so sums over clients are exact distinct counts.
 */
export function coverageFromClientMonths(srcQuery: string): string {
  const src = 'src';
  return `WITH src AS MATERIALIZED (${srcQuery})
    INSERT INTO rollup_coverage AS t (month, dim, key, clients, covered)
    SELECT month, dim, key, sum(sign)::int, sum(sign * covered::int)::int FROM (
      SELECT month, 'bank' AS dim, '' AS key, sign, covered FROM ${src} cm
      UNION ALL
      SELECT month, 'owner', owner_id::text, sign, covered FROM ${src} cm
      UNION ALL
      SELECT cm.month, 'sector', e.v::text, cm.sign, cm.covered
      FROM ${src} cm CROSS JOIN LATERAL unnest(enum_range(NULL::sector)) WITH ORDINALITY e(v, i)
      WHERE cm.sectors & (1 << (e.i::int - 1)) <> 0
      UNION ALL
      SELECT cm.month, 'importance', e.v::text, cm.sign, cm.covered
      FROM ${src} cm CROSS JOIN LATERAL unnest(enum_range(NULL::importance_grade)) WITH ORDINALITY e(v, i)
      WHERE cm.importances & (1 << (e.i::int - 1)) <> 0
    ) x
    GROUP BY month, dim, key
    ON CONFLICT (month, dim, key) DO UPDATE SET clients = t.clients + excluded.clients, covered = t.covered + excluded.covered`;
}
