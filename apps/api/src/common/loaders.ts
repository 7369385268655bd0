import DataLoader from 'dataloader';

/**
 * Per-request DataLoader registry: the first field resolver that needs a loader creates it, so
 * every nested list resolves with one query per relation per request level, never per row.
 */
export class Loaders {
  private readonly map = new Map<string, DataLoader<unknown, unknown>>();

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
