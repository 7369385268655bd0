/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a signed-in user may see and do (docs/security.md). */
export type AppRole =
  /** Branch head / loan division head (分行行长/贷款处负责人): rows of their own branch; bank-level and per-branch aggregates of all branches. */
  | 'BRANCH_HEAD'
  /** Client manager (客户经理): their own clients, projects, statements, KPIs and rank position. */
  | 'CLIENT_MANAGER'
  /** Executive (行长/副行长): reads everything. */
  | 'EXECUTIVE'
  /** HQ planner (计划处): reads everything, makes planning changes, the only role with introspection and GraphiQL. */
  | 'HQ_PLANNER';

/** Five-tier loan classification (五级分类), best to worst; the last three are non-performing (NPL). */
export type Classification =
  /** Doubtful (可疑) */
  | 'DOUBTFUL'
  /** Loss (损失) */
  | 'LOSS'
  /** Normal (正常) */
  | 'NORMAL'
  /** Special mention (关注) */
  | 'SPECIAL_MENTION'
  /** Substandard (次级) */
  | 'SUBSTANDARD';

/** Filters of the client list; all given conditions must hold. */
export type ClientFilter = {
  /** Branch (分行). */
  branchId?: string | number | null | undefined;
  /** Company nature. */
  companyNature?: CompanyNature | null | undefined;
  /** True: only clients in the client pool (no owner); false: only clients with an owner. */
  inPool?: boolean | null | undefined;
  /** Industry (exact). */
  industry?: string | null | undefined;
  /** Responsible client manager (负责人). */
  ownerId?: string | number | null | undefined;
  /** Case-insensitive substring of the client name or its external key. */
  search?: string | null | undefined;
  /** Source (exact). */
  source?: string | null | undefined;
};

/** A component of the client-manager composite performance score (domain.md §6). */
export type ClientManagerScoreComponent =
  /** Asset quality: 100 × (1 − min(NPL ratio (不良贷款率) at m ÷ 0.20, 1)). Weight component `asset_quality`. */
  | 'ASSET_QUALITY'
  /** Client contact: 100 × contact coverage at m (90 days ending on the last day of m). Weight component `contact`. */
  | 'CLIENT_CONTACT'
  /** Recovery: 100 × min(recovery rate (本息回收率) year-to-date through m, 1). Weight component `recovery`. */
  | 'RECOVERY'
  /** Reporting: 100 × report timeliness year-to-date through m. Weight component `reporting`. */
  | 'REPORTING'
  /** Workload: 100 × min(workload ÷ norm, 1). Weight component `workload`. */
  | 'WORKLOAD';

/** Order of the client list; ties are broken by id. */
export type ClientOrder = {
  /** Direction. */
  direction: SortDirection;
  /** Sort field. */
  field: ClientSortField;
};

/** Fields the client list can be ordered by. */
export type ClientSortField =
  /** Annual revenue (clients without one sort as the smallest). */
  | 'ANNUAL_REVENUE'
  /** Creation time. */
  | 'CREATED_AT'
  /** Client id. */
  | 'ID'
  /** Client name. */
  | 'NAME'
  /** Last update time. */
  | 'UPDATED_AT';

/** Standard views of the client list (客户列表). "Today", "this week" and "this month" are business dates in Asia/Shanghai. */
export type ClientView =
  /** All clients. */
  | 'ALL'
  /** Clients created this calendar month. */
  | 'CREATED_THIS_MONTH'
  /** Clients created this ISO week (Monday to today). */
  | 'CREATED_THIS_WEEK'
  /** Clients created today. */
  | 'CREATED_TODAY'
  /** Clients whose responsible client manager (负责人) is the signed-in person, or `asStaffId` when given. */
  | 'MINE'
  /** Clients in the client pool (客户池): no responsible client manager. */
  | 'POOL'
  /** Clients updated in the last 30 days, newest first unless `orderBy` says otherwise. */
  | 'RECENTLY_UPDATED';

/** Ownership nature of a client company. */
export type CompanyNature =
  /** Collective (集体) */
  | 'COLLECTIVE'
  /** Foreign-invested (外资) */
  | 'FOREIGN_INVESTED'
  /** Other (其他) */
  | 'OTHER'
  /** Private (民营) */
  | 'PRIVATE'
  /** State-owned (国有) */
  | 'STATE_OWNED';

/** Currency of a project. */
export type Currency =
  /** Renminbi (CNY) (人民币) */
  | 'CNY'
  /** US dollar (USD) (美元) */
  | 'USD';

/** Where the KPI, scorecard, workload and ranking figures of a request come from (docs/performance.md, "Stale rollups"). */
export type FigureSource =
  /** Changes are pending: computed from the base tables (exact, slower). */
  | 'BASE_TABLES'
  /** The rollups, up to date with every committed change. */
  | 'ROLLUPS'
  /** Changes are pending and the base tables took longer than STALE_READ_BUDGET_MS: the rollups as they are, i.e. every committed change except the pending ones (see pendingMonths). The response also carries extensions.freshness and the header x-figures: rollups-behind. */
  | 'ROLLUPS_BEHIND';

/** A CSV file exported by the core-banking system (UTF-8 with or without BOM, header row, comma separated; columns in docs/import.md). */
export type ImportFileInput = {
  /** Commit the valid rows even when some are rejected (default false: a file with any bad row changes nothing). */
  allowPartial?: boolean | null | undefined;
  /** `content` is base64 (default false). */
  base64?: boolean | null | undefined;
  /** The file content: CSV text, or base64 of the file bytes when `base64` is true. At most 10 MB of CSV. */
  content: string;
  /** File name, kept in the import log (1–200 characters). */
  fileName: string;
  /** What the file holds. */
  kind: ImportKind;
};

/** What a core-banking CSV file holds (columns in docs/import.md). Import clients, then projects, then statements. */
export type ImportKind =
  /** Clients (客户), identified by their external key. */
  | 'CLIENTS'
  /** Projects / loans (项目 / 贷款), identified by their external key. */
  | 'PROJECTS'
  /** Monthly cash-flow statements (月度现金流表), identified by (project external key, month). */
  | 'STATEMENTS';

