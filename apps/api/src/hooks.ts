import { onImportMerged } from './modules/import/index.js';
import { rollupImportListener } from './modules/rollup/index.js';

let wired = false;

/**
 * Cross-module hooks, wired once by every entry point (API and import CLI): after an import merges
 * its rows, the KPI rollups are brought up to date inside the import's transaction.
 */
export function wireModuleHooks(): void {
  if (wired) return;
  wired = true;
  onImportMerged(rollupImportListener);
}
