import { beforeAll, describe, expect, it } from 'vitest';
import { recordStatements, type TestDatabase } from '../support/db.js';
import type { Gql, TestServer } from '../support/server.js';
import { withTestServer } from '../support/fixture.js';

// The project and client lists read what the operation selects on their rows in their own statement:
// the related client / client manager / latest statement (owner / latest contact date of clients),
// restricted to the selected columns. Whatever is selected, the answer must be exactly the one the
// per-field DataLoaders give (the `project(id)` / `client(id)` root fields load rows one by one and
// resolve the same fields through the loaders), for every data scope.

const PROJECT_ALL = `id externalKey name sector approvedAmount disbursedAmount balance currency startDate maturityDate status importance
  classification version createdAt updatedAt`;
const CLIENT_ALL = `id externalKey name clientType industry source companyNature annualRevenue address inPool createdAt updatedAt`;
const STAFF_ALL = `id employeeNo name role grade email hiredOn active`;
const STATEMENT_ALL = `month balance principalDue interestDue principalRepaid interestRepaid classification daysOverdue submittedOn dueDate submittedOnTime`;

/** Row selections, from the dashboard's WatchList to everything, including fields whose resolvers read hidden ids. */
const PROJECT_SELECTIONS: Record<string, string> = {
  watchList: `id name importance classification balance currency sector client { id name } clientManager { id name }
    lastStatement { month daysOverdue submittedOn submittedOnTime }`,
  everyColumn: `${PROJECT_ALL} client { ${CLIENT_ALL} } clientManager { ${STAFF_ALL} } lastStatement { ${STATEMENT_ALL} }`,
  resolversOnRelations: `id __typename client { __typename id branch { id } owner { id } lastContactOn } clientManager { id unit { id } branch { id } team { id } }
    team { id name } lastStatement { month project { id name } } branch { id } assistant { id } agentBank { id }`,
  onlyTypename: `__typename client { __typename } clientManager { __typename } lastStatement { __typename }`,
  fragments: `...P client { ...C } clientManager { ... on Staff { name } }`,
};
const FRAGMENTS = `fragment P on Project { id balance lastStatement { daysOverdue } } fragment C on Client { name inPool }`;

const CLIENT_SELECTIONS: Record<string, string> = {
  clientRow: `id name clientType industry companyNature source annualRevenue inPool createdAt updatedAt lastContactOn owner { id name } branch { id name nameZh }`,
  everyColumn: `${CLIENT_ALL} lastContactOn owner { ${STAFF_ALL} }`,
  resolvers: `id owner { id team { id } branch { id } } contacts { id } projects { id } contactLog(first: 2) { id }`,
};

