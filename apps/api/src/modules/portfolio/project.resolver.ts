import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import type { Row } from './portfolio.types.js';
import { connectionRowFields, subfieldNames } from '../../common/lookahead.js';
import type { ConnectionShape } from '../../common/pagination.js';
import { orgLoaders } from '../organization/organization.loaders.js';
import { OrgUnitType, StaffType, TeamType } from '../organization/organization.types.js';
import { ProjectsArgs, RestructuringCasesArgs, StatementsArgs } from './portfolio.inputs.js';
import { portfolioLoaders } from './portfolio.loaders.js';
import { toId } from './portfolio.sql.js';
import {
  AssignmentType,
  CashFlowStatementConnection,
  CashFlowStatementType,
  ClientType,
  ProjectConnection,
  ProjectType,
  RestructuringCaseConnection,
  RestructuringCaseType,
  SettlementAgentBankType,
} from './portfolio.types.js';
import { ProjectRepository } from './project.repository.js';
import { dataScope } from '../auth/data-scope.js';
import { projectRelations, type FieldSelection } from './portfolio.prefetch.js';

/**
 * Rows from the `projects` list carry the selected columns only, plus the ids these field resolvers
 * use (PROJECT_KEYS in project.repository.ts): a field resolver listed in PROJECT_RESOLVED there must
 * read nothing else of its row.
 */
