import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.js';
import { withTestServer } from '../support/fixture.js';

// Errors carry a code and a clear message; never SQL text or a stack trace.
describe('error contract', () => {
  let server: TestServer;
  withTestServer('demo', (_db, s) => {
    server = s;
  });

  const noLeak = (body: unknown): void => {
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/stacktrace|SELECT |INSERT |UPDATE |node_modules|\.ts:\d+/);
  };

  it('names a malformed Month argument as BAD_USER_INPUT', async () => {
    const r = await server.gql(`{ staffingWhatIf(month: "2026-13") { month } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/Month/);
    noLeak(r);
  });

  it('names a malformed Decimal variable as BAD_USER_INPUT', async () => {
    const r = await server.gql(`query($n: Decimal) { staffingWhatIf(norm: $n) { norm } }`, { n: '4,5' });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    noLeak(r);
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED and no stack trace', async () => {
    const r = await server.gql(`{ orgTree { salary } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    noLeak(r);
  });

  it('maps a database constraint to CONFLICT naming the field, without SQL', async () => {
    const r = await server.gql(`mutation { createStaffingScenario(input: { name: "Proposed", projectCount: 1, lines: [] }) { id } }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    noLeak(r);
  });

  it('refuses batched HTTP requests', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ branches { id } }' }, { query: '{ branches { id } }' }]) });
    expect(res.status).toBe(400);
  });
});
