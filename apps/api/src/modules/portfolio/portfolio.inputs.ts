import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import type {
  Classification,
  CompanyNature,
  ContactKind,
  ImportanceGrade,
  ProjectStatus,
  RestructuringStatus,
  Sector,
} from '@loan-desk/domain';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/pagination.js';
import { DateScalar, DecimalScalar, MonthScalar } from '../../common/scalars.js';
import {
  ClassificationEnum,
  CompanyNatureEnum,
  ContactKindEnum,
  ImportanceGradeEnum,
  ProjectStatusEnum,
  RestructuringStatusEnum,
  SectorEnum,
} from '../organization/organization.enums.js';
import { ClientSortField, ClientView, ProjectSortField, SortDirection } from './portfolio.enums.js';

/**
 * Same GraphQL arguments as the common `PageArgs`, but without class-validator decorators: the
 * size is checked by `pageSize()`, whose error names `first`. (type-graphql's
 * ArgumentValidationError already carries code BAD_USER_INPUT, so `formatError` passes it on
 * without the field name; see the report to the lead.)
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Opaque cursor: return the rows after this one (`pageInfo.endCursor` of the previous page).',
  })
  after?: string;
}

@InputType('ClientFilter', { description: 'Filters of the client list; all given conditions must hold.' })
export class ClientFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the client name or its external key.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Industry (exact).' })
  industry?: string | null;

  @Field(() => CompanyNatureEnum, { nullable: true, description: 'Company nature.' })
  companyNature?: CompanyNature | null;

  @Field(() => String, { nullable: true, description: 'Source (exact).' })
  source?: string | null;

  @Field(() => ID, { nullable: true, description: 'Responsible client manager (负责人).' })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Branch (分行).' })
  branchId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only clients in the client pool (no owner); false: only clients with an owner.',
  })
  inPool?: boolean | null;
}

@InputType('ClientOrder', { description: 'Order of the client list; ties are broken by id.' })
export class ClientOrder {
  @Field(() => ClientSortField, { description: 'Sort field.' })
  field!: ClientSortField;

  @Field(() => SortDirection, { description: 'Direction.' })
  direction!: SortDirection;
}

@ArgsType()
export class ClientsArgs extends PageArgs {
  @Field(() => ClientFilter, { nullable: true, description: 'Filters.' })
  filter?: ClientFilter | null;

  @Field(() => ClientView, {
    nullable: true,
    defaultValue: ClientView.ALL,
    description: 'Standard view (default ALL); combined with the filter.',
  })
  view?: ClientView | null;

  @Field(() => ClientOrder, {
    nullable: true,
    description: 'Order (default: by id ascending; RECENTLY_UPDATED defaults to updatedAt descending).',
  })
  orderBy?: ClientOrder | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Whose clients the MINE view lists; defaults to the signed-in person (required when the account is not linked to a staff member).',
  })
  asStaffId?: string | null;
}

@InputType('ProjectFilter', { description: 'Filters of the project list; all given conditions must hold.' })
export class ProjectFilter {
  @Field(() => ID, { nullable: true, description: 'Branch (分行).' })
  branchId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Responsible client manager.' })
  clientManagerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Team: projects whose client manager is a member of it.' })
  teamId?: string | null;

  @Field(() => SectorEnum, { nullable: true, description: 'Sector.' })
  sector?: Sector | null;

  @Field(() => [ClassificationEnum], { nullable: true, description: 'Any of these current classifications.' })
  classification?: Classification[] | null;

  @Field(() => [ImportanceGradeEnum], { nullable: true, description: 'Any of these importance grades.' })
  importance?: ImportanceGrade[] | null;

  @Field(() => [ProjectStatusEnum], { nullable: true, description: 'Any of these statuses (default: all).' })
  status?: ProjectStatus[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Outstanding balance ≥ this.' })
  balanceMin?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Outstanding balance ≤ this.' })
  balanceMax?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Maturity date on or after this date.' })
  maturityFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Maturity date on or before this date.' })
  maturityTo?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: latest cash-flow statement has days overdue > 0; false: not overdue (or no statement).',
  })
  overdue?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Client.' })
  clientId?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the project name or external key.' })
  search?: string | null;
}

@InputType('ProjectOrder', { description: 'Order of the project list; ties are broken by id in the same direction.' })
export class ProjectOrder {
  @Field(() => ProjectSortField, { description: 'Sort field.' })
  field!: ProjectSortField;

  @Field(() => SortDirection, { description: 'Direction.' })
  direction!: SortDirection;
}

@ArgsType()
export class ProjectsArgs extends PageArgs {
  @Field(() => ProjectFilter, { nullable: true, description: 'Filters.' })
  filter?: ProjectFilter | null;

  @Field(() => ProjectOrder, { nullable: true, description: 'Order (default: by id ascending).' })
  orderBy?: ProjectOrder | null;
}

@ArgsType()
export class StatementsArgs extends PageArgs {
  @Field(() => MonthScalar, { nullable: true, description: 'First month (inclusive).' })
  from?: string | null;

  @Field(() => MonthScalar, { nullable: true, description: 'Last month (inclusive).' })
  to?: string | null;
}

@ArgsType()
export class RestructuringCasesArgs extends PageArgs {
  @Field(() => RestructuringStatusEnum, { nullable: true, description: 'Only cases with this status.' })
  status?: RestructuringStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only cases of projects of this branch.' })
  branchId?: string | null;
}

@ArgsType()
export class UpcomingRepaymentsArgs extends PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 30, description: 'Window in days from today (inclusive), 1–366.' })
  days?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only projects of this branch.' })
  branchId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only projects of this client manager.' })
  clientManagerId?: string | null;
}

@InputType('ReassignProjectItem', { description: 'One project to reassign, with the version the caller read.' })
export class ReassignProjectItem {
  @Field(() => ID, { description: 'Project id.' })
  projectId!: string;

  @Field(() => Int, { description: 'The project `version` the caller read; the change is refused with CONFLICT when it changed since.' })
  expectedVersion!: number;
}

@InputType('ReassignProjectsInput', {
  description: `Reassign one or many projects (up to ${MAX_PAGE_SIZE}) to a client manager of their branch.`,
})
export class ReassignProjectsInput {
  @Field(() => [ReassignProjectItem], { description: `Projects to reassign, 1–${MAX_PAGE_SIZE}, each at most once.` })
  items!: ReassignProjectItem[];

  @Field(() => ID, { description: "The new client manager: an active (senior) client manager of the projects' branch." })
  toClientManagerId!: string;

  @Field({ description: 'Why (recorded in the assignment history); must not be blank.' })
  reason!: string;
}

@InputType('LogClientContactInput', { description: 'A client contact to log (客户访谈及电话联络).' })
export class LogClientContactInput {
  @Field(() => ID, { description: 'Client.' })
  clientId!: string;

  @Field(() => ID, { description: 'Staff member who made the contact.' })
  staffId!: string;

  @Field(() => ContactKindEnum, { description: 'Kind of contact.' })
  kind!: ContactKind;

  @Field(() => DateScalar, { description: 'Date of the contact: not in the future, not before 2000-01-01.' })
  contactedOn!: string;

  @Field(() => String, { nullable: true, description: 'Notes, at most 2000 characters.' })
  notes?: string | null;
}

@InputType('SubmitStatementInput', { description: 'A monthly cash-flow statement (月度现金流表) to file for an active project.' })
export class SubmitStatementInput {
  @Field(() => ID, { description: 'Project (must be active).' })
  projectId!: string;

  @Field(() => MonthScalar, { description: 'Month covered; not in the future; one statement per project and month.' })
  month!: string;

  @Field(() => DecimalScalar, { description: 'Outstanding balance at month end, ≥ 0.' })
  balance!: string;

  @Field(() => DecimalScalar, { description: 'Principal due in the month, ≥ 0.' })
  principalDue!: string;

  @Field(() => DecimalScalar, { description: 'Interest due in the month, ≥ 0.' })
  interestDue!: string;

  @Field(() => DecimalScalar, { description: 'Principal repaid in the month, ≥ 0.' })
  principalRepaid!: string;

  @Field(() => DecimalScalar, { description: 'Interest repaid in the month, ≥ 0.' })
  interestRepaid!: string;

  @Field(() => ClassificationEnum, { description: 'Classification at month end.' })
  classification!: Classification;

  @Field(() => Int, { description: 'Days overdue at month end, ≥ 0.' })
  daysOverdue!: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Submission date (default: today); not in the future, not before the first day of the month.',
  })
  submittedOn?: string | null;
}
