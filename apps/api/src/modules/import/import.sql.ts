import { COLUMNS, enumAliases, type ColumnSpec, type ImportKind } from './columns.js';
import { ImportProblemCode as P, templateParts } from './problems.js';

/**
 * SQL text of one import, generated from the column specs. Everything is set-based.
 *
 * TEMP tables (dropped at commit or rollback):
 * - `import_stage`: the file as COPY'd: `line`, `nf` (fields in the row; -1 = unterminated quote),
 *   one text column per known column (trimmed; blank = NULL).
 * - `import_errors`: (line, errs) for rejected rows, `errs` = `column<US>code<US>params<US>reason`
 *   strings (`params`: a JSON array of strings, so it holds no <US>; `reason` may hold anything and
 *   comes last). Only built when the merge found a row it could not take (so a clean file is read once).
 * - `import_affected_projects`: projects whose rows changed (realignment, rollup listeners).
 * - `import_projects` (statements): (id, external_key, start_date, last_month) of every project the
 *   file names, read once per distinct key (`PROJECT_KEY_LOOKUP`, then `projectLookup`).
 *
 * Happy path: ONE statement types, checks, looks up and merges every staged row (`merge`), and
 * counts accepted rows and duplicate keys. When it accepted fewer rows than were staged, found a
 * duplicate, or hit a value that does not cast, the caller builds `import_errors` with `report`
 * (guarded casts that report instead of raising) and `duplicates`.
 */

/** Separates column, code, params and reason inside `errs` entries. */
export const SEP = '\x1f';
const sep = `E'\\x1f'`;

export const STAGE = 'import_stage';
export const ERRORS = 'import_errors';
export const AFFECTED = 'import_affected_projects';
/** Statements: the projects the file names (looked up once per key, not once per row). */
export const PROJECTS = 'import_projects';

/** Identifiers come from the column specs only, never from the file. */
const q = (name: string): string => `"${name}"`;
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
/** Shortened raw value for messages (the reason quotes it as `"…"`). */
const shown = (raw: string): string => `left(${raw}, 40) || CASE WHEN char_length(${raw}) > 40 THEN '…' ELSE '' END`;

/**
 * The text of one problem after its column: `code<US>params<US>reason`. `params` are SQL
 * expressions (values of the row, made text), `reason` is the code's English template
 * (problems.ts) with `{n}` replaced by params[n]. It only appears after a THEN: a row with no
 * problem never evaluates it. Values are expressions of the row, never spliced into the SQL text.
 */
function problem(code: P, ...params: string[]): string {
  const text = params.map((p) => `(${p})::text`);
  const reason = templateParts(code).map((part) => (typeof part === 'number' ? text[part]! : lit(part)));
  const json = params.length ? `json_build_array(${text.join(', ')})::text` : `'[]'`;
  return `${lit(code)} || ${sep} || ${json} || ${sep} || ${reason.join(' || ')}`;
}

/** fast: plain casts (a value that does not cast raises 22xxx). safe: guarded casts (bad value → NULL → reported). */
export type Mode = 'fast' | 'safe';

/** What the SQL needs to know about this file and run. */
export interface SqlContext {
  mode: Mode;
  /** Fields in the header row. */
  headerFields: number;
  /** Columns the header carries (absent optional columns keep their value on update). */
  present: ReadonlySet<string>;
  /** Today's business date (Asia/Shanghai), YYYY-MM-DD, read once from the database. */
  today: string;
  /** Skip the lines already in import_errors (partial mode after a report). */
  excludeErrors: boolean;
  /**
   * Statements: the merge checks the foreign key to project itself (it runs without the per-row
   * trigger): it locks the projects it writes rows for FOR KEY SHARE and writes only rows of
   * projects it locked; `unlocked` counts the rows left out (a project deleted meanwhile).
   */
  lockProjects?: boolean;
  /** Assignment history: who (staff id) and why, when a project import changes a client manager. */
  staffId: number | null;
  reason: string;
}

