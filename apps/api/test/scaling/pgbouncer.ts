import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../src/common/free-port.js';

/** Debian's package (`apt-get install pgbouncer`; `scripts/ensure-test-tools.mjs` installs it for `pnpm test`). */
export const PGBOUNCER = process.env.PGBOUNCER_PATH ?? '/usr/sbin/pgbouncer';

export interface Bouncer {
  /** `serverUrl` with PgBouncer's host and port. */
  url: string;
  output: string[];
  stop(): Promise<void>;
}

/**
 * A real PgBouncer in front of `serverUrl` (user and password taken from it), in `pool_mode`, with
 * at most `poolSize` server sessions. As root it runs as the owner of `dataDir` (the embedded
 * cluster's folder: the `postgres` user), since PgBouncer refuses to run as root.
 */
export async function startPgBouncer(opts: { serverUrl: string; dir: string; dataDir: string; poolMode: 'transaction' | 'session'; poolSize: number }): Promise<Bouncer> {
  if (!existsSync(PGBOUNCER)) throw new Error(`PgBouncer is not at ${PGBOUNCER}: apt-get install pgbouncer, or set PGBOUNCER_PATH`);
  const server = new URL(opts.serverUrl);
  const port = await freePort();
  const db = server.pathname.slice(1);
  mkdirSync(opts.dir, { recursive: true });
  const ini = join(opts.dir, 'pgbouncer.ini');
  writeFileSync(join(opts.dir, 'userlist.txt'), `"${decodeURIComponent(server.username)}" "${decodeURIComponent(server.password)}"\n`);
  writeFileSync(ini, [
    '[databases]',
    `${db} = host=${server.hostname} port=${server.port} dbname=${db}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = plain',
    `auth_file = ${join(opts.dir, 'userlist.txt')}`,
    `pool_mode = ${opts.poolMode}`,
    `default_pool_size = ${opts.poolSize}`,
    'reserve_pool_size = 0',
    'max_client_conn = 400',
    'ignore_startup_parameters = extra_float_digits',
    '',
  ].join('\n'));
  const ids = process.getuid?.() === 0 ? statSync(opts.dataDir) : undefined;
  if (ids) for (const f of [opts.dir, ini, join(opts.dir, 'userlist.txt')]) chownSync(f, ids.uid, ids.gid);
  const proc: ChildProcess = spawn(PGBOUNCER, [ini], { stdio: ['ignore', 'pipe', 'pipe'], ...(ids ? { uid: ids.uid, gid: ids.gid } : {}) });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PgBouncer did not start:\n${output.join('')}`)), 15_000);
    const seen = (b: Buffer) => {
      output.push(b.toString());
      if (/process up/.test(output.join(''))) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', seen);
    proc.stderr!.on('data', seen);
    proc.once('exit', (code) => reject(new Error(`PgBouncer exited with ${code}:\n${output.join('')}`)));
  });
  const url = new URL(opts.serverUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    output,
    stop: async () => {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGINT');
      await exited;
    },
  };
}
