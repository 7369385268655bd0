import './performance.enums.js';
import { RankedClientManagerResolver, RankingResolver } from './ranking.resolver.js';
import { ScoreWeightsResolver } from './score-weights.resolver.js';
import { BranchWorkloadDistributionResolver, WorkloadResolver } from './workload.resolver.js';

// Resolver classes of the performance module (workloads, rankings, score weights).
export const performanceResolvers: Function[] = [WorkloadResolver, BranchWorkloadDistributionResolver, RankingResolver, RankedClientManagerResolver, ScoreWeightsResolver];
export { ScoreWeightVersionType, ScoreWeightType } from './performance.types.js';
export { ScoreSubjectEnum, SUBJECT_COMPONENTS } from './performance.enums.js';
export { warmRankingSnapshot, rankingSnapshotWarmer } from './performance.service.js';
