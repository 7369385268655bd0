import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../common/errors.js';
import { pageSize, toConnection, type ConnectionShape } from '../../common/pagination.js';
import { sql } from '../../common/sql.js';
import { ClientSortField, ClientView, SortDirection } from './portfolio.enums.js';
import type { ClientsArgs } from './portfolio.inputs.js';
import { isoTs, keyset, likePattern, optionalId, pgArray, startOf, TODAY, type SortKey } from './portfolio.sql.js';
import type { ClientContactLogType, ClientType, ContactType } from './portfolio.types.js';
import { rowFilter, type DataScope } from '../auth/data-scope.js';


export const CLIENT_COLS = `c.id, c.external_key AS "externalKey", c.name, c.client_type AS "clientType", c.industry, c.source,
  c.company_nature AS "companyNature", c.annual_revenue::text AS "annualRevenue", c.address, c.owner_id IS NULL AS "inPool",
  ${isoTs('c.created_at')} AS "createdAt", ${isoTs('c.updated_at')} AS "updatedAt", c.branch_id AS "branchId", c.owner_id AS "ownerId"`;

const CONTACT_LOG_COLS = `l.id, l.client_id AS "clientId", l.staff_id AS "staffId", l.kind, to_char(l.contacted_on, 'YYYY-MM-DD') AS "contactedOn",
  l.notes, ${isoTs('l.created_at')} AS "createdAt"`;

const CLIENT_SORT: Record<ClientSortField, SortKey> = {
  ID: { expr: 'c.id', cast: 'int' },
  NAME: { expr: 'c.name', cast: 'text' },
  CREATED_AT: { expr: 'c.created_at', cast: 'timestamptz' },
  UPDATED_AT: { expr: 'c.updated_at', cast: 'timestamptz' },
  ANNUAL_REVENUE: { expr: 'coalesce(c.annual_revenue::numeric, -1)', cast: 'numeric' },
};

/** The condition of each standard view (domain.md section 4); dates are business dates (Asia/Shanghai). */
const VIEW_SQL: Record<Exclude<ClientView, 'MINE'>, string> = {
  ALL: 'true',
  CREATED_TODAY: `c.created_at >= ${startOf(TODAY)} AND c.created_at < ${startOf(`${TODAY} + 1`)}`,
  // ISO week: date_trunc('week') is the Monday.
  CREATED_THIS_WEEK: `c.created_at >= ${startOf(`date_trunc('week', ${TODAY}::timestamp)::date`)} AND c.created_at < ${startOf(`${TODAY} + 1`)}`,
  CREATED_THIS_MONTH: `c.created_at >= ${startOf(`date_trunc('month', ${TODAY}::timestamp)::date`)} AND c.created_at < ${startOf(`${TODAY} + 1`)}`,
  RECENTLY_UPDATED: `c.updated_at >= now() - interval '30 days'`,
  POOL: 'c.owner_id IS NULL',
};

export class ClientRepository {
  /** `scope`: the viewer's rows (auth/data-scope.ts); every read below is restricted to it. */
  constructor(
    private readonly em: EntityManager,
    private readonly scope: DataScope,
  ) {}

  private get visible(): string {
    return rowFilter(this.scope).client('c');
  }

