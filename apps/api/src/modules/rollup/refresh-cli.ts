import 'reflect-metadata';
import { loadConfig } from '../../config/env.js';
import { openDatabase } from '../../db/database.js';
import { refreshRollups } from './rollup.service.js';

// Rebuilds the KPI rollups: `node --import @swc-node/register/esm-register src/modules/rollup/refresh-cli.ts [--dirty]`
// (DATABASE_URL, or the embedded database of DATA_DIR like `pnpm seed`).
const mode = process.argv.includes('--dirty') ? 'dirty' : 'all';
const config = loadConfig();
const db = await openDatabase(config, (m) => console.log(m));
try {
  const em = db.orm.em.fork();
  const r = await refreshRollups(em, mode);
  console.log(`rollups ${mode}: ${r.mode}, ${r.months.length} months, ${r.seconds.toFixed(1)} s`);
} finally {
  await db.close();
}