@Resolver(() => ProjectType)
export class ProjectResolver {
  @Query(() => ProjectConnection, {
    description: 'Projects (项目 / 贷款): filters, a fixed set of sort fields (ties broken by id), keyset-paginated.',
  })
  projects(
    @Args() args: ProjectsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<ProjectType>> {
    // The page reads only what the operation selects on its rows, relations included (no second
    // round trip of DataLoader queries): see ProjectRepository.list.
    const rows = connectionRowFields(info);
    const on = (field: string): FieldSelection | undefined => {
      const nodes = rows.get(field);
      return nodes && subfieldNames(nodes, info.fragments);
    };
    return new ProjectRepository(ctx.em, dataScope(ctx.viewer)).list(args, {
      fields: new Set([...rows.keys()].filter((f) => f !== '__typename')),
      client: on('client'),
      // `team` reads the manager's team id, which is not a field.
      clientManager: rows.has('team') ? 'all' : on('clientManager'),
      lastStatement: on('lastStatement'),
    });
  }

  @Query(() => ProjectType, { nullable: true, description: 'One project by id; null when there is none.' })
  project(@Arg('id', () => ID, { description: 'Project id.' }) id: string, @Ctx() ctx: Context): Promise<ProjectType | null> {
    return portfolioLoaders(ctx).project.load(toId(id, 'id'));
  }

  // Fields that a list may have read with the row (portfolio.prefetch.ts) answer synchronously from
  // it; otherwise their DataLoader batches them. Both give the same value.
  @FieldResolver(() => ClientType, { description: 'Client (borrower).' })
  client(@Root() p: Row<ProjectType>, @Ctx() ctx: Context): ClientType | Promise<ClientType> {
    const pre = projectRelations(p)?.client;
    if (pre !== undefined) return pre!;
    return portfolioLoaders(ctx).client.load(p.clientId).then((c) => c!);
  }

  @FieldResolver(() => OrgUnitType, { description: 'Branch (分行) holding the project.' })
  async branch(@Root() p: Row<ProjectType>, @Ctx() ctx: Context): Promise<OrgUnitType> {
    return (await orgLoaders(ctx).unit.load(p.branchId))!;
  }

  @FieldResolver(() => StaffType, { nullable: true, description: 'Responsible client manager (客户经理).' })
  clientManager(@Root() p: Row<ProjectType>, @Ctx() ctx: Context): Promise<StaffType | null> | StaffType | null {
    if (p.managerId === null) return null;
    const pre = projectRelations(p)?.clientManager;
    return pre !== undefined ? pre : orgLoaders(ctx).staff.load(p.managerId);
  }

  @FieldResolver(() => StaffType, { nullable: true, description: 'Client manager assistant (客户经理助理), if any.' })
  assistant(@Root() p: Row<ProjectType>, @Ctx() ctx: Context): Promise<StaffType | null> | null {
    return p.assistantId === null ? null : orgLoaders(ctx).staff.load(p.assistantId);
  }

  @FieldResolver(() => TeamType, { nullable: true, description: 'Sector team of the responsible client manager.' })
  async team(@Root() p: Row<ProjectType>, @Ctx() ctx: Context): Promise<TeamType | null> {
    if (p.managerId === null) return null;
    // The list reads the whole manager row when `team` is selected (its team id is not a field).
    const pre = projectRelations(p)?.clientManager;
    const m = pre === null || (pre !== undefined && 'teamId' in pre) ? pre : await orgLoaders(ctx).staff.load(p.managerId);
    return m?.teamId == null ? null : orgLoaders(ctx).team.load(m.teamId);
  }

  @FieldResolver(() => SettlementAgentBankType, { nullable: true, description: 'Settlement agent bank (结算经办行).' })
  agentBank(@Root() p: Row<ProjectType>, @Ctx() ctx: Context): Promise<SettlementAgentBankType | null> | null {
    return p.agentBankId === null ? null : portfolioLoaders(ctx).agentBank.load(p.agentBankId);
  }

  @FieldResolver(() => CashFlowStatementType, {
    nullable: true,
    description: 'The latest monthly cash-flow statement; null when none was filed.',
  })
  lastStatement(@Root() p: Row<ProjectType>, @Ctx() ctx: Context): Promise<CashFlowStatementType | null> | CashFlowStatementType | null {
    const pre = projectRelations(p)?.lastStatement;
    return pre !== undefined ? pre : portfolioLoaders(ctx).lastStatement.load(p.id);
  }

  @FieldResolver(() => CashFlowStatementConnection, { description: 'Monthly cash-flow statements (月度现金流表), newest first.' })
  async statements(
    @Root() p: Row<ProjectType>,
    @Args() args: StatementsArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<CashFlowStatementType>> {
    return (await portfolioLoaders(ctx).statements(args).load(p.id))!;
  }

  @FieldResolver(() => [AssignmentType], { description: 'Assignment history (changes of client manager), newest first.' })
  async assignments(@Root() p: Row<ProjectType>, @Ctx() ctx: Context): Promise<AssignmentType[]> {
    return (await portfolioLoaders(ctx).assignments.load(p.id)) ?? [];
  }

  @FieldResolver(() => [RestructuringCaseType], { description: 'Asset-restructuring cases of the project, newest first.' })
  async restructuringCases(@Root() p: Row<ProjectType>, @Ctx() ctx: Context): Promise<RestructuringCaseType[]> {
    return (await portfolioLoaders(ctx).cases.load(p.id)) ?? [];
  }
}

@Resolver(() => CashFlowStatementType)
export class CashFlowStatementResolver {
  @FieldResolver(() => ProjectType, { description: 'Project the statement belongs to.' })
  async project(@Root() s: Row<CashFlowStatementType>, @Ctx() ctx: Context): Promise<ProjectType> {
    return (await portfolioLoaders(ctx).project.load(s.projectId))!;
  }
}

@Resolver(() => AssignmentType)
export class AssignmentResolver {
  @FieldResolver(() => ProjectType, { description: 'Project reassigned.' })
  async project(@Root() a: Row<AssignmentType>, @Ctx() ctx: Context): Promise<ProjectType> {
    return (await portfolioLoaders(ctx).project.load(a.projectId))!;
  }

  @FieldResolver(() => StaffType, { nullable: true, description: 'Previous client manager; null when the project had none.' })
  fromClientManager(@Root() a: Row<AssignmentType>, @Ctx() ctx: Context): Promise<StaffType | null> | null {
    return a.fromStaffId === null ? null : orgLoaders(ctx).staff.load(a.fromStaffId);
  }

  @FieldResolver(() => StaffType, { nullable: true, description: 'New client manager.' })
  toClientManager(@Root() a: Row<AssignmentType>, @Ctx() ctx: Context): Promise<StaffType | null> | null {
    return a.toStaffId === null ? null : orgLoaders(ctx).staff.load(a.toStaffId);
  }

  @FieldResolver(() => StaffType, {
    nullable: true,
    description: 'Who made the change (loan division head); null when unknown (the account was not linked to a staff member).',
  })
  assignedBy(@Root() a: Row<AssignmentType>, @Ctx() ctx: Context): Promise<StaffType | null> | null {
    return a.assignedById === null ? null : orgLoaders(ctx).staff.load(a.assignedById);
  }
}

@Resolver(() => RestructuringCaseType)
export class RestructuringCaseResolver {
  @Query(() => RestructuringCaseConnection, { description: 'Asset-restructuring cases (不良资产化解), newest opened first.' })
  restructuringCases(@Args() args: RestructuringCasesArgs, @Ctx() ctx: Context): Promise<ConnectionShape<RestructuringCaseType>> {
    return new ProjectRepository(ctx.em, dataScope(ctx.viewer)).restructuringCases(args);
  }

  @FieldResolver(() => ProjectType, { description: 'The non-performing project.' })
  async project(@Root() c: Row<RestructuringCaseType>, @Ctx() ctx: Context): Promise<ProjectType> {
    return (await portfolioLoaders(ctx).project.load(c.projectId))!;
  }

  @FieldResolver(() => StaffType, { nullable: true, description: 'Asset-restructuring specialist in charge.' })
  specialist(@Root() c: Row<RestructuringCaseType>, @Ctx() ctx: Context): Promise<StaffType | null> | null {
    return c.specialistId === null ? null : orgLoaders(ctx).staff.load(c.specialistId);
  }
}
