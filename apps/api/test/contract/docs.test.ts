import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchema, Kind, parse, validate, type DocumentNode } from 'graphql';
import { repoRoot } from '../../src/config/env.js';

/** Every GraphQL example in the docs is a valid document against the committed SDL. */
describe('GraphQL examples in the docs', () => {
  const schema = buildSchema(readFileSync(join(repoRoot(), 'packages/graphql-schema/schema.graphql'), 'utf8'));
  for (const doc of ['docs/api.md', 'README.md']) {
    it(`${doc}: every graphql block validates`, () => {
      const text = readFileSync(join(repoRoot(), doc), 'utf8');
      const blocks = [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
      if (doc === 'docs/api.md') expect(blocks.length).toBeGreaterThan(5);
      const problems = blocks.flatMap((b, i) => {
        try {
          // A block may list several operations one after the other: each is checked on its own.
          const doc = parse(b);
          const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
          const fragments = doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
          const docs: DocumentNode[] = ops.length > 1 ? ops.map((op) => ({ kind: Kind.DOCUMENT, definitions: [op, ...fragments] })) : [doc];
          return docs.flatMap((d) => validate(schema, d).map((e) => `block ${i + 1}: ${e.message}`));
        } catch (e) {
          return [`block ${i + 1}: ${(e as Error).message}`];
        }
      });
      expect(problems).toEqual([]);
    });
  }
});
