import type { TestServer } from '../support/server.js';

/** Pages through a connection field with `first`/`after`, returning every node id in order. */
export async function pageAll(
  server: TestServer,
  field: string,
  args: string,
  first: number,
  vars: Record<string, unknown> = {},
  varDefs = '',
): Promise<{ ids: string[]; totalCounts: number[]; pages: number }> {
  const ids: string[] = [];
  const totalCounts: number[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const r: { data?: Record<string, any>; errors?: unknown[] } = await server.gql(
      `query($first: Int, $after: String${varDefs}) { ${field}(${args}${args ? ', ' : ''}first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
      { first, after, ...vars },
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    const c = r.data![field];
    pages++;
    totalCounts.push(c.totalCount);
    ids.push(...c.nodes.map((n: { id: string }) => n.id));
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
    if (pages > 10_000) throw new Error('runaway paging');
  }
  return { ids, totalCounts, pages };
}

export const ids = (rows: { id: number | string }[]): string[] => rows.map((r) => String(r.id));
