import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, chmodSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
const apiDir = join(repoRoot, 'apps/api');
const artifacts = join(repoRoot, 'test/e2e/artifacts');

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, logName: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited early with code ${child.exitCode}; see test/e2e/artifacts/${logName}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`API did not become healthy within ${timeoutMs / 1000}s`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((res) => {
    const timer = setTimeout(() => res(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      res(true);
    });
  });
}

export interface ApiServer {
  baseUrl: string;
  /** The embedded PostgreSQL database the API uses (for tests that change data with plain SQL). */
  databaseUrl: string;
  stop: () => Promise<void>;
}

/**
 * Boots the real API (`src/main.ts`) with its own embedded PostgreSQL and demo bank in a temp dir,
 * logging to test/e2e/artifacts/<logName>. `env` adds or overrides variables (e.g. ROLLUP_REFRESH_MS).
 */
export async function startApi(opts: { env?: Record<string, string>; logName?: string } = {}): Promise<ApiServer> {
  if (!existsSync(join(repoRoot, 'apps/dashboard/dist/index.html'))) {
    throw new Error('apps/dashboard/dist is missing: run `pnpm --filter @loan-desk/dashboard build` first');
  }
  const logName = opts.logName ?? 'api.log';
  mkdirSync(artifacts, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'loan-desk-e2e-'));
  // As root, embedded PostgreSQL runs as the postgres user: it must be able to traverse the dir.
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const pgPort = await freePort();
  const log = createWriteStream(join(artifacts, logName));
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      NODE_ENV: 'test',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  // The embedded server's superuser and database (apps/api/src/db/embedded-postgres.ts).
  const databaseUrl = `postgresql://postgres:loandesk@127.0.0.1:${pgPort}/loandesk`;

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitExit(child, 30_000))) {
        child.kill('SIGKILL');
        await waitExit(child, 5_000);
      }
    }
    // The API stops its PostgreSQL on SIGTERM; make sure no server outlives the run.
    const pidFile = join(dataDir, 'pg', 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pgPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (pgPid > 0 && alive(pgPid)) {
        process.kill(pgPid, 'SIGINT');
        for (let i = 0; i < 40 && alive(pgPid); i++) await new Promise((r) => setTimeout(r, 250));
      }
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, logName, 280_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, databaseUrl, stop };
}