function typedExpr(c: ColumnSpec, mode: Mode): string {
  const raw = `s.${q(c.name)}`;
  switch (c.type.t) {
    case 'text':
      return raw;
    case 'amount':
      return mode === 'safe' ? `CASE WHEN pg_input_is_valid(${raw}, 'numeric') THEN ${raw}::numeric END` : `${raw}::numeric`;
    case 'int':
      return mode === 'safe' ? `CASE WHEN pg_input_is_valid(${raw}, 'int4') THEN ${raw}::int4 END` : `${raw}::int4`;
    case 'date':
      return `CASE WHEN length(${raw}) = 10 AND substr(${raw}, 5, 1) = '-' AND substr(${raw}, 8, 1) = '-'${mode === 'safe' ? ` AND pg_input_is_valid(${raw}, 'date')` : ''} THEN ${raw}::date END`;
    case 'month':
      return `CASE WHEN length(${raw}) = 7 AND substr(${raw}, 5, 1) = '-'${mode === 'safe' ? ` AND pg_input_is_valid(${raw} || '-01', 'date')` : ''} THEN (${raw} || '-01')::date END`;
    case 'enum': {
      // Exact labels first (no lower(), constants typed at plan time), then other spellings.
      const type = c.type.sqlType;
      const exact = Object.keys(c.type.labels).map((v) => `WHEN ${lit(v)} THEN ${lit(v)}::${type}`).join(' ');
      const others = [...enumAliases(c.type)].map(([alias, value]) => `WHEN ${lit(alias)} THEN ${lit(value)}::${type}`).join(' ');
      return `CASE ${raw} ${exact} ELSE CASE lower(${raw}) ${others} END END`;
    }
  }
}

/** A CASE giving the first reason a column's value is wrong, NULL when it is fine. */
function columnCheck(c: ColumnSpec, extra: readonly string[]): string {
  const raw = `x.${q(c.name)}`;
  const t = `x.${q('t_' + c.name)}`;
  const whens: string[] = [`WHEN ${raw} IS NULL THEN ${c.required ? problem(P.MISSING_VALUE) : 'NULL'}`];
  switch (c.type.t) {
    case 'text':
      if (c.type.max) whens.push(`WHEN char_length(${raw}) > ${c.type.max} THEN ${problem(P.TOO_LONG, `char_length(${raw})`, lit(String(c.type.max)))}`);
      break;
    case 'amount':
      // One cheap guard for the common (valid) case; NaN and Infinity compare above 1e18.
      whens.push(`WHEN ${t} IS NULL THEN ${problem(P.NOT_A_NUMBER, shown(raw))}`);
      whens.push(`WHEN ${t} < 0 OR ${t} >= 1e18 OR scale(${t}) > 2 THEN CASE
        WHEN ${t} IN ('NaN', 'Infinity', '-Infinity') THEN ${problem(P.NOT_A_NUMBER, shown(raw))}
        WHEN ${t} < 0 THEN ${problem(P.NEGATIVE_AMOUNT, shown(raw))}
        WHEN ${t} >= 1e18 THEN ${problem(P.AMOUNT_TOO_LARGE, shown(raw))}
        ELSE ${problem(P.TOO_MANY_DECIMALS, shown(raw))} END`);
      break;
    case 'int':
      whens.push(`WHEN ${t} IS NULL THEN ${problem(P.NOT_A_WHOLE_NUMBER, shown(raw))}`);
      whens.push(`WHEN ${t} < 0 THEN ${problem(P.NEGATIVE_WHOLE_NUMBER, raw)}`);
      break;
    case 'date':
      whens.push(`WHEN ${t} IS NULL THEN ${problem(P.BAD_DATE, shown(raw))}`);
      break;
    case 'month':
      whens.push(`WHEN ${t} IS NULL THEN ${problem(P.BAD_MONTH, shown(raw))}`);
      break;
    case 'enum':
      whens.push(`WHEN ${t} IS NULL THEN ${problem(P.UNKNOWN_VALUE, shown(raw), lit(Object.keys(c.type.labels).join(', ')))}`);
      break;
  }
  whens.push(...extra);
  return `${lit(c.name)} || ${sep} || CASE ${whens.join(' ')} END`;
}

