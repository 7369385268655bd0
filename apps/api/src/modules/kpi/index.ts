// Resolver classes of the KPI module (KPI snapshots and series, branch scorecards).
import './kpi.enums.js';
import { KpiResolver } from './kpi.resolver.js';
import { BranchScorecardReportResolver, BranchScorecardResolver } from './scorecard.resolver.js';

export const kpiResolvers: Function[] = [KpiResolver, BranchScorecardResolver, BranchScorecardReportResolver];
export { KpiService } from './kpi.service.js';
export { ScopeKind, KpiPeriod } from './kpi.enums.js';