/** Why a row (`ImportRowError.code`) or a whole file (`extensions.importCode` of a `BAD_USER_INPUT` error on `input.content`) was refused: one code per reason template. `params` holds the values the English reason quotes, in order, so a client can say it in its own language (list and Chinese wording in docs/import.md). */
export type ImportProblemCode =
  /** An amount of 10^18 or more. Reason: `too large: "{0}"`. Params: {0} the value as written (first 40 characters, then …). */
  | 'AMOUNT_TOO_LARGE'
  /** Not a valid date in the form YYYY-MM-DD. Reason: `not a date (YYYY-MM-DD): "{0}"`. Params: {0} the value as written (first 40 characters, then …). */
  | 'BAD_DATE'
  /** Not a valid month in the form YYYY-MM. Reason: `not a month (YYYY-MM): "{0}"`. Params: {0} the value as written (first 40 characters, then …). */
  | 'BAD_MONTH'
  /** A statement month before the project's start month. Reason: `is before the project started ({0})`. Params: {0} the project's start month (YYYY-MM). */
  | 'BEFORE_PROJECT_START'
  /** maturity_date is before start_date. Reason: `is before the start date {0}`. Params: {0} the start date as written. */
  | 'BEFORE_START_DATE'
  /** submitted_on is before the first day of the statement's month. Reason: `is before the month reported on: {0}`. Params: {0} the submission date as written. */
  | 'BEFORE_STATEMENT_MONTH'
  /** A header name given twice (`column` names it). Refuses the file as a whole. Reason: `the column appears twice in the header`. Params: none. */
  | 'DUPLICATE_COLUMN'
  /** The external key occurs on more than one line of the file (every such line is reported). Reason: `duplicate external key {0} also on line {1}`. Params: {0} the external key; {1} the other lines, comma separated. */
  | 'DUPLICATE_EXTERNAL_KEY'
  /** The client name occurs on more than one line of the file. Reason: `duplicate name {0} also on line {1}`. Params: {0} the name; {1} the other lines, comma separated. */
  | 'DUPLICATE_NAME'
  /** The statement key (project, month) occurs on more than one line of the file. Reason: `duplicate statement (project, month) {0}, {1} also on line {2}`. Params: {0} the project external key; {1} the month as written; {2} the other lines, comma separated. */
  | 'DUPLICATE_STATEMENT'
  /** The file has no header row. Refuses the file as a whole. Reason: `the file is empty (a header row is required)`. Params: none. */
  | 'EMPTY_FILE'
  /** disbursed_amount is larger than approved_amount. Reason: `exceeds the approved amount {0}`. Params: {0} the approved amount as written. */
  | 'EXCEEDS_APPROVED_AMOUNT'
  /** A statement month after the current month, or a submission date after today (business date, Asia/Shanghai). Reason: `is in the future: {0}`. Params: {0} the month or date as written. */
  | 'IN_THE_FUTURE'
  /** The client manager works in another branch than the row names. Reason: `client manager {0} does not work in branch {1}`. Params: {0} the employee number; {1} the branch code. */
  | 'MANAGER_NOT_IN_BRANCH'
  /** A required column is not in the header (`column` names it). Refuses the file as a whole. Reason: `required column is missing from the header`. Params: none. */
  | 'MISSING_COLUMN'
  /** A required column is blank. Reason: `missing value`. Params: none. */
  | 'MISSING_VALUE'
  /** Another client in the database already has this name (client names are unique). Reason: `name already used by client {0}`. Params: {0} that client's external key (`#` and its id when it has none). */
  | 'NAME_ALREADY_USED'
  /** An amount below 0. Reason: `must not be negative: "{0}"`. Params: {0} the value as written (first 40 characters, then …). */
  | 'NEGATIVE_AMOUNT'
  /** A whole number (days_overdue) below 0. Reason: `must not be negative: {0}`. Params: {0} the value as written. */
  | 'NEGATIVE_WHOLE_NUMBER'
  /** The employee exists but is not a (senior) client manager. Reason: `employee {0} is not a client manager`. Params: {0} the employee number. */
  | 'NOT_A_CLIENT_MANAGER'
  /** An amount that is not a plain decimal (also NaN, Infinity). Reason: `not a number: "{0}"`. Params: {0} the value as written (first 40 characters, then …). */
  | 'NOT_A_NUMBER'
  /** A whole-number column (days_overdue) holds something else. Reason: `not a whole number: "{0}"`. Params: {0} the value as written (first 40 characters, then …). */
  | 'NOT_A_WHOLE_NUMBER'
  /** The file is not UTF-8 (e.g. GBK); `line` is the line of the first bad byte. Refuses the file as a whole. Reason: `the file is not valid UTF-8 (save it as UTF-8, with or without BOM)`. Params: none. */
  | 'NOT_UTF8'
  /** One record is longer than the parser accepts, usually a quote that never closes. Refuses the file as a whole. Reason: `a record is longer than {0} characters (an unterminated quote?)`. Params: {0} the limit in characters. */
  | 'RECORD_TOO_LONG'
  /** A text is longer than the column allows. Reason: `too long: {0} characters, at most {1}`. Params: {0} characters in the value; {1} the most the column allows. */
  | 'TOO_LONG'
  /** An amount with more than 2 decimals. Reason: `more than 2 decimal places: "{0}"`. Params: {0} the value as written (first 40 characters, then …). */
  | 'TOO_MANY_DECIMALS'
  /** No settlement agent bank has this English or Chinese name. Reason: `unknown settlement agent bank "{0}"`. Params: {0} the name as written (first 40 characters, then …). */
  | 'UNKNOWN_AGENT_BANK'
  /** No branch has this code. Reason: `unknown branch "{0}"`. Params: {0} the branch code as written (first 40 characters, then …). */
  | 'UNKNOWN_BRANCH'
  /** A project names a client external key that does not exist. Reason: `unknown client "{0}" (import clients first)`. Params: {0} the client external key as written (first 40 characters, then …). */
  | 'UNKNOWN_CLIENT'
  /** No staff member has this employee number. Reason: `unknown client manager "{0}"`. Params: {0} the employee number as written (first 40 characters, then …). */
  | 'UNKNOWN_CLIENT_MANAGER'
  /** A header name that is not a column of this kind of file (`column` is the name as written). Refuses the file as a whole. Reason: `unknown column for a {0} file (expected {1})`. Params: {0} the kind: clients, projects or statements; {1} the columns of that kind, comma separated. */
  | 'UNKNOWN_COLUMN'
  /** Programmatic imports only (the CLI and the API check the kind first). Refuses the file as a whole. Reason: `unknown import kind {0}`. Params: {0} the kind given. */
  | 'UNKNOWN_IMPORT_KIND'
  /** A statement names a project external key that does not exist. Reason: `unknown project "{0}" (import projects first)`. Params: {0} the project external key as written (first 40 characters, then …). */
  | 'UNKNOWN_PROJECT'
  /** An enumeration value the column does not know (any case, English or Chinese labels are accepted). Reason: `unknown value "{0}" (expected {1})`. Params: {0} the value as written (first 40 characters, then …); {1} the accepted values, comma separated. */
  | 'UNKNOWN_VALUE'
  /** A quoted field is never closed; it runs to the end of the file (column `*`). Reason: `unterminated quoted field (a " opens a field that never closes)`. Params: none. */
  | 'UNTERMINATED_QUOTE'
  /** The row has more or fewer fields than the header (column `*`). Reason: `the row has {0} fields, the header has {1}`. Params: {0} fields in the row; {1} fields in the header. */
  | 'WRONG_FIELD_COUNT';