interface KindDef {
  /** Joins after the typed subquery `x` (lookups by code, key, employee number). */
  joins: string;
  /** Extra WHEN clauses per column, after its type checks. */
  extra(ctx: SqlContext): Record<string, string[]>;
  /** Output columns of `src` (the rows to merge): target column → expression. */
  src: [string, string][];
  /** Duplicate keys within a file, as staged (raw) columns: [key columns, error column, problem] (the report). */
  keys: [string[], string, P][];
  /** The same keys as `src` columns (the merge counts keys seen twice). */
  dupKeys: string[][];
  /** Only count duplicates among these `src` rows (others are caught by a unique index on insert). */
  dupWhere?: string;
  /** Joins only the merge needs (after `joins`). */
  mergeJoins?: string;
  /** More `src` columns only the merge needs (may use `mergeJoins`). */
  mergeSrc?(ctx: SqlContext): [string, string][];
  /** The data-modifying CTEs after `src`, and SQL expressions (over them) for inserted, updated, extra. */
  merge(ctx: SqlContext): { ctes: string; inserted: string; updated: string; extra: string; unlocked?: string };
}

/** The typed, joined rows of the staging table: `FROM (… ) x JOIN …`. */
function fromTyped(kind: ImportKind, def: KindDef, ctx: SqlContext): string {
  const cols = COLUMNS[kind];
  const inner = [
    's.line', 's.nf', ...cols.map((c) => `s.${q(c.name)}`),
    ...cols.filter((c) => c.type.t !== 'text').map((c) => `${typedExpr(c, ctx.mode)} AS ${q('t_' + c.name)}`),
  ];
  const exclude = ctx.excludeErrors ? ` WHERE NOT EXISTS (SELECT 1 FROM ${ERRORS} e WHERE e.line = s.line)` : '';
  return `FROM (SELECT ${inner.join(', ')} FROM ${STAGE} s${exclude} OFFSET 0) x
    ${def.joins}`;
}

function checks(kind: ImportKind, def: KindDef, ctx: SqlContext): string[] {
  const extra = def.extra(ctx);
  return [
    `CASE WHEN x.nf = -1 THEN '*' || ${sep} || ${problem(P.UNTERMINATED_QUOTE)}`
      + ` WHEN x.nf <> ${ctx.headerFields} THEN '*' || ${sep} || ${problem(P.WRONG_FIELD_COUNT, 'x.nf', lit(String(ctx.headerFields)))} END`,
    ...COLUMNS[kind].map((c) => columnCheck(c, extra[c.name] ?? [])),
  ];
}

/** `(a, b) IS DISTINCT FROM (EXCLUDED.a, EXCLUDED.b)`. */
const changed = (alias: string, cols: string[]): string =>
  `(${cols.map((c) => `${alias}.${q(c)}`).join(', ')}) IS DISTINCT FROM (${cols.map((c) => `EXCLUDED.${q(c)}`).join(', ')})`;

/** Target column → the file column that carries it (undefined: always carried). */
type Carried = Record<string, string | undefined>;

function upsert(table: string, alias: string, conflict: string[], cols: Carried, ctx: SqlContext, bump: string, where?: string): string {
  const all = Object.keys(cols);
  const set = all.filter((c) => !conflict.includes(c) && (cols[c] === undefined || ctx.present.has(cols[c]!)));
  return `INSERT INTO ${table} AS ${alias} (${all.map(q).join(', ')})
      SELECT ${all.map((c) => `src.${q(c)}`).join(', ')} FROM src${where ? ` WHERE ${where}` : ''}
      ON CONFLICT (${conflict.join(', ')}) DO UPDATE SET ${set.map((c) => `${q(c)} = EXCLUDED.${q(c)}`).join(', ')}${bump}
      WHERE ${changed(alias, set)}`;
}

