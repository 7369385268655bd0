import type { Context } from '../../context.js';
import { groupByKey } from '../../common/loaders.js';
import { PerformanceRepository } from './performance.repository.js';
import type { ScoreWeightType } from './performance.types.js';

export const performanceLoaders = (ctx: Context) => {
  const repo = new PerformanceRepository(ctx.em);
  return {
    weights: ctx.loaders.get<number, ScoreWeightType[]>('performance.weights', async (ids) => groupByKey(ids, await repo.weightsOf(ids), (r) => r.versionId)),
  };
};
