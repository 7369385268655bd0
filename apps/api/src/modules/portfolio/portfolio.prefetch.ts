import type { StaffType } from '../organization/organization.types.js';
import type { CashFlowStatementType, ClientType } from './portfolio.types.js';

/*
 * The project and client lists read, in their own statement, what the operation selects on their
 * rows: the related objects their field resolvers would otherwise load with DataLoaders in a second
 * round trip (client, client manager, latest statement; owner, latest contact date), and only the
 * columns the selection reads. Field resolvers answer synchronously from what was read.
 */

/**
 * Relations a list query read together with its rows. Each value is what the field's DataLoader
 * would return for that row, null included (for the fields the operation selects on it: see
 * `relationJson`); `undefined` means "not read": the field resolver then uses its DataLoader.
 */
export interface ProjectRelations {
  client?: ClientType | null;
  clientManager?: StaffType | null;
  lastStatement?: CashFlowStatementType | null;
}

export interface ClientRelations {
  owner?: StaffType | null;
  lastContactOn?: string | null;
}

/** The relations of one project or client row (a symbol key: never a GraphQL field, never among a row's keys). */
const RELATIONS = Symbol('prefetched relations');

export function attachRelations<T extends object>(row: T, relations: ProjectRelations | ClientRelations): T {
  (row as { [RELATIONS]?: ProjectRelations | ClientRelations })[RELATIONS] = relations;
  return row;
}

export const projectRelations = (row: object): ProjectRelations | undefined => (row as { [RELATIONS]?: ProjectRelations })[RELATIONS];
export const clientRelations = (row: object): ClientRelations | undefined => (row as { [RELATIONS]?: ClientRelations })[RELATIONS];

/**
 * What an operation selects on a related object (field names, `__typename` left out), or 'all'
 * when every column is needed (e.g. a field resolver of the related type reads its hidden ids).
 */
export type FieldSelection = ReadonlySet<string> | 'all';

/**
 * `select` (one row at most, or none) as a JSON object column: with only the selected keys when
 * each is one of `plain` (output columns of `select` that are GraphQL fields read as they are),
 * otherwise with every column. PostgreSQL pulls the simple sub-select up into the outer one, so the
 * columns left out are not computed at all. JSON keeps the values' types here: the column lists
 * hold integers, booleans and text only (decimals and dates are formatted as text in SQL).
 */
export function relationJson(select: string, plain: ReadonlySet<string>, want: FieldSelection): string {
  if (want !== 'all' && [...want].every((k) => plain.has(k))) {
    // Keys are checked against the fixed `plain` list above before they are written into SQL.
    return `(SELECT json_build_object(${[...want].map((k) => `'${k}', x."${k}"`).join(', ')}) FROM (${select}) x)`;
  }
  return `(SELECT row_to_json(x) FROM (${select}) x)`;
}

/** A select list (`expr AS "name", …`) of the given columns, or of all of them. */
export function selectList(columns: ReadonlyMap<string, string>, names?: Iterable<string>): string {
  const out: string[] = [];
  for (const name of names ?? columns.keys()) out.push(`${columns.get(name)!} AS "${name}"`);
  return out.join(', ');
}

/**
 * The columns a list reads for its rows: `keys` (what its field resolvers use: ids) and the selected
 * fields that are plain columns; every column as soon as a field is neither a column nor one of
 * `resolved` (the type's field resolvers that need `keys` only) — an unknown field reads everything.
 */
export function rowColumns(
  columns: ReadonlyMap<string, string>,
  keys: readonly string[],
  resolved: ReadonlySet<string>,
  fields: ReadonlySet<string> | undefined,
): string {
  if (!fields) return selectList(columns);
  const names = new Set(keys);
  for (const f of fields) {
    if (resolved.has(f)) continue;
    if (!columns.has(f)) return selectList(columns);
    names.add(f);
  }
  return selectList(columns, [...columns.keys()].filter((c) => names.has(c)));
}

/** The output columns of organization.repository.ts's STAFF_COLS that are StaffType fields read as they are. */
export const STAFF_PLAIN_FIELDS: ReadonlySet<string> = new Set(['id', 'employeeNo', 'name', 'role', 'grade', 'email', 'hiredOn', 'active']);
