import {
  GraphQLError, Kind, type ASTVisitor, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode,
  type SelectionSetNode, type ValidationContext, type ValidationRule,
} from 'graphql';

/** Limits applied while validating, before any resolver (and so any SQL) runs. */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 40,
  maxDirectives: 20,
  maxTokens: 4000,
  maxCost: 25_000,
  /** Page size assumed for a list field called without `first`. */
  defaultListSize: 50,
  maxBodyBytes: 256 * 1024,
  /** `POST /graphql/import` (importFile only): a 10 MB CSV, base64 or JSON-escaped. */
  maxImportBodyBytes: 16 * 1024 * 1024,
} as const;

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

function fail(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: 'query' } });
}

type Walk = (set: SelectionSetNode, seen: ReadonlySet<string>) => void;

/**
 * Walks the operation through fragment spreads (a fragment is followed by its definition, never
 * by its name, so a fragment named `__schema` earns no exemption; a fragment already on the path
 * is a cycle and is cut, so reused and circular fragments cannot blow up the walk).
 */
function walker(ctx: ValidationContext, visit: (field: FieldNode, recurse: () => void) => void): Walk {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of ctx.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const walk: Walk = (set, seen) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) visit(sel, () => sel.selectionSet && walk(sel.selectionSet, seen));
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet, seen);
      else {
        const name = sel.name.value;
        const def = fragments.get(name);
        if (def && !seen.has(name)) walk(def.selectionSet, new Set([...seen, name]));
      }
    }
  };
  return walk;
}

function perOperation(check: (ctx: ValidationContext, op: OperationDefinitionNode) => void): ValidationRule {
  return (ctx: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      check(ctx, op);
    },
  });
}

/** Depth of nested selections; the real introspection root fields are not counted. */
export const depthLimit = (max: number = QUERY_LIMITS.maxDepth): ValidationRule =>
  perOperation((ctx, op) => {
    let depth = 0;
    let deepest = 0;
    const walk = walker(ctx, (field, recurse) => {
      if (depth === 0 && INTROSPECTION_ROOTS.has(field.name.value)) return;
      depth++;
      deepest = Math.max(deepest, depth);
      if (deepest <= max) recurse();
      depth--;
    });
    walk(op.selectionSet, new Set());
    if (deepest > max) ctx.reportError(fail(`query: nesting deeper than ${max} levels is not allowed`));
  });

/** Aliases and directives anywhere in the document (fragments included, counted where used). */
export const aliasAndDirectiveLimit = (maxAliases: number = QUERY_LIMITS.maxAliases, maxDirectives: number = QUERY_LIMITS.maxDirectives): ValidationRule =>
  (ctx: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let directives = 0;
    return {
      Field(node) {
        if (node.alias) aliases++;
      },
      Directive() {
        directives++;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) ctx.reportError(fail(`query: more than ${maxAliases} aliases`));
          if (directives > maxDirectives) ctx.reportError(fail(`query: more than ${maxDirectives} directives`));
        },
      },
    };
  };

/**
 * Static cost: every field costs 1 × the product of the page sizes of the lists around it; a
 * field with a `first` argument multiplies its children by that number (from the literal or the
 * request's variables; the default page when absent). Checked once variables are known, before
 * execution (see auth/access.plugin.ts).
 */
export function estimateCost(doc: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined, stopAt: number = QUERY_LIMITS.maxCost): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let op: OperationDefinitionNode | undefined;
  for (const d of doc.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    else if (d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName)) op ??= d;
  }
  if (!op) return 0;
  let cost = 0;
  const sizeOf = (field: FieldNode): number => {
    const arg = field.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
    if (!arg) return 1;
    const v = arg.value;
    const n = v.kind === Kind.INT ? Number(v.value) : v.kind === Kind.VARIABLE ? Number(variables?.[v.name.value] ?? QUERY_LIMITS.defaultListSize) : QUERY_LIMITS.defaultListSize;
    return Number.isFinite(n) && n > 0 ? n : 1;
  };
  const walk = (set: SelectionSetNode, multiplier: number, seen: ReadonlySet<string>): void => {
    for (const sel of set.selections) {
      if (cost > stopAt) return;
      if (sel.kind === Kind.FIELD) {
        cost += multiplier;
        if (sel.selectionSet) walk(sel.selectionSet, multiplier * sizeOf(sel), seen);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet, multiplier, seen);
      else if (!seen.has(sel.name.value)) {
        const f = fragments.get(sel.name.value);
        if (f) walk(f.selectionSet, multiplier, new Set([...seen, sel.name.value]));
      }
    }
  };
  walk(op.selectionSet, 1, new Set());
  return cost;
}

export const queryLimitRules = (): ValidationRule[] => [depthLimit(), aliasAndDirectiveLimit()];
