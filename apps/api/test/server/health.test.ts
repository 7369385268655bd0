import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrm } from '../../src/db/orm.js';
import { freePort } from '../../src/common/free-port.js';
import { createApp, type App } from '../../src/server/app.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

/** docs/scaling.md section 1: what a load balancer probes. */
describe('health and readiness endpoints', () => {
  let db: TestDatabase;
  let server: TestServer;
  // An API whose database is not there (nothing listens on its port).
  let down: { app: App; server: Server; orm: MikroORM; url: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.orm);
    const orm = await openOrm(`postgresql://postgres:x@127.0.0.1:${await freePort()}/nothing`, { connect: false });
    const app = await createApp({ orm, log: () => {}, sessionSecret: randomBytes(32) });
    const s: Server = await new Promise((resolve) => {
      const l = app.express.listen(0, '127.0.0.1', () => resolve(l));
    });
    down = { app, server: s, orm, url: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
    if (down) {
      down.server.closeAllConnections();
      await new Promise((r) => down.server.close(r));
      await down.app.stop();
      await down.orm.close(true);
    }
  });

  it('is ready while the database answers, and says so without a session', async () => {
    const live = await fetch(`${server.url}/healthz`);
    expect([live.status, await live.json()]).toEqual([200, { ok: true }]);
    const ready = await fetch(`${server.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { ok: true, database: 'ok' }]);
  });

  it('is alive but not ready when the database does not answer (503 within about a second)', async () => {
    expect((await fetch(`${down.url}/healthz`)).status).toBe(200);
    const t0 = performance.now();
    const ready = await fetch(`${down.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([503, { ok: false, database: 'unavailable' }]);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
