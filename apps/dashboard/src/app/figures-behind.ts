import { useSyncExternalStore } from 'react';

/**
 * Answers the API gave from the rollups as they are, while changes were pending and the base
 * tables would have taken too long (`extensions.freshness.figuresFrom = ROLLUPS_BEHIND`, docs/
 * performance.md "Stale rollups"). Noted by the Apollo link for every response; the header says so
 * until the API is caught up, then the page's queries are fetched again (FreshnessIndicator).
 */
export interface FiguresBehind {
  pendingChanges: number;
  /** Months (YYYY-MM) the pending changes concern; null: every month. */
  pendingMonths: string[] | null;
}

let current: FiguresBehind | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Looks at one response's `extensions.freshness`. */
export function noteFreshnessExtension(ext: unknown): void {
  const f = ext as { figuresFrom?: unknown; pendingChanges?: unknown; pendingMonths?: unknown } | null | undefined;
  if (!f || f.figuresFrom !== 'ROLLUPS_BEHIND') return;
  const months = Array.isArray(f.pendingMonths) ? f.pendingMonths.filter((m): m is string => typeof m === 'string') : null;
  const next = { pendingChanges: typeof f.pendingChanges === 'number' ? f.pendingChanges : 0, pendingMonths: months };
  if (current && current.pendingChanges === next.pendingChanges && String(current.pendingMonths) === String(next.pendingMonths)) return;
  current = next;
  emit();
}

/** The API is caught up: forget. True when something was noted (the page should fetch again). */
export function clearFiguresBehind(): boolean {
  if (!current) return false;
  current = null;
  emit();
  return true;
}

export function figuresBehind(): FiguresBehind | null {
  return current;
}

export function useFiguresBehind(): FiguresBehind | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
