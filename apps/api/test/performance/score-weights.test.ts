import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loadFixture, trim } from './fixture.js';

// Publishing score weights: versioning, validation, and reproducible past rankings (fixture.ts, m = 2026-03).
describe('score weight versions', () => {
  let db: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    db = await createTestDatabase('empty');
    await loadFixture(db);
    server = await startTestServer(db.orm);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const PUBLISH = `mutation($input: PublishScoreWeightsInput!) { publishScoreWeights(input: $input) { id subject version note publishedAt weights { component weight } } }`;
  const RANK = `query($v: Int) { clientManagerRanking(month: "2026-03", weightVersion: $v) {
    weightVersion { version } rows { nodes { staff { name } score rank previousRank rankChange } } } }`;
  const cm = (aq: string, rec: string, rep: string, con: string, wl: string) => [
    { component: 'asset_quality', weight: aq }, { component: 'recovery', weight: rec }, { component: 'reporting', weight: rep },
    { component: 'contact', weight: con }, { component: 'workload', weight: wl },
  ];
  const counts = async () => (await db.query<{ v: number; w: number }>(`SELECT (SELECT count(*)::int FROM score_weight_version) AS v, (SELECT count(*)::int FROM score_weight) AS w`))[0];

  const V1_ROWS = [
    ['Eve', '90', 1, 1, 0], ['Fay', '90', 2, null, null], ['Dan', '85', 3, 2, -1], ['Cid', '85', 4, 3, -1], ['Ann', '68.875', 5, 5, 0], ['Bob', '35.0000000005', 6, 4, -2],
  ];
  const rows = (r: any) => r.data.clientManagerRanking.rows.nodes.map((n: any) => [n.staff.name, trim(n.score), n.rank, n.previousRank, n.rankChange]);

  it('lists the published versions', async () => {
    const res = await server.gql(`{ scoreWeightVersions(subject: BRANCH) { version subject weights { component weight } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.scoreWeightVersions).toEqual([{ version: 1, subject: 'BRANCH', weights: [
      { component: 'npl', weight: '0.5000' }, { component: 'recovery', weight: '0.3000' }, { component: 'attainment', weight: '0.2000' },
    ] }]);
  });

  it('refuses weights that are not exactly the components, negative, or do not sum to exactly 1 (and non-planners), and writes nothing', async () => {
    const before = await counts();
    const cases = [
      cm('0.35', '0.30', '0.15', '0.10', '0.09'), // sums to 0.99
      [...cm('0.35', '0.30', '0.15', '0.10', '0.10').slice(0, 4), { component: 'charisma', weight: '0.10' }], // unknown component
      cm('0.45', '0.30', '0.15', '0.20', '-0.10'), // negative (sum is 1)
      cm('0.35', '0.30', '0.15', '0.10', '0.10').slice(0, 4), // missing workload
      [...cm('0.35', '0.30', '0.15', '0.05', '0.10'), { component: 'contact', weight: '0.05' }], // repeated
      cm('0.35', '0.30', '0.15', '0.10', '1.10'), // above 1
      cm('0.34995', '0.30005', '0.15', '0.10', '0.10'), // 5 decimal places (the column keeps 4)
    ];
    for (const weights of cases) {
      const res = await server.gql(PUBLISH, { input: { subject: 'CLIENT_MANAGER', weights, note: 'bad' } });
      expect(res.data).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.weights' });
    }
    const head = await server.as({ role: 'branch_head', branchId: 2 });
    const forbidden = await head(PUBLISH, { input: { subject: 'CLIENT_MANAGER', weights: cm('0.35', '0.30', '0.15', '0.10', '0.10') } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const branch = await server.gql(PUBLISH, { input: { subject: 'BRANCH', weights: cm('0.35', '0.30', '0.15', '0.10', '0.10') } });
    expect(branch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.weights' });
    expect(await counts()).toEqual(before);
    expect(before).toEqual({ v: 2, w: 8 });
  });

  it('publishes v2; rankings with v2 change while v1 (explicit or default for the month) stays as it was', async () => {
    const before = rows(await server.gql(RANK, { v: 1 }));
    expect(before).toEqual(V1_ROWS);

    const res = await server.gql(PUBLISH, { input: { subject: 'CLIENT_MANAGER', weights: cm('0.35', '0.30', '0.15', '0.20', '0'), note: ' More weight on client contact ' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.publishScoreWeights).toMatchObject({ subject: 'CLIENT_MANAGER', version: 2, note: 'More weight on client contact' });
    expect(res.data!.publishScoreWeights.weights).toEqual(cm('0.3500', '0.3000', '0.1500', '0.2000', '0.0000'));
    expect(await counts()).toEqual({ v: 3, w: 13 });
    const audit = await db.query<{ action: string; after: { version: number } }>(`SELECT action, after FROM audit_log WHERE entity = 'score_weight_version'`);
    expect(audit).toEqual([expect.objectContaining({ action: 'score_weights.publish', after: expect.objectContaining({ version: 2 }) })]);

    const list = await server.gql(`{ scoreWeightVersions(subject: CLIENT_MANAGER) { version } }`);
    expect(list.data!.scoreWeightVersions).toEqual([{ version: 2 }, { version: 1 }]);

    // v2 = 0.35 / 0.30 / 0.15 / 0.20 / 0 (components as in ranking.test.ts):
    //   Eve, Fay 35 + 30 + 15 + 20 + 0 = 100; Cid 28 + 27 + 15 + 20 + 0 = 90; Dan 35 + 30 + 15 + 0 + 0 = 80;
    //   Ann 13.125 + 27 + 11.25 + 15 + 0 = 66.375; Bob 0 + 15 + 10.0000000005 + 10 + 0 = 35.0000000005
    // February with v2 (same version for the previous rank): Eve 100; Cid 90; Dan 80;
    //   Bob 35 + 15 + 11.25 + 10 + 0 = 71.25; Ann 13.125 + 27 + 11.25 + 10 + 0 = 61.375 → Eve 1, Cid 2, Dan 3, Bob 4, Ann 5
    const v2 = await server.gql(RANK, { v: 2 });
    expect(v2.data!.clientManagerRanking.weightVersion.version).toBe(2);
    expect(rows(v2)).toEqual([
      ['Eve', '100', 1, 1, 0], ['Fay', '100', 2, null, null], ['Cid', '90', 3, 2, -1], ['Dan', '80', 4, 3, -1], ['Ann', '66.375', 5, 5, 0], ['Bob', '35.0000000005', 6, 4, -2],
    ]);

    // v1 asked explicitly: the old numbers
    expect(rows(await server.gql(RANK, { v: 1 }))).toEqual(V1_ROWS);
    // default for 2026-03: v2 was published after March ended, so March is still ranked with v1
    const dflt = await server.gql(RANK, {});
    expect(dflt.data!.clientManagerRanking.weightVersion.version).toBe(1);
    expect(rows(dflt)).toEqual(V1_ROWS);
  });

  it('uses the version in force at the end of the month by default', async () => {
    // Backdate v2 to 2026-02-15 (Beijing time) in the fixture: March is then ranked with v2, January still with v1.
    await db.query(`UPDATE score_weight_version SET published_at = '2026-02-15 10:00:00+08' WHERE subject = 'client_manager' AND version = 2`);
    const q = `query($m: Month) { clientManagerRanking(month: $m) { weightVersion { version } } }`;
    expect((await server.gql(q, { m: '2026-03' })).data!.clientManagerRanking.weightVersion.version).toBe(2);
    expect((await server.gql(q, { m: '2026-02' })).data!.clientManagerRanking.weightVersion.version).toBe(2);
    expect((await server.gql(q, { m: '2026-01' })).data!.clientManagerRanking.weightVersion.version).toBe(1);
    // published 2026-02-01 00:30 Beijing time = 2026-01-31 16:30 UTC: after January ended in Beijing
    await db.query(`UPDATE score_weight_version SET published_at = '2026-01-31 16:30:00+00' WHERE subject = 'client_manager' AND version = 2`);
    expect((await server.gql(q, { m: '2026-01' })).data!.clientManagerRanking.weightVersion.version).toBe(1);
  });
});
