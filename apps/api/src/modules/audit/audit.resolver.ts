import { Args, ArgsType, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { Context } from '../../context.js';
import { Connection, PageArgs, decodeCursor, pageSize, toConnection } from '../../common/pagination.js';
import { sql } from '../../common/sql.js';
import { badInput } from '../../common/errors.js';
import { DateScalar } from '../../common/scalars.js';

@ObjectType('AuditEntry', { description: 'One recorded change or sign-in: who, when, what, and the values before and after. The trail is append-only.' })
export class AuditEntryType {
  @Field(() => ID, { description: 'Entry id (increasing).' })
  id!: string;

  @Field({ description: 'When it happened (ISO date-time).' })
  at!: string;

  @Field(() => String, { nullable: true, description: 'Who did it (null for a failed sign-in by an unknown name).' })
  username!: string | null;

  @Field({ description: 'What was done, e.g. `target.set`, `project.reassign`, `auth.sign_in`.' })
  action!: string;

  @Field({ description: 'Kind of record changed, e.g. `branch_target`, `project`.' })
  entity!: string;

  @Field(() => String, { nullable: true, description: 'Id of the record changed.' })
  entityId!: string | null;

  @Field(() => JSONResolver, { nullable: true, description: 'Values before the change (null when created).' })
  before!: unknown;

  @Field(() => JSONResolver, { nullable: true, description: 'Values after the change (null when deleted).' })
  after!: unknown;
}

export const AuditEntryConnection = Connection(AuditEntryType, 'AuditEntry', 'audit entry');

@ArgsType()
class AuditTrailArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only this kind of record, e.g. `project`.' })
  entity?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this record id (with `entity`).' })
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only actions starting with this prefix, e.g. `auth.`.' })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'Only changes by this username.' })
  username?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'From this date (inclusive, UTC).' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'To this date (inclusive, UTC).' })
  to?: string | null;
}

@Resolver()
export class AuditResolver {
  @Authorized('hq_planner')
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first (HQ planners). Nobody can change it through the API.' })
  async auditTrail(@Args(() => AuditTrailArgs) args: AuditTrailArgs, @Ctx() ctx: Context): Promise<InstanceType<typeof AuditEntryConnection>> {
    const first = pageSize(args.first);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (cond: string, value: unknown): void => {
      where.push(cond);
      params.push(value);
    };
    if (args.entity) add('entity = ?', args.entity);
    if (args.entityId) add('entity_id = ?', args.entityId);
    if (args.action) add("action LIKE ? || '%'", args.action.replace(/[%_]/g, ''));
    if (args.username) add('username = ?', args.username);
    if (args.from) add('at >= ?::date', args.from);
    if (args.to) add('at < ?::date + 1', args.to);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const cursor = decodeCursor(args.after, 1);
    if (cursor && !/^\d+$/.test(String(cursor[0]))) throw badInput('after', 'is not a cursor from this list');
    const page = cursor ? `${filter ? `${filter} AND` : 'WHERE'} id < ?` : filter;
    const rows = await sql<{ id: string; at: Date; username: string | null; action: string; entity: string; entityId: string | null; before: unknown; after: unknown }>(ctx.em,
      `SELECT id::text, at, username, action, entity, entity_id AS "entityId", before, after FROM audit_log ${page} ORDER BY id DESC LIMIT ?`,
      [...params, ...(cursor ? [String(cursor[0])] : []), first + 1]);
    const [count] = await sql<{ n: number }>(ctx.em, `SELECT count(*)::int AS n FROM audit_log ${filter}`, params);
    return toConnection(rows, first, count!.n, args.after, (r) => [r.id], (r) => ({ ...r, at: new Date(r.at).toISOString() }));
  }
}
