import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, recordStatements, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Nested fields go through DataLoaders: the number of SQL statements does not grow with the page.
describe('batching', () => {
  let db: TestDatabase;
  let server: TestServer;
  let statements: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase('demo');
    server = await startTestServer(db.orm);
    statements = recordStatements(db);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const PROJECTS = `query($n: Int) { projects(first: $n) { totalCount nodes { id name client { id name } clientManager { id name }
    branch { id name } lastStatement { month balance classification } } } }`;

  const count = async (query: string, vars: Record<string, unknown>) => {
    statements.length = 0;
    const r = await server.gql(query, vars);
    expect(r.errors).toBeUndefined();
    return { n: statements.length, data: r.data! };
  };

  it('N = 5 and N = 50 projects with client, client manager, branch and last statement use the same, small number of statements', async () => {
    const five = await count(PROJECTS, { n: 5 });
    const fifty = await count(PROJECTS, { n: 50 });
    expect(five.data.projects.nodes).toHaveLength(5);
    expect(fifty.data.projects.nodes).toHaveLength(50);
    expect(fifty.data.projects.nodes.every((p: { lastStatement: unknown; client: unknown }) => p.lastStatement && p.client)).toBe(true);
    expect(fifty.n).toBe(five.n);
    // page (with its clients, client managers and last statements: see list-prefetch.test.ts) + count + units = 3,
    // plus the auth module's per-request viewer lookup
    expect(statements.filter((s) => /FROM (project|client|staff|org_unit|cash_flow_statement) /.test(s))).toHaveLength(3);
    expect(five.n).toBeLessThanOrEqual(8);
  });

  it('clients with owner, contacts, projects, contact log and last contact date do not grow with the page either', async () => {
    const q = `query($n: Int) { clients(first: $n) { nodes { id owner { id } branch { id } contacts { id } projects { id lastStatement { month } }
      contactLog(first: 3) { id staff { id } } lastContactOn } } }`;
    const a = await count(q, { n: 5 });
    const b = await count(q, { n: 100 });
    expect(b.n).toBe(a.n);
    expect(a.n).toBeLessThanOrEqual(10);
  });

  it('project statements pages are batched for the whole page of projects', async () => {
    const q = `query($n: Int) { projects(first: $n) { nodes { id statements(first: 3) { totalCount nodes { month } } assignments { id } restructuringCases { id } } } }`;
    const a = await count(q, { n: 5 });
    const b = await count(q, { n: 80 });
    expect(b.n).toBe(a.n);
    const counts = await db.query<{ id: number; n: number }>(`SELECT p.id, count(s.month)::int AS n FROM project p
      LEFT JOIN cash_flow_statement s ON s.project_id = p.id GROUP BY p.id ORDER BY p.id LIMIT 80`);
    expect(
      b.data.projects.nodes.map((p: { id: string; statements: { totalCount: number; nodes: unknown[] } }) => [
        p.id,
        p.statements.totalCount,
        p.statements.nodes.length,
      ]),
    ).toEqual(counts.map((c) => [String(c.id), c.n, Math.min(3, c.n)]));
  });
});
