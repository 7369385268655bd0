import type { NonEmptyArray } from 'type-graphql';
import { organizationResolvers } from '../modules/organization/index.js';
import { portfolioResolvers } from '../modules/portfolio/index.js';
import { kpiResolvers } from '../modules/kpi/index.js';
import { performanceResolvers } from '../modules/performance/index.js';
import { planningResolvers } from '../modules/planning/index.js';
import { authResolvers } from '../modules/auth/index.js';
import { auditResolvers } from '../modules/audit/index.js';
import { importResolvers } from '../modules/import/index.js';
import { rollupResolvers } from '../modules/rollup/index.js';

/** Every module contributes its resolver classes here; the schema is built from this list. */
export const resolvers = [
  ...organizationResolvers,
  ...portfolioResolvers,
  ...kpiResolvers,
  ...performanceResolvers,
  ...planningResolvers,
  ...authResolvers,
  ...auditResolvers,
  ...importResolvers,
  ...rollupResolvers,
] as unknown as NonEmptyArray<Function>;
