// Resolver classes of the performance module (workloads, rankings, score weights).
export const performanceResolvers: Function[] = [];