/** Outcome of an import. */
export type ImportStatus =
  /** Every row was valid and the file was merged. */
  | 'COMMITTED'
  /** allowPartial: the valid rows were merged, the others rejected. */
  | 'PARTIAL'
  /** The file had rejected rows and nothing was written (all-or-nothing). */
  | 'REJECTED';

/** Importance grade set by the loan division head (大型及重点项目 = key and large). */
export type ImportanceGrade =
  /** Key (重点) */
  | 'KEY'
  /** Large (大型) */
  | 'LARGE'
  /** Normal (一般) */
  | 'NORMAL';

/** Which projects a KPI covers. */
export type KpiScope = {
  /** Branch id (BRANCH), team id (TEAM) or staff id (CLIENT_MANAGER); ignored for other kinds. */
  id?: string | number | null | undefined;
  /** Importance grade (IMPORTANCE scope only). */
  importance?: ImportanceGrade | null | undefined;
  /** Kind of scope. */
  kind: ScopeKind;
  /** Sector (SECTOR scope only). */
  sector?: Sector | null | undefined;
};

/** Filters of the project list; all given conditions must hold. */
export type ProjectFilter = {
  /** Outstanding balance ≤ this. */
  balanceMax?: string | null | undefined;
  /** Outstanding balance ≥ this. */
  balanceMin?: string | null | undefined;
  /** Branch (分行). */
  branchId?: string | number | null | undefined;
  /** Any of these current classifications. */
  classification?: Array<Classification> | null | undefined;
  /** Client. */
  clientId?: string | number | null | undefined;
  /** Responsible client manager. */
  clientManagerId?: string | number | null | undefined;
  /** Any of these importance grades. */
  importance?: Array<ImportanceGrade> | null | undefined;
  /** Maturity date on or after this date. */
  maturityFrom?: string | null | undefined;
  /** Maturity date on or before this date. */
  maturityTo?: string | null | undefined;
  /** True: latest cash-flow statement has days overdue > 0; false: not overdue (or no statement). */
  overdue?: boolean | null | undefined;
  /** Case-insensitive substring of the project name or external key. */
  search?: string | null | undefined;
  /** Sector. */
  sector?: Sector | null | undefined;
  /** Any of these statuses (default: all). */
  status?: Array<ProjectStatus> | null | undefined;
  /** Team: projects whose client manager is a member of it. */
  teamId?: string | number | null | undefined;
};

/** Order of the project list; ties are broken by id in the same direction. */
export type ProjectOrder = {
  /** Direction. */
  direction: SortDirection;
  /** Sort field. */
  field: ProjectSortField;
};

/** Fields the project list can be ordered by. */
export type ProjectSortField =
  /** Outstanding balance. */
  | 'BALANCE'
  /** Risk classification by severity (normal first when ascending, loss last). */
  | 'CLASSIFICATION'
  /** Days overdue on the latest cash-flow statement (0 without statements). */
  | 'DAYS_OVERDUE'
  /** Project id. */
  | 'ID'
  /** Importance grade (key first when ascending, then large, then normal). */
  | 'IMPORTANCE'
  /** Maturity date. */
  | 'MATURITY_DATE'
  /** Project name. */
  | 'NAME'
  /** Start date. */
  | 'START_DATE'
  /** Last update time. */
  | 'UPDATED_AT';

/** Lifecycle status of a project. */
export type ProjectStatus =
  /** Active (存续) */
  | 'ACTIVE'
  /** Settled (已结清) */
  | 'SETTLED'
  /** Written off (已核销) */
  | 'WRITTEN_OFF';

/** The database a read-only request was answered from (docs/scaling.md, read replicas). */
export type ReadSource =
  /** The primary (DATABASE_URL): always without a read replica, for mutations, and for reads the replica cannot serve. */
  | 'PRIMARY'
  /** A streaming read replica (DATABASE_READ_URL), consistent with itself, at most the configured lag behind the primary. */
  | 'REPLICA';

/** Kind of KPI scope. A project belongs to a scope through its branch, client manager, team (the manager’s team), sector or importance grade; a statement through its project. */
export type ScopeKind =
  /** The whole bank (all projects). */
  | 'BANK'
  /** One branch (分行): projects booked in the branch. Needs `id`. */
  | 'BRANCH'
  /** One client manager (客户经理): projects they manage. Needs `id`. */
  | 'CLIENT_MANAGER'
  /** All projects of one importance grade. Needs `importance`. */
  | 'IMPORTANCE'
  /** All projects of one sector. Needs `sector`. */
  | 'SECTOR'
  /** One client-manager team: projects whose client manager is a member of the team. Needs `id`. */
  | 'TEAM';

/** Project type (sector); client-manager teams are formed by sector. */
export type Sector =
  /** Agriculture (农业) */
  | 'AGRICULTURE'
  /** Energy (能源) */
  | 'ENERGY'
  /** Other (其他) */
  | 'OTHER'
  /** Raw materials (原材料) */
  | 'RAW_MATERIALS'
  /** Telecom (通信) */
  | 'TELECOM'
  /** Transport (交通) */
  | 'TRANSPORT'
  /** Urban infrastructure (城市基础设施) */
  | 'URBAN_INFRASTRUCTURE';

/** Sort direction; ties are broken by id in the same direction. */
export type SortDirection =
  /** Ascending (smallest, earliest, A first). */
  | 'ASC'
  /** Descending (largest, latest, Z first). */
  | 'DESC';

