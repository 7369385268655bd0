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
 * Contact coverage rows for some months (`monthFilter` on `s.month`), every dimension; with
 * `ownerFilter` (on `c.owner_id`) only the owner dimension of those owners.
 */
export function coverageInsert(monthFilter: string, ownerFilter: string | null): string {
  const dims = ownerFilter
    ? `SELECT month, 'owner', owner_id::text, count(*)::int, count(*) FILTER (WHERE cov)::int FROM cc GROUP BY month, owner_id`
    : `SELECT month, 'bank', '', count(*)::int, count(*) FILTER (WHERE cov)::int FROM cc GROUP BY month
       UNION ALL
       SELECT month, 'owner', owner_id::text, count(*)::int, count(*) FILTER (WHERE cov)::int FROM cc GROUP BY month, owner_id
       UNION ALL
       SELECT month, 'sector', sector::text, count(*)::int, count(*) FILTER (WHERE cov)::int
       FROM (SELECT DISTINCT a.month, a.sector, a.client_id, cc.cov FROM act a JOIN cc ON cc.month = a.month AND cc.client_id = a.client_id) x
       GROUP BY month, sector
       UNION ALL
       SELECT month, 'importance', importance::text, count(*)::int, count(*) FILTER (WHERE cov)::int
       FROM (SELECT DISTINCT a.month, a.importance, a.client_id, cc.cov FROM act a JOIN cc ON cc.month = a.month AND cc.client_id = a.client_id) x
       GROUP BY month, importance`;
  return `INSERT INTO rollup_coverage (month, dim, key, clients, covered)
    WITH act AS (
      SELECT s.month, p.client_id, p.sector, p.importance
      FROM cash_flow_statement s JOIN project p ON p.id = s.project_id
      ${ownerFilter ? 'JOIN client c ON c.id = p.client_id' : ''}
      WHERE ${monthFilter} ${ownerFilter ? `AND ${ownerFilter}` : ''}
      GROUP BY 1, 2, 3, 4
    ),
    cc AS (
      SELECT m.month, m.client_id, c.owner_id,
             EXISTS (SELECT 1 FROM client_contact x WHERE x.client_id = m.client_id
                     AND x.contacted_on BETWEEN (m.month + interval '1 month' - interval '1 day')::date - 89
                                            AND (m.month + interval '1 month' - interval '1 day')::date) AS cov
      FROM (SELECT DISTINCT month, client_id FROM act) m JOIN client c ON c.id = m.client_id
      WHERE c.owner_id IS NOT NULL
    )
    ${dims}`;
}
