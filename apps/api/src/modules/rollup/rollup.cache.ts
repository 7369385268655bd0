import type { EntityManager } from '@mikro-orm/postgresql';
import { execOf, rollupFreshness, type RollupFreshness } from './rollup.service.js';
import { inWriteTransaction } from '../../db/read-replica.js';

/**
 * Results computed from fresh rollups, keyed by the rollup generation, the configuration
 * generation (staff, weights, settings, targets) and today's date: any change to what a result
 * reads gives new keys, so an entry is never served after its inputs changed. Per API process.
 */
const MAX_ENTRIES = 2000;
const cache = new Map<string, Promise<unknown>>();

export function clearRollupCaches(): void {
  cache.clear();
}

export function cacheKey(f: RollupFreshness, key: string): string {
  return `${f.generation}|${f.configGeneration}|${f.today}|${key}`;
}

/** Computes once per key while the rollups are fresh; always recomputes when they are stale. */
export function cached<T>(f: RollupFreshness, key: string, compute: () => Promise<T>, enabled = true): Promise<T> {
  // Inside a write transaction the generation may still roll back: never cache there.
  if (f.stale || !enabled) return compute();
  const k = cacheKey(f, key);
  const hit = cache.get(k);
  if (hit) return hit as Promise<T>;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const p = compute();
  cache.set(k, p);
  p.catch(() => cache.delete(k));
  return p;
}

/**
 * Freshness read once per read-only request: the access plugin reads it together with the session
 * (one round trip) and remembers it for the request's EntityManager, so the KPI, scorecard,
 * workload and ranking resolvers of that request do not probe again. Only for queries (set before
 * execution starts); inside a transaction, or when nothing was remembered, it is read as before.
 */
const requestFreshness = new WeakMap<EntityManager, RollupFreshness>();

export function rememberFreshness(em: EntityManager, f: RollupFreshness): void {
  requestFreshness.set(em, f);
}

export function freshnessOf(em: EntityManager): Promise<RollupFreshness> {
  const f = inWriteTransaction(em) ? undefined : requestFreshness.get(em);
  return f ? Promise.resolve(f) : rollupFreshness(execOf(em));
}
