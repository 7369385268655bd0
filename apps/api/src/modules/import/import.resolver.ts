import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { ImportBatchType, ImportFileInput, ImportResultType } from './import.types.js';
import { ImportService } from './import.api.js';

@Resolver()
export class ImportResolver {
  @Authorized('hq_planner')
  @Mutation(() => ImportResultType, {
    description: 'Import a core-banking CSV file of clients, projects or monthly statements (HQ planners). One transaction: by default a file with any bad row changes nothing; with allowPartial the valid rows are committed. Importing the same file again changes nothing (rows are identified by external keys). Every rejected row comes back with its line, column and reason.',
  })
  importFile(@Arg('input', () => ImportFileInput, { description: 'The file.' }) input: ImportFileInput, @Ctx() ctx: Context): Promise<ImportResultType> {
    return new ImportService(ctx).importFile(input);
  }

  @Authorized('hq_planner')
  @Query(() => [ImportBatchType], { description: 'The import log, newest first (HQ planners): every import from the CLI or the API, including refused files.' })
  importBatches(@Arg('first', () => Int, { nullable: true, description: 'How many entries (1–500, default 50).' }) first: number | null, @Ctx() ctx: Context): Promise<ImportBatchType[]> {
    return new ImportService(ctx).batches(first ?? 50);
  }
}
