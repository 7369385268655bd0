import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers.js';
import { authChecker } from '../modules/auth/auth-checker.js';
import { validateArgs } from '../common/validation.js';

let cached: Promise<GraphQLSchema> | undefined;

export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    // the same validation with class-validator imported once, not on every resolver call
    validateFn: validateArgs,
    authChecker,
    scalarsMap: [],
    orphanedTypes: [],
  }).then((s) => {
    const query = s.getQueryType();
    const mutation = s.getMutationType();
    if (query) query.description = 'Read the organization, the portfolio, KPIs, scorecards, workloads and rankings of the bank.';
    if (mutation) mutation.description = 'Changes planners, branch heads and client managers make; each is one transaction, and a refused change writes nothing.';
    return s;
  });
  return cached;
}

/** The SDL as committed in packages/graphql-schema/schema.graphql (sorted, stable). */
export async function printAppSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildAppSchema())) + '\n';
}
