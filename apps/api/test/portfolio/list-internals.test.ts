import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { Max, Min } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import { connectionRowFields, subfieldNames } from '../../src/common/lookahead.js';
import { Loaders } from '../../src/common/loaders.js';
import { decodeCursor, toConnection } from '../../src/common/pagination.js';
import { validateArgs } from '../../src/common/validation.js';
import { relationJson, rowColumns, selectList } from '../../src/modules/portfolio/portfolio.prefetch.js';
import { portfolioLoaders } from '../../src/modules/portfolio/portfolio.loaders.js';
import { orgLoaders } from '../../src/modules/organization/organization.loaders.js';
import type { Context, Viewer } from '../../src/context.js';

/** A resolve info for the first root field of `query` (what the list resolvers look at). */
function infoFor(query: string): GraphQLResolveInfo {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const root = op.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  return { fieldNodes: root, fragments } as unknown as GraphQLResolveInfo;
}

describe('connectionRowFields', () => {
  it('collects the row fields under nodes and edges.node, through fragments, inline fragments and aliases', () => {
    const info = infoFor(`{ projects { totalCount pageInfo { endCursor } nodes { id a: name ...F } edges { cursor node { ... on Project { balance client { id } } } } } }
      fragment F on Project { lastStatement { month } clientManager { ...S } } fragment S on Staff { name }`);
    const rows = connectionRowFields(info);
    expect(new Set(rows.keys())).toEqual(new Set(['id', 'name', 'lastStatement', 'clientManager', 'balance', 'client']));
    expect(subfieldNames(rows.get('clientManager')!, info.fragments)).toEqual(new Set(['name']));
    expect(subfieldNames(rows.get('client')!, info.fragments)).toEqual(new Set(['id']));
  });

  it('merges repeated fields, leaves __typename out of sub-selections and survives fragment cycles', () => {
    const info = infoFor(`{ projects { nodes { x: client { id } y: client { name __typename } ...A } } } fragment A on Project { ...B id } fragment B on Project { ...A name }`);
    const rows = connectionRowFields(info);
    expect(new Set(rows.keys())).toEqual(new Set(['client', 'id', 'name']));
    expect(subfieldNames(rows.get('client')!, info.fragments)).toEqual(new Set(['id', 'name']));
  });

  it('is empty for a connection read without rows', () => {
    expect(connectionRowFields(infoFor(`{ projects { totalCount } }`)).size).toBe(0);
  });
});

describe('column projection', () => {
  const columns = new Map([
    ['id', 't.id'],
    ['name', 't.name'],
    ['hidden', 't.hidden_id'],
    ['amount', 't.amount::text'],
  ]);
  it('reads the keys and the selected plain columns only, in column order', () => {
    expect(rowColumns(columns, ['id', 'hidden'], new Set(['rel']), new Set(['amount', 'rel']))).toBe(
      `t.id AS "id", t.hidden_id AS "hidden", t.amount::text AS "amount"`,
    );
  });
  it('reads every column without a selection or when a field is neither a column nor a known resolver field', () => {
    const all = selectList(columns);
    expect(rowColumns(columns, ['id'], new Set(), undefined)).toBe(all);
    expect(rowColumns(columns, ['id'], new Set(['rel']), new Set(['name', 'surprise']))).toBe(all);
    expect(rowColumns(columns, ['id'], new Set(), new Set(['constructor']))).toBe(all);
  });
  it('builds a relation with the selected plain keys, or the whole row', () => {
    const plain = new Set(['id', 'name']);
    expect(relationJson('SELECT 1', plain, new Set(['name']))).toBe(`(SELECT json_build_object('name', x."name") FROM (SELECT 1) x)`);
    expect(relationJson('SELECT 1', plain, new Set())).toBe(`(SELECT json_build_object() FROM (SELECT 1) x)`);
    expect(relationJson('SELECT 1', plain, new Set(['name', 'branch']))).toBe(`(SELECT row_to_json(x) FROM (SELECT 1) x)`);
    expect(relationJson('SELECT 1', plain, new Set(["name', 1) --"]))).toBe(`(SELECT row_to_json(x) FROM (SELECT 1) x)`);
    expect(relationJson('SELECT 1', plain, 'all')).toBe(`(SELECT row_to_json(x) FROM (SELECT 1) x)`);
  });
});

