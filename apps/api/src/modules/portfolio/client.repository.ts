import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../common/errors.js';
import { pageSize, toConnection, type ConnectionShape } from '../../common/pagination.js';
import { sql } from '../../common/sql.js';
import { ClientSortField, ClientView, SortDirection } from './portfolio.enums.js';
import type { ClientsArgs } from './portfolio.inputs.js';
import { isoTs, keyset, likePattern, optionalId, pgArray, startOf, TODAY, type SortKey } from './portfolio.sql.js';
import type { ClientContactLogType, ClientType, ContactType } from './portfolio.types.js';
import { rowFilter, type DataScope } from '../auth/data-scope.js';
import { STAFF_COLS } from '../organization/organization.repository.js';
import type { StaffType } from '../organization/organization.types.js';
import {
  attachRelations,
  relationJson,
  rowColumns,
  selectList,
  STAFF_PLAIN_FIELDS,
  type ClientRelations,
  type FieldSelection,
} from './portfolio.prefetch.js';


/** Every client column, by output name (the ClientType fields and the ids its field resolvers use). */
const CLIENT_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['id', 'c.id'],
  ['externalKey', 'c.external_key'],
  ['name', 'c.name'],
  ['clientType', 'c.client_type'],
  ['industry', 'c.industry'],
  ['source', 'c.source'],
  ['companyNature', 'c.company_nature'],
  ['annualRevenue', 'c.annual_revenue::text'],
  ['address', 'c.address'],
  ['inPool', 'c.owner_id IS NULL'],
  ['createdAt', isoTs('c.created_at')],
  ['updatedAt', isoTs('c.updated_at')],
  ['branchId', 'c.branch_id'],
  ['ownerId', 'c.owner_id'],
]);
export const CLIENT_COLS = selectList(CLIENT_COLUMNS);
/** Client fields read from the row as they are (the others are field resolvers, client.resolver.ts). */
export const CLIENT_PLAIN_FIELDS: ReadonlySet<string> = new Set([...CLIENT_COLUMNS.keys()].filter((k) => k !== 'branchId' && k !== 'ownerId'));
/** Read for every listed client whatever the selection: what the Client field resolvers use. */
const CLIENT_KEYS = ['id', 'branchId', 'ownerId'];
/** Client fields answered by a field resolver from CLIENT_KEYS alone. */
const CLIENT_RESOLVED: ReadonlySet<string> = new Set(['branch', 'owner', 'contacts', 'projects', 'contactLog', 'lastContactOn']);

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

/** The latest logged contact date of client c (as the `lastContactOn` loader reads it). */
const LAST_CONTACT_ON = `(SELECT to_char(max(cc.contacted_on), 'YYYY-MM-DD') FROM client_contact cc WHERE cc.client_id = c.id)`;

/**
 * What the operation selects on the rows of the client list (see `list`): `fields`, the Client
 * fields (all columns when absent); `owner`: the fields selected on it, and `lastContactOn`, read
 * with the rows when given.
 */
export interface ClientListSelection {
  fields?: ReadonlySet<string>;
  owner?: FieldSelection;
  lastContactOn?: boolean;
}

type ListRow = ClientType & { sortKey: string; relOwner?: StaffType | null; relLastContactOn?: string | null };

export class ClientRepository {
  /** `scope`: the viewer's rows (auth/data-scope.ts); every read below is restricted to it. */
  constructor(
    private readonly em: EntityManager,
    private readonly scope: DataScope,
  ) {}

  private get visible(): string {
    return rowFilter(this.scope).client('c');
  }

  /**
   * `viewerStaffId`: the signed-in person, used by MINE when `asStaffId` is not given.
   * `selection`: what the operation reads of the rows. Only those columns are read (plus the ids the
   * field resolvers use), and the owner and latest contact date of each row of the page are read in
   * the same statement and attached to the rows (portfolio.prefetch.ts) instead of DataLoader queries
   * in a second round trip: what those loaders return (same columns, same data-scope predicate),
   * restricted to the selected fields when those are plain columns.
   */
  async list(args: ClientsArgs, viewerStaffId: number | null = null, selection: ClientListSelection = {}): Promise<ConnectionShape<ClientType>> {
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
    const rel: string[] = [];
    if (selection.owner)
      rel.push(
        `${relationJson(
          `SELECT ${STAFF_COLS} FROM staff s JOIN org_unit u ON u.id = s.unit_id WHERE s.id = c.owner_id AND ${rowFilter(this.scope).staff('s')}`,
          STAFF_PLAIN_FIELDS,
          selection.owner,
        )} AS "relOwner"`,
      );
    if (selection.lastContactOn) rel.push(`${LAST_CONTACT_ON} AS "relLastContactOn"`);
    const [rows, count] = await Promise.all([
      sql<ListRow>(
        this.em,
        `SELECT ${rowColumns(CLIENT_COLUMNS, CLIENT_KEYS, CLIENT_RESOLVED, selection.fields)}, (${key.expr})::text AS "sortKey"${rel.map((r) => `, ${r}`).join('')} FROM client c
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
      ({ sortKey: _k, relOwner, relLastContactOn, ...c }) => {
        if (!rel.length) return c;
        const related: ClientRelations = {};
        if (selection.owner) related.owner = relOwner!;
        if (selection.lastContactOn) related.lastContactOn = relLastContactOn!;
        return attachRelations(c, related);
      },
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
