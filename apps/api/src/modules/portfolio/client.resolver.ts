import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import type { Row } from './portfolio.types.js';
import { connectionRowFields, subfieldNames } from '../../common/lookahead.js';
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
import { clientRelations } from './portfolio.prefetch.js';

/**
 * Rows from the `clients` list carry the selected columns only, plus the ids these field resolvers
 * use (CLIENT_KEYS in client.repository.ts): a field resolver listed in CLIENT_RESOLVED there must
 * read nothing else of its row.
 */
@Resolver(() => ClientType)
export class ClientResolver {
  @Query(() => ClientConnection, {
    description:
      'Clients (客户): filters, standard views (all, mine, created today / this week / this month, recently updated, pool), keyset-paginated.',
  })
  clients(
    @Args() args: ClientsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<ClientType>> {
    // The page reads only what the operation selects on its rows, relations included (no second
    // round trip of DataLoader queries): see ClientRepository.list.
    const rows = connectionRowFields(info);
    const owner = rows.get('owner');
    return new ClientRepository(ctx.em, dataScope(ctx.viewer)).list(args, ctx.viewer?.staffId ?? null, {
      fields: new Set([...rows.keys()].filter((f) => f !== '__typename')),
      owner: owner && subfieldNames(owner, info.fragments),
      lastContactOn: rows.has('lastContactOn'),
    });
  }

  @Query(() => ClientType, { nullable: true, description: 'One client by id; null when there is none.' })
  client(@Arg('id', () => ID, { description: 'Client id.' }) id: string, @Ctx() ctx: Context): Promise<ClientType | null> {
    return portfolioLoaders(ctx).client.load(toId(id, 'id'));
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'Branch (分行) the client belongs to.' })
  branch(@Root() c: Row<ClientType>, @Ctx() ctx: Context): Promise<OrgUnitType | null> | null {
    return c.branchId === null ? null : orgLoaders(ctx).unit.load(c.branchId);
  }

  @FieldResolver(() => StaffType, {
    nullable: true,
    description: 'Responsible client manager (负责人); null when the client is in the pool.',
  })
  owner(@Root() c: Row<ClientType>, @Ctx() ctx: Context): Promise<StaffType | null> | StaffType | null {
    if (c.ownerId === null) return null;
    // Read with the row by the client list when selected there (portfolio.prefetch.ts); same value.
    const pre = clientRelations(c)?.owner;
    return pre !== undefined ? pre : orgLoaders(ctx).staff.load(c.ownerId);
  }

  @FieldResolver(() => [ContactType], { description: 'Contact persons (联系人).' })
  async contacts(@Root() c: Row<ClientType>, @Ctx() ctx: Context): Promise<ContactType[]> {
    return (await portfolioLoaders(ctx).contacts.load(c.id)) ?? [];
  }

  @FieldResolver(() => [ProjectType], { description: 'All projects (loans) of the client, by id.' })
  async projects(@Root() c: Row<ClientType>, @Ctx() ctx: Context): Promise<ProjectType[]> {
    return (await portfolioLoaders(ctx).projectsOfClient.load(c.id)) ?? [];
  }

  @FieldResolver(() => [ClientContactLogType], { description: 'The most recent logged contacts (visits, calls, meetings), newest first.' })
  async contactLog(
    @Root() c: Row<ClientType>,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many, 1–500 (default 10).' }) first: number,
  ): Promise<ClientContactLogType[]> {
    return (await portfolioLoaders(ctx).contactLog(pageSize(first)).load(c.id)) ?? [];
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'Date of the latest logged contact; null when none.' })
  lastContactOn(@Root() c: Row<ClientType>, @Ctx() ctx: Context): Promise<string | null> | string | null {
    const pre = clientRelations(c)?.lastContactOn;
    return pre !== undefined ? pre : portfolioLoaders(ctx).lastContactOn.load(c.id);
  }
}

@Resolver(() => ClientContactLogType)
export class ClientContactLogResolver {
  @FieldResolver(() => ClientType, { description: 'Client contacted.' })
  async client(@Root() l: Row<ClientContactLogType>, @Ctx() ctx: Context): Promise<ClientType> {
    return (await portfolioLoaders(ctx).client.load(l.clientId))!;
  }

  @FieldResolver(() => StaffType, { description: 'Staff member who made the contact.' })
  async staff(@Root() l: Row<ClientContactLogType>, @Ctx() ctx: Context): Promise<StaffType> {
    return (await orgLoaders(ctx).staff.load(l.staffId))!;
  }
}
