/**
 * Composable SQL with knex `?` placeholders: `q\`... ${value} ...\`` turns each interpolated value
 * into a bound parameter, and an interpolated fragment inlines its text and parameters in order.
 * Lets the KPI queries reuse the scope predicate without counting placeholders by hand.
 */
export interface Fragment {
  readonly text: string;
  readonly params: readonly unknown[];
}

const FRAGMENT = Symbol('sql-fragment');

function isFragment(v: unknown): v is Fragment {
  return typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[FRAGMENT] === true;
}

function make(text: string, params: readonly unknown[]): Fragment {
  return { text, params, [FRAGMENT]: true } as Fragment;
}

export function q(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  let text = strings[0] ?? '';
  const params: unknown[] = [];
  values.forEach((v, i) => {
    if (isFragment(v)) {
      text += v.text;
      params.push(...v.params);
    } else {
      text += '?';
      params.push(v);
    }
    text += strings[i + 1] ?? '';
  });
  return make(text, params);
}

/** Trusted literal SQL text (no parameters). */
export const raw = (text: string): Fragment => make(text, []);