const BRANCH_OF_UNIT = `CASE WHEN u.kind = 'branch' THEN u.id WHEN u.kind = 'branch_division' THEN u.parent_id END`;
const CM_ROLES = `('client_manager', 'senior_client_manager')`;

const CLIENT: KindDef = {
  joins: `LEFT JOIN org_unit b ON b.code = x.branch_code AND b.kind = 'branch'
    LEFT JOIN staff o ON o.employee_no = x.owner_employee_no
    LEFT JOIN org_unit u ON u.id = o.unit_id
    LEFT JOIN client cn ON cn.name = x.name AND cn.external_key IS DISTINCT FROM x.external_key`,
  extra: () => ({
    name: [`WHEN cn.id IS NOT NULL THEN ${problem(P.NAME_ALREADY_USED, `coalesce(cn.external_key, '#' || cn.id)`)}`],
    branch_code: [`WHEN b.id IS NULL THEN ${problem(P.UNKNOWN_BRANCH, shown('x.branch_code'))}`],
    owner_employee_no: [
      `WHEN o.id IS NULL THEN ${problem(P.UNKNOWN_CLIENT_MANAGER, shown('x.owner_employee_no'))}`,
      `WHEN o.role NOT IN ${CM_ROLES} THEN ${problem(P.NOT_A_CLIENT_MANAGER, 'x.owner_employee_no')}`,
      `WHEN b.id IS NOT NULL AND b.id IS DISTINCT FROM ${BRANCH_OF_UNIT} THEN ${problem(P.MANAGER_NOT_IN_BRANCH, 'x.owner_employee_no', 'x.branch_code')}`,
    ],
  }),
  src: [
    ['external_key', 'x.external_key'], ['name', 'x.name'], ['client_type', 'x.client_type'], ['industry', 'x.industry'], ['source', 'x.source'],
    ['company_nature', `coalesce(x.t_company_nature, 'other')`], ['annual_revenue', 'x.t_annual_revenue'], ['address', 'x.address'],
    // No branch given: the owner's branch.
    ['branch_id', `coalesce(b.id, ${BRANCH_OF_UNIT})`], ['owner_id', 'o.id'],
  ],
  keys: [[['external_key'], 'external_key', P.DUPLICATE_EXTERNAL_KEY], [['name'], 'name', P.DUPLICATE_NAME]],
  dupKeys: [['external_key'], ['name']],
  merge: (ctx) => ({
    ctes: `m AS (${upsert('client', 'c', ['external_key'], {
      external_key: undefined, name: undefined, client_type: 'client_type', industry: 'industry', source: 'source', company_nature: 'company_nature',
      annual_revenue: 'annual_revenue', address: 'address', branch_id: 'branch_code', owner_id: 'owner_employee_no',
    }, ctx, ', updated_at = now()')}
      RETURNING (xmax = 0) AS ins)`,
    inserted: '(SELECT count(*) FROM m WHERE ins)',
    updated: '(SELECT count(*) FROM m WHERE NOT ins)',
    extra: '0',
  }),
};