  /** `viewerStaffId`: the signed-in person, used by MINE when `asStaffId` is not given. */
  async list(args: ClientsArgs, viewerStaffId: number | null = null): Promise<ConnectionShape<ClientType>> {
    const first = pageSize(args.first);
    const f = args.filter ?? {};
    const view = args.view ?? ClientView.ALL;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (cond: string, ...p: unknown[]): void => {
      where.push(cond);
      params.push(...p);
    };
    if (view === ClientView.MINE) {
      const me = optionalId(args.asStaffId, 'asStaffId') ?? viewerStaffId ?? undefined;
      if (me === undefined)
        throw badInput('asStaffId', 'is required for the MINE view when the signed-in account is not linked to a staff member');
      where.push('c.owner_id = ?');
      params.push(me);
    } else {
      where.push(VIEW_SQL[view]);
    }
    if (f.search?.trim()) {
      where.push(`(c.name ILIKE ? ESCAPE '!' OR c.external_key ILIKE ? ESCAPE '!')`);
      params.push(likePattern(f.search.trim()), likePattern(f.search.trim()));
    }
    if (f.industry != null) add('c.industry = ?', f.industry);
    if (f.companyNature != null) add('c.company_nature = ?', f.companyNature);
    if (f.source != null) add('c.source = ?', f.source);
    const ownerId = optionalId(f.ownerId, 'filter.ownerId');
    if (ownerId !== undefined) add('c.owner_id = ?', ownerId);
    const branchId = optionalId(f.branchId, 'filter.branchId');
    if (branchId !== undefined) add('c.branch_id = ?', branchId);
    if (f.inPool != null) where.push(f.inPool ? 'c.owner_id IS NULL' : 'c.owner_id IS NOT NULL');

    const order =
      args.orderBy ??
      (view === ClientView.RECENTLY_UPDATED
        ? { field: ClientSortField.UPDATED_AT, direction: SortDirection.DESC }
        : { field: ClientSortField.ID, direction: SortDirection.ASC });
    const key = CLIENT_SORT[order.field];
    const ks = keyset(key, 'c.id', order.direction === SortDirection.DESC, `client:${order.field}:${order.direction}`, args.after);
    where.push(this.visible);
    const cond = where.join(' AND ');
    const [rows, count] = await Promise.all([
      sql<ClientType & { sortKey: string }>(
        this.em,
        `SELECT ${CLIENT_COLS}, (${key.expr})::text AS "sortKey" FROM client c
        WHERE ${cond} AND ${ks.where} ORDER BY ${ks.orderBy} LIMIT ?`,
        [...params, ...ks.params, first + 1],
      ),
      sql<{ n: number }>(this.em, `SELECT count(*)::int AS n FROM client c WHERE ${cond}`, params),
    ]);
    return toConnection(
      rows,
      first,
      count[0]?.n ?? 0,
      args.after,
      (r) => [ks.tag, r.sortKey, r.id],
      ({ sortKey: _k, ...r }) => r,
    );
  }

  byIds(ids: readonly number[]): Promise<ClientType[]> {
    if (!ids.length) return Promise.resolve([]);
    return sql(this.em, `SELECT ${CLIENT_COLS} FROM client c WHERE c.id = ANY(?::int[]) AND ${this.visible}`, [pgArray(ids)]);
  }

  contactsOf(clientIds: readonly number[]): Promise<ContactType[]> {
    if (!clientIds.length) return Promise.resolve([]);
    return sql(
      this.em,
      `SELECT id, client_id AS "clientId", name, title, phone, email FROM contact WHERE client_id = ANY(?::int[]) ORDER BY client_id, id`,
      [pgArray(clientIds)],
    );
  }

  lastContactOn(clientIds: readonly number[]): Promise<{ clientId: number; on: string }[]> {
    if (!clientIds.length) return Promise.resolve([]);
    return sql(
      this.em,
      `SELECT client_id AS "clientId", to_char(max(contacted_on), 'YYYY-MM-DD') AS "on" FROM client_contact
      WHERE client_id = ANY(?::int[]) GROUP BY client_id`,
      [pgArray(clientIds)],
    );
  }

  /** The latest `first` logged contacts of each client, newest first, in one statement. */
  contactLog(clientIds: readonly number[], first: number): Promise<ClientContactLogType[]> {
    if (!clientIds.length) return Promise.resolve([]);
    return sql(
      this.em,
      `SELECT * FROM (
        SELECT ${CONTACT_LOG_COLS}, row_number() OVER (PARTITION BY l.client_id ORDER BY l.contacted_on DESC, l.id DESC) AS rn
        FROM client_contact l WHERE l.client_id = ANY(?::int[])) x
      WHERE rn <= ? ORDER BY "clientId", rn`,
      [pgArray(clientIds), first],
    );
  }

  contactLogById(id: number): Promise<ClientContactLogType[]> {
    return sql(this.em, `SELECT ${CONTACT_LOG_COLS} FROM client_contact l WHERE l.id = ?`, [id]);
  }
}
