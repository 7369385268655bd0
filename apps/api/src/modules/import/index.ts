// Resolver classes of the import module (core-banking CSV files → clients, projects, statements).
import { ImportResolver } from './import.resolver.js';

export const importResolvers: Function[] = [ImportResolver];
export { importCsv, onImportMerged, type ImportListener, type ImportPreMergeContext, type ImportResult } from './import.service.js';