describe('toConnection', () => {
  const rows = [1, 2, 3, 4].map((id) => ({ id, k: `k${id}` }));
  const eager = (first: number, after?: string) => {
    const page = rows.slice(0, first);
    const edges = page.map((r) => ({ cursor: Buffer.from(JSON.stringify(['t', r.k, r.id])).toString('base64url'), node: { id: r.id } }));
    return {
      totalCount: 9,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      edges,
      nodes: edges.map((e) => e.node),
    };
  };
  it.each([
    [3, undefined],
    [4, 'x'],
    [10, undefined],
  ])('first %i: the same page, edges, cursors and page info as computed eagerly', (first, after) => {
    const c = toConnection(rows, first, 9, after, (r) => ['t', r.k, r.id], (r) => ({ id: r.id }));
    expect(c).toEqual(eager(first, after));
    expect(c.edges.every((e, i) => e.node === c.nodes[i])).toBe(true);
    expect(decodeCursor(c.pageInfo.endCursor, 3)).toEqual(['t', rows[Math.min(first, rows.length) - 1]!.k, Math.min(first, rows.length)]);
  });
  it('an empty page has null cursors and no edges', () => {
    const c = toConnection([] as { id: number }[], 5, 0, null, (r) => [r.id], (r) => r);
    expect(c.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
    expect(c.edges).toEqual([]);
    expect(c.nodes).toEqual([]);
  });
  it('encodes cursors only when edges or page info are read', () => {
    let calls = 0;
    const c = toConnection(rows, 3, 9, null, (r) => (calls++, [r.id]), (r) => r);
    expect(c.nodes).toHaveLength(3);
    expect(calls).toBe(0);
    void c.pageInfo;
    expect(calls).toBe(2);
    void c.edges;
    void c.edges;
    expect(calls).toBe(5);
  });
});

describe('validateArgs (type-graphql validation with class-validator imported once)', () => {
  class Page {
    @Min(1)
    @Max(500)
    first?: number;
  }
  const page = (first?: number) => Object.assign(new Page(), first === undefined ? {} : { first });
  it('passes valid objects, missing properties, primitives and null', async () => {
    await expect(validateArgs(page(10), Page, {} as never)).resolves.toBeUndefined();
    await expect(validateArgs(page(), Page, {} as never)).resolves.toBeUndefined();
    await expect(validateArgs('x', String, {} as never)).resolves.toBeUndefined();
    await expect(validateArgs(null, Page, {} as never)).resolves.toBeUndefined();
  });
  it('refuses like type-graphql does: an ArgumentValidationError (BAD_USER_INPUT) carrying the class-validator errors', async () => {
    const err = await Promise.resolve(validateArgs(page(0), Page, {} as never)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArgumentValidationError);
    const e = err as ArgumentValidationError;
    expect(e.message).toBe('Argument Validation Error');
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    expect((e.extensions.validationErrors as { property: string; constraints: Record<string, string> }[])[0]).toMatchObject({
      property: 'first',
      constraints: { min: 'first must not be less than 1' },
    });
    await expect(validateArgs([page(1), page(501)], Page, {} as never)).rejects.toBeInstanceOf(ArgumentValidationError);
  });
  it('does not refuse unknown objects (forbidUnknownValues: false, as the schema sets it)', async () => {
    await expect(validateArgs({ any: 1 }, Object, {} as never)).resolves.toBeUndefined();
  });
});

describe('per-request loader bundles', () => {
  const viewer: Viewer = { userId: 1, username: 'u', role: 'hq_planner', staffId: null, branchId: null, sessionId: 's' };
  const ctx = (v: Viewer | null): Context => ({ em: {} as Context['em'], loaders: new Loaders(), viewer: v });
  it('are made once per request and viewer, with the same DataLoaders', () => {
    const c = ctx(viewer);
    const a = portfolioLoaders(c);
    expect(portfolioLoaders(c)).toBe(a);
    expect(orgLoaders(c)).toBe(orgLoaders(c));
    c.viewer = { ...viewer };
    const b = portfolioLoaders(c);
    expect(b).not.toBe(a);
    expect(b.client).toBe(a.client);
  });
  it('still check the viewer on every call', () => {
    const c = ctx(viewer);
    portfolioLoaders(c);
    c.viewer = null;
    expect(() => portfolioLoaders(c)).toThrow('Sign in first');
    expect(() => portfolioLoaders(ctx({ ...viewer, role: 'branch_head', branchId: null }))).toThrow();
  });
});
