// Resolver classes of the KPI module (KPI snapshots and series, branch scorecards).
export const kpiResolvers: Function[] = [];
