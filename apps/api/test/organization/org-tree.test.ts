import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../support/db.js';
import type { TestServer } from '../support/server.js';
import { withTestServer } from '../support/fixture.js';

describe('organization tree', () => {
  let db: TestDatabase;
  let server: TestServer;
  withTestServer('demo', (d, s) => {
    db = d;
    server = s;
  });

  it('counts staff at every node over its whole subtree', async () => {
    const { data, errors } = await server.gql(`{ orgTree { kind staffCount clientManagerCount children { code kind staffCount clientManagerCount
      staffByRole { role count } children { code staffCount } } } }`);
    expect(errors).toBeUndefined();
    const [all] = await db.query<{ n: number; cm: number }>(`SELECT count(*)::int AS n, count(*) FILTER (WHERE role IN ('client_manager','senior_client_manager'))::int AS cm FROM staff WHERE active`);
    expect(data!.orgTree).toMatchObject({ kind: 'HEAD_OFFICE', staffCount: all!.n, clientManagerCount: 760 });
    const lmb = data!.orgTree.children.find((c: { code: string }) => c.code === 'LMB');
    expect(lmb.staffCount).toBe(30);
    expect(lmb.children.map((c: { staffCount: number }) => c.staffCount)).toEqual([10, 15, 5]);
    const branches = data!.orgTree.children.filter((c: { kind: string }) => c.kind === 'BRANCH');
    expect(branches).toHaveLength(28);
    expect(branches.reduce((s: number, b: { clientManagerCount: number }) => s + b.clientManagerCount, 0)).toBe(760);
    const wh = branches.find((b: { code: string }) => b.code === 'WH');
    const [whSql] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM staff s JOIN org_unit u ON u.id = s.unit_id JOIN org_unit b ON b.code = 'WH' AND (u.id = b.id OR u.parent_id = b.id)`);
    expect(wh.staffCount).toBe(whSql!.n);
    expect(wh.staffByRole.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(whSql!.n);
  });

  it('lists a branch with its sector teams and their members', async () => {
    const [bj] = await db.query<{ id: number }>(`SELECT id FROM org_unit WHERE code = 'BJ'`);
    const { data, errors } = await server.gql(`query($id: ID!) { orgUnit(id: $id) { name nameZh teams { sector memberCount members { role branch { code } team { sector } } } } }`, { id: String(bj!.id) });
    expect(errors).toBeUndefined();
    const u = data!.orgUnit;
    expect(u).toMatchObject({ name: 'Beijing Branch', nameZh: '北京分行' });
    const teams = await db.query<{ sector: string; n: number }>(`SELECT t.sector, count(s.id)::int AS n FROM team t LEFT JOIN staff s ON s.team_id = t.id WHERE t.branch_id = $1 GROUP BY t.sector ORDER BY t.sector`, [bj!.id]);
    expect(u.teams.map((t: { sector: string; memberCount: number }) => [t.sector.toLowerCase(), t.memberCount]).sort()).toEqual(teams.map((t) => [t.sector, t.n]).sort());
    for (const t of u.teams) {
      expect(t.members).toHaveLength(t.memberCount);
      for (const m of t.members) {
        expect(['CLIENT_MANAGER', 'SENIOR_CLIENT_MANAGER']).toContain(m.role);
        expect(m.branch.code).toBe('BJ');
        expect(m.team.sector).toBe(t.sector);
      }
    }
  });

  it('answers NOT_FOUND for a unit that does not exist', async () => {
    const { errors } = await server.gql(`{ orgUnit(id: "99999") { name } }`);
    expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
