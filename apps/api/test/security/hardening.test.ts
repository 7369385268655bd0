import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Hostile queries are refused quickly and before any SQL runs.
describe('hardened GraphQL endpoint', () => {
  let db: TestDatabase;
  let server: TestServer;
  let statements = 0;
  beforeAll(async () => {
    db = await createTestDatabase('demo');
    server = await startTestServer(db.orm);
    db.orm.em.getConnection().getKnex().on('query', () => statements++);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  async function refused(body: string, status?: number): Promise<{ ms: number; json: any; status: number }> {
    statements = 0;
    const t0 = performance.now();
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const ms = performance.now() - t0;
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON (e.g. 413) */
    }
    if (status) expect(res.status).toBe(status);
    else expect(json?.errors?.length).toBeGreaterThan(0);
    expect(json?.data ?? null).toBeNull();
    expect(statements).toBe(0);
    expect(ms).toBeLessThan(1000);
    return { ms, json, status: res.status };
  }

  const q = (query: string, variables?: unknown) => JSON.stringify({ query, variables });

  it('refuses deep nesting', async () => {
    let sel = 'id';
    for (let i = 0; i < 20; i++) sel = `parent { ${sel} }`;
    const r = await refused(q(`{ orgTree { children { ${sel} } } }`));
    expect(r.json.errors[0].message).toMatch(/deeper than/);
  });

  it('refuses 1,000 aliases', async () => {
    const r = await refused(q(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: branches { id }`).join(' ')} }`));
    expect(JSON.stringify(r.json.errors)).toMatch(/aliases|tokens/);
  });

  it('refuses a directive flood', async () => {
    await refused(q(`{ branches { id ${Array.from({ length: 50 }, () => '@include(if: true)').join(' ')} } }`));
  });

  it('refuses circular and self-referencing fragments', async () => {
    await refused(q(`query { orgTree { ...A } } fragment A on OrgUnit { children { ...B } } fragment B on OrgUnit { children { ...A } }`));
  });

  it('gives a fragment named like an introspection field no exemption from the depth limit', async () => {
    let sel = 'id';
    for (let i = 0; i < 14; i++) sel = `children { ${sel} }`;
    await refused(q(`query { orgTree { ...__schema } } fragment __schema on OrgUnit { ${sel} }`));
  });

  it('refuses a huge page size', async () => {
    const r = await refused(q(`query { staffingPlan { scenarios { id } } orgTree { children { children { id } } } x: staffingWhatIf { rows { gap } } y: projects(first: 100000) { totalCount } }`));
    expect(r.json.errors.length).toBeGreaterThan(0);
  });

  it('prices a page size passed in variables, and refuses a signed-in hostile query before any SQL', async () => {
    const token = await server.signIn('t.hqplanner.x.x', 'test-password-1');
    statements = 0;
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: q(`query($n: Int) { clients(first: $n) { nodes { projects { statements(first: $n) { nodes { month balance classification } } } } } }`, { n: 500 }),
    });
    const json: any = await res.json();
    expect(json.errors[0].message).toMatch(/cost/);
    expect(statements).toBe(0);
    const fine = await server.gql(`query($n: Int) { projects(first: $n) { nodes { id name client { name } } } }`, { n: 300 });
    expect(fine.errors).toBeUndefined();
    expect(fine.data!.projects.nodes).toHaveLength(300);
  });

  it('takes larger bodies only on /graphql/import, and only for importFile', async () => {
    statements = 0;
    const res = await fetch(`${server.url}/graphql/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: q(`{ branches { id } }`, { pad: 'x'.repeat(400 * 1024) }) });
    const json: any = await res.json();
    expect(json.errors[0].message).toMatch(/only the importFile mutation/);
    expect(statements).toBe(0);
  });

  it('refuses batched arrays and oversized bodies', async () => {
    await refused(JSON.stringify([{ query: '{ branches { id } }' }, { query: '{ branches { id } }' }]), 400);
    const big = await refused(q(`{ branches { id } }`, { pad: 'x'.repeat(400 * 1024) }), 413);
    // A JSON error, not Express's HTML page (which shows a stack trace outside production).
    expect(big.json?.errors?.[0]).toEqual({ message: 'request: the body is larger than the limit', extensions: { code: 'BAD_REQUEST' } });
    const broken = await refused('{"query": ', 400);
    expect(broken.json?.errors?.[0]).toEqual({ message: 'request: the body is not valid JSON', extensions: { code: 'BAD_REQUEST' } });
  });

  it('refuses a GET mutation and a simple cross-site POST (CSRF prevention)', async () => {
    statements = 0;
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: q('{ branches { id } }') });
    expect(res.status).toBe(400);
    expect(statements).toBe(0);
  });

  it('still answers the standard introspection query GraphiQL sends', async () => {
    const r = await server.gql(getIntrospectionQuery());
    expect(r.errors).toBeUndefined();
    expect(r.data!.__schema.queryType.name).toBe('Query');
  });

  it('sends security headers and no CORS headers to unknown origins', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: q('{ branches { id } }') });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
