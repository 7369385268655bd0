import type { ApolloClient, TypedDocumentNode } from '@apollo/client';
import type { PageOf } from '../../lib/use-all-pages';

/** Fetches every page of a connection (network-only, so the file matches the server right now). */
export async function fetchAllPages<D, V extends { after?: string | null }, N>(
  client: ApolloClient,
  query: TypedDocumentNode<D, V>,
  variables: Omit<V, 'after'>,
  pick: (d: D) => PageOf<N>,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<N[]> {
  const nodes: N[] = [];
  let after: string | null = null;
  for (;;) {
    if (signal?.aborted) throw new Error('aborted');
    const res = await client.query({ query, variables: { ...variables, after } as unknown as V, fetchPolicy: 'network-only' });
    if (res.error) throw res.error;
    const page = pick(res.data as D);
    nodes.push(...page.nodes);
    onProgress(nodes.length, page.totalCount);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return nodes;
    after = page.pageInfo.endCursor;
  }
}
