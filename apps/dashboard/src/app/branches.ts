import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';

export const BranchesQuery = graphql(`
  query Branches {
    branches {
      id
      code
      name
      nameZh
      region
      clientManagerCount
      staffCount
    }
  }
`);

/** All branches (cached once per session). */
export function useBranches() {
  return useQuery(BranchesQuery);
}
