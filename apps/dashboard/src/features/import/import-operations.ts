import { graphql } from '../../gql';

/** Sent to `/graphql/import` (the only path with a body limit large enough for a 10 MB file). */
export const ImportFileMutation = graphql(`
  mutation ImportFile($input: ImportFileInput!) {
    importFile(input: $input) {
      batchId
      kind
      committed
      rowsIn
      accepted
      rejected
      inserted
      updated
      unchanged
      followUps
      seconds
      errorCount
      errors {
        line
        column
        code
        params
        reason
      }
    }
  }
`);

export const ImportBatchesQuery = graphql(`
  query ImportBatches($first: Int) {
    importBatches(first: $first) {
      id
      kind
      fileName
      status
      rowsIn
      accepted
      rejected
      inserted
      updated
      unchanged
      source
      importedBy
      startedAt
      finishedAt
    }
  }
`);
