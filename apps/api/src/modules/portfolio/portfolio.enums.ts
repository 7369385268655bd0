import { registerEnumType } from 'type-graphql';

/** Standard CRM views of the client list (domain.md section 4). */
export enum ClientView {
  ALL = 'ALL',
  MINE = 'MINE',
  CREATED_TODAY = 'CREATED_TODAY',
  CREATED_THIS_WEEK = 'CREATED_THIS_WEEK',
  CREATED_THIS_MONTH = 'CREATED_THIS_MONTH',
  RECENTLY_UPDATED = 'RECENTLY_UPDATED',
  POOL = 'POOL',
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export enum ClientSortField {
  ID = 'ID',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  ANNUAL_REVENUE = 'ANNUAL_REVENUE',
}

export enum ProjectSortField {
  ID = 'ID',
  NAME = 'NAME',
  BALANCE = 'BALANCE',
  MATURITY_DATE = 'MATURITY_DATE',
  CLASSIFICATION = 'CLASSIFICATION',
  IMPORTANCE = 'IMPORTANCE',
  START_DATE = 'START_DATE',
  DAYS_OVERDUE = 'DAYS_OVERDUE',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(ClientView, {
  name: 'ClientView',
  description: 'Standard views of the client list (客户列表). "Today", "this week" and "this month" are business dates in Asia/Shanghai.',
  valuesConfig: {
    ALL: { description: 'All clients.' },
    MINE: { description: 'Clients whose responsible client manager (负责人) is the signed-in person, or `asStaffId` when given.' },
    CREATED_TODAY: { description: 'Clients created today.' },
    CREATED_THIS_WEEK: { description: 'Clients created this ISO week (Monday to today).' },
    CREATED_THIS_MONTH: { description: 'Clients created this calendar month.' },
    RECENTLY_UPDATED: { description: 'Clients updated in the last 30 days, newest first unless `orderBy` says otherwise.' },
    POOL: { description: 'Clients in the client pool (客户池): no responsible client manager.' },
  },
});

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction; ties are broken by id in the same direction.',
  valuesConfig: {
    ASC: { description: 'Ascending (smallest, earliest, A first).' },
    DESC: { description: 'Descending (largest, latest, Z first).' },
  },
});

registerEnumType(ClientSortField, {
  name: 'ClientSortField',
  description: 'Fields the client list can be ordered by.',
  valuesConfig: {
    ID: { description: 'Client id.' },
    NAME: { description: 'Client name.' },
    CREATED_AT: { description: 'Creation time.' },
    UPDATED_AT: { description: 'Last update time.' },
    ANNUAL_REVENUE: { description: 'Annual revenue (clients without one sort as the smallest).' },
  },
});

registerEnumType(ProjectSortField, {
  name: 'ProjectSortField',
  description: 'Fields the project list can be ordered by.',
  valuesConfig: {
    ID: { description: 'Project id.' },
    NAME: { description: 'Project name.' },
    BALANCE: { description: 'Outstanding balance.' },
    MATURITY_DATE: { description: 'Maturity date.' },
    CLASSIFICATION: { description: 'Risk classification by severity (normal first when ascending, loss last).' },
    IMPORTANCE: { description: 'Importance grade (key first when ascending, then large, then normal).' },
    START_DATE: { description: 'Start date.' },
    DAYS_OVERDUE: { description: 'Days overdue on the latest cash-flow statement (0 without statements).' },
    UPDATED_AT: { description: 'Last update time.' },
  },
});
