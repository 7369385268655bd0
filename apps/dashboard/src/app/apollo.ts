import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { tap } from 'rxjs';
import { noteFreshnessExtension } from './figures-behind';

/** True when a GraphQL result says the session is gone. */
export function isUnauthenticated(result: { errors?: readonly { extensions?: Record<string, unknown> }[] }): boolean {
  return (result.errors ?? []).some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

export function createApolloClient(uri = '/graphql'): ApolloClient {
  let client: ApolloClient | null = null;
  // A session that expired mid-use: ask who the viewer is; a null `me` shows the sign-in page.
  // Every response's extensions.freshness is noted too (app/figures-behind.ts).
  const sessionLink = new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      tap((result) => {
        if (operation.operationName !== 'Me' && isUnauthenticated(result)) void client?.refetchQueries({ include: ['Me'] });
        // Figures from the rollups as they are (changes pending): the header says so.
        noteFreshnessExtension((result as { extensions?: Record<string, unknown> }).extensions?.freshness);
      }),
    ),
  );
  client = new ApolloClient({
    link: ApolloLink.from([sessionLink, new HttpLink({ uri, credentials: 'same-origin' })]),
    cache: new InMemoryCache({
      // Report rows are views of a person/branch at a month, not entities: never merge across queries.
      typePolicies: {
        RankedClientManager: { keyFields: false },
        ClientManagerWorkload: { keyFields: false },
        BranchStaffingNeed: { keyFields: false },
        BranchWorkloadDistribution: { keyFields: false },
        Me: { keyFields: false },
        // One report per month (the field's argument): documents asking for different parts of it
        // (chart rows, ranking ends, counts) complete each other instead of replacing each other.
        // Rows are not merged: the same `rows(…)` arguments always come with the same selection.
        BranchScorecardReport: { merge: true },
        BranchScorecardSummary: { merge: true },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-first' } },
  });
  return client;
}
