import { registerEnumType } from 'type-graphql';

/** What a KPI scope is cut by (domain.md section 6: bank, branch, team, client manager, sector, importance grade). */
export enum ScopeKind {
  BANK = 'BANK',
  BRANCH = 'BRANCH',
  TEAM = 'TEAM',
  CLIENT_MANAGER = 'CLIENT_MANAGER',
  SECTOR = 'SECTOR',
  IMPORTANCE = 'IMPORTANCE',
}

/** Which months the flow KPIs (recovery rate, report timeliness) add up. */
export enum KpiPeriod {
  MONTH = 'MONTH',
  YEAR_TO_DATE = 'YEAR_TO_DATE',
  YEAR = 'YEAR',
}

registerEnumType(ScopeKind, {
  name: 'ScopeKind',
  description: 'Kind of KPI scope. A project belongs to a scope through its branch, client manager, team (the manager’s team), sector or importance grade; a statement through its project.',
  valuesConfig: {
    BANK: { description: 'The whole bank (all projects).' },
    BRANCH: { description: 'One branch (分行): projects booked in the branch. Needs `id`.' },
    TEAM: { description: 'One client-manager team: projects whose client manager is a member of the team. Needs `id`.' },
    CLIENT_MANAGER: { description: 'One client manager (客户经理): projects they manage. Needs `id`.' },
    SECTOR: { description: 'All projects of one sector. Needs `sector`.' },
    IMPORTANCE: { description: 'All projects of one importance grade. Needs `importance`.' },
  },
});

registerEnumType(KpiPeriod, {
  name: 'KpiPeriod',
  description: 'Period of the flow KPIs (recovery rate, report timeliness, plan attainment). Stock KPIs (balances, NPL ratio, classification mix, downgrade rate, contact coverage, active projects) are always taken at the month itself.',
  valuesConfig: {
    MONTH: { description: 'The month only.' },
    YEAR_TO_DATE: { description: 'January … the month of the same year.' },
    YEAR: { description: 'January … December of the month’s year (for the current year: through the latest month with statements).' },
  },
});
