import { addMonths, compareMonths, type Month } from '@loan-desk/domain';
import { useRoute } from './router';
import { defaultMonth, type Route } from './url-state';

/** Months offered by the month picker: the last 24 complete months, newest first. */
export const MONTHS_OFFERED = 24;

export function latestMonth(): Month {
  return defaultMonth();
}

export function offeredMonths(latest: Month = latestMonth()): Month[] {
  return Array.from({ length: MONTHS_OFFERED }, (_, i) => addMonths(latest, -i));
}

export function clampMonth(m: Month, latest: Month = latestMonth()): Month {
  if (compareMonths(m, latest) > 0) return latest;
  const earliest = addMonths(latest, -(MONTHS_OFFERED - 1));
  return compareMonths(m, earliest) < 0 ? earliest : m;
}

export interface GlobalFilters {
  route: Route;
  /** Effective month (URL month or the latest complete month). */
  month: Month;
  branch: string | null;
}

export function useGlobalFilters(): GlobalFilters {
  const route = useRoute();
  return { route, month: clampMonth(route.month ?? latestMonth()), branch: route.branch };
}
