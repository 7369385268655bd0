import { useEffect, useRef, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import type { TypedDocumentNode } from '@apollo/client';

export interface PageOf<N> {
  nodes: N[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface AllPages<N, D> {
  nodes: N[];
  /** The first page's full result (for fields outside the connection). `loading` stays true until the last page. */
  first: D | null;
  totalCount: number;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/**
 * Pages through a cursor connection until the end and returns every node; `pick` finds the
 * connection in a result. The page size is a literal `first` in the document: the API's static
 * cost limit prices a `$first` variable at the maximum page size (500).
 */
export function useAllPages<D, V extends { after?: string | null }, N>(
  query: TypedDocumentNode<D, V>,
  variables: Omit<V, 'after'>,
  pick: (d: D) => PageOf<N>,
  opts: { skip?: boolean } = {},
): AllPages<N, D> {
  const client = useApolloClient();
  const [state, setState] = useState<Omit<AllPages<N, D>, 'reload'>>({ nodes: [], first: null, totalCount: 0, loading: true, error: null });
  const [nonce, setNonce] = useState(0);
  const key = JSON.stringify(variables);
  const pickRef = useRef(pick);
  pickRef.current = pick;
  useEffect(() => {
    if (opts.skip) return;
    let cancelled = false;
    setState((s) => ({ ...s, loading: true, error: null }));
    (async () => {
      const nodes: N[] = [];
      let after: string | null = null;
      let first: D | null = null;
      let total = 0;
      for (let i = 0; i < 1000; i++) {
        const vars = { ...(JSON.parse(key) as object), after } as unknown as V;
        const res = await client.query({ query, variables: vars, fetchPolicy: nonce > 0 ? 'network-only' : 'cache-first' });
        if (res.error) throw res.error;
        const data = res.data as D;
        first ??= data;
        const page = pickRef.current(data);
        nodes.push(...page.nodes);
        total = page.totalCount;
        // Show what has arrived while the rest pages in.
        if (!cancelled && page.pageInfo.hasNextPage) setState({ nodes: [...nodes], first, totalCount: total, loading: true, error: null });
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
        after = page.pageInfo.endCursor;
      }
      if (!cancelled) setState({ nodes, first, totalCount: total, loading: false, error: null });
    })().catch((error: unknown) => {
      if (!cancelled) setState((s) => ({ ...s, loading: false, error }));
    });
    return () => {
      cancelled = true;
    };
  }, [client, query, key, nonce, opts.skip]);
  return { ...state, reload: () => setNonce((n) => n + 1) };
}