const PROJECT: KindDef = {
  joins: `LEFT JOIN client cl ON cl.external_key = x.client_external_key
    LEFT JOIN org_unit b ON b.code = x.branch_code AND b.kind = 'branch'
    LEFT JOIN staff m ON m.employee_no = x.manager_employee_no
    LEFT JOIN org_unit u ON u.id = m.unit_id
    LEFT JOIN (SELECT DISTINCT ON (k) k, id FROM (SELECT name AS k, id, 0 AS o FROM settlement_agent_bank
                 UNION ALL SELECT name_zh, id, 1 FROM settlement_agent_bank WHERE name_zh IS NOT NULL) n ORDER BY k, o, id) ab
      ON ab.k = x.agent_bank_name`,
  extra: () => ({
    client_external_key: [`WHEN cl.id IS NULL THEN ${problem(P.UNKNOWN_CLIENT, shown('x.client_external_key'))}`],
    branch_code: [`WHEN b.id IS NULL THEN ${problem(P.UNKNOWN_BRANCH, shown('x.branch_code'))}`],
    manager_employee_no: [
      `WHEN m.id IS NULL THEN ${problem(P.UNKNOWN_CLIENT_MANAGER, shown('x.manager_employee_no'))}`,
      `WHEN m.role NOT IN ${CM_ROLES} THEN ${problem(P.NOT_A_CLIENT_MANAGER, 'x.manager_employee_no')}`,
      `WHEN b.id IS NOT NULL AND b.id IS DISTINCT FROM ${BRANCH_OF_UNIT} THEN ${problem(P.MANAGER_NOT_IN_BRANCH, 'x.manager_employee_no', 'x.branch_code')}`,
    ],
    disbursed_amount: [`WHEN x.t_disbursed_amount > x.t_approved_amount THEN ${problem(P.EXCEEDS_APPROVED_AMOUNT, 'x.approved_amount')}`],
    maturity_date: [`WHEN x.t_maturity_date < x.t_start_date THEN ${problem(P.BEFORE_START_DATE, 'x.start_date')}`],
    agent_bank_name: [`WHEN ab.id IS NULL THEN ${problem(P.UNKNOWN_AGENT_BANK, shown('x.agent_bank_name'))}`],
  }),
  src: [
    ['external_key', 'x.external_key'], ['name', 'x.name'], ['client_id', 'cl.id'], ['branch_id', 'b.id'], ['manager_id', 'm.id'],
    ['sector', 'x.t_sector'], ['approved_amount', 'x.t_approved_amount'], ['disbursed_amount', 'x.t_disbursed_amount'], ['balance', 'x.t_balance'],
    ['currency', `coalesce(x.t_currency, 'CNY')`], ['start_date', 'x.t_start_date'], ['maturity_date', 'x.t_maturity_date'],
    ['status', `coalesce(x.t_status, 'active')`], ['importance', `coalesce(x.t_importance, 'normal')`],
    ['classification', `coalesce(x.t_classification, 'normal')`], ['agent_bank_id', 'ab.id'],
  ],
  keys: [[['external_key'], 'external_key', P.DUPLICATE_EXTERNAL_KEY]],
  dupKeys: [['external_key']],
  // Assignment history: an import that changes a project's client manager records it.
  merge: (ctx) => ({
    ctes: `old AS (SELECT p.id, p.manager_id FROM project p JOIN src ON src.external_key = p.external_key),
    m AS (${upsert('project', 'p', ['external_key'], {
      external_key: undefined, name: undefined, client_id: undefined, branch_id: undefined, manager_id: 'manager_employee_no', sector: undefined,
      approved_amount: undefined, disbursed_amount: undefined, balance: undefined, currency: 'currency', start_date: undefined, maturity_date: undefined,
      status: 'status', importance: 'importance', classification: 'classification', agent_bank_id: 'agent_bank_name',
    }, ctx, ', version = p.version + 1, updated_at = now()')}
      RETURNING p.id, p.manager_id, (xmax = 0) AS ins),
    a AS (INSERT INTO assignment (project_id, from_staff_id, to_staff_id, assigned_by, reason)
      SELECT m.id, old.manager_id, m.manager_id, ${ctx.staffId === null ? 'NULL' : Math.trunc(ctx.staffId)}, ${lit(ctx.reason)} FROM m JOIN old ON old.id = m.id
      WHERE NOT m.ins AND old.manager_id IS DISTINCT FROM m.manager_id RETURNING 1),
    f AS (INSERT INTO ${AFFECTED} (project_id) SELECT id FROM m RETURNING 1)`,
    inserted: '(SELECT count(*) FROM m WHERE ins)',
    updated: '(SELECT count(*) FROM m WHERE NOT ins)',
    extra: '(SELECT count(*) FROM a)',
  }),
};

