import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres.js';
import { migrate, openOrm } from '../../src/db/orm.js';
import { seedBank } from '../../src/seed/seed.service.js';
import { DEMO_AS_OF, DEMO_SEED, DEMO_TEMPLATE, EMPTY_TEMPLATE } from './constants.js';
import { freePort } from '../../src/common/free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}


let embedded: EmbeddedDatabase | undefined;
let dir: string | undefined;

/**
 * One real PostgreSQL for the whole run (embedded, or the server of TEST_DATABASE_URL), with two
 * template databases: the migrated empty schema, and the demo bank. Each test file clones one.
 */
export async function setup(project: TestProject): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    dir = mkdtempSync(join(tmpdir(), 'loandesk-test-pg-'));
    embedded = await startEmbeddedPostgres({ dir, port: await freePort(), database: 'postgres' });
    serverUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const name of [EMPTY_TEMPLATE, DEMO_TEMPLATE]) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      const url = withDatabase(serverUrl, name);
      const orm = await openOrm(url);
      await migrate(orm);
      await orm.close(true);
      if (name === DEMO_TEMPLATE) await seedBank(url, { scale: 'demo', seed: DEMO_SEED, asOf: DEMO_AS_OF });
    }
  } finally {
    await admin.end();
  }
  project.provide('pgServerUrl', serverUrl);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
