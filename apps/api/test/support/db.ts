import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openOrm } from '../../src/db/orm.js';
import { DEMO_TEMPLATE, EMPTY_TEMPLATE } from './constants.js';

export interface TestDatabase {
  url: string;
  orm: MikroORM;
  /** Plain pg client for fixtures and independent checks (not the code under test). */
  pg: pg.Client;
  query<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh database cloned from a template: `empty` (schema only) or `demo` (the demo bank). */
export async function createTestDatabase(template: 'empty' | 'demo' = 'empty'): Promise<TestDatabase> {
  const server = inject('pgServerUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template === 'demo' ? DEMO_TEMPLATE : EMPTY_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(server, name);
  const orm = await openOrm(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    url,
    orm,
    pg: client,
    async query(text, params) {
      return (await client.query(text, params)).rows;
    },
    async drop() {
      await client.end();
      await orm.close(true);
      const a = new pg.Client({ connectionString: server });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

/** Every SQL text the ORM sends from now on, appended to the returned array (for query-count assertions). */
export function recordStatements(db: TestDatabase): string[] {
  const statements: string[] = [];
  db.orm.em
    .getConnection()
    .getKnex()
    .on('query', (q: { sql: string }) => statements.push(q.sql));
  return statements;
}
