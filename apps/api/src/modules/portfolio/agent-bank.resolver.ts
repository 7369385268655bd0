import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import type { Row } from './portfolio.types.js';
import { badInput } from '../../common/errors.js';
import type { ConnectionShape } from '../../common/pagination.js';
import { orgLoaders } from '../organization/organization.loaders.js';
import { StaffType } from '../organization/organization.types.js';
import { AgentBankRepository } from './agent-bank.repository.js';
import { UpcomingRepaymentsArgs } from './portfolio.inputs.js';
import { portfolioLoaders } from './portfolio.loaders.js';
import {
  AgentBankEvaluationType,
  ClientType,
  ContactType,
  ProjectType,
  SettlementAgentBankType,
  UpcomingRepaymentConnection,
  UpcomingRepaymentType,
} from './portfolio.types.js';
import { dataScope } from '../auth/data-scope.js';

@Resolver(() => SettlementAgentBankType)
export class SettlementAgentBankResolver {
  @Query(() => [SettlementAgentBankType], { description: 'All settlement agent banks (结算经办行), by name.' })
  settlementAgentBanks(@Ctx() ctx: Context): Promise<SettlementAgentBankType[]> {
    return new AgentBankRepository(ctx.em, dataScope(ctx.viewer)).all();
  }

  @FieldResolver(() => [AgentBankEvaluationType], {
    description: 'Quarterly evaluations (timeliness and accuracy of fund transfers), newest first.',
  })
  async evaluations(
    @Root() b: Row<SettlementAgentBankType>,
    @Ctx() ctx: Context,
    @Arg('last', () => Int, { nullable: true, description: 'Only the latest N quarters (default: all).' }) last: number | null,
  ): Promise<AgentBankEvaluationType[]> {
    if (last != null && last < 1) throw badInput('last', 'must be at least 1');
    return (
      (await portfolioLoaders(ctx)
        .evaluations(last ?? null)
        .load(b.id)) ?? []
    );
  }

  @FieldResolver(() => Int, { description: 'Number of active projects settled through this bank.' })
  async projectCount(@Root() b: Row<SettlementAgentBankType>, @Ctx() ctx: Context): Promise<number> {
    return (await portfolioLoaders(ctx).agentBankProjectCount.load(b.id)) ?? 0;
  }
}

@Resolver(() => AgentBankEvaluationType)
export class AgentBankEvaluationResolver {
  @FieldResolver(() => StaffType, { nullable: true, description: 'Who evaluated (client management division).' })
  evaluatedBy(@Root() e: Row<AgentBankEvaluationType>, @Ctx() ctx: Context): Promise<StaffType | null> | null {
    return e.evaluatedById === null ? null : orgLoaders(ctx).staff.load(e.evaluatedById);
  }
}

@Resolver(() => UpcomingRepaymentType)
export class UpcomingRepaymentResolver {
  @Query(() => UpcomingRepaymentConnection, {
    description: [
      'Repayments falling due in the next `days` days (today through today + days, business dates in Asia/Shanghai), for routine payment-date letters to clients.',
      'Product rule: interest falls due on the 20th of every month, principal too on the 20th of March, June, September and December.',
      'One row per active project and due date in the window (due dates after the maturity date are left out).',
      "Expected interest = the latest cash-flow statement's interest due; expected principal (quarter months only) = the latest non-zero principal due, capped at the outstanding balance.",
      'Amounts are exact decimals computed in SQL. Ordered by due date, then project id.',
    ].join(' '),
  })
  upcomingRepayments(@Args() args: UpcomingRepaymentsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<UpcomingRepaymentType>> {
    return new AgentBankRepository(ctx.em, dataScope(ctx.viewer)).upcoming(args);
  }

  @FieldResolver(() => ProjectType, { description: 'Project (loan).' })
  async project(@Root() r: Row<UpcomingRepaymentType>, @Ctx() ctx: Context): Promise<ProjectType> {
    return (await portfolioLoaders(ctx).project.load(r.projectId))!;
  }

  @FieldResolver(() => ClientType, { description: 'Client to write to.' })
  async client(@Root() r: Row<UpcomingRepaymentType>, @Ctx() ctx: Context): Promise<ClientType> {
    return (await portfolioLoaders(ctx).client.load(r.clientId))!;
  }

  @FieldResolver(() => [ContactType], { description: 'Contact persons of the client (addressees of the letter).' })
  async contacts(@Root() r: Row<UpcomingRepaymentType>, @Ctx() ctx: Context): Promise<ContactType[]> {
    return (await portfolioLoaders(ctx).contacts.load(r.clientId)) ?? [];
  }

  @FieldResolver(() => StaffType, { nullable: true, description: 'Responsible client manager.' })
  clientManager(@Root() r: Row<UpcomingRepaymentType>, @Ctx() ctx: Context): Promise<StaffType | null> | null {
    return r.managerId === null ? null : orgLoaders(ctx).staff.load(r.managerId);
  }
}