describe('lists read their rows’ relations and selected columns in their own statement', () => {
  let db: TestDatabase;
  let server: TestServer;
  let statements: string[] = [];
  let branch: number;
  let foreignManagedProject: number;
  let cmId: number;
  let cmBranch: number;

  withTestServer('demo', (d, s) => {
    db = d;
    server = s;
  });
  beforeAll(async () => {
    statements = recordStatements(db);
    // A branch with projects; one of its projects gets a client manager from another branch, whom
    // its branch head may not see (the manager must then read as null, as through the loader).
    const [b] = await db.query<{ branch_id: number }>(`SELECT branch_id FROM project GROUP BY branch_id ORDER BY count(*) DESC LIMIT 1`);
    branch = b!.branch_id;
    const [p] = await db.query<{ id: number }>(`SELECT id FROM project WHERE branch_id = $1 AND manager_id IS NOT NULL ORDER BY id LIMIT 1`, [branch]);
    const [other] = await db.query<{ id: number }>(
      `SELECT s.id FROM staff s JOIN org_unit u ON u.id = s.unit_id
       WHERE NOT (u.id = $1 OR u.parent_id = $1) AND u.kind IN ('branch', 'branch_division') ORDER BY s.id LIMIT 1`,
      [branch],
    );
    foreignManagedProject = p!.id;
    await db.query(`UPDATE project SET manager_id = $1 WHERE id = $2`, [other!.id, foreignManagedProject]);
    // A client manager with projects.
    const [cm] = await db.query<{ manager_id: number; branch_id: number }>(
      `SELECT manager_id, branch_id FROM project WHERE manager_id IS NOT NULL GROUP BY manager_id, branch_id ORDER BY count(*) DESC, manager_id LIMIT 1`,
    );
    cmId = cm!.manager_id;
    cmBranch = cm!.branch_id;
  });

  /** The same selection for each id through `project(id)` / `client(id)`: rows loaded one by one, relations by the DataLoaders. */
  const throughLoaders = async (gql: Gql, root: 'project' | 'client', ids: string[], selection: string, fragments = '') => {
    const out: unknown[] = [];
    // A few rows a request (the API limits aliases and tokens per query).
    for (let i = 0; i < ids.length; i += 20) {
      const chunk = ids.slice(i, i + 20);
      const r = await gql(
        `{ ${chunk.map((id, j) => `r${j}: ${root}(id: "${id}") { ...Sel }`).join(' ')} }
        fragment Sel on ${root === 'project' ? 'Project' : 'Client'} { ${selection} } ${fragments}`,
      );
      expect(r.errors).toBeUndefined();
      out.push(...chunk.map((_, j) => r.data![`r${j}`]));
    }
    return out;
  };

  const viewers = (): [string, () => Promise<Gql>][] => [
    ['an HQ planner (bank scope)', async () => server.gql],
    ['a branch head (branch scope)', () => server.as({ role: 'branch_head', branchId: branch })],
    ['a client manager (own rows)', () => server.as({ role: 'client_manager', staffId: cmId, branchId: cmBranch })],
  ];

  for (const [who, viewer] of viewers()) {
    for (const [name, selection] of Object.entries(PROJECT_SELECTIONS)) {
      it(`projects, ${name}, as ${who}: the list's rows equal the loaders' rows`, async () => {
        const gql = await viewer();
        const fragments = name === 'fragments' ? FRAGMENTS : '';
        const list = await gql(`{ projects(first: 60, orderBy: { field: BALANCE, direction: DESC }) { nodes { id ${selection} } } } ${fragments}`);
        expect(list.errors).toBeUndefined();
        const nodes = list.data!.projects.nodes as { id: string }[];
        expect(nodes.length).toBeGreaterThan(0);
        expect(nodes).toEqual(await throughLoaders(gql, 'project', nodes.map((n) => n.id), `id ${selection}`, fragments));
      });
    }
    for (const [name, selection] of Object.entries(CLIENT_SELECTIONS)) {
      it(`clients, ${name}, as ${who}: the list's rows equal the loaders' rows`, async () => {
        const gql = await viewer();
        const list = await gql(`{ clients(first: 60, orderBy: { field: NAME, direction: ASC }) { edges { node { id ${selection} } } } }`);
        expect(list.errors).toBeUndefined();
        const nodes = (list.data!.clients.edges as { node: { id: string } }[]).map((e) => e.node);
        expect(nodes.length).toBeGreaterThan(0);
        expect(nodes).toEqual(await throughLoaders(gql, 'client', nodes.map((n) => n.id), `id ${selection}`));
      });
    }
  }

  it('the data scope holds for prefetched relations: a client manager the branch head may not see reads as null', async () => {
    const head = await server.as({ role: 'branch_head', branchId: branch });
    const q = `{ projects(first: 500, filter: { branchId: "${branch}" }) { nodes { id clientManager { id name } team { id } client { id } } } }`;
    const r = await head(q);
    expect(r.errors).toBeUndefined();
    const row = (r.data!.projects.nodes as { id: string; clientManager: unknown; team: unknown; client: unknown }[]).find(
      (n) => n.id === String(foreignManagedProject),
    );
    expect(row).toMatchObject({ clientManager: null, team: null });
    expect(row!.client).not.toBeNull();
    // The planner sees that manager.
    const all = await server.gql(q);
    const seen = (all.data!.projects.nodes as { id: string; clientManager: unknown }[]).find((n) => n.id === String(foreignManagedProject));
    expect(seen!.clientManager).not.toBeNull();
  });

  it('a client manager lists only their own projects, with themselves as client manager', async () => {
    const cm = await server.as({ role: 'client_manager', staffId: cmId, branchId: cmBranch });
    const r = await cm(`{ projects(first: 500) { totalCount nodes { id clientManager { id } client { id } } } }`);
    expect(r.errors).toBeUndefined();
    const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM project WHERE manager_id = $1`, [cmId])) as [{ n: number }];
    expect(r.data!.projects.totalCount).toBe(n);
    for (const node of r.data!.projects.nodes as { clientManager: { id: string }; client: unknown }[]) {
      expect(node.clientManager).toEqual({ id: String(cmId) });
      expect(node.client).not.toBeNull();
    }
  });

  const counted = async (gql: Gql, query: string) => {
    statements.length = 0;
    const r = await gql(query);
    expect(r.errors).toBeUndefined();
    return { data: r.data!, sql: [...statements] };
  };
  const portfolioStatements = (sql: string[]) => sql.filter((s) => /FROM (project|client|staff|org_unit|cash_flow_statement|client_contact) /.test(s));

  it('the WatchList reads page and relations in one statement, plus the count: no DataLoader queries', async () => {
    const watchList = (n: number) => `{ projects(filter: { importance: [KEY, LARGE], status: [ACTIVE] }, orderBy: { field: CLASSIFICATION, direction: DESC },
      first: ${n}) { totalCount nodes { ${PROJECT_SELECTIONS.watchList} } } }`;
    const small = await counted(server.gql, watchList(3));
    const large = await counted(server.gql, watchList(100));
    expect(large.data.projects.nodes.length).toBeGreaterThan(3);
    expect(portfolioStatements(small.sql)).toHaveLength(2);
    expect(portfolioStatements(large.sql)).toHaveLength(2);
    expect(large.sql.length).toBe(small.sql.length);
  });

  it('the client list reads owners and latest contact dates with the page', async () => {
    const q = (n: number) => `{ clients(first: ${n}) { totalCount nodes { id name lastContactOn owner { id name } } } }`;
    const small = await counted(server.gql, q(3));
    const large = await counted(server.gql, q(200));
    expect(portfolioStatements(small.sql)).toHaveLength(2);
    expect(portfolioStatements(large.sql)).toHaveLength(2);
  });

  it('reads only the selected columns of rows and relations, and every column when a selected field needs more', async () => {
    const { sql } = await counted(server.gql, `{ projects(first: 5) { nodes { ${PROJECT_SELECTIONS.watchList} } } }`);
    const page = sql.find((s) => s.includes('"relClient"'))!;
    expect(page).toBeDefined();
    expect(page).not.toContain('"approvedAmount"');
    expect(page).not.toContain('row_to_json');
    expect(page).toContain(`json_build_object('id', x."id", 'name', x."name")`);
    const full = await counted(server.gql, `{ projects(first: 5) { nodes { id client { id branch { id } } clientManager { team { id } } } } }`);
    const fullPage = full.sql.find((s) => s.includes('"relClient"'))!;
    expect(fullPage.match(/row_to_json/g)).toHaveLength(2);
  });
});
