import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyValue } from '../../seed/copy-writer.js';
import { CopyRows } from './copy-rows.js';
import { CsvFileError, CsvParser, type CsvRecord } from './csv.js';
import { COLUMNS, IMPORT_KINDS, type ImportKind } from './columns.js';
import { ImportProblemCode } from './problems.js';

interface MergeRow {
  accepted: number;
  dups: number;
  inserted: number;
  updated: number;
  extra: number;
  /** Rows left out because their project could not be locked (see SqlContext.lockProjects). */
  unlocked: number;
}
import { AFFECTED, ERRORS, mergeSql, PROBE_COST_IN_ROWS, PROJECT_KEY_LOOKUP, projectLookup, PROJECTS, REALIGN_PROJECTS, reportSql, SEP, STAGE, stageColumns, type SqlContext } from './import.sql.js';

export { CsvFileError } from './csv.js';
export { ImportProblemCode } from './problems.js';

export interface ImportError {
  line: number;
  column: string;
  /** What is wrong (problems.ts): one code per reason template. */
  code: ImportProblemCode;
  /** The values the reason quotes, in order. */
  params: string[];
  /** English: the code's template filled with params. */
  reason: string;
}

/** One `errs` entry of import_errors: `column<US>code<US>params (JSON)<US>reason` (see import.sql.ts). */
function parseError(line: number, e: string): ImportError {
  const a = e.indexOf(SEP);
  const b = e.indexOf(SEP, a + 1);
  const c = e.indexOf(SEP, b + 1);
  const params = (JSON.parse(e.slice(b + 1, c)) as (string | null)[]).map((p) => p ?? '');
  return { line, column: e.slice(0, a), code: e.slice(a + 1, b) as ImportProblemCode, params, reason: e.slice(c + 1) };
}

export interface ImportOptions {
  kind: ImportKind;
  /** Shown in the batch log. */
  fileName: string;
  /** The file's bytes (a stream or any async iterable of chunks). */
  source: AsyncIterable<Buffer | string>;
  /** Commit the valid rows even when some are rejected (default: all-or-nothing). */
  allowPartial?: boolean;
  /** How many errors to return (and keep in the batch log). Default 500. */
  maxErrors?: number;
  /** Who runs it: 'cli' or 'api', and the signed-in user / staff member if any. */
  via: 'cli' | 'api';
  userId?: number | null;
  username?: string | null;
  staffId?: number | null;
  /** Bytes read so far (for a progress bar). */
  onProgress?: (bytes: number, rows: number) => void;
  /** Statement timeout in ms for this import's connection (0 = none; default 0). */
  statementTimeoutMs?: number;
  /** Test hooks: run inside the transaction after the given phase. */
  hooks?: {
    afterStage?: (client: pg.Client) => Promise<void> | void;
    /** Just before the merge (statements: after the projects were looked up). */
    beforeMerge?: (client: pg.Client) => Promise<void> | void;
    /** After the merge and the realignment, before the listeners. */
    beforeListeners?: (client: pg.Client) => Promise<void> | void;
    /** After the listeners, before the log row and the commit. */
    afterMerge?: (client: pg.Client) => Promise<void> | void;
  };
}

