import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { LogClientContactInput, ReassignProjectsInput, SubmitStatementInput } from './portfolio.inputs.js';
import { PortfolioService } from './portfolio.service.js';
import { CashFlowStatementType, ClientContactLogType, ClientType, ProjectType } from './portfolio.types.js';

@Resolver()
export class PortfolioMutationResolver {
  @Authorized('hq_planner', 'branch_head')
  @Mutation(() => [ProjectType], {
    description:
      'Reassign one or many projects (up to 500) to an active client manager of their branch, with optimistic concurrency: any project whose version differs from `expectedVersion` refuses the whole batch (CONFLICT). Writes one assignment history row per project (assigned by the signed-in person when the account is linked to one). Returns the updated projects in input order.',
  })
  reassignProjects(
    @Arg('input', () => ReassignProjectsInput, { description: 'Projects, target client manager and reason.' }) input: ReassignProjectsInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectType[]> {
    return new PortfolioService(ctx.em, ctx.viewer).reassignProjects(input);
  }

  @Authorized('hq_planner', 'branch_head')
  @Mutation(() => ClientType, {
    description:
      'Move a client to the client pool (客户池): it no longer has a responsible client manager. Allowed while it has active projects (their client managers stay). CONFLICT when it is already in the pool.',
  })
  moveClientToPool(
    @Arg('clientId', () => ID, { description: 'Client.' }) clientId: string,
    @Arg('reason', () => String, {
      nullable: true,
      description: 'Why (at most 2000 characters; not stored yet: an audit log comes with sign-in).',
    })
    reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<ClientType> {
    return new PortfolioService(ctx.em, ctx.viewer).moveClientToPool(clientId, reason);
  }

  @Authorized('hq_planner', 'branch_head')
  @Mutation(() => ClientType, {
    description:
      "Take a client from the client pool and give it a responsible client manager (an active client manager of the client's branch). CONFLICT when the client is not in the pool.",
  })
  assignClientFromPool(
    @Arg('clientId', () => ID, { description: 'Client (must be in the pool).' }) clientId: string,
    @Arg('ownerId', () => ID, { description: 'New responsible client manager.' }) ownerId: string,
    @Ctx() ctx: Context,
  ): Promise<ClientType> {
    return new PortfolioService(ctx.em, ctx.viewer).assignClientFromPool(clientId, ownerId);
  }

  @Authorized('hq_planner', 'branch_head', 'client_manager')
  @Mutation(() => ClientContactLogType, { description: 'Log a client contact (visit, call or meeting).' })
  logClientContact(
    @Arg('input', () => LogClientContactInput, { description: 'The contact.' }) input: LogClientContactInput,
    @Ctx() ctx: Context,
  ): Promise<ClientContactLogType> {
    return new PortfolioService(ctx.em, ctx.viewer).logClientContact(input);
  }

  @Authorized('hq_planner', 'branch_head', 'client_manager')
  @Mutation(() => CashFlowStatementType, {
    description:
      "File a monthly cash-flow statement (月度现金流表) for an active project. One per project and month (CONFLICT otherwise). When it is the project's latest month, the project's balance and classification follow it.",
  })
  submitStatement(
    @Arg('input', () => SubmitStatementInput, { description: 'The statement.' }) input: SubmitStatementInput,
    @Ctx() ctx: Context,
  ): Promise<CashFlowStatementType> {
    return new PortfolioService(ctx.em, ctx.viewer).submitStatement(input);
  }
}