/** Role of a staff member (domain.md section 2). */
export type StaffRole =
  /** Client manager assistant (客户经理助理) */
  | 'ASSISTANT'
  /** Back office (后台业务支持) */
  | 'BACK_OFFICE'
  /** Branch president (分行行长) */
  | 'BRANCH_PRESIDENT'
  /** Bureau director (局长) */
  | 'BUREAU_DIRECTOR'
  /** Bureau officer (局业务人员) */
  | 'BUREAU_OFFICER'
  /** Client manager (客户经理) */
  | 'CLIENT_MANAGER'
  /** Division head (处长) */
  | 'DIVISION_HEAD'
  /** HQ credit officer (总行信贷员) */
  | 'HQ_CREDIT_OFFICER'
  /** Loan division head (贷款处负责人) */
  | 'LOAN_DIVISION_HEAD'
  /** President (行长) */
  | 'PRESIDENT'
  /** Asset-restructuring specialist (资产重组专员) */
  | 'RESTRUCTURING_SPECIALIST'
  /** Secretary / clerk (秘书/文员) */
  | 'SECRETARY'
  /** Senior client manager (高级客户经理) */
  | 'SENIOR_CLIENT_MANAGER'
  /** Vice president (副行长) */
  | 'VICE_PRESIDENT';

/** Workload norm deviation band (工作量): workload ÷ norm above 1.5 is overloaded, below 0.5 underloaded, otherwise normal (both bounds are normal). */
export type WorkloadFlag =
  /** Normal (正常) */
  | 'NORMAL'
  /** Overloaded (超负荷) */
  | 'OVERLOADED'
  /** Underloaded (负荷不足) */
  | 'UNDERLOADED';

export type KpiFreshnessQueryVariables = Exact<{ [key: string]: never; }>;


export type KpiFreshnessQuery = { kpiFreshness: { refreshedAt: string | null, maintainedAt: string | null, stale: boolean, pendingChanges: number, generation: string, readFrom: ReadSource, replicaLagMs: number | null, readFromPrimaryBecause: string | null, figuresFrom: FigureSource, pendingMonths: Array<string> | null } };

export type BranchesQueryVariables = Exact<{ [key: string]: never; }>;


export type BranchesQuery = { branches: Array<{ id: string, code: string, name: string, nameZh: string, region: string | null, clientManagerCount: number, staffCount: number }> };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { username: string, displayName: string, role: AppRole, branch: { id: string, name: string, nameZh: string } | null, staff: { id: string } | null } | null };

export type SignInMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type SignInMutation = { signIn: { expiresAt: string, me: { username: string } } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type BranchInfoQueryVariables = Exact<{
  id: string | number;
}>;


export type BranchInfoQuery = { orgUnit: { id: string, code: string, name: string, nameZh: string, region: string | null, staffCount: number, clientManagerCount: number } };

export type BranchWorkloadsQueryVariables = Exact<{
  month?: string | null | undefined;
  branchId?: string | number | null | undefined;
  after?: string | null | undefined;
}>;


export type BranchWorkloadsQuery = { workloads: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, activeProjects: number, keyOrLargeProjects: number, balance: string, deviation: string, flag: WorkloadFlag, norm: string, staff: { id: string, name: string, role: StaffRole } }> } };

export type BranchRankingQueryVariables = Exact<{
  month?: string | null | undefined;
  branchId?: string | number | null | undefined;
  after?: string | null | undefined;
}>;


export type BranchRankingQuery = { clientManagerRanking: { count: number, rows: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, score: string, rank: number, branchRank: number, quartile: number, previousRank: number | null, rankChange: number | null, nplRatio: string, activeProjects: number, staff: { id: string, name: string, role: StaffRole, employeeNo: string }, branch: { id: string, name: string, nameZh: string } | null, team: { id: string, name: string, sector: Sector } | null, components: Array<{ component: ClientManagerScoreComponent, kpiValue: string | null, normalized: string, weight: string, contribution: string }> }> } } };

export type WatchListQueryVariables = Exact<{
  branchId: string | number;
}>;


export type WatchListQuery = { projects: { totalCount: number, nodes: Array<{ id: string, name: string, importance: ImportanceGrade, classification: Classification, balance: string, currency: Currency, sector: Sector, client: { id: string, name: string }, clientManager: { id: string, name: string } | null, lastStatement: { month: string, daysOverdue: number, submittedOn: string | null, submittedOnTime: boolean | null } | null }> } };

export type BranchChooserQueryVariables = Exact<{
  month?: string | null | undefined;
}>;


export type BranchChooserQuery = { branchScorecards: { month: string, rows: Array<{ rank: number, rankChange: number | null, score: string, met: boolean | null, planAttainment: string | null, branch: { id: string, code: string, name: string, nameZh: string }, nplRatio: { actual: string, target: string | null, gapBps: string | null, met: boolean | null }, recoveryRateYtd: { actual: string | null, target: string | null, gapPp: string | null, met: boolean | null } }> } };

export type BranchScorecardQueryVariables = Exact<{
  month?: string | null | undefined;
  branchId: string | number;
}>;


export type BranchScorecardQuery = { branchScorecards: { month: string, summary: { branches: number }, rows: Array<{ quartile: number, previousRank: number | null, repaidYtd: string, rank: number, rankChange: number | null, score: string, met: boolean | null, planAttainment: string | null, projection: { months: number, nplRatio: string | null, recoveryRateYtd: string | null }, components: Array<{ component: string, value: string | null, normalized: string, weight: string, contribution: string }>, branch: { id: string, code: string, name: string, nameZh: string }, nplRatio: { actual: string, target: string | null, gapBps: string | null, met: boolean | null }, recoveryRateYtd: { actual: string | null, target: string | null, gapPp: string | null, met: boolean | null } }> } };

export type ImportFileMutationVariables = Exact<{
  input: ImportFileInput;
}>;


export type ImportFileMutation = { importFile: { batchId: string, kind: ImportKind, committed: boolean, rowsIn: number, accepted: number, rejected: number, inserted: number, updated: number, unchanged: number, followUps: number, seconds: number, errorCount: number, errors: Array<{ line: number, column: string, code: ImportProblemCode, params: Array<string>, reason: string }> } };

export type ImportBatchesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ImportBatchesQuery = { importBatches: Array<{ id: string, kind: ImportKind, fileName: string, status: ImportStatus, rowsIn: number, accepted: number, rejected: number, inserted: number, updated: number, unchanged: number, source: string, importedBy: string | null, startedAt: string, finishedAt: string }> };