const STATEMENT: KindDef = {
  joins: `LEFT JOIN ${PROJECTS} p ON p.external_key = x.project_external_key`,
  extra: (ctx) => ({
    project_external_key: [`WHEN p.id IS NULL THEN ${problem(P.UNKNOWN_PROJECT, shown('x.project_external_key'))}`],
    month: [
      `WHEN x.t_month > DATE ${lit(ctx.today.slice(0, 7) + '-01')} THEN ${problem(P.IN_THE_FUTURE, 'x.month')}`,
      `WHEN x.t_month < p.start_date - extract(day FROM p.start_date)::int + 1 THEN ${problem(P.BEFORE_PROJECT_START, `to_char(p.start_date, 'YYYY-MM')`)}`,
    ],
    submitted_on: [
      `WHEN x.t_submitted_on < x.t_month THEN ${problem(P.BEFORE_STATEMENT_MONTH, 'x.submitted_on')}`,
      `WHEN x.t_submitted_on > DATE ${lit(ctx.today)} THEN ${problem(P.IN_THE_FUTURE, 'x.submitted_on')}`,
    ],
  }),
  src: [
    ['project_id', 'p.id'], ['month', 'x.t_month'], ['balance', 'x.t_balance'], ['principal_due', 'x.t_principal_due'], ['interest_due', 'x.t_interest_due'],
    ['principal_repaid', 'x.t_principal_repaid'], ['interest_repaid', 'x.t_interest_repaid'], ['classification', 'x.t_classification'],
    ['days_overdue', 'coalesce(x.t_days_overdue, 0)'], ['submitted_on', 'x.t_submitted_on'],
  ],
  keys: [[['project_external_key', 'month'], 'project_external_key', P.DUPLICATE_STATEMENT]],
  dupKeys: [['project_id', 'month']],
  // Two new rows with one key fail on the primary key (23505, then the report); only keys already
  // stored need counting (both lines could be unchanged, or only the second one changed).
  dupWhere: 'NOT src.is_new',
  // The statement already stored for that project and month, if any: new rows take a plain INSERT
  // (far cheaper than a speculative ON CONFLICT insert), changed rows an upsert, unchanged rows nothing.
  // A month after the project's last stored month cannot exist yet: the probe is skipped (the
  // condition on outer values only becomes a one-time filter of the subquery, OFFSET 0 keeps it one).
  mergeJoins: `LEFT JOIN LATERAL (SELECT e.* FROM cash_flow_statement e
      WHERE p.last_month >= x.t_month AND e.project_id = p.id AND e.month = x.t_month OFFSET 0) e ON true`,
  mergeSrc: (ctx) => {
    const cols = Object.entries(STATEMENT_CARRIED).filter(([, f]) => f === undefined || ctx.present.has(f)).map(([c]) => c).filter((c) => !['project_id', 'month'].includes(c));
    const value = (c: string): string => STATEMENT.src.find(([k]) => k === c)![1];
    return [
      ['is_new', 'e.project_id IS NULL'],
      ['changed', `(${cols.map((c) => `e.${q(c)}`).join(', ')}) IS DISTINCT FROM (${cols.map((c) => `${value(c)}`).join(', ')})`],
    ];
  },
  merge: (ctx) => {
    const all = Object.keys(STATEMENT_CARRIED);
    // Without the foreign key trigger: lock the projects that get a new or changed row (FOR KEY
    // SHARE, as the trigger would; by id, an index scan) and write only rows of locked projects.
    // A project that vanished since the lookup leaves rows out: `unlocked` > 0 fails the import.
    // When nothing is new or changed, the lock subquery never runs and nothing is locked.
    const lk = ctx.lockProjects ? ' AND src.project_id IN (SELECT id FROM lk)' : '';
    // New rows go in (month, project_id) order, so index insertions walk the indexes instead of
    // jumping (a one-month file in random project order: the insert takes half the time; a file
    // in month order is sorted already).
    // The affected projects come from src (every new row is inserted or the statement fails), the
    // updated ones from the upsert (it skips rows that turned out equal).
    return {
      ctes: `${ctx.lockProjects ? `lk AS (SELECT p.id FROM project p
          WHERE p.id = ANY (ARRAY(SELECT DISTINCT src.project_id FROM src WHERE src.is_new OR src.changed)) FOR KEY SHARE OF p),
      ` : ''}ins AS (INSERT INTO cash_flow_statement (${all.map(q).join(', ')})
        SELECT ${all.map((c) => `src.${q(c)}`).join(', ')} FROM src WHERE src.is_new${lk} ORDER BY src.month, src.project_id),
      upd AS (${upsert('cash_flow_statement', 'c', ['project_id', 'month'], STATEMENT_CARRIED, ctx, '', `NOT src.is_new AND src.changed${lk}`)}
        RETURNING c.project_id),
      a AS (INSERT INTO ${AFFECTED} (project_id) SELECT project_id FROM src WHERE src.is_new UNION SELECT project_id FROM upd RETURNING 1)`,
      inserted: '(SELECT count(*) FROM src WHERE src.is_new)',
      updated: '(SELECT count(*) FROM upd)',
      extra: '(SELECT count(*) FROM a)',
      unlocked: ctx.lockProjects ? '(SELECT count(*) FROM src WHERE (src.is_new OR src.changed) AND src.project_id NOT IN (SELECT id FROM lk))' : undefined,
    };
  },
};

