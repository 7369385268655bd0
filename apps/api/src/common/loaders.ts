import DataLoader from 'dataloader';

/**
 * Per-request DataLoader registry: the first field resolver that needs a loader creates it, so
 * every nested list resolves with one query per relation per request level, never per row.
 */
export class Loaders {
  private readonly map = new Map<string, DataLoader<unknown, unknown>>();
  private readonly bundles = new Map<string, { owner: unknown; value: unknown }>();

  /**
   * A module's set of loaders (e.g. `portfolioLoaders(ctx)`), made once per request instead of once
   * per resolved field; made again if `owner` (the viewer it was made for) changes.
   */
  bundle<T>(key: string, owner: unknown, make: () => T): T {
    const b = this.bundles.get(key);
    if (b && b.owner === owner) return b.value as T;
    const value = make();
    this.bundles.set(key, { owner, value });
    return value;
  }

  get<K, V>(key: string, batch: (keys: readonly K[]) => Promise<(V | null)[]>): DataLoader<K, V | null> {
    let l = this.map.get(key);
    if (!l) {
      l = new DataLoader<K, V | null>(batch, { maxBatchSize: 1000 }) as DataLoader<unknown, unknown>;
      this.map.set(key, l);
    }
    return l as DataLoader<K, V | null>;
  }
}

/** Orders rows to match `keys`, with null for missing ones. */
export function byKey<K, R>(keys: readonly K[], rows: R[], keyOf: (r: R) => K): (R | null)[] {
  const m = new Map<K, R>();
  for (const r of rows) m.set(keyOf(r), r);
  return keys.map((k) => m.get(k) ?? null);
}

/** Groups rows per key, in `keys` order (empty arrays for keys without rows). */
export function groupByKey<K, R>(keys: readonly K[], rows: R[], keyOf: (r: R) => K): R[][] {
  const m = new Map<K, R[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return keys.map((k) => m.get(k) ?? []);
}
