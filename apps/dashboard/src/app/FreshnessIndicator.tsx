import { useEffect } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { clearFiguresBehind, useFiguresBehind } from './figures-behind';
import { graphql } from '../gql';
import { useI18n } from './i18n';
import { freshnessView } from './freshness';

/** Its own operation: the API never caches it, and it must not make a cacheable KPI query uncacheable. */
export const KpiFreshnessQuery = graphql(`
  query KpiFreshness {
    kpiFreshness {
      refreshedAt
      maintainedAt
      stale
      pendingChanges
      generation
      readFrom
      replicaLagMs
      readFromPrimaryBecause
      figuresFrom
      pendingMonths
    }
  }
`);

/** How often the header asks the API again. */
export const FRESHNESS_POLL_MS = 30_000;
/** …and while the page shows figures without pending changes: it fetches them again once caught up. */
export const FRESHNESS_POLL_BEHIND_MS = 10_000;

/**
 * How fresh the KPI figures are, in the header of every page (rendered inside the session gate, so
 * only for a signed-in user). Nothing before the first answer or after an error: the indicator
 * never breaks a page.
 */
export function FreshnessIndicator() {
  const { locale } = useI18n();
  const client = useApolloClient();
  const behind = useFiguresBehind();
  const { data, error } = useQuery(KpiFreshnessQuery, { fetchPolicy: 'network-only', pollInterval: behind ? FRESHNESS_POLL_BEHIND_MS : FRESHNESS_POLL_MS });
  const freshness = data?.kpiFreshness;
  // Caught up: the figures shown without the pending changes are fetched again.
  useEffect(() => {
    if (freshness && !freshness.stale && clearFiguresBehind()) void client.refetchQueries({ include: 'active' });
  }, [freshness, client]);
  if (error || !freshness) return null;
  const view = freshnessView(freshness, locale, { now: new Date(), behind: freshness.stale ? behind : null });
  return (
    <div
      className={`freshness freshness-${view.tone}`}
      role="status"
      title={view.title}
      data-testid="freshness"
      data-state={view.tone}
      data-generation={freshness.generation}
    >
      <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true">
        {view.tone === 'stale' ? (
          <path fill="currentColor" d="M1 21h22L12 2zm12-3h-2v-2h2zm0-4h-2v-4h2z" />
        ) : (
          <path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-2 15-5-5 1.4-1.4 3.6 3.6 7.6-7.6L19 8z" />
        )}
      </svg>
      <span data-testid="freshness-text">{view.text}</span>
    </div>
  );
}
