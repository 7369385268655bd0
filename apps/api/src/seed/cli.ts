import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { resetBank } from './load.js';
import { isEmpty, seedBank } from './seed.service.js';
import type { ScaleName } from './generate.js';

// pnpm seed [--scale demo|large|small] [--seed N] [--as-of YYYY-MM-DD] [--reset]
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'demo' },
    seed: { type: 'string' },
    'as-of': { type: 'string' },
    reset: { type: 'boolean', default: false },
  },
});
const scale = values.scale as ScaleName;
if (!['demo', 'large', 'small'].includes(scale)) {
  console.error(`--scale must be demo, large or small, got "${scale}"`);
  process.exit(2);
}
const config = loadConfig();
const db = await openDatabase(config, (m) => console.log(m));
try {
  if (values.reset) await resetBank(db.url);
  else if (!(await isEmpty(db.url))) {
    console.error('The database already holds a bank. Run with --reset to replace it.');
    process.exitCode = 1;
  }
  if (!process.exitCode) {
    await seedBank(db.url, {
      scale,
      seed: values.seed ? Number(values.seed) : config.seed,
      asOf: values['as-of'],
      progress: true,
      log: (m) => console.log(m),
    });
  }
} finally {
  await db.close();
}
// Explicit: stopping the embedded server can reset process.exitCode.
process.exit(process.exitCode ?? 0);
