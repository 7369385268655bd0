import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../support/db.js';
import type { TestServer } from '../support/server.js';
import { withTestServer } from '../support/fixture.js';
import { ids, pageAll } from './helpers.js';

// Business "today" in the tests is written independently of the code: the clock read in Asia/Shanghai.
const LOCAL = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')`;
const NOW_LOCAL = `(now() AT TIME ZONE 'Asia/Shanghai')`;

describe('clients', () => {
  let db: TestDatabase;
  let server: TestServer;
  let ownerId: number;
  withTestServer('demo', (d, s) => {
    db = d;
    server = s;
  });
  beforeAll(async () => {
    // A few fixtures so every dated view has rows whatever the clock says.
    const [o] = await db.query<{ owner_id: number; branch_id: number }>(
      `SELECT owner_id, branch_id FROM client WHERE owner_id IS NOT NULL ORDER BY id LIMIT 1`,
    );
    ownerId = o!.owner_id;
    await db.query(
      `INSERT INTO client (external_key, name, branch_id, owner_id, created_at, updated_at) VALUES
      ('FX-TODAY', 'Fixture Today 100%_co', $1, $2, now(), now()),
      ('FX-POOL', 'Fixture Pool Co', $1, NULL, now() - interval '1 day', now() - interval '1 day'),
      ('FX-OLD', 'Fixture Old Co', $1, $2, now() - interval '40 days', now() - interval '40 days')`,
      [o!.branch_id, ownerId],
    );
  });

  const viewIds = async (view: string, extra = '') => (await pageAll(server, 'clients', `view: ${view}${extra}`, 500)).ids;
  const sqlIds = async (where: string, order = 'id', params: unknown[] = []) =>
    ids(await db.query<{ id: number }>(`SELECT id FROM client WHERE ${where} ORDER BY ${order}`, params));

  it('ALL lists every client once, by id, with the right totalCount', async () => {
    const r = await pageAll(server, 'clients', '', 500);
    const expected = await sqlIds('true');
    expect(r.ids).toEqual(expected);
    expect(new Set(r.totalCounts)).toEqual(new Set([expected.length]));
  });

  it('POOL = clients without an owner', async () => {
    const expected = await sqlIds('owner_id IS NULL');
    expect(expected.length).toBeGreaterThan(10);
    expect(await viewIds('POOL')).toEqual(expected);
  });

  it('MINE = clients owned by asStaffId; refuses MINE without asStaffId naming it', async () => {
    expect(await viewIds('MINE', `, asStaffId: "${ownerId}"`)).toEqual(await sqlIds('owner_id = $1', 'id', [ownerId]));
    const r = await server.gql(`{ clients(view: MINE) { totalCount } }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asStaffId' });
  });

  it('MINE defaults to the signed-in client manager', async () => {
    const [o] = await db.query<{ branch_id: number }>(`SELECT branch_id FROM client WHERE owner_id = $1 LIMIT 1`, [ownerId]);
    const cm = await server.as({ role: 'client_manager', staffId: ownerId, branchId: o!.branch_id });
    const r = await cm(`{ clients(view: MINE, first: 500) { totalCount nodes { id } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.clients.nodes.map((n: { id: string }) => n.id)).toEqual(await sqlIds('owner_id = $1', 'id', [ownerId]));
  });

  it('CREATED_TODAY / THIS_WEEK (Monday start) / THIS_MONTH follow the business calendar', async () => {
    const today = await sqlIds(`${LOCAL('created_at')}::date = ${NOW_LOCAL}::date`);
    expect(today.length).toBeGreaterThan(0);
    expect(await viewIds('CREATED_TODAY')).toEqual(today);
    const week = await sqlIds(`date_trunc('week', ${LOCAL('created_at')}) = date_trunc('week', ${NOW_LOCAL}) AND created_at <= now()`);
    expect(week.length).toBeGreaterThanOrEqual(today.length);
    expect(await viewIds('CREATED_THIS_WEEK')).toEqual(week);
    const month = await sqlIds(`to_char(${LOCAL('created_at')}, 'YYYY-MM') = to_char(${NOW_LOCAL}, 'YYYY-MM') AND created_at <= now()`);
    expect(await viewIds('CREATED_THIS_MONTH')).toEqual(month);
  });

  it('RECENTLY_UPDATED = updated in the last 30 days, newest first', async () => {
    const expected = await sqlIds(`updated_at > now() - interval '30 days'`, 'updated_at DESC, id DESC');
    expect(expected.length).toBeGreaterThan(0);
    expect(await viewIds('RECENTLY_UPDATED')).toEqual(expected);
  });

  it.each([
    [
      'search by name (case-insensitive, wildcards literal)',
      `search: "today 100%_"`,
      `position('today 100%_' in lower(name)) > 0 OR position('today 100%_' in lower(coalesce(external_key, ''))) > 0`,
    ],
    [
      'search by external key',
      `search: "c0000012"`,
      `position('c0000012' in lower(name)) > 0 OR position('c0000012' in lower(coalesce(external_key, ''))) > 0`,
    ],
    ['industry', `industry: "Power and energy"`, `industry = 'Power and energy'`],
    ['company nature', `companyNature: PRIVATE`, `company_nature = 'private'`],
    ['source', `source: "Branch referral"`, `source = 'Branch referral'`],
    ['branch', `branchId: "__BRANCH__"`, `branch_id = __BRANCH__`],
    ['in pool', `inPool: true`, `owner_id IS NULL`],
    ['not in pool, one branch', `inPool: false, branchId: "__BRANCH__"`, `owner_id IS NOT NULL AND branch_id = __BRANCH__`],
  ])('filter: %s', async (_name, filter, where) => {
    const [b] = await db.query<{ id: number }>(`SELECT id FROM org_unit WHERE code = 'WH'`);
    const branch = String(b?.id ?? 1);
    const expected = await sqlIds(where.replaceAll('__BRANCH__', branch));
    expect(expected.length).toBeGreaterThan(0);
    expect((await pageAll(server, 'clients', `filter: { ${filter.replaceAll('__BRANCH__', branch)} }`, 500)).ids).toEqual(expected);
  });

  it('filter by owner matches SQL', async () => {
    expect((await pageAll(server, 'clients', `filter: { ownerId: "${ownerId}" }`, 500)).ids).toEqual(
      await sqlIds('owner_id = $1', 'id', [ownerId]),
    );
  });

  it.each([
    ['NAME', 'ASC', 'name ASC, id ASC'],
    ['CREATED_AT', 'DESC', 'created_at DESC, id DESC'],
    ['ANNUAL_REVENUE', 'DESC', 'coalesce(annual_revenue, -1) DESC, id DESC'],
    ['UPDATED_AT', 'ASC', 'updated_at ASC, id ASC'],
  ])('paging by %s %s visits every client exactly once in a stable order', async (field, dir, order) => {
    const r = await pageAll(server, 'clients', `orderBy: { field: ${field}, direction: ${dir} }`, 173);
    const expected = await sqlIds('true', order);
    expect(r.ids).toEqual(expected);
    expect(new Set(r.ids).size).toBe(expected.length);
    expect(r.pages).toBe(Math.ceil(expected.length / 173));
  });

  it('enforces the page size and refuses foreign cursors', async () => {
    const r = await server.gql(`{ clients(first: 501) { totalCount } }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const p = await server.gql(`{ clients(first: 1) { pageInfo { endCursor } } }`);
    const cursor = p.data!.clients.pageInfo.endCursor;
    const other = await server.gql(
      `query($a: String) { clients(first: 1, after: $a, orderBy: { field: NAME, direction: ASC }) { totalCount } }`,
      { a: cursor },
    );
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const junk = await server.gql(`{ clients(first: 1, after: "nonsense") { totalCount } }`);
    expect(junk.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('resolves a client with owner, branch, contacts, projects, contact log and last contact date', async () => {
    const [c] = await db.query<{ id: number }>(
      `SELECT client_id AS id FROM client_contact GROUP BY client_id HAVING count(*) >= 3 ORDER BY client_id LIMIT 1`,
    );
    const id = c!.id;
    const r = await server.gql(
      `query($id: ID!) { client(id: $id) { id name inPool createdAt owner { id } branch { id } contacts { id name }
      projects { id } contactLog(first: 2) { id contactedOn } lastContactOn } }`,
      { id: String(id) },
    );
    expect(r.errors).toBeUndefined();
    const cl = r.data!.client;
    const [row] = await db.query<{ owner_id: number | null; branch_id: number; created_at: Date }>(
      `SELECT owner_id, branch_id, created_at FROM client WHERE id = $1`,
      [id],
    );
    expect(cl.owner?.id ?? null).toBe(row!.owner_id === null ? null : String(row!.owner_id));
    expect(cl.branch.id).toBe(String(row!.branch_id));
    expect(new Date(cl.createdAt).getTime()).toBe(row!.created_at.getTime());
    expect(cl.contacts.map((x: { id: string }) => x.id)).toEqual(
      ids(await db.query(`SELECT id FROM contact WHERE client_id = $1 ORDER BY id`, [id])),
    );
    expect(cl.projects.map((x: { id: string }) => x.id)).toEqual(
      ids(await db.query(`SELECT id FROM project WHERE client_id = $1 ORDER BY id`, [id])),
    );
    const log = await db.query<{ id: number; d: string }>(
      `SELECT id, to_char(contacted_on, 'YYYY-MM-DD') AS d FROM client_contact WHERE client_id = $1 ORDER BY contacted_on DESC, id DESC`,
      [id],
    );
    expect(cl.contactLog.map((x: { id: string }) => x.id)).toEqual(ids(log.slice(0, 2)));
    expect(cl.lastContactOn).toBe(log[0]!.d);
    const none = await server.gql(`{ client(id: "99999999") { id } }`);
    expect(none.data!.client).toBeNull();
  });
});
