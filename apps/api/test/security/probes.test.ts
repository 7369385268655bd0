import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type Gql, type TestServer } from '../support/server.js';
import { DEMO_PASSWORD, seedDemoUsers } from '../../src/seed/demo-users.js';

/**
 * Probe suite: for each role, requests that try to reach rows outside the viewer's scope through
 * ids, aliases, fragments, nested paths, filters, sorting, aggregates and exports. None may return a
 * foreign row or a total that includes foreign rows; out-of-scope changes are refused and change
 * nothing. Expected sets come from plain SQL in this file.
 */
describe('data scoping probes', () => {
  let db: TestDatabase;
  let server: TestServer;
  let bj: number;
  let wh: number;
  let cmBj: number;
  let cmWh: number;
  let headBj: Gql;
  let cm: Gql;
  let exec: Gql;
  let foreignProject: { id: number; version: number; clientId: number };
  let ownCmProject: { id: number };
  let otherBjProject: { id: number; clientId: number };

  const ids = (rows: { id: string }[]): number[] => rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  const sqlIds = async (text: string, params: unknown[] = []): Promise<number[]> => (await db.query<{ id: number }>(text, params)).map((r) => r.id).sort((a, b) => a - b);
  const code = (r: { errors?: { extensions?: { code?: string } }[] }): string | undefined => r.errors?.[0]?.extensions?.code;
  const snapshot = async () =>
    db.query(`SELECT (SELECT md5(string_agg(p::text, ',' ORDER BY id)) FROM project p) AS projects,
      (SELECT md5(string_agg(c::text, ',' ORDER BY id)) FROM client c) AS clients,
      (SELECT count(*) FROM cash_flow_statement) AS statements, (SELECT count(*) FROM client_contact) AS contacts,
      (SELECT count(*) FROM assignment) AS assignments, (SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM branch_target t) AS targets`);

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    await seedDemoUsers(db.url);
    server = await startTestServer(db.orm, { as: null });
    const [units] = await db.query<{ bj: number; wh: number }>(`SELECT (SELECT id FROM org_unit WHERE code = 'BJ') AS bj, (SELECT id FROM org_unit WHERE code = 'WH') AS wh`);
    bj = units!.bj;
    wh = units!.wh;
    const [u] = await db.query<{ cm_bj: number; cm_wh: number }>(`SELECT (SELECT staff_id FROM app_user WHERE username = 'cm.bj') AS cm_bj, (SELECT staff_id FROM app_user WHERE username = 'cm.wh') AS cm_wh`);
    cmBj = u!.cm_bj;
    cmWh = u!.cm_wh;
    const bearer = async (name: string): Promise<Gql> => {
      const token = await server.signIn(name, DEMO_PASSWORD);
      return (q, v, h) => server.anonymous(q, v, { authorization: `Bearer ${token}`, ...h });
    };
    headBj = await bearer('head.bj');
    cm = await bearer('cm.bj');
    exec = await bearer('executive');
    [foreignProject] = (await db.query<{ id: number; version: number; client_id: number }>(`SELECT id, version, client_id FROM project WHERE branch_id = $1 AND status = 'active' ORDER BY id LIMIT 1`, [wh])).map((r) => ({ id: r.id, version: r.version, clientId: r.client_id })) as [typeof foreignProject];
    ownCmProject = (await db.query<{ id: number }>(`SELECT id FROM project WHERE manager_id = $1 AND status = 'active' ORDER BY id LIMIT 1`, [cmBj]))[0]!;
    [otherBjProject] = (await db.query<{ id: number; client_id: number }>(`SELECT id, client_id FROM project WHERE branch_id = $1 AND manager_id <> $2 AND status = 'active' ORDER BY id LIMIT 1`, [bj, cmBj])).map((r) => ({ id: r.id, clientId: r.client_id })) as [typeof otherBjProject];
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  describe('signed out', () => {
    it('gets UNAUTHENTICATED for any data', async () => {
      for (const q of [`{ projects(first: 1) { totalCount } }`, `{ orgTree { name } }`, `{ kpi(scope: { kind: BANK }) { nplRatio } }`, `{ branches { id } }`]) {
        const r = await server.anonymous(q);
        expect(code(r), q).toBe('UNAUTHENTICATED');
        expect(r.data ?? null).toBeNull();
      }
    });
  });

  describe('branch head (Beijing)', () => {
    it('lists exactly the branch’s projects, whatever the filter or sort', async () => {
      const expected = await sqlIds(`SELECT id FROM project WHERE branch_id = $1`, [bj]);
      const all: number[] = [];
      let after: string | null = null;
      do {
        const r: any = await headBj(`query($a: String) { projects(first: 500, after: $a, orderBy: { field: BALANCE, direction: DESC }) { totalCount pageInfo { hasNextPage endCursor } nodes { id branch { id } } } }`, { a: after });
        expect(r.errors).toBeUndefined();
        expect(r.data.projects.totalCount).toBe(expected.length);
        all.push(...ids(r.data.projects.nodes));
        after = r.data.projects.pageInfo.hasNextPage ? r.data.projects.pageInfo.endCursor : null;
      } while (after);
      expect(all.sort((a, b) => a - b)).toEqual(expected);
      const foreignFilter = await headBj(`{ projects(filter: { branchId: "${wh}" }) { totalCount nodes { id } } }`);
      expect(foreignFilter.data!.projects).toEqual({ totalCount: 0, nodes: [] });
      const bySearch = await headBj(`{ projects(filter: { clientId: "${foreignProject.clientId}" }) { totalCount } }`);
      expect(bySearch.data!.projects.totalCount).toBe(0);
    });

    it('reads foreign records as missing, through ids, aliases and fragments', async () => {
      const r = await headBj(`query { a: project(id: "${foreignProject.id}") { ...P } b: client(id: "${foreignProject.clientId}") { name } c: project(id: "${otherBjProject.id}") { ...P } }
        fragment P on Project { id client { name } statements(first: 1) { totalCount } }`);
      expect(r.errors).toBeUndefined();
      expect(r.data!.a).toBeNull();
      expect(r.data!.b).toBeNull();
      expect(r.data!.c.id).toBe(String(otherBjProject.id));
      const person = await headBj(`{ staffMember(id: "${cmWh}") { name } }`);
      expect(code(person)).toBe('NOT_FOUND');
    });

    it('never reaches foreign rows through nested paths, lists or repayments', async () => {
      const r = await headBj(`{ clients(first: 500) { totalCount nodes { branch { id } projects { branch { id } } } }
        restructuringCases(first: 500) { nodes { project { branch { id } } } }
        upcomingRepayments(days: 60, first: 500) { nodes { project { branch { id } } } }
        settlementAgentBanks { projectCount } }`);
      expect(r.errors).toBeUndefined();
      const branchIds = new Set<string>();
      for (const c of r.data!.clients.nodes) for (const p of c.projects) branchIds.add(p.branch.id);
      for (const c of r.data!.restructuringCases.nodes) branchIds.add(c.project.branch.id);
      for (const u of r.data!.upcomingRepayments.nodes) branchIds.add(u.project.branch.id);
      expect([...branchIds]).toEqual([String(bj)]);
      const [active] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM project WHERE branch_id = $1 AND status = 'active' AND agent_bank_id IS NOT NULL`, [bj]);
      expect(r.data!.settlementAgentBanks.reduce((s: number, b: { projectCount: number }) => s + b.projectCount, 0)).toBe(active!.n);
      const [clients] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM client c WHERE c.branch_id = $1 OR EXISTS (SELECT 1 FROM project p WHERE p.client_id = c.id AND p.branch_id = $1)`, [bj]);
      expect(r.data!.clients.totalCount).toBe(clients!.n);
    });

    it('sees bank-level and per-branch aggregates, but person-level figures of its own branch only', async () => {
      expect(code(await headBj(`{ kpi(scope: { kind: BANK }, month: "2026-10") { nplRatio } }`))).toBeUndefined();
      expect(code(await headBj(`{ kpi(scope: { kind: BRANCH, id: "${wh}" }, month: "2026-10") { nplRatio } }`))).toBeUndefined();
      expect(code(await headBj(`{ branchScorecards(month: "2026-10") { rows { rank } } }`))).toBeUndefined();
      expect(code(await headBj(`{ kpi(scope: { kind: CLIENT_MANAGER, id: "${cmWh}" }, month: "2026-10") { nplRatio } }`))).toBe('FORBIDDEN');
      const [whTeam] = await db.query<{ id: number }>(`SELECT id FROM team WHERE branch_id = $1 LIMIT 1`, [wh]);
      expect(code(await headBj(`{ kpi(scope: { kind: TEAM, id: "${whTeam!.id}" }, month: "2026-10") { nplRatio } }`))).toBe('FORBIDDEN');
      expect(code(await headBj(`{ kpi(scope: { kind: CLIENT_MANAGER, id: "${cmBj}" }, month: "2026-10") { nplRatio } }`))).toBeUndefined();
    });

    it('cannot change another branch’s rows or make planning changes, and nothing changes', async () => {
      const before = await snapshot();
      const reassign = await headBj(`mutation { reassignProjects(input: { items: [{ projectId: "${foreignProject.id}", expectedVersion: ${foreignProject.version} }], toClientManagerId: "${cmWh}", reason: "probe" }) { id } }`);
      expect(code(reassign)).toBe('NOT_FOUND');
      const statement = await headBj(`mutation { submitStatement(input: { projectId: "${foreignProject.id}", month: "2026-11", balance: "1", principalDue: "0", interestDue: "0", principalRepaid: "0", interestRepaid: "0", classification: NORMAL, daysOverdue: 0 }) { month } }`);
      expect(code(statement)).toBe('NOT_FOUND');
      const contact = await headBj(`mutation { logClientContact(input: { clientId: "${foreignProject.clientId}", staffId: "${cmWh}", kind: CALL, contactedOn: "2026-11-01" }) { id } }`);
      expect(code(contact)).toBe('NOT_FOUND');
      const pool = await headBj(`mutation { moveClientToPool(clientId: "${foreignProject.clientId}") { id } }`);
      expect(code(pool)).toBe('NOT_FOUND');
      const target = await headBj(`mutation { setBranchTarget(input: { branchId: "${bj}", year: 2026, targetNplRatio: "0.5", targetRecoveryRate: "0.1", plannedRecovery: "1", plannedNewLending: "1", expectedVersion: 1 }) { year } }`);
      expect(code(target)).toBe('FORBIDDEN');
      expect(code(await headBj(`mutation { setWorkloadNorm(value: "9") { workloadNorm } }`))).toBe('FORBIDDEN');
      expect(code(await headBj(`{ auditTrail(first: 1) { totalCount } }`))).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    });

    it('has no introspection', async () => {
      expect(code(await headBj(`{ __schema { types { name } } }`))).toBe('FORBIDDEN');
      expect(code(await headBj(`query { ...F } fragment F on Query { __type(name: "Project") { name } }`))).toBe('FORBIDDEN');
    });
  });

  describe('client manager', () => {
    it('sees only their own projects and clients', async () => {
      const r = await cm(`{ projects(first: 500) { totalCount nodes { id clientManager { id } } } clients(first: 500) { totalCount nodes { id } } }`);
      expect(r.errors).toBeUndefined();
      expect(ids(r.data!.projects.nodes)).toEqual(await sqlIds(`SELECT id FROM project WHERE manager_id = $1`, [cmBj]));
      expect(r.data!.projects.totalCount).toBe(r.data!.projects.nodes.length);
      expect(ids(r.data!.clients.nodes)).toEqual(await sqlIds(`SELECT c.id FROM client c WHERE c.owner_id = $1 OR EXISTS (SELECT 1 FROM project p WHERE p.client_id = c.id AND p.manager_id = $1)`, [cmBj]));
      const colleague = await cm(`{ project(id: "${otherBjProject.id}") { id } projects(filter: { branchId: "${bj}" }) { totalCount } }`);
      expect(colleague.data!.project).toBeNull();
      expect(colleague.data!.projects.totalCount).toBe(r.data!.projects.totalCount);
    });

    it('sees their own KPIs only, and those equal what they can add up from their rows', async () => {
      expect(code(await cm(`{ kpi(scope: { kind: BANK }, month: "2026-10") { nplRatio } }`))).toBe('FORBIDDEN');
      expect(code(await cm(`{ kpi(scope: { kind: BRANCH, id: "${bj}" }, month: "2026-10") { nplRatio } }`))).toBe('FORBIDDEN');
      expect(code(await cm(`{ branchScorecards(month: "2026-10") { rows { rank } } }`))).toBe('FORBIDDEN');
      const own = await cm(`{ kpi(scope: { kind: CLIENT_MANAGER, id: "${cmBj}" }, month: "2026-10") { outstandingBalance } }`);
      const [sum] = await db.query<{ s: string }>(`SELECT sum(s.balance)::text AS s FROM cash_flow_statement s JOIN project p ON p.id = s.project_id WHERE p.manager_id = $1 AND s.month = '2026-10-01'`, [cmBj]);
      expect(Number(own.data!.kpi.outstandingBalance)).toBe(Number(sum!.s));
    });

    it('submits statements and logs contacts for their own projects only, and cannot reassign', async () => {
      const before = await snapshot();
      const foreign = await cm(`mutation { submitStatement(input: { projectId: "${otherBjProject.id}", month: "2026-11", balance: "1", principalDue: "0", interestDue: "0", principalRepaid: "0", interestRepaid: "0", classification: NORMAL, daysOverdue: 0, submittedOn: "2026-11-29" }) { month } }`);
      expect(code(foreign)).toBe('NOT_FOUND');
      const asColleague = await cm(`mutation { logClientContact(input: { clientId: "${otherBjProject.clientId}", staffId: "${cmBj}", kind: CALL, contactedOn: "2026-11-01" }) { id } }`);
      expect(code(asColleague)).toBe('NOT_FOUND');
      const reassign = await cm(`mutation { reassignProjects(input: { items: [{ projectId: "${ownCmProject.id}", expectedVersion: 1 }], toClientManagerId: "${cmBj}", reason: "x" }) { id } }`);
      expect(code(reassign)).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('executive', () => {
    it('reads everything but changes nothing', async () => {
      const r = await exec(`{ projects(first: 1) { totalCount } }`);
      const [all] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM project`);
      expect(r.data!.projects.totalCount).toBe(all!.n);
      const before = await snapshot();
      expect(code(await exec(`mutation { setWorkloadNorm(value: "5") { workloadNorm } }`))).toBe('FORBIDDEN');
      expect(code(await exec(`mutation { reassignProjects(input: { items: [{ projectId: "${foreignProject.id}", expectedVersion: ${foreignProject.version} }], toClientManagerId: "${cmWh}", reason: "x" }) { id } }`))).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
      expect(code(await exec(`{ __schema { queryType { name } } }`))).toBe('FORBIDDEN');
    });
  });
});