export type KpiFieldsFragment = { month: string, outstandingBalance: string, nplBalance: string, nplRatio: string, recoveryRate: string | null, recoveryPlanAttainment: string | null, downgradeRate: string | null, reportTimeliness: string | null, contactCoverage: string | null, activeProjects: number };

export type OverviewKpiQueryVariables = Exact<{
  scope: KpiScope;
  month?: string | null | undefined;
}>;


export type OverviewKpiQuery = { kpi: { month: string, outstandingBalance: string, nplBalance: string, nplRatio: string, recoveryRate: string | null, recoveryPlanAttainment: string | null, downgradeRate: string | null, reportTimeliness: string | null, contactCoverage: string | null, activeProjects: number, scope: { name: string }, classificationMix: Array<{ classification: Classification, balance: string, projectCount: number, share: string }>, previousMonth: { month: string, outstandingBalance: string, nplBalance: string, nplRatio: string, recoveryRate: string | null, recoveryPlanAttainment: string | null, downgradeRate: string | null, reportTimeliness: string | null, contactCoverage: string | null, activeProjects: number } | null, sameMonthLastYear: { month: string, outstandingBalance: string, nplBalance: string, nplRatio: string, recoveryRate: string | null, recoveryPlanAttainment: string | null, downgradeRate: string | null, reportTimeliness: string | null, contactCoverage: string | null, activeProjects: number } | null }, ytd: { month: string, recoveryRate: string | null, recoveryPlanAttainment: string | null, reportTimeliness: string | null } };

export type KpiTrendQueryVariables = Exact<{
  scope: KpiScope;
  from: string;
  to: string;
}>;


export type KpiTrendQuery = { kpiSeries: Array<{ month: string, nplRatio: string, recoveryRate: string | null, outstandingBalance: string, classificationMix: Array<{ classification: Classification, balance: string, projectCount: number, share: string }> }> };

export type ScorecardRowFragment = { rank: number, rankChange: number | null, score: string, met: boolean | null, planAttainment: string | null, branch: { id: string, code: string, name: string, nameZh: string }, nplRatio: { actual: string, target: string | null, gapBps: string | null, met: boolean | null }, recoveryRateYtd: { actual: string | null, target: string | null, gapPp: string | null, met: boolean | null } };

export type OverviewScorecardsQueryVariables = Exact<{
  month?: string | null | undefined;
  selected?: Array<string | number> | string | number | null | undefined;
}>;


export type OverviewScorecardsQuery = { branchScorecards: { month: string, summary: { branches: number, withTarget: number, met: number, missed: number, nplMet: number, nplMissed: number, recoveryMet: number, recoveryMissed: number }, nplWorst: Array<{ rank: number, rankChange: number | null, score: string, met: boolean | null, planAttainment: string | null, branch: { id: string, code: string, name: string, nameZh: string }, nplRatio: { actual: string, target: string | null, gapBps: string | null, met: boolean | null }, recoveryRateYtd: { actual: string | null, target: string | null, gapPp: string | null, met: boolean | null } }>, recoveryWorst: Array<{ rank: number, rankChange: number | null, score: string, met: boolean | null, planAttainment: string | null, branch: { id: string, code: string, name: string, nameZh: string }, nplRatio: { actual: string, target: string | null, gapBps: string | null, met: boolean | null }, recoveryRateYtd: { actual: string | null, target: string | null, gapPp: string | null, met: boolean | null } }>, attainmentLowest: Array<{ rank: number, rankChange: number | null, score: string, met: boolean | null, planAttainment: string | null, branch: { id: string, code: string, name: string, nameZh: string }, nplRatio: { actual: string, target: string | null, gapBps: string | null, met: boolean | null }, recoveryRateYtd: { actual: string | null, target: string | null, gapPp: string | null, met: boolean | null } }>, selected: Array<{ rank: number, rankChange: number | null, score: string, met: boolean | null, planAttainment: string | null, branch: { id: string, code: string, name: string, nameZh: string }, nplRatio: { actual: string, target: string | null, gapBps: string | null, met: boolean | null }, recoveryRateYtd: { actual: string | null, target: string | null, gapPp: string | null, met: boolean | null } }> } };

export type BranchRankingCardQueryVariables = Exact<{
  month?: string | null | undefined;
}>;


export type BranchRankingCardQuery = { branchScorecards: { month: string, weightVersion: { version: number } | null, summary: { branches: number }, top: Array<{ rank: number, rankChange: number | null, score: string, met: boolean | null, planAttainment: string | null, branch: { id: string, code: string, name: string, nameZh: string }, nplRatio: { actual: string, target: string | null, gapBps: string | null, met: boolean | null }, recoveryRateYtd: { actual: string | null, target: string | null, gapPp: string | null, met: boolean | null } }>, bottom: Array<{ rank: number, rankChange: number | null, score: string, met: boolean | null, planAttainment: string | null, branch: { id: string, code: string, name: string, nameZh: string }, nplRatio: { actual: string, target: string | null, gapBps: string | null, met: boolean | null }, recoveryRateYtd: { actual: string | null, target: string | null, gapPp: string | null, met: boolean | null } }> } };

export type BranchScorecardsAllQueryVariables = Exact<{
  month?: string | null | undefined;
}>;


export type BranchScorecardsAllQuery = { branchScorecards: { month: string, rows: Array<{ rank: number, rankChange: number | null, score: string, met: boolean | null, planAttainment: string | null, branch: { id: string, code: string, name: string, nameZh: string }, nplRatio: { actual: string, target: string | null, gapBps: string | null, met: boolean | null }, recoveryRateYtd: { actual: string | null, target: string | null, gapPp: string | null, met: boolean | null } }> } };

export type ClientRowFragment = { id: string, name: string, clientType: string | null, industry: string | null, companyNature: CompanyNature, source: string | null, annualRevenue: string | null, inPool: boolean, createdAt: string, updatedAt: string, lastContactOn: string | null, owner: { id: string, name: string } | null, branch: { id: string, name: string, nameZh: string } | null };

export type ProjectRowFragment = { id: string, name: string, sector: Sector, importance: ImportanceGrade, classification: Classification, status: ProjectStatus, currency: Currency, approvedAmount: string, balance: string, startDate: string, maturityDate: string, client: { id: string, name: string }, branch: { id: string, name: string, nameZh: string }, clientManager: { id: string, name: string } | null, lastStatement: { month: string, daysOverdue: number } | null };

