import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './db.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * The usual set-up of a test file: its own copy of a template database with an API server on it,
 * created before the file's tests and dropped after them. `use` receives both once they exist.
 */
export function withTestServer(template: 'demo' | 'empty', use: (db: TestDatabase, server: TestServer) => void): void {
  let db: TestDatabase | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(template);
    server = await startTestServer(db.orm);
    use(db, server);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });
}
