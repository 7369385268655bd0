import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config/env.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';
import { migrate, openOrm } from './orm.js';

export interface Database {
  orm: MikroORM;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** DATABASE_URL when set, otherwise the embedded server in `<dataDir>/pg`; migrated either way. */
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'embeddedPort'>, log: (m: string) => void = () => {}): Promise<Database> {
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
  return {
    orm,
    url,
    embedded: embedded !== undefined,
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
