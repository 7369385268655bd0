import 'reflect-metadata';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from './config/env.js';
import { openDatabase } from './db/database.js';
import { IMPORT_KINDS, type ImportKind } from './modules/import/columns.js';
import { CsvFileError, importCsv } from './modules/import/import.service.js';
import { wireModuleHooks } from './hooks.js';

// pnpm --filter @loan-desk/api import -- --kind clients|projects|statements --file path.csv [--partial]
// Exit codes: 0 done; 1 rows rejected (all-or-nothing: nothing written; --partial: valid rows written); 2 bad usage or unreadable file.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    kind: { type: 'string' },
    file: { type: 'string' },
    partial: { type: 'boolean', default: false },
    'max-errors': { type: 'string', default: '50' },
  },
});
const kind = values.kind as ImportKind;
if (!IMPORT_KINDS.includes(kind) || !values.file) {
  console.error(`usage: pnpm --filter @loan-desk/api import -- --kind ${IMPORT_KINDS.join('|')} --file path.csv [--partial] [--max-errors 50]`);
  process.exit(2);
}
const file = values.file;
let size: number;
try {
  size = statSync(file).size;
} catch {
  console.error(`cannot read ${file}`);
  process.exit(2);
}
const shown = Math.max(0, Number(values['max-errors']) || 0);

const config = loadConfig();
const db = await openDatabase(config, (m) => console.log(m));
const bar = process.stdout.isTTY
  ? new cliProgress.SingleBar({ format: ` ${kind} |{bar}| {percentage}% {value}/{total} MB | {rows} rows | {eta_formatted}`, hideCursor: true }, cliProgress.Presets.shades_classic)
  : undefined;
try {
  bar?.start(Math.round(size / 1e5) / 10, 0, { rows: 0 });
  wireModuleHooks();
  const result = await importCsv(db.url, {
    kind,
    fileName: basename(file),
    source: createReadStream(file, { highWaterMark: 256 * 1024 }),
    allowPartial: values.partial,
    maxErrors: Math.max(shown, 1),
    via: 'cli',
    onProgress: (bytes, rows) => bar?.update(Math.round(bytes / 1e5) / 10, { rows }),
  });
  bar?.stop();
  const perSecond = Math.round(result.rowsIn / result.seconds);
  console.log(`${kind} ${file}: rows in ${result.rowsIn}, accepted ${result.accepted}, rejected ${result.rejected}`);
  if (result.committed) {
    console.log(`committed (batch ${result.batchId}): inserted ${result.inserted}, updated ${result.updated}, unchanged ${result.unchanged}`
      + (kind === 'statements' ? `; projects realigned to their latest statement ${result.followUps}` : '')
      + (kind === 'projects' ? `; client-manager changes recorded ${result.followUps}` : ''));
  } else {
    console.log(`nothing written: the file has rejected rows (batch ${result.batchId} logs the attempt). Fix them, or rerun with --partial to commit the valid rows.`);
  }
  // Rollup maintenance (onImportMerged listeners) runs in the same transaction: shown apart.
  const listenerS = (result.phases.listeners ?? 0) / 1000;
  const alone = listenerS >= 0.05 && result.seconds > listenerS
    ? ` (the import itself ${(result.seconds - listenerS).toFixed(2)} s, ${Math.round(result.rowsIn / (result.seconds - listenerS)).toLocaleString('en')} rows/s; rollup maintenance ${listenerS.toFixed(2)} s)`
    : '';
  console.log(`${result.seconds.toFixed(2)} s, ${perSecond.toLocaleString('en')} rows/s${alone}${result.safeMode ? ' (type errors found: validated with guarded casts)' : ''}`);
  if (result.errorCount) {
    console.log(`${result.errorCount} error(s)${result.errorCount > shown ? `, the first ${shown}` : ''}:`);
    for (const e of result.errors.slice(0, shown)) console.log(`line ${e.line}, column ${e.column}: ${e.reason}`);
  }
  if (result.rejected > 0) process.exitCode = 1;
} catch (err) {
  bar?.stop();
  if (err instanceof CsvFileError) {
    console.error(`${file}: ${err.message}. Nothing was written.`);
    process.exitCode = 2;
  } else throw err;
} finally {
  await db.close();
}
// Exit explicitly: a library's exit hook would otherwise reset the exit code.
process.exit(process.exitCode ?? 0);
