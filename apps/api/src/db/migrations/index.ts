import { Migration20261129000000SchemaV1 } from './Migration20261129000000SchemaV1.js';

// Listed explicitly so the same code runs from TypeScript source and from a tsc build.
export const migrationsList = [
  { name: 'Migration20261129000000SchemaV1', class: Migration20261129000000SchemaV1 },
];
