import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { openOrm } from '../db/orm.js';
import { migrationsList } from '../db/migrations/index.js';
import { createApp } from '../server/app.js';
import { startRollupRefresher } from '../modules/rollup/index.js';
import { rankingSnapshotWarmer } from '../modules/performance/index.js';

/**
 * The API on an existing, shared database WITHOUT migrating it (`pnpm bench` with
 * BENCH_DATABASE_URL): other engineers may be working on that database, and a migration in
 * progress in the working tree must not be applied to it. Pending migrations are only reported.
 * Like src/main.ts it runs the background rollup refresher (ROLLUP_REFRESH_MS, default 2000; 0 off).
 * Env: DATABASE_URL, PORT (4310), HOST (127.0.0.1), ROLLUP_REFRESH_MS.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const orm = await openOrm(url);
const applied = new Set(
  (await orm.em.fork().getConnection().execute<{ name: string }[]>(`SELECT name FROM mikro_orm_migrations`)).map((r) => r.name),
);
const pending = migrationsList.map((m) => m.name).filter((n) => !applied.has(n));
if (pending.length) console.log(`[serve] not migrating; pending on this database: ${pending.join(', ')}`);
const app = await createApp({ orm, sessionSecret: randomBytes(32), log: (e) => console.error(e) });
const refreshMs = Number(process.env.ROLLUP_REFRESH_MS ?? 2000);
const log = (m: string): void => console.log(`[serve] ${m}`);
const refresher = refreshMs > 0
  ? startRollupRefresher(url, {
      intervalMs: refreshMs,
      log,
      afterRound: rankingSnapshotWarmer(() => orm.em.fork(), log),
    })
  : undefined;
const port = Number(process.env.PORT ?? 4310);
const server = app.express.listen(port, process.env.HOST ?? '127.0.0.1', () => console.log(`[serve] GraphQL on http://127.0.0.1:${port}/graphql`));
const stop = async () => {
  server.closeAllConnections();
  server.close();
  await refresher?.stop().catch(() => {});
  await app.stop().catch(() => {});
  await orm.close(true);
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