export interface ImportResult {
  batchId: number;
  kind: ImportKind;
  rowsIn: number;
  accepted: number;
  rejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Statements: projects whose balance/classification were set from their latest statement. Projects: client-manager changes recorded. */
  followUps: number;
  /** Every error found (errors holds the first maxErrors). */
  errorCount: number;
  errors: ImportError[];
  committed: boolean;
  sha256: string;
  bytes: number;
  seconds: number;
  /** True when a data exception in the fast typing pass sent validation to the guarded pass. */
  safeMode: boolean;
  /**
   * Milliseconds per phase: stage (parse + COPY; `parse` is the parser's share of it), projects
   * (statements: look up the projects named), merge, report / merge again (only when rows
   * were rejected), realign, listeners (what `onImportMerged` listeners took, e.g. the rollups:
   * before and after the merge together; `listeners before merge` is the share before it), commit.
   */
  phases: Record<string, number>;
  /**
   * Statements: how the foreign key to project was checked. `set`: by the import, once per project
   * (rows locked FOR KEY SHARE), without the per-row trigger (see mayCheckForeignKey); `row`: by
   * PostgreSQL's per-row trigger (not permitted, or a trigger the import does not know about).
   * Undefined for clients and projects.
   */
  foreignKeyCheck?: 'set' | 'row';
  /** Statements: how the named projects' last months were read (`probe`: one index probe per project; `scan`: one pass). */
  projectLookup?: 'probe' | 'scan';
}

/**
 * What an import tells a listener before its merge, in its transaction (e.g. the rollups keep an
 * image of what the merge may change, to turn it into deltas afterwards).
 */
export interface ImportPreMergeContext {
  client: pg.Client;
  kind: ImportKind;
  /**
   * A query returning `project_id`: every existing project whose rows the merge may change
   * (statements: the projects the file names; projects: the existing projects whose keys the file
   * names; clients: null — no project changes). Projects the merge creates are not in it.
   */
  candidateProjects: string | null;
  /**
   * Statements: a query returning one date column, the months of the file's rows (the merge writes
   * statements of no other month); null for other kinds.
   */
  candidateMonths: string | null;
}

/**
 * Something another module wants to do inside an import's transaction, after the merge (e.g.
 * rollups), and optionally (`beforeMerge`) before it. `beforeMerge` runs once, before the first
 * merge attempt, also for imports that end up refused (their transaction is rolled back).
 */
export type ImportListener = ((tx: { client: pg.Client; kind: ImportKind; affectedProjectsTable: string }) => Promise<void>) & {
  beforeMerge?: (tx: ImportPreMergeContext) => Promise<void>;
};
const listeners: ImportListener[] = [];
/** Registers a listener run inside every committing import's transaction, after the merge (and its `beforeMerge` before it). */
export function onImportMerged(listener: ImportListener): void {
  listeners.push(listener);
}

/** One lock for all imports: they run one at a time (they touch the same tables and realign projects). */
const IMPORT_LOCK = 6_000_006;

