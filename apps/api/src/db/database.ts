import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config/env.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';
import { migrate, openOrm } from './orm.js';
import { within, type ReadReplica } from './read-replica.js';
import { sqlOne } from '../common/sql.js';

export interface Database {
  orm: MikroORM;
  url: string;
  embedded: boolean;
  /** DATABASE_READ_URL, when set and a standby (db/read-replica.ts). */
  readReplica?: ReadReplica;
  close(): Promise<void>;
}

/**
 * DATABASE_READ_URL's connection (not migrated: a standby replays the primary's migrations). Not
 * used when it answers and is not a standby (reads there would not be the primary's data); used
 * when it does not answer at start-up (each request then checks it, and the primary answers).
 */
async function openReadReplica(url: string, maxLagMs: number, log: (m: string) => void): Promise<ReadReplica | undefined> {
  // Connections are made when first needed: a replica that is down must not stop the start-up.
  const orm = await openOrm(url, { connect: false });
  try {
    const r = await within(sqlOne<{ standby: boolean }>(orm.em.fork(), `SELECT pg_is_in_recovery() AS standby`), 5000);
    if (!r?.standby) {
      log('DATABASE_READ_URL is not a standby (pg_is_in_recovery() is false): every query stays on DATABASE_URL');
      await orm.close(true);
      return undefined;
    }
    log(`read replica: DATABASE_READ_URL (read-only queries while it lags at most ${maxLagMs} ms)`);
  } catch (err) {
    log(`DATABASE_READ_URL does not answer (${String(err).slice(0, 160)}): reads stay on the primary until it does`);
  }
  return { orm, maxLagMs, log };
}

/** DATABASE_URL when set, otherwise the embedded server in `<dataDir>/pg`; migrated either way. */
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'embeddedPort'> & Partial<Pick<AppConfig, 'databaseReadUrl' | 'readReplicaMaxLagMs'>>, log: (m: string) => void = () => {}): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    log(`starting embedded PostgreSQL in ${join(config.dataDir, 'pg')} on port ${config.embeddedPort}`);
    embedded = await startEmbeddedPostgres({ dir: join(config.dataDir, 'pg'), port: config.embeddedPort });
    url = embedded.url;
  }
  let orm: MikroORM;
  try {
    orm = await openOrm(url);
    await migrate(orm);
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  const readReplica = config.databaseReadUrl ? await openReadReplica(config.databaseReadUrl, config.readReplicaMaxLagMs ?? 5000, log) : undefined;
  return {
    orm,
    url,
    embedded: embedded !== undefined,
    readReplica,
    async close() {
      await readReplica?.orm.close(true);
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