const STATEMENT_CARRIED: Carried = {
  project_id: undefined, month: undefined, balance: undefined, principal_due: undefined, interest_due: undefined, principal_repaid: undefined,
  interest_repaid: undefined, classification: undefined, days_overdue: 'days_overdue', submitted_on: 'submitted_on',
};

const DEFS: Record<ImportKind, KindDef> = { clients: CLIENT, projects: PROJECT, statements: STATEMENT };

/** Columns of the staging table, in order. */
export const stageColumns = (kind: ImportKind): string[] => COLUMNS[kind].map((c) => c.name);

/**
 * The merge: one statement that types, checks and looks up every staged row, merges the rows with
 * no problem (INSERT … ON CONFLICT … DO UPDATE … WHERE the values differ) and returns
 * { accepted, dups, inserted, updated, extra }. `dups` counts keys that occur more than once among
 * the accepted rows (the caller then rolls back to its savepoint and reports them).
 */
export function mergeSql(kind: ImportKind, ctx: SqlContext): string {
  const def = DEFS[kind];
  const srcCols = [...def.src, ...(def.mergeSrc?.(ctx) ?? [])].map(([c, e]) => `${e} AS ${q(c)}`);
  const dupCounts = def.dupKeys.map((cols, i) => `d${i} AS (SELECT 1 FROM src${def.dupWhere ? ` WHERE ${def.dupWhere}` : ''} GROUP BY ${cols.map(q).join(', ')} HAVING count(*) > 1)`);
  const m = def.merge(ctx);
  return `WITH src AS MATERIALIZED (
      SELECT ${srcCols.join(', ')}
      ${fromTyped(kind, def, ctx)}
      ${def.mergeJoins ?? ''}
      WHERE num_nonnulls(${checks(kind, def, ctx).join(',\n        ')}) = 0),
    ${dupCounts.join(',\n    ')},
    ${m.ctes}
    SELECT (SELECT count(*) FROM src)::int AS accepted, (${dupCounts.map((_, i) => `(SELECT count(*) FROM d${i})`).join(' + ')})::int AS dups,
      ${m.inserted}::int AS inserted, ${m.updated}::int AS updated, ${m.extra}::int AS extra, ${m.unlocked ?? '0'}::int AS unlocked`;
}

