import { graphql } from '../../gql';

export const ClientRowFragment = graphql(`
  fragment ClientRow on Client {
    id
    name
    clientType
    industry
    companyNature
    source
    annualRevenue
    inPool
    createdAt
    updatedAt
    lastContactOn
    owner {
      id
      name
    }
    branch {
      id
      name
      nameZh
    }
  }
`);

export const ProjectRowFragment = graphql(`
  fragment ProjectRow on Project {
    id
    name
    sector
    importance
    classification
    status
    currency
    approvedAmount
    balance
    startDate
    maturityDate
    client {
      id
      name
    }
    branch {
      id
      name
      nameZh
    }
    clientManager {
      id
      name
    }
    lastStatement {
      month
      daysOverdue
    }
  }
`);

export const ClientsQuery = graphql(`
  query Clients($filter: ClientFilter, $view: ClientView, $orderBy: ClientOrder, $asStaffId: ID, $first: Int, $after: String) {
    clients(filter: $filter, view: $view, orderBy: $orderBy, asStaffId: $asStaffId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ClientRow
      }
    }
  }
`);

export const ProjectsQuery = graphql(`
  query Projects($filter: ProjectFilter, $orderBy: ProjectOrder, $first: Int, $after: String) {
    projects(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ProjectRow
      }
    }
  }
`);

// Exports page through everything the table shows with the API's maximum page (a literal: the
// API prices a $first variable at 500 anyway).
export const ClientsExportQuery = graphql(`
  query ClientsExport($filter: ClientFilter, $view: ClientView, $orderBy: ClientOrder, $asStaffId: ID, $after: String) {
    clients(filter: $filter, view: $view, orderBy: $orderBy, asStaffId: $asStaffId, first: 500, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ClientRow
      }
    }
  }
`);

export const ProjectsExportQuery = graphql(`
  query ProjectsExport($filter: ProjectFilter, $orderBy: ProjectOrder, $after: String) {
    projects(filter: $filter, orderBy: $orderBy, first: 500, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ProjectRow
      }
    }
  }
`);
