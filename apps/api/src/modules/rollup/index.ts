// Pre-aggregated KPI rollups: maintenance (refreshRollups), freshness, and the kpiFreshness query.
import { KpiFreshnessResolver } from './rollup.resolver.js';

export const rollupResolvers: Function[] = [KpiFreshnessResolver];
export { refreshRollups, refreshRollupsAt, rollupImportListener, rollupFreshness, maintainAfterStatement, maintainAfterReassign, maintainAfterClientChange, startRollupRefresher, type RefresherHandle, type RefreshScope, type RefreshReport } from './rollup.service.js';
