import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../config/env.js';
import { printAppSchema } from './schema.js';

// pnpm --filter @loan-desk/api schema:print  → rewrites the committed SDL.
const path = join(repoRoot(), 'packages/graphql-schema/schema.graphql');
writeFileSync(path, await printAppSchema());
console.log(`wrote ${path}`);
