import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { DateScalar, DecimalScalar, MonthScalar } from '../common/scalars.js';
import { resolvers } from './resolvers.js';

let cached: Promise<GraphQLSchema> | undefined;

export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    scalarsMap: [],
    orphanedTypes: [],
  }).then((s) => s);
  void DateScalar;
  void DecimalScalar;
  void MonthScalar;
  return cached;
}

/** The SDL as committed in packages/graphql-schema/schema.graphql (sorted, stable). */
export async function printAppSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildAppSchema())) + '\n';
}
