import { Field, Int, ObjectType, ArgsType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { badInput } from './errors.js';

export const DEFAULT_PAGE_SIZE = 50;
/** The largest page any list returns; exports page through with this size. */
export const MAX_PAGE_SIZE = 500;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Opaque cursor: return the rows after this one (`pageInfo.endCursor` of the previous page).' })
  after?: string;
}

export function pageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  return first;
}

/** Cursor = base64url(JSON array of the sort key values, id last). */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, length: number): unknown[] | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === length) return v;
  } catch {
    /* fall through */
  }
  throw badInput('after', 'is not a cursor from this list');
}

@ObjectType({ description: 'Where a page sits in its list.' })
export class PageInfo {
  @Field({ description: 'True when more rows follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when this page was requested with `after`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first row of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: T }[];
  nodes: T[];
}

/**
 * Builds the `<Name>Connection` and `<Name>Edge` object types for a node type, e.g.
 * `export const ClientConnection = Connection(ClientType, 'Client', 'client')`.
 */
export function Connection<T extends object>(node: ClassType<T>, nodeName: string, what: string) {
  @ObjectType(`${nodeName}Edge`, { description: `One ${what} with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this row.' })
    cursor!: string;

    @Field(() => node, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${nodeName}Connection`, { description: `A page of ${what} rows (cursor connection).` })
  class ConnectionClass implements ConnectionShape<T> {
    @Field(() => Int, { description: `Number of ${what} rows matching the filter, over all pages.` })
    totalCount!: number;

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;

    @Field(() => [Edge], { description: `The ${what} rows of this page with their cursors.` })
    edges!: { cursor: string; node: T }[];

    @Field(() => [node], { description: `The ${what} rows of this page (same order as edges).` })
    nodes!: T[];
  }
  return ConnectionClass;
}

/**
 * Turns `first + 1` fetched rows into a connection page; `keyOf` returns the sort key (id last)
 * that the next page's keyset condition compares against.
 *
 * Cursors are encoded only when read: `edges` and `pageInfo` are computed on first access (many
 * operations ask for `nodes` alone, and a page has up to 500 rows). Reading them gives the same
 * values as before, with `edges[i].node === nodes[i]`.
 */
export function toConnection<R, T>(rows: R[], first: number, totalCount: number, after: string | undefined | null, keyOf: (r: R) => unknown[], map: (r: R) => T): ConnectionShape<T> {
  const page = rows.length > first ? rows.slice(0, first) : rows;
  const nodes = page.map(map);
  const cursorAt = (i: number): string => encodeCursor(keyOf(page[i]!));
  let edges: { cursor: string; node: T }[] | undefined;
  let pageInfo: PageInfo | undefined;
  return {
    totalCount,
    get pageInfo(): PageInfo {
      pageInfo ??= {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(after),
        startCursor: edges ? (edges[0]?.cursor ?? null) : page.length ? cursorAt(0) : null,
        endCursor: edges ? (edges[edges.length - 1]?.cursor ?? null) : page.length ? cursorAt(page.length - 1) : null,
      };
      return pageInfo;
    },
    get edges(): { cursor: string; node: T }[] {
      edges ??= nodes.map((node, i) => ({ cursor: cursorAt(i), node }));
      return edges;
    },
    nodes,
  };
}