export type ClientsQueryVariables = Exact<{
  filter?: ClientFilter | null | undefined;
  view?: ClientView | null | undefined;
  orderBy?: ClientOrder | null | undefined;
  asStaffId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ClientsQuery = { clients: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, clientType: string | null, industry: string | null, companyNature: CompanyNature, source: string | null, annualRevenue: string | null, inPool: boolean, createdAt: string, updatedAt: string, lastContactOn: string | null, owner: { id: string, name: string } | null, branch: { id: string, name: string, nameZh: string } | null }> } };

export type ProjectsQueryVariables = Exact<{
  filter?: ProjectFilter | null | undefined;
  orderBy?: ProjectOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProjectsQuery = { projects: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, sector: Sector, importance: ImportanceGrade, classification: Classification, status: ProjectStatus, currency: Currency, approvedAmount: string, balance: string, startDate: string, maturityDate: string, client: { id: string, name: string }, branch: { id: string, name: string, nameZh: string }, clientManager: { id: string, name: string } | null, lastStatement: { month: string, daysOverdue: number } | null }> } };

export type ClientsExportQueryVariables = Exact<{
  filter?: ClientFilter | null | undefined;
  view?: ClientView | null | undefined;
  orderBy?: ClientOrder | null | undefined;
  asStaffId?: string | number | null | undefined;
  after?: string | null | undefined;
}>;


export type ClientsExportQuery = { clients: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, clientType: string | null, industry: string | null, companyNature: CompanyNature, source: string | null, annualRevenue: string | null, inPool: boolean, createdAt: string, updatedAt: string, lastContactOn: string | null, owner: { id: string, name: string } | null, branch: { id: string, name: string, nameZh: string } | null }> } };

export type ProjectsExportQueryVariables = Exact<{
  filter?: ProjectFilter | null | undefined;
  orderBy?: ProjectOrder | null | undefined;
  after?: string | null | undefined;
}>;


export type ProjectsExportQuery = { projects: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, sector: Sector, importance: ImportanceGrade, classification: Classification, status: ProjectStatus, currency: Currency, approvedAmount: string, balance: string, startDate: string, maturityDate: string, client: { id: string, name: string }, branch: { id: string, name: string, nameZh: string }, clientManager: { id: string, name: string } | null, lastStatement: { month: string, daysOverdue: number } | null }> } };

export type ClientManagerRankingQueryVariables = Exact<{
  month?: string | null | undefined;
  branchId?: string | number | null | undefined;
  teamId?: string | number | null | undefined;
  role?: StaffRole | null | undefined;
  after?: string | null | undefined;
}>;


export type ClientManagerRankingQuery = { clientManagerRanking: { month: string, count: number, norm: string, weightVersion: { id: string, version: number }, distribution: { mean: string | null, median: string | null, buckets: Array<{ from: number, to: number, count: number }>, topDecile: { count: number, threshold: string | null }, bottomDecile: { count: number, threshold: string | null } }, rows: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, score: string, rank: number, branchRank: number, quartile: number, previousRank: number | null, rankChange: number | null, nplRatio: string, activeProjects: number, staff: { id: string, name: string, role: StaffRole, employeeNo: string }, branch: { id: string, name: string, nameZh: string } | null, team: { id: string, name: string, sector: Sector } | null, components: Array<{ component: ClientManagerScoreComponent, kpiValue: string | null, normalized: string, weight: string, contribution: string }> }> } } };

export type RankingRowFragment = { id: string, score: string, rank: number, branchRank: number, quartile: number, previousRank: number | null, rankChange: number | null, nplRatio: string, activeProjects: number, staff: { id: string, name: string, role: StaffRole, employeeNo: string }, branch: { id: string, name: string, nameZh: string } | null, team: { id: string, name: string, sector: Sector } | null, components: Array<{ component: ClientManagerScoreComponent, kpiValue: string | null, normalized: string, weight: string, contribution: string }> };

export type BranchTeamsQueryVariables = Exact<{
  id: string | number;
}>;


export type BranchTeamsQuery = { orgUnit: { id: string, teams: Array<{ id: string, name: string, sector: Sector, memberCount: number }> } };

export type StaffingPlanQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffingPlanQuery = { staffingPlan: { changeFrom: string | null, changeTo: string | null, scenarios: Array<{ id: string, name: string, nameZh: string | null, projectCount: number, hqBureauTotal: number, hqCreditOfficers: number, branchClientManagers: number, clientManagersTotal: number, loanManagementStaffTotal: number, projectsPerClientManager: string | null }>, rows: Array<{ key: string, label: string, labelZh: string, values: Array<string | null>, change: string | null }> } };

export type StaffingWhatIfQueryVariables = Exact<{
  norm?: string | null | undefined;
  month?: string | null | undefined;
}>;


export type StaffingWhatIfQuery = { staffingWhatIf: { month: string, norm: string, totalActiveProjects: number, totalActualClientManagers: number, totalRequiredClientManagers: number, rows: Array<{ activeProjects: number, actualClientManagers: number, requiredClientManagers: number, gap: number, projectsPerClientManager: string | null, branch: { id: string, name: string, nameZh: string } }> } };

