import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { pageSize, type ConnectionShape } from '../../common/pagination.js';
import { DateScalar } from '../../common/scalars.js';
import { orgLoaders } from '../organization/organization.loaders.js';
import { OrgUnitType, StaffType } from '../organization/organization.types.js';
import { ClientRepository } from './client.repository.js';
import { ClientsArgs } from './portfolio.inputs.js';
import { portfolioLoaders } from './portfolio.loaders.js';
import { toId } from './portfolio.sql.js';
import { ClientConnection, ClientContactLogType, ClientType, ContactType, ProjectType } from './portfolio.types.js';
import { dataScope } from '../auth/data-scope.js';

@Resolver(() => ClientType)
export class ClientResolver {
  @Query(() => ClientConnection, {
    description:
      'Clients (客户): filters, standard views (all, mine, created today / this week / this month, recently updated, pool), keyset-paginated.',
  })
  clients(@Args() args: ClientsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<ClientType>> {
    return new ClientRepository(ctx.em, dataScope(ctx.viewer)).list(args, ctx.viewer?.staffId ?? null);
  }

  @Query(() => ClientType, { nullable: true, description: 'One client by id; null when there is none.' })
  client(@Arg('id', () => ID, { description: 'Client id.' }) id: string, @Ctx() ctx: Context): Promise<ClientType | null> {
    return portfolioLoaders(ctx).client.load(toId(id, 'id'));
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'Branch (分行) the client belongs to.' })
  branch(@Root() c: ClientType, @Ctx() ctx: Context): Promise<OrgUnitType | null> | null {
    return c.branchId === null ? null : orgLoaders(ctx).unit.load(c.branchId);
  }

  @FieldResolver(() => StaffType, {
    nullable: true,
    description: 'Responsible client manager (负责人); null when the client is in the pool.',
  })
  owner(@Root() c: ClientType, @Ctx() ctx: Context): Promise<StaffType | null> | null {
    return c.ownerId === null ? null : orgLoaders(ctx).staff.load(c.ownerId);
  }

  @FieldResolver(() => [ContactType], { description: 'Contact persons (联系人).' })
  async contacts(@Root() c: ClientType, @Ctx() ctx: Context): Promise<ContactType[]> {
    return (await portfolioLoaders(ctx).contacts.load(c.id)) ?? [];
  }

  @FieldResolver(() => [ProjectType], { description: 'All projects (loans) of the client, by id.' })
  async projects(@Root() c: ClientType, @Ctx() ctx: Context): Promise<ProjectType[]> {
    return (await portfolioLoaders(ctx).projectsOfClient.load(c.id)) ?? [];
  }

  @FieldResolver(() => [ClientContactLogType], { description: 'The most recent logged contacts (visits, calls, meetings), newest first.' })
  async contactLog(
    @Root() c: ClientType,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many, 1–500 (default 10).' }) first: number,
  ): Promise<ClientContactLogType[]> {
    return (await portfolioLoaders(ctx).contactLog(pageSize(first)).load(c.id)) ?? [];
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'Date of the latest logged contact; null when none.' })
  lastContactOn(@Root() c: ClientType, @Ctx() ctx: Context): Promise<string | null> {
    return portfolioLoaders(ctx).lastContactOn.load(c.id);
  }
}

@Resolver(() => ClientContactLogType)
export class ClientContactLogResolver {
  @FieldResolver(() => ClientType, { description: 'Client contacted.' })
  async client(@Root() l: ClientContactLogType, @Ctx() ctx: Context): Promise<ClientType> {
    return (await portfolioLoaders(ctx).client.load(l.clientId))!;
  }

  @FieldResolver(() => StaffType, { description: 'Staff member who made the contact.' })
  async staff(@Root() l: ClientContactLogType, @Ctx() ctx: Context): Promise<StaffType> {
    return (await orgLoaders(ctx).staff.load(l.staffId))!;
  }
}