/** Columns of a file, from its header row. Unknown, repeated and missing required columns refuse the file. */
export function mapHeader(kind: ImportKind, header: readonly string[]): { positions: number[]; present: Set<string> } {
  const cols = COLUMNS[kind];
  const names = header.map((h) => h.trim().toLowerCase());
  const positions = cols.map((c) => names.indexOf(c.name));
  names.forEach((n, i) => {
    if (!cols.some((c) => c.name === n)) {
      throw new CsvFileError(1, header[i] ?? '', ImportProblemCode.UNKNOWN_COLUMN, [kind, cols.map((c) => c.name).join(', ')]);
    }
    if (names.indexOf(n) !== i) throw new CsvFileError(1, n, ImportProblemCode.DUPLICATE_COLUMN);
  });
  for (const [i, c] of cols.entries()) {
    if (c.required && positions[i]! < 0) throw new CsvFileError(1, c.name, ImportProblemCode.MISSING_COLUMN);
  }
  return { positions, present: new Set(cols.filter((_, i) => positions[i]! >= 0).map((c) => c.name)) };
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/**
 * One staged row in COPY text format (COPY … NULL ''): line, field count, then the known columns,
 * trimmed; blank = empty = NULL.
 */
function copyRow(r: CsvRecord, positions: readonly number[]): string {
  let out = `${r.line}\t${r.unterminated ? -1 : r.fields.length}`;
  const f = r.fields;
  for (const p of positions) {
    if (p < 0 || p >= f.length) {
      out += '\t';
      continue;
    }
    const v = f[p]!.trim();
    out += '\t' + (NEEDS_ESCAPE.test(v) ? copyValue(v) : v);
  }
  return out + '\n';
}

/**
 * Imports one CSV file in one transaction: COPY into a TEMP staging table while parsing the stream,
 * set-based validation and merge in SQL, then the batch log row. A file with any bad row commits
 * nothing unless `allowPartial`; then the valid rows commit and the bad ones are returned.
 * Throws CsvFileError when the file as a whole cannot be read (encoding, header).
 */
export async function importCsv(url: string, opts: ImportOptions): Promise<ImportResult> {
  if (!IMPORT_KINDS.includes(opts.kind)) throw new CsvFileError(0, '', ImportProblemCode.UNKNOWN_IMPORT_KIND, [String(opts.kind)]);
  const maxErrors = opts.maxErrors ?? 500;
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  let tp = t0;
  const phase = (name: string): void => {
    const now = performance.now();
    phases[name] = Math.round(now - tp);
    tp = now;
  };
  const client = new pg.Client({ connectionString: url, application_name: `loan-desk import ${opts.kind}` });
  await client.connect();
  let open = true;
  client.on('error', () => {
    open = false;
  });
  try {
    // The import is one transaction: its settings are the transaction's (SET LOCAL), so behind a
    // transaction-pooling proxy (PgBouncer) they apply to the server session that runs it and end
    // with it instead of staying on whichever pooled session ran a plain SET. temp_buffers counts
    // only before the session's first temporary table: a pooled session that already had one keeps
    // its own (under a savepoint, so the refusal does not abort the import).
    await client.query('BEGIN');
    await client.query(`SET LOCAL work_mem = '256MB'; SET LOCAL statement_timeout = ${Math.max(0, Math.trunc(opts.statementTimeoutMs ?? 0))}`);
    await client.query(`SAVEPOINT temp_buffers`);
    await client.query(`SET LOCAL temp_buffers = '256MB'`).then(
      () => client.query(`RELEASE SAVEPOINT temp_buffers`),
      () => client.query(`ROLLBACK TO SAVEPOINT temp_buffers`),
    );
    const startedAt = (await client.query<{ now: Date }>('SELECT now()')).rows[0]!.now;
    await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    await client.query(`CREATE TEMP TABLE ${STAGE} (line int NOT NULL, nf int NOT NULL, ${stageColumns(opts.kind).map((c) => `"${c}" text`).join(', ')}) ON COMMIT DROP`);
    // Each project once (the merge inserts a UNION); no index, nothing reads it by key.
    await client.query(`CREATE TEMP TABLE ${AFFECTED} (project_id int NOT NULL) ON COMMIT DROP`);

    // ---- Stream: parse → COPY ------------------------------------------------------------------
    const staged = await stage(client, stageColumns(opts.kind), opts);
    phase('stage');
    phases.parse = staged.parseMs;
    await opts.hooks?.afterStage?.(client);
    const today = (await client.query<{ today: string }>(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`)).rows[0]!.today;
    // Statements: the projects the file names, once per key; and may the merge check the foreign
    // key itself (then it runs without the per-row trigger: see mayCheckForeignKey)?
    let setBasedFk = false;
    let projectScan = false;
    if (opts.kind === 'statements') {
      setBasedFk = await mayCheckForeignKey(client);
      // A whole month's load names most projects: then a hash join finds them (one pass over
      // project) instead of one index probe per key (the unanalyzed staging table is estimated at
      // 200 keys), and one pass over the statements gives their last months (projectLookup).
      const [size] = (await client.query<{ projects: number; statements: number }>(
        `SELECT (SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'project'::regclass)::float8 AS projects,
                (SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'cash_flow_statement'::regclass)::float8 AS statements`)).rows;
      const manyKeys = staged.rows > size!.projects / 4
        && Number((await client.query<{ n: string }>(`SELECT count(DISTINCT project_external_key) AS n FROM ${STAGE}`)).rows[0]!.n) > size!.projects / 16;
      if (manyKeys) await client.query(`SET LOCAL enable_nestloop = off`);
      const keys = (await client.query(PROJECT_KEY_LOOKUP)).rowCount ?? 0;
      if (manyKeys) await client.query(`SET LOCAL enable_nestloop = on`);
      projectScan = keys > size!.statements / PROBE_COST_IN_ROWS;
      await client.query(projectLookup(projectScan));
      // Its size and keys, so the merge hashes this small table (not the staged rows).
      await client.query(`ANALYZE ${PROJECTS}`);
      phase('projects');
    }
    const ctx: SqlContext = {
      mode: 'fast', headerFields: staged.headerFields, present: staged.present, today, excludeErrors: false, lockProjects: setBasedFk,
      staffId: opts.staffId ?? null, reason: `Core-banking import of ${opts.fileName}`,
    };

    // ---- Merge (one statement), or report and maybe merge again -------------------------------
    // Happy path: one pass types, checks and merges. Anything odd → undo it and build the report.
    let safeMode = false;
    let merged: MergeRow | undefined;
    let mergeError: unknown;
    const merge = async (sqlCtx: SqlContext): Promise<MergeRow> => {
      if (!setBasedFk) return (await client.query<MergeRow>(mergeSql(opts.kind, sqlCtx))).rows[0]!;
      // On error the rollback to the savepoint also undoes the SET LOCAL.
      await client.query(`SET LOCAL session_replication_role = replica`);
      const row = (await client.query<MergeRow>(mergeSql(opts.kind, sqlCtx))).rows[0]!;
      await client.query(`SET LOCAL session_replication_role = origin`);
      // As the trigger would have failed on a row whose project is gone.
      if (row.unlocked > 0) throw new Error(`${row.unlocked} statement(s) name a project that was deleted while the import ran; nothing was written`);
      return row;
    };
    // Listeners that want to see the rows before the merge (e.g. the rollups' image for deltas).
    const pre = preMergeContext(client, opts.kind);
    let preMs = 0;
    if (listeners.some((l) => l.beforeMerge)) {
      for (const l of listeners) await l.beforeMerge?.(pre);
      phase('listeners before merge');
      preMs = phases['listeners before merge']!;
    }
    await opts.hooks?.beforeMerge?.(client);
    await client.query('SAVEPOINT merge');
    try {
      merged = await merge(ctx);
      if (merged.dups > 0 || (merged.accepted < staged.rows && !opts.allowPartial)) merged = undefined;
    } catch (err) {
      // 22xxx: a value that does not cast; 21000: a key twice in the file; 23505: a unique name twice.
      if (!isDataException(err) && !['21000', '23505'].includes((err as { code?: string }).code ?? '')) throw err;
      safeMode = isDataException(err);
      mergeError = err;
      merged = undefined;
    }
    if (!merged) await client.query('ROLLBACK TO SAVEPOINT merge');
    phase('merge');

    let errors: ImportError[] = [];
    let rejected = 0;
    let errorCount = 0;
    if (!merged || merged.accepted < staged.rows) {
      for (const text of reportSql(opts.kind, ctx)) await client.query(text);
      const counts = (await client.query<{ rejected: number; error_count: number }>(
        `SELECT count(DISTINCT line)::int AS rejected, coalesce(sum(cardinality(errs)), 0)::int AS error_count FROM ${ERRORS}`)).rows[0]!;
      rejected = counts.rejected;
      errorCount = counts.error_count;
      errors = (await client.query<{ line: number; e: string }>(
        `SELECT e.line, u.e FROM ${ERRORS} e CROSS JOIN LATERAL unnest(e.errs) WITH ORDINALITY AS u(e, o)
         ORDER BY e.line, e.ord, u.o LIMIT $1`, [maxErrors])).rows.map(({ line, e }) => parseError(line, e));
      if (merged && staged.rows - merged.accepted !== rejected) {
        throw new Error(`import check mismatch: the merge skipped ${staged.rows - merged.accepted} rows, the report rejects ${rejected}`);
      }
      // No bad row after all: the merge failed for another reason (e.g. a statement another user filed meanwhile).
      if (rejected === 0) throw mergeError ?? new Error('the merge could not take every row, but the report found no problem');
      phase('report');
    }
    const accepted = staged.rows - rejected;
    const base = {
      kind: opts.kind, rowsIn: staged.rows, accepted, rejected, errorCount, errors, sha256: staged.sha256, bytes: staged.bytes, safeMode, phases,
      ...(opts.kind === 'statements' ? { foreignKeyCheck: setBasedFk ? 'set' as const : 'row' as const, projectLookup: projectScan ? 'scan' as const : 'probe' as const } : {}),
    };

    // ---- All-or-nothing refusal: roll back, then log the attempt on its own ---------------------
    if (rejected > 0 && !opts.allowPartial) {
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      const batchId = await logBatch(client, opts, { ...base, status: 'rejected', inserted: 0, updated: 0, unchanged: 0 }, startedAt);
      await client.query('COMMIT');
      return { ...base, batchId, inserted: 0, updated: 0, unchanged: 0, followUps: 0, committed: false, seconds: (performance.now() - t0) / 1000 };
    }
    if (!merged) {
      // Partial mode after a rollback to the savepoint: merge the rows the report did not reject.
      merged = await merge({ ...ctx, mode: 'safe', excludeErrors: true });
      if (merged.accepted !== accepted || merged.dups > 0) throw new Error(`import check mismatch: merged ${merged.accepted} rows, expected ${accepted}`);
      phase('merge again');
    }

    let followUps = merged.extra;
    if (opts.kind === 'statements') followUps = (await client.query(REALIGN_PROJECTS)).rowCount ?? 0;
    phase('realign');
    await opts.hooks?.beforeListeners?.(client);
    for (const l of listeners) await l({ client, kind: opts.kind, affectedProjectsTable: AFFECTED });
    phase('listeners');
    // `listeners` is all the listeners took (before and after the merge); `listeners before merge` its share before.
    phases.listeners! += preMs;
    await opts.hooks?.afterMerge?.(client);
    const unchanged = accepted - merged.inserted - merged.updated;
    const status = rejected > 0 ? 'partial' : 'committed';
    const batchId = await logBatch(client, opts, { ...base, status, inserted: merged.inserted, updated: merged.updated, unchanged }, startedAt);
    await client.query('COMMIT');
    phase('commit');
    return { ...base, batchId, inserted: merged.inserted, updated: merged.updated, unchanged, followUps, committed: true, seconds: (performance.now() - t0) / 1000 };
  } catch (err) {
    if (open) await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The candidate projects and months of a merge, for ImportListener.beforeMerge (see ImportPreMergeContext). */
function preMergeContext(client: pg.Client, kind: ImportKind): ImportPreMergeContext {
  switch (kind) {
    case 'statements':
      return {
        client, kind,
        candidateProjects: `SELECT id AS project_id FROM ${PROJECTS}`,
        // Every month the merge can write casts without error (a superset is fine: rows that turn
        // out to be rejected change nothing).
        candidateMonths: `SELECT (m || '-01')::date FROM (SELECT DISTINCT s.month AS m FROM ${STAGE} s) d
          WHERE length(m) = 7 AND substr(m, 5, 1) = '-' AND pg_input_is_valid(m || '-01', 'date')`,
      };
    case 'projects':
      return {
        client, kind,
        candidateProjects: `SELECT p.id AS project_id FROM project p WHERE p.external_key IN (SELECT s.external_key FROM ${STAGE} s)`,
        candidateMonths: null,
      };
    default:
      return { client, kind, candidateProjects: null, candidateMonths: null };
  }
}

/**
 * Statements: may the merge check the foreign key cash_flow_statement.project_id → project(id)
 * itself, once per project, instead of PostgreSQL's system trigger once per inserted row (an SPI
 * query and a row lock each: about a third of the merge of new rows)?
 *
 * The merge then runs with `session_replication_role = replica` (SET LOCAL, for that one statement,
 * undone by any rollback), in which triggers enabled for "origin" only — the foreign key's — do not
 * fire, and triggers enabled ALWAYS do. The key still holds, for the reasons the trigger's check
 * would make it hold:
 * - every written row takes its project_id from project (`import_projects`), and the merge locks
 *   those projects FOR KEY SHARE (the lock the trigger takes, once per project instead of once per
 *   row) before it writes, and writes only rows of projects it locked: until the commit none of
 *   them can be deleted or get another id; a project deleted since the lookup is not locked, its
 *   rows are counted (`unlocked`) and the import fails, as the trigger would have made it fail;
 * - the upsert of changed rows never changes project_id (the conflict key);
 * - it is only done when every other trigger that fires on INSERT or UPDATE of cash_flow_statement
 *   is enabled ALWAYS (the rollup dirty-tracking triggers: migration 20261129060000ImportSpeed) or
 *   disabled, so nothing else is skipped, and no trigger enabled for replicas only would start
 *   firing; when someone adds another trigger or foreign key, it falls back by itself.
 * Setting session_replication_role needs a superuser or `GRANT SET ON PARAMETER`; without it (or
 * when any condition fails) the merge runs as usual and the trigger checks every row.
 * The table is locked first in the mode the merge takes anyway (ROW EXCLUSIVE: readers and other
 * writers go on), which makes any change of its triggers or constraints (SHARE ROW EXCLUSIVE or
 * more) wait for the import's commit: what is checked here stays true until the merge is done.
 */
async function mayCheckForeignKey(client: pg.Client): Promise<boolean> {
  await client.query('LOCK TABLE cash_flow_statement IN ROW EXCLUSIVE MODE');
  const { rows } = await client.query<{ ok: boolean }>(`
    WITH fk AS (
      SELECT c.oid FROM pg_constraint c
      WHERE c.conrelid = 'cash_flow_statement'::regclass AND c.contype = 'f' AND c.confrelid = 'project'::regclass
        AND c.conkey = ARRAY[(SELECT attnum FROM pg_attribute WHERE attrelid = 'cash_flow_statement'::regclass AND attname = 'project_id')]
        AND c.confkey = ARRAY[(SELECT attnum FROM pg_attribute WHERE attrelid = 'project'::regclass AND attname = 'id')])
    SELECT (current_setting('is_superuser') = 'on' OR has_parameter_privilege('session_replication_role', 'SET'))
      AND current_setting('session_replication_role') = 'origin'
      AND (SELECT count(*) FROM fk) = 1
      AND NOT EXISTS (
        SELECT 1 FROM pg_trigger t
        WHERE t.tgrelid = 'cash_flow_statement'::regclass
          AND t.tgtype & (4 | 16) <> 0 -- fires on INSERT or UPDATE
          AND t.tgenabled NOT IN ('A', 'D')
          AND t.tgconstraint IS DISTINCT FROM (SELECT oid FROM fk)) AS ok`);
  return rows[0]?.ok === true;
}

function isDataException(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('22');
}

interface Staged {
  rows: number;
  bytes: number;
  sha256: string;
  headerFields: number;
  present: Set<string>;
  /** Time spent parsing (the rest of the stage phase is COPY and reading). */
  parseMs: number;
}

/** Parses the stream and COPYs every record into the staging table; memory holds one chunk at a time. */
async function stage(client: pg.Client, columns: readonly string[], opts: ImportOptions): Promise<Staged> {
  const copy = client.query(copyFrom(`COPY ${STAGE} (line, nf, ${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN WITH (NULL '')`)) as unknown as Writable;
  const done = new Promise<void>((resolve, reject) => {
    copy.on('finish', () => resolve());
    copy.on('error', (e: Error) => reject(e));
  });
  done.catch(() => {});
  const hash = createHash('sha256');
  let header: { positions: number[]; present: Set<string>; fields: number } | undefined;
  let out: CopyRows | undefined;
  // Fast lane when the header lists columns in staging order (optional columns may be left off the end).
  let fast = false;
  let rows = 0;
  let parseMs = 0;
  let bytes = 0;
  const parser = new CsvParser((r) => {
    if (!header) {
      const m = mapHeader(opts.kind, r.fields);
      header = { ...m, fields: r.fields.length };
      fast = m.positions.every((p, i) => (i < r.fields.length ? p === i : p === -1));
      out = new CopyRows(r.fields.length, m.positions.length - r.fields.length);
      return;
    }
    out!.text(copyRow(r, header.positions));
    rows++;
  }, undefined, (buf, start, end, lineNo) => {
    if (!fast || !out!.plain(buf, start, end, lineNo)) return false;
    rows++;
    return true;
  });
  const flush = async (): Promise<void> => {
    if (!out?.size) return;
    for (const data of out.take()) {
      if (!copy.write(data)) await Promise.race([once(copy, 'drain'), done]);
    }
  };
  try {
    for await (const chunk of opts.source) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      hash.update(buf);
      bytes += buf.length;
      const tp = performance.now();
      parser.push(buf);
      parseMs += performance.now() - tp;
      if ((out?.size ?? 0) >= 256 * 1024) await flush();
      opts.onProgress?.(bytes, rows);
    }
    parser.end();
    if (!header) throw new CsvFileError(1, '', ImportProblemCode.EMPTY_FILE);
    await flush();
    copy.end();
    await done;
  } catch (err) {
    // Abort the COPY (the transaction is rolled back by the caller).
    copy.destroy(err as Error);
    await done.catch(() => {});
    throw err;
  }
  opts.onProgress?.(bytes, rows);
  return { rows, bytes, sha256: hash.digest('hex'), headerFields: header.fields, present: header.present, parseMs: Math.round(parseMs) };
}

async function logBatch(
  client: pg.Client,
  opts: ImportOptions,
  r: { kind: ImportKind; status: string; rowsIn: number; accepted: number; rejected: number; inserted: number; updated: number; unchanged: number; errorCount: number; errors: ImportError[]; sha256: string; bytes: number },
  startedAt: Date,
): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO import_batch (kind, file_name, sha256, bytes, allow_partial, status, rows_in, accepted, rejected, inserted, updated, unchanged,
       error_count, errors, source, imported_by, started_at, finished_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16, $17, greatest(clock_timestamp(), $17)) RETURNING id`,
    [r.kind, opts.fileName, r.sha256, r.bytes, opts.allowPartial ?? false, r.status, r.rowsIn, r.accepted, r.rejected, r.inserted, r.updated, r.unchanged,
      r.errorCount, JSON.stringify(r.errors), opts.via, opts.userId ?? null, startedAt],
  );
  const id = rows[0]!.id;
  // API imports are a planner's change: they go to the audit trail with the data (or with the refusal).
  if (opts.via === 'api' && opts.userId) {
    await client.query(`INSERT INTO audit_log (user_id, username, action, entity, entity_id, before, after) VALUES ($1, $2, 'import.file', 'import_batch', $3, NULL, $4::jsonb)`, [
      opts.userId, opts.username ?? null, String(id),
      JSON.stringify({ kind: r.kind, fileName: opts.fileName, sha256: r.sha256, status: r.status, rowsIn: r.rowsIn, accepted: r.accepted, rejected: r.rejected, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged }),
    ]);
  }
  return id;
}

/** Splits a string or buffer into chunks, so in-memory content goes through the same streaming path. */
export async function* chunksOf(content: Buffer | string, size = 64 * 1024): AsyncGenerator<Buffer> {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
