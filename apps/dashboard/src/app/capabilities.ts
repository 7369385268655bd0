import type { AppRole } from '../gql/graphql';
import type { Page } from './url-state';

/** What each sign-in role can open (the API enforces it; the UI just doesn't offer the rest). */
export interface Capabilities {
  pages: readonly Page[];
  /** Branch scorecards and bank/branch KPI scopes (client managers see their own KPIs only). */
  branchViews: boolean;
  graphiql: boolean;
}

export function capabilitiesOf(role: AppRole): Capabilities {
  switch (role) {
    case 'CLIENT_MANAGER':
      return { pages: ['overview', 'rankings', 'portfolio'], branchViews: false, graphiql: false };
    case 'HQ_PLANNER':
      // Core-banking CSV imports (importFile) are for HQ planners only.
      return { pages: ['overview', 'branch', 'rankings', 'staffing', 'portfolio', 'import'], branchViews: true, graphiql: true };
    default:
      return { pages: ['overview', 'branch', 'rankings', 'staffing', 'portfolio'], branchViews: true, graphiql: false };
  }
}