/** Builds import_errors: every rejected row with all its problems (guarded casts; run only when needed). */
export function reportSql(kind: ImportKind, ctx: SqlContext): string[] {
  const def = DEFS[kind];
  const c = checks(kind, def, { ...ctx, mode: 'safe', excludeErrors: false });
  const create = `CREATE TEMP TABLE ${ERRORS} ON COMMIT DROP AS
    SELECT x.line, 0 AS ord, array_remove(ARRAY[${c.join(',\n      ')}], NULL) AS errs
    ${fromTyped(kind, def, { ...ctx, mode: 'safe', excludeErrors: false })}
    WHERE num_nonnulls(${c.join(', ')}) > 0`;
  // Duplicates: every line of a key that occurs more than once (keys as written, trimmed).
  const dups = def.keys.map(([cols, column, code], i) => `INSERT INTO ${ERRORS} (line, ord, errs)
    SELECT s.line, ${i + 1}, ARRAY[${lit(column)} || ${sep} || ${problem(code, ...cols.map((k) => `s.${q(k)}`), `array_to_string(array_remove(d.lines, s.line), ', ')`)}]
    FROM ${STAGE} s JOIN (SELECT ${cols.map(q).join(', ')}, array_agg(line ORDER BY line) AS lines FROM ${STAGE}
      WHERE ${cols.map((k) => `${q(k)} IS NOT NULL`).join(' AND ')} GROUP BY ${cols.map(q).join(', ')} HAVING count(*) > 1) d
      ON ${cols.map((k) => `d.${q(k)} = s.${q(k)}`).join(' AND ')}`);
  return [create, ...dups];
}

/**
 * Statements: the projects the file names, one row per distinct key, with the month of their
 * latest stored statement (NULL: none). Not locked: the merge locks those it writes rows for.
 */
/** The projects a statements file names (step 1 of the lookup): its row count decides step 2. */
export const PROJECT_KEYS = 'import_project_keys';
export const PROJECT_KEY_LOOKUP = `CREATE TEMP TABLE ${PROJECT_KEYS} ON COMMIT DROP AS
  SELECT p.id, p.external_key, p.start_date FROM project p WHERE p.external_key IN (SELECT s.project_external_key FROM ${STAGE} s)`;

/**
 * Step 2: each named project's last stored month. For a few projects one backward probe of the
 * primary key each; for a large share of the table (a whole month's load: 1.02 M projects took
 * 30 s of random probes on the large bank) one pass over the statements grouped by project (4–5 s).
 */
export function projectLookup(scan: boolean): string {
  return scan
    ? `CREATE TEMP TABLE ${PROJECTS} ON COMMIT DROP AS
       SELECT k.id, k.external_key, k.start_date, m.last_month FROM ${PROJECT_KEYS} k
       LEFT JOIN (SELECT c.project_id, max(c.month)::date AS last_month FROM cash_flow_statement c GROUP BY c.project_id) m ON m.project_id = k.id`
    : `CREATE TEMP TABLE ${PROJECTS} ON COMMIT DROP AS
       SELECT k.id, k.external_key, k.start_date,
         (SELECT max(c.month) FROM cash_flow_statement c WHERE c.project_id = k.id)::date AS last_month
       FROM ${PROJECT_KEYS} k`;
}

/**
 * Probes cost about as much as reading this many statement rows in one pass (measured on the large
 * bank: ~30 µs per probe, ~0.4 µs per row scanned); above (statements in the table ÷ this) projects
 * the lookup scans.
 */
export const PROBE_COST_IN_ROWS = 64;

/**
 * After a statements import: each affected project's balance and classification follow its latest
 * statement (only rows that differ are touched, so a re-import changes nothing). Driven by the
 * affected list: one backward probe of the primary key per project for its latest statement, and
 * the projects fetched by id (`= ANY(ARRAY(…))` gives an index scan; a join on the list would
 * let the planner hash the whole project table).
 */
export const REALIGN_PROJECTS = `WITH l AS MATERIALIZED (
    SELECT a.project_id, l.balance, l.classification FROM ${AFFECTED} a CROSS JOIN LATERAL (
      SELECT c.balance, c.classification FROM cash_flow_statement c WHERE c.project_id = a.project_id ORDER BY c.month DESC LIMIT 1) l)
  UPDATE project p SET balance = l.balance, classification = l.classification, version = p.version + 1, updated_at = now()
  FROM l WHERE p.id = ANY (ARRAY(SELECT project_id FROM l)) AND p.id = l.project_id
    AND (p.balance, p.classification) IS DISTINCT FROM (l.balance, l.classification)`;
