import 'reflect-metadata';
import { loadConfig } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { timeMaintenance } from './maintenance.js';

// Incremental rollup maintenance timings, rolled back:
//   DATA_DIR=/work/large-data EMBEDDED_PG_PORT=54500 SCALE=none node --import @swc-node/register/esm-register src/bench/maintenance-cli.ts
const db = await openDatabase(loadConfig(), (m) => console.log(m));
try {
  const r = await timeMaintenance(db.url, Number(process.env.RUNS ?? 5));
  const f = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(`statement (1 project-month + month + 3): ${f(r.statementMs)} ms`);
  console.log(`reassignment (1 project, every month): ${f(r.reassignMs)} ms`);
} finally {
  await db.close();
}
