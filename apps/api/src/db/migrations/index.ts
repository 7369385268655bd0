import { Migration20261129000000SchemaV1 } from './Migration20261129000000SchemaV1.js';
import { Migration20261129010000AuthAudit } from './Migration20261129010000AuthAudit.js';
import { Migration20261129020000Import } from './Migration20261129020000Import.js';
import { Migration20261129030000Rollups } from './Migration20261129030000Rollups.js';
import { Migration20261129040000ClientCoverage } from './Migration20261129040000ClientCoverage.js';
import { Migration20261129050000ReadPaths } from './Migration20261129050000ReadPaths.js';
import { Migration20261129060000ImportSpeed } from './Migration20261129060000ImportSpeed.js';
import { Migration20261129070000RankingSnapshots } from './Migration20261129070000RankingSnapshots.js';
import { Migration20261130080000RankingIncremental } from './Migration20261130080000RankingIncremental.js';
import { Migration20261130090000SessionWriteLsn } from './Migration20261130090000SessionWriteLsn.js';
import { Migration20261130100000QueueProjectMonths } from './Migration20261130100000QueueProjectMonths.js';

// Listed explicitly so the same code runs from TypeScript source and from a tsc build.
export const migrationsList = [
  { name: 'Migration20261129000000SchemaV1', class: Migration20261129000000SchemaV1 },
  { name: 'Migration20261129010000AuthAudit', class: Migration20261129010000AuthAudit },
  { name: 'Migration20261129020000Import', class: Migration20261129020000Import },
  { name: 'Migration20261129030000Rollups', class: Migration20261129030000Rollups },
  { name: 'Migration20261129040000ClientCoverage', class: Migration20261129040000ClientCoverage },
  { name: 'Migration20261129050000ReadPaths', class: Migration20261129050000ReadPaths },
  { name: 'Migration20261129060000ImportSpeed', class: Migration20261129060000ImportSpeed },
  { name: 'Migration20261129070000RankingSnapshots', class: Migration20261129070000RankingSnapshots },
  { name: 'Migration20261130080000RankingIncremental', class: Migration20261130080000RankingIncremental },
  { name: 'Migration20261130090000SessionWriteLsn', class: Migration20261130090000SessionWriteLsn },
  { name: 'Migration20261130100000QueueProjectMonths', class: Migration20261130100000QueueProjectMonths },
];