export const KpiFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiSnapshot"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"nplBalance"}},{"kind":"Field","name":{"kind":"Name","value":"nplRatio"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRate"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryPlanAttainment"}},{"kind":"Field","name":{"kind":"Name","value":"downgradeRate"}},{"kind":"Field","name":{"kind":"Name","value":"reportTimeliness"}},{"kind":"Field","name":{"kind":"Name","value":"contactCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"activeProjects"}}]}}]} as unknown as DocumentNode<KpiFieldsFragment, unknown>;
export const ScorecardRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScorecardRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BranchScorecard"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"rankChange"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"planAttainment"}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nplRatio"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"gapBps"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRateYtd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"gapPp"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]}}]} as unknown as DocumentNode<ScorecardRowFragment, unknown>;
export const ClientRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"companyNature"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"annualRevenue"}},{"kind":"Field","name":{"kind":"Name","value":"inPool"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactOn"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}}]}}]} as unknown as DocumentNode<ClientRowFragment, unknown>;
export const ProjectRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Project"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"importance"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"maturityDate"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientManager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastStatement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"daysOverdue"}}]}}]}}]} as unknown as DocumentNode<ProjectRowFragment, unknown>;
export const RankingRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RankingRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RankedClientManager"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"branchRank"}},{"kind":"Field","name":{"kind":"Name","value":"quartile"}},{"kind":"Field","name":{"kind":"Name","value":"previousRank"}},{"kind":"Field","name":{"kind":"Name","value":"rankChange"}},{"kind":"Field","name":{"kind":"Name","value":"nplRatio"}},{"kind":"Field","name":{"kind":"Name","value":"activeProjects"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"employeeNo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sector"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"kpiValue"}},{"kind":"Field","name":{"kind":"Name","value":"normalized"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}}]}}]}}]} as unknown as DocumentNode<RankingRowFragment, unknown>;
export const KpiFreshnessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KpiFreshness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kpiFreshness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshedAt"}},{"kind":"Field","name":{"kind":"Name","value":"maintainedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"pendingChanges"}},{"kind":"Field","name":{"kind":"Name","value":"generation"}},{"kind":"Field","name":{"kind":"Name","value":"readFrom"}},{"kind":"Field","name":{"kind":"Name","value":"replicaLagMs"}},{"kind":"Field","name":{"kind":"Name","value":"readFromPrimaryBecause"}},{"kind":"Field","name":{"kind":"Name","value":"figuresFrom"}},{"kind":"Field","name":{"kind":"Name","value":"pendingMonths"}}]}}]}}]} as unknown as DocumentNode<KpiFreshnessQuery, KpiFreshnessQueryVariables>;
export const BranchesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Branches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"branches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"clientManagerCount"}},{"kind":"Field","name":{"kind":"Name","value":"staffCount"}}]}}]}}]} as unknown as DocumentNode<BranchesQuery, BranchesQueryVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const BranchInfoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BranchInfo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"staffCount"}},{"kind":"Field","name":{"kind":"Name","value":"clientManagerCount"}}]}}]}}]} as unknown as DocumentNode<BranchInfoQuery, BranchInfoQueryVariables>;
export const BranchWorkloadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BranchWorkloads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"branchId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workloads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}},{"kind":"Argument","name":{"kind":"Name","value":"branchId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"branchId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activeProjects"}},{"kind":"Field","name":{"kind":"Name","value":"keyOrLargeProjects"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"deviation"}},{"kind":"Field","name":{"kind":"Name","value":"flag"}},{"kind":"Field","name":{"kind":"Name","value":"norm"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BranchWorkloadsQuery, BranchWorkloadsQueryVariables>;
export const BranchRankingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BranchRanking"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"branchId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientManagerRanking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}},{"kind":"Argument","name":{"kind":"Name","value":"branchId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"branchId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"250"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RankingRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RankingRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RankedClientManager"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"branchRank"}},{"kind":"Field","name":{"kind":"Name","value":"quartile"}},{"kind":"Field","name":{"kind":"Name","value":"previousRank"}},{"kind":"Field","name":{"kind":"Name","value":"rankChange"}},{"kind":"Field","name":{"kind":"Name","value":"nplRatio"}},{"kind":"Field","name":{"kind":"Name","value":"activeProjects"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"employeeNo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sector"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"kpiValue"}},{"kind":"Field","name":{"kind":"Name","value":"normalized"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}}]}}]}}]} as unknown as DocumentNode<BranchRankingQuery, BranchRankingQueryVariables>;
export const WatchListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WatchList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"branchId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"branchId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"branchId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"importance"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"KEY"},{"kind":"EnumValue","value":"LARGE"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ACTIVE"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"CLASSIFICATION"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"importance"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientManager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastStatement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"daysOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"submittedOn"}},{"kind":"Field","name":{"kind":"Name","value":"submittedOnTime"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WatchListQuery, WatchListQueryVariables>;
export const BranchChooserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BranchChooser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"branchScorecards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScorecardRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScorecardRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BranchScorecard"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"rankChange"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"planAttainment"}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nplRatio"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"gapBps"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRateYtd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"gapPp"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]}}]} as unknown as DocumentNode<BranchChooserQuery, BranchChooserQueryVariables>;
export const BranchScorecardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BranchScorecard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"branchId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"branchScorecards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"branches"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"branchIds"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"branchId"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScorecardRow"}},{"kind":"Field","name":{"kind":"Name","value":"quartile"}},{"kind":"Field","name":{"kind":"Name","value":"previousRank"}},{"kind":"Field","name":{"kind":"Name","value":"repaidYtd"}},{"kind":"Field","name":{"kind":"Name","value":"projection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"nplRatio"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRateYtd"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"normalized"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScorecardRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BranchScorecard"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"rankChange"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"planAttainment"}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nplRatio"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"gapBps"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRateYtd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"gapPp"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]}}]} as unknown as DocumentNode<BranchScorecardQuery, BranchScorecardQueryVariables>;
export const ImportFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportFileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"batchId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"committed"}},{"kind":"Field","name":{"kind":"Name","value":"rowsIn"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"followUps"}},{"kind":"Field","name":{"kind":"Name","value":"seconds"}},{"kind":"Field","name":{"kind":"Name","value":"errorCount"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"params"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<ImportFileMutation, ImportFileMutationVariables>;
export const ImportBatchesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImportBatches"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importBatches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowsIn"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"importedBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}}]} as unknown as DocumentNode<ImportBatchesQuery, ImportBatchesQueryVariables>;
export const OverviewKpiDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewKpi"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"KpiScope"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kpi"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiFields"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"classificationMix"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"projectCount"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousMonth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sameMonthLastYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiFields"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"ytd"},"name":{"kind":"Name","value":"kpi"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}},{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"EnumValue","value":"YEAR_TO_DATE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRate"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryPlanAttainment"}},{"kind":"Field","name":{"kind":"Name","value":"reportTimeliness"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiSnapshot"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"nplBalance"}},{"kind":"Field","name":{"kind":"Name","value":"nplRatio"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRate"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryPlanAttainment"}},{"kind":"Field","name":{"kind":"Name","value":"downgradeRate"}},{"kind":"Field","name":{"kind":"Name","value":"reportTimeliness"}},{"kind":"Field","name":{"kind":"Name","value":"contactCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"activeProjects"}}]}}]} as unknown as DocumentNode<OverviewKpiQuery, OverviewKpiQueryVariables>;
export const KpiTrendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KpiTrend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"KpiScope"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kpiSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"nplRatio"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRate"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"classificationMix"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"projectCount"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}}]}}]}}]} as unknown as DocumentNode<KpiTrendQuery, KpiTrendQueryVariables>;
export const OverviewScorecardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewScorecards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"selected"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"branchScorecards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"branches"}},{"kind":"Field","name":{"kind":"Name","value":"withTarget"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"missed"}},{"kind":"Field","name":{"kind":"Name","value":"nplMet"}},{"kind":"Field","name":{"kind":"Name","value":"nplMissed"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryMet"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryMissed"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"nplWorst"},"name":{"kind":"Name","value":"rows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"30"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"NPL_GAP"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScorecardRow"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"recoveryWorst"},"name":{"kind":"Name","value":"rows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"30"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"RECOVERY_GAP"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScorecardRow"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"attainmentLowest"},"name":{"kind":"Name","value":"rows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"30"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"PLAN_ATTAINMENT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScorecardRow"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"selected"},"name":{"kind":"Name","value":"rows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"branchIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"selected"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScorecardRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScorecardRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BranchScorecard"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"rankChange"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"planAttainment"}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nplRatio"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"gapBps"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRateYtd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"gapPp"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]}}]} as unknown as DocumentNode<OverviewScorecardsQuery, OverviewScorecardsQueryVariables>;
export const BranchRankingCardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BranchRankingCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"branchScorecards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"weightVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"branches"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"top"},"name":{"kind":"Name","value":"rows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"15"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScorecardRow"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"bottom"},"name":{"kind":"Name","value":"rows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"15"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"RANK"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScorecardRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScorecardRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BranchScorecard"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"rankChange"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"planAttainment"}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nplRatio"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"gapBps"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRateYtd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"gapPp"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]}}]} as unknown as DocumentNode<BranchRankingCardQuery, BranchRankingCardQueryVariables>;
export const BranchScorecardsAllDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BranchScorecardsAll"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"branchScorecards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScorecardRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScorecardRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BranchScorecard"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"rankChange"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"planAttainment"}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nplRatio"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"gapBps"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRateYtd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"gapPp"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]}}]} as unknown as DocumentNode<BranchScorecardsAllQuery, BranchScorecardsAllQueryVariables>;
export const ClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Clients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"view"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientView"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asStaffId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"view"},"value":{"kind":"Variable","name":{"kind":"Name","value":"view"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"asStaffId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asStaffId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"companyNature"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"annualRevenue"}},{"kind":"Field","name":{"kind":"Name","value":"inPool"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactOn"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}}]}}]} as unknown as DocumentNode<ClientsQuery, ClientsQueryVariables>;
export const ProjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Projects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProjectRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Project"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"importance"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"maturityDate"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientManager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastStatement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"daysOverdue"}}]}}]}}]} as unknown as DocumentNode<ProjectsQuery, ProjectsQueryVariables>;
export const ClientsExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientsExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"view"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientView"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asStaffId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"view"},"value":{"kind":"Variable","name":{"kind":"Name","value":"view"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"asStaffId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asStaffId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"companyNature"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"annualRevenue"}},{"kind":"Field","name":{"kind":"Name","value":"inPool"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactOn"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}}]}}]} as unknown as DocumentNode<ClientsExportQuery, ClientsExportQueryVariables>;
export const ProjectsExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectsExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProjectRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Project"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"importance"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"maturityDate"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientManager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastStatement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"daysOverdue"}}]}}]}}]} as unknown as DocumentNode<ProjectsExportQuery, ProjectsExportQueryVariables>;
export const ClientManagerRankingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientManagerRanking"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"branchId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StaffRole"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientManagerRanking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}},{"kind":"Argument","name":{"kind":"Name","value":"branchId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"branchId"}}},{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"300"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"norm"}},{"kind":"Field","name":{"kind":"Name","value":"weightVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"distribution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topDecile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bottomDecile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RankingRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RankingRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RankedClientManager"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"branchRank"}},{"kind":"Field","name":{"kind":"Name","value":"quartile"}},{"kind":"Field","name":{"kind":"Name","value":"previousRank"}},{"kind":"Field","name":{"kind":"Name","value":"rankChange"}},{"kind":"Field","name":{"kind":"Name","value":"nplRatio"}},{"kind":"Field","name":{"kind":"Name","value":"activeProjects"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"employeeNo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sector"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"kpiValue"}},{"kind":"Field","name":{"kind":"Name","value":"normalized"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}}]}}]}}]} as unknown as DocumentNode<ClientManagerRankingQuery, ClientManagerRankingQueryVariables>;
export const BranchTeamsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BranchTeams"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}}]}}]} as unknown as DocumentNode<BranchTeamsQuery, BranchTeamsQueryVariables>;
export const StaffingPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaffingPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffingPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeFrom"}},{"kind":"Field","name":{"kind":"Name","value":"changeTo"}},{"kind":"Field","name":{"kind":"Name","value":"scenarios"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"projectCount"}},{"kind":"Field","name":{"kind":"Name","value":"hqBureauTotal"}},{"kind":"Field","name":{"kind":"Name","value":"hqCreditOfficers"}},{"kind":"Field","name":{"kind":"Name","value":"branchClientManagers"}},{"kind":"Field","name":{"kind":"Name","value":"clientManagersTotal"}},{"kind":"Field","name":{"kind":"Name","value":"loanManagementStaffTotal"}},{"kind":"Field","name":{"kind":"Name","value":"projectsPerClientManager"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"labelZh"}},{"kind":"Field","name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"change"}}]}}]}}]}}]} as unknown as DocumentNode<StaffingPlanQuery, StaffingPlanQueryVariables>;
export const StaffingWhatIfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaffingWhatIf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"norm"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Decimal"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffingWhatIf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"norm"},"value":{"kind":"Variable","name":{"kind":"Name","value":"norm"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"norm"}},{"kind":"Field","name":{"kind":"Name","value":"totalActiveProjects"}},{"kind":"Field","name":{"kind":"Name","value":"totalActualClientManagers"}},{"kind":"Field","name":{"kind":"Name","value":"totalRequiredClientManagers"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"branch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeProjects"}},{"kind":"Field","name":{"kind":"Name","value":"actualClientManagers"}},{"kind":"Field","name":{"kind":"Name","value":"requiredClientManagers"}},{"kind":"Field","name":{"kind":"Name","value":"gap"}},{"kind":"Field","name":{"kind":"Name","value":"projectsPerClientManager"}}]}}]}}]}}]} as unknown as DocumentNode<StaffingWhatIfQuery, StaffingWhatIfQueryVariables>;