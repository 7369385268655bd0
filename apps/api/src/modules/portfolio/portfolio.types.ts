import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type {
  Classification,
  CompanyNature,
  ContactKind,
  Currency,
  ImportanceGrade,
  ProjectStatus,
  RestructuringStatus,
  Sector,
} from '@loan-desk/domain';
import { DateScalar, DecimalScalar, MonthScalar } from '../../common/scalars.js';
import { Connection } from '../../common/pagination.js';
import {
  ClassificationEnum,
  CompanyNatureEnum,
  ContactKindEnum,
  CurrencyEnum,
  ImportanceGradeEnum,
  ProjectStatusEnum,
  RestructuringStatusEnum,
  SectorEnum,
} from '../organization/organization.enums.js';

// Timestamps use graphql-scalars' `DateTime` (RFC 3339 / ISO 8601 date-time strings, e.g.
// "2026-11-29T01:00:00.000Z", always UTC on output); business dates use `Date` (YYYY-MM-DD).

@ObjectType('Client', {
  description: 'A client / borrower (客户 / 借款人). Without a responsible client manager it sits in the client pool (客户池).',
})
export class ClientType {
  @Field(() => ID, { description: 'Client id.' })
  id!: number;

  @Field(() => String, { nullable: true, description: 'Key in the source system (e.g. core banking), unique.' })
  externalKey!: string | null;

  @Field({ description: 'Client name (at most 50 characters).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Client type (e.g. corporate).' })
  clientType!: string | null;

  @Field(() => String, { nullable: true, description: 'Industry.' })
  industry!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the client came from (referral, migration, …).' })
  source!: string | null;

  @Field(() => CompanyNatureEnum, { description: 'Ownership nature of the company.' })
  companyNature!: CompanyNature;

  @Field(() => DecimalScalar, { nullable: true, description: 'Annual revenue, exact decimal.' })
  annualRevenue!: string | null;

  @Field(() => String, { nullable: true, description: 'Address.' })
  address!: string | null;

  @Field({ description: 'True when the client sits in the client pool (客户池): no responsible client manager.' })
  inPool!: boolean;

  @Field(() => DateTimeResolver, { description: 'When the client was created (ISO 8601 date-time, UTC).' })
  createdAt!: string;

  @Field(() => DateTimeResolver, { description: 'When the client was last updated (ISO 8601 date-time, UTC).' })
  updatedAt!: string;

  branchId!: number | null;
  ownerId!: number | null;
}

@ObjectType('Contact', { description: 'A contact person at a client (联系人).' })
export class ContactType {
  @Field(() => ID, { description: 'Contact id.' })
  id!: number;

  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email!: string | null;

  clientId!: number;
}

@ObjectType('ClientContactLog', { description: 'A logged client contact (客户访谈及电话联络): visit, call or meeting by a staff member.' })
export class ClientContactLogType {
  @Field(() => ID, { description: 'Log entry id.' })
  id!: number;

  @Field(() => ContactKindEnum, { description: 'Kind of contact.' })
  kind!: ContactKind;

  @Field(() => DateScalar, { description: 'Date of the contact.' })
  contactedOn!: string;

  @Field(() => String, { nullable: true, description: 'Notes (at most 2000 characters).' })
  notes!: string | null;

  @Field(() => DateTimeResolver, { description: 'When the entry was logged.' })
  createdAt!: string;

  clientId!: number;
  staffId!: number;
}

@ObjectType('Project', { description: 'A loan project (项目 / 贷款).' })
export class ProjectType {
  @Field(() => ID, { description: 'Project id.' })
  id!: number;

  @Field(() => String, { nullable: true, description: 'Key in the source system, unique.' })
  externalKey!: string | null;

  @Field({ description: 'Project name.' })
  name!: string;

  @Field(() => SectorEnum, { description: 'Sector (project type).' })
  sector!: Sector;

  @Field(() => DecimalScalar, { description: 'Approved amount.' })
  approvedAmount!: string;

  @Field(() => DecimalScalar, { description: 'Disbursed amount.' })
  disbursedAmount!: string;

  @Field(() => DecimalScalar, { description: 'Outstanding balance (kept in step with the latest cash-flow statement).' })
  balance!: string;

  @Field(() => CurrencyEnum, { description: 'Currency.' })
  currency!: Currency;

  @Field(() => DateScalar, { description: 'Start date.' })
  startDate!: string;

  @Field(() => DateScalar, { description: 'Maturity date.' })
  maturityDate!: string;

  @Field(() => ProjectStatusEnum, { description: 'Lifecycle status.' })
  status!: ProjectStatus;

  @Field(() => ImportanceGradeEnum, { description: 'Importance grade (key / large / normal).' })
  importance!: ImportanceGrade;

  @Field(() => ClassificationEnum, { description: 'Current five-tier risk classification (五级分类).' })
  classification!: Classification;

  @Field(() => Int, { description: 'Version for optimistic concurrency: send it back as `expectedVersion` when changing the project.' })
  version!: number;

  @Field(() => DateTimeResolver, { description: 'When the project was created.' })
  createdAt!: string;

  @Field(() => DateTimeResolver, { description: 'When the project was last updated.' })
  updatedAt!: string;

  clientId!: number;
  branchId!: number;
  managerId!: number | null;
  assistantId!: number | null;
  agentBankId!: number | null;
}

@ObjectType('CashFlowStatement', { description: 'Monthly cash-flow statement (月度现金流表) of one project for one month.' })
export class CashFlowStatementType {
  @Field(() => MonthScalar, { description: 'Month the statement covers.' })
  month!: string;

