import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Fields selected under some field nodes, by field name (aliases and repeats merged), with their own nodes. */
export type Selected = ReadonlyMap<string, readonly FieldNode[]>;

type Fragments = GraphQLResolveInfo['fragments'];

/**
 * The fields selected under `fields` (merged), through fragment spreads and inline fragments.
 * A superset is fine for the callers (only an optimisation): @skip/@include are not evaluated, so a
 * field a directive skips still counts as selected.
 */
export function subfields(fields: readonly FieldNode[], fragments: Fragments): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const walk = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>): void => {
    if (!set) return;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const list = out.get(s.name.value);
        if (list) list.push(s);
        else out.set(s.name.value, [s]);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, seen);
      else if (!seen.has(s.name.value)) {
        const f: FragmentDefinitionNode | undefined = fragments[s.name.value];
        if (f) walk(f.selectionSet, new Set([...seen, s.name.value]));
      }
    }
  };
  for (const f of fields) walk(f.selectionSet, new Set());
  return out;
}

/** Names of the fields selected under `fields`; `__typename` left out. */
export function subfieldNames(fields: readonly FieldNode[], fragments: Fragments): Set<string> {
  const names = new Set(subfields(fields, fragments).keys());
  names.delete('__typename');
  return names;
}

/** Per parsed document (Apollo Server caches documents): the answer for a connection field node. */
const cache = new WeakMap<FieldNode, Selected>();

/**
 * The fields an operation selects on the rows of the connection being resolved — under
 * `nodes { … }` and `edges { node { … } }` — so a list resolver can read what its rows need in its
 * own query (relations, only the selected columns) instead of more round trips.
 */
export function connectionRowFields(info: GraphQLResolveInfo): Selected {
  const single = info.fieldNodes.length === 1 ? info.fieldNodes[0]! : undefined;
  const hit = single && cache.get(single);
  if (hit) return hit;
  const top = subfields(info.fieldNodes, info.fragments);
  const rows = [...(top.get('nodes') ?? []), ...(subfields(top.get('edges') ?? [], info.fragments).get('node') ?? [])];
  const out = subfields(rows, info.fragments);
  if (single) cache.set(single, out);
  return out;
}
