import { AppError, badInput } from '../../common/errors.js';
import { sql } from '../../common/sql.js';
import type { Context } from '../../context.js';
import { chunksOf, CsvFileError, importCsv } from './import.service.js';
import type { ImportBatchType, ImportFileInput, ImportResultType } from './import.types.js';

/** Largest CSV accepted through the API (the CLI has no limit). */
export const MAX_API_BYTES = 10 * 1024 * 1024;
/** An API import may run this long before the database cancels it. */
const API_STATEMENT_TIMEOUT_MS = 5 * 60_000;

/** The GraphQL side of imports: checks the input, runs the import on its own connection. */
export class ImportService {
  constructor(private readonly ctx: Context) {}

  async importFile(input: ImportFileInput): Promise<ImportResultType> {
    const fileName = input.fileName.trim();
    if (!fileName || fileName.length > 200) throw badInput('input.fileName', 'must be 1–200 characters');
    let bytes: Buffer;
    if (input.base64) {
      if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(input.content)) throw badInput('input.content', 'is not base64');
      bytes = Buffer.from(input.content, 'base64');
    } else {
      bytes = Buffer.from(input.content, 'utf8');
    }
    if (bytes.length > MAX_API_BYTES) throw badInput('input.content', `is ${(bytes.length / 1048576).toFixed(1)} MB; at most 10 MB through the API (use the CLI for larger files)`);
    // COPY needs a connection of its own (not the request's pooled one); same database.
    const url = this.ctx.em.config.get('clientUrl');
    if (!url) throw new Error('the ORM has no clientUrl');
    const viewer = this.ctx.viewer;
    try {
      const r = await importCsv(url, {
        kind: input.kind,
        fileName,
        source: chunksOf(bytes),
        allowPartial: input.allowPartial ?? false,
        via: 'api',
        userId: viewer?.userId ?? null,
        username: viewer?.username ?? null,
        staffId: viewer?.staffId ?? null,
        statementTimeoutMs: API_STATEMENT_TIMEOUT_MS,
      });
      return { ...r, batchId: String(r.batchId), seconds: Math.round(r.seconds * 1000) / 1000 };
    } catch (err) {
      // The file as a whole: BAD_USER_INPUT on input.content, with the problem's code and params (docs/import.md).
      if (err instanceof CsvFileError) {
        throw new AppError('BAD_USER_INPUT', `input.content: ${err.message}`, {
          field: 'input.content', importCode: err.code, params: err.params, line: err.line, column: err.column,
        });
      }
      throw err;
    }
  }

  async batches(first: number): Promise<ImportBatchType[]> {
    if (!Number.isInteger(first) || first < 1 || first > 500) throw badInput('first', 'must be 1–500');
    const rows = await sql<ImportBatchType>(this.ctx.em, `SELECT b.id::text, b.kind, b.file_name AS "fileName", b.sha256, b.status, b.rows_in AS "rowsIn", b.accepted,
        b.rejected, b.inserted, b.updated, b.unchanged, b.source, u.username AS "importedBy", b.started_at AS "startedAt", b.finished_at AS "finishedAt"
      FROM import_batch b LEFT JOIN app_user u ON u.id = b.imported_by ORDER BY b.started_at DESC, b.id DESC LIMIT ?`, [first]);
    // The driver may hand timestamps back as strings; DateTime wants a Date.
    return rows.map((r) => ({ ...r, startedAt: new Date(r.startedAt), finishedAt: new Date(r.finishedAt) }));
  }
}