  @Field(() => DecimalScalar, { description: 'Outstanding balance at month end.' })
  balance!: string;

  @Field(() => DecimalScalar, { description: 'Principal due in the month.' })
  principalDue!: string;

  @Field(() => DecimalScalar, { description: 'Interest due in the month.' })
  interestDue!: string;

  @Field(() => DecimalScalar, { description: 'Principal repaid in the month.' })
  principalRepaid!: string;

  @Field(() => DecimalScalar, { description: 'Interest repaid in the month.' })
  interestRepaid!: string;

  @Field(() => ClassificationEnum, { description: 'Classification at month end.' })
  classification!: Classification;

  @Field(() => Int, { description: 'Days overdue at month end.' })
  daysOverdue!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Date the statement was submitted; null when not yet submitted.' })
  submittedOn!: string | null;

  @Field(() => DateScalar, { description: 'Submission due date: the 10th of the following month (product rule).' })
  dueDate!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when submitted on or before the due date; false when submitted late, or not submitted and already overdue; null when not submitted and not yet due.',
  })
  submittedOnTime!: boolean | null;

  projectId!: number;
}

@ObjectType('Assignment', { description: "One change of a project's client manager (assignment history)." })
export class AssignmentType {
  @Field(() => ID, { description: 'Assignment id.' })
  id!: number;

  @Field(() => DateTimeResolver, { description: 'When the change was made.' })
  assignedAt!: string;

  @Field({ description: 'Why the project was reassigned.' })
  reason!: string;

  projectId!: number;
  fromStaffId!: number | null;
  toStaffId!: number | null;
  assignedById!: number | null;
}

@ObjectType('RestructuringCase', { description: 'A non-performing project handed to an asset-restructuring specialist (不良资产化解).' })
export class RestructuringCaseType {
  @Field(() => ID, { description: 'Case id.' })
  id!: number;

  @Field(() => RestructuringStatusEnum, { description: 'Case status.' })
  status!: RestructuringStatus;

  @Field(() => DateScalar, { description: 'Date the case was opened.' })
  openedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date the case was closed; null while open.' })
  closedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  notes!: string | null;

  projectId!: number;
  specialistId!: number | null;
}

@ObjectType('SettlementAgentBank', { description: 'A settlement agent bank (结算经办行) that transfers loan funds.' })
export class SettlementAgentBankType {
  @Field(() => ID, { description: 'Agent bank id.' })
  id!: number;

  @Field({ description: 'English name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Chinese name.' })
  nameZh!: string | null;

  @Field(() => String, { nullable: true, description: 'City.' })
  city!: string | null;
}

@ObjectType('AgentBankEvaluation', {
  description: 'Quarterly evaluation of a settlement agent bank: timeliness and accuracy of fund transfers.',
})
export class AgentBankEvaluationType {
  @Field(() => MonthScalar, { description: 'First month of the quarter evaluated (YYYY-01, -04, -07 or -10).' })
  quarter!: string;

  @Field(() => DecimalScalar, { description: 'Timeliness score, 0–100.' })
  timelinessScore!: string;

  @Field(() => DecimalScalar, { description: 'Accuracy score, 0–100.' })
  accuracyScore!: string;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  notes!: string | null;

  agentBankId!: number;
  evaluatedById!: number | null;
}

@ObjectType('UpcomingRepayment', {
  description: 'One repayment falling due for an active project (for payment-date letters to clients, 还款提示函).',
})
export class UpcomingRepaymentType {
  @Field(() => ID, { description: 'Row id: `<projectId>:<dueDate>`.' })
  id!: string;

  @Field(() => DateScalar, { description: 'Payment date: the 20th of the month.' })
  dueDate!: string;

  @Field({ description: 'True when principal falls due too (quarter months: March, June, September, December).' })
  quarterEnd!: boolean;

  @Field(() => DecimalScalar, { description: 'Expected interest: the interest due on the latest cash-flow statement.' })
  expectedInterest!: string;

  @Field(() => DecimalScalar, {
    description:
      'Expected principal: in quarter months the latest non-zero principal due (capped at the outstanding balance), otherwise 0.',
  })
  expectedPrincipal!: string;

  @Field(() => DecimalScalar, { description: 'Expected interest + expected principal.' })
  expectedTotal!: string;

  @Field(() => CurrencyEnum, { description: 'Currency of the amounts.' })
  currency!: Currency;

  @Field(() => MonthScalar, {
    nullable: true,
    description: 'Month of the latest statement the amounts are based on; null when the project has no statement yet (amounts are then 0).',
  })
  basedOnMonth!: string | null;

  projectId!: number;
  clientId!: number;
  managerId!: number | null;
}

/**
 * The `@Root()` parameter type of this module's field resolvers: a row as the repositories return it
 * (a plain object with the class's fields), only read. Not the class itself: for a class, type-graphql
 * copies the row into a new instance of it for every resolved field of every row; for this type
 * (emitted as `Object` in the decorator metadata) it passes the row as it is.
 */
export type Row<T> = Readonly<T>;

export const ClientConnection = Connection(ClientType, 'Client', 'client');
export const ProjectConnection = Connection(ProjectType, 'Project', 'project');
export const CashFlowStatementConnection = Connection(CashFlowStatementType, 'CashFlowStatement', 'cash-flow statement');
export const RestructuringCaseConnection = Connection(RestructuringCaseType, 'RestructuringCase', 'restructuring case');
export const UpcomingRepaymentConnection = Connection(UpcomingRepaymentType, 'UpcomingRepayment', 'upcoming repayment');
