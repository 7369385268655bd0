import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: found by walking up to pnpm-workspace.yaml, so paths work from src and dist. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('pnpm-workspace.yaml not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export type Scale = 'demo' | 'large' | 'none';

export interface AppConfig {
  port: number;
  host: string;
  /** Set: use that server. Unset: start the embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  seed: number;
  scale: Scale;
  dashboardDist: string;
  production: boolean;
  corsOrigins: string[];
  /** How often the background refresher looks at the rollup change queue (ms; 0 = never). */
  rollupRefreshMs: number;
  /** A streaming replica for read-only operations (docs/scaling.md); unset: everything on the primary. */
  databaseReadUrl: string | undefined;
  /** Reads go to the primary while the replica lags more than this (ms). */
  readReplicaMaxLagMs: number;
}

function int(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const root = repoRoot();
  const scale = (env.SCALE ?? 'demo') as Scale;
  if (!['demo', 'large', 'none'].includes(scale)) throw new Error(`SCALE must be demo, large or none, got "${scale}"`);
  return {
    port: int('PORT', env.PORT, 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(root, env.DATA_DIR ?? '.data'),
    embeddedPort: int('EMBEDDED_PG_PORT', env.EMBEDDED_PG_PORT, 54329),
    seed: int('SEED', env.SEED, 20261129),
    scale,
    dashboardDist: resolve(root, 'apps/dashboard/dist'),
    production: env.NODE_ENV === 'production',
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    rollupRefreshMs: int('ROLLUP_REFRESH_MS', env.ROLLUP_REFRESH_MS, 2000),
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    readReplicaMaxLagMs: int('READ_REPLICA_MAX_LAG_MS', env.READ_REPLICA_MAX_LAG_MS, 5000),
  };
}
