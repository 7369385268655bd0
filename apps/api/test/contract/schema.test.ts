import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType, isIntrospectionType } from 'graphql';
import { repoRoot } from '../../src/config/env.js';
import { buildAppSchema, printAppSchema } from '../../src/graphql/schema.js';

describe('GraphQL contract', () => {
  it('matches the committed SDL (run `pnpm --filter @loan-desk/api schema:print` after changing the schema)', async () => {
    const committed = readFileSync(join(repoRoot(), 'packages/graphql-schema/schema.graphql'), 'utf8');
    expect(await printAppSchema()).toBe(committed);
  });

  it('describes every type, field, argument, input field and enum value', async () => {
    const schema = await buildAppSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const f of Object.values(type.getFields())) {
          if (!f.description) missing.push(`${type.name}.${f.name}`);
          for (const a of f.args) if (!a.description) missing.push(`${type.name}.${f.name}(${a.name})`);
        }
      }
      if (isInputObjectType(type)) for (const f of Object.values(type.getFields())) if (!f.description) missing.push(`${type.name}.${f.name}`);
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });
});
