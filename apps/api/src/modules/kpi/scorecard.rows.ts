import { compareDecimal } from '@loan-desk/domain';
import { SortDirection } from '../portfolio/portfolio.enums.js';
import { BranchScorecardOrderField, type BranchScorecardReportType, type BranchScorecardSummaryType, type BranchScorecardType } from './scorecard.types.js';

/** The value a row is ordered by; null sorts last in either direction. */
const VALUE: Record<Exclude<BranchScorecardOrderField, BranchScorecardOrderField.RANK>, (r: BranchScorecardType) => string | null> = {
  [BranchScorecardOrderField.NPL_RATIO]: (r) => r.nplRatio.actual,
  [BranchScorecardOrderField.NPL_GAP]: (r) => r.nplRatio.gapBps,
  [BranchScorecardOrderField.RECOVERY_RATE]: (r) => r.recoveryRateYtd.actual,
  [BranchScorecardOrderField.RECOVERY_GAP]: (r) => r.recoveryRateYtd.gapPp,
  [BranchScorecardOrderField.PLAN_ATTAINMENT]: (r) => r.planAttainment,
};

/**
 * Sorted copies and summaries of a report's rows, computed once per report object: reports come
 * from the scorecard cache (one object per rollup generation and month), so every request of the
 * same generation reuses them instead of sorting 2,000 rows again.
 */
const sortedCache = new WeakMap<readonly BranchScorecardType[], Map<string, readonly BranchScorecardType[]>>();
const summaryCache = new WeakMap<readonly BranchScorecardType[], BranchScorecardSummaryType>();

export function sortedRows(rows: readonly BranchScorecardType[], field: BranchScorecardOrderField, direction: SortDirection): readonly BranchScorecardType[] {
  if (field === BranchScorecardOrderField.RANK && direction === SortDirection.ASC) return rows; // already by rank
  let byOrder = sortedCache.get(rows);
  if (!byOrder) sortedCache.set(rows, (byOrder = new Map()));
  const key = `${field}|${direction}`;
  let sorted = byOrder.get(key);
  if (!sorted) {
    const sign = direction === SortDirection.DESC ? -1 : 1;
    if (field === BranchScorecardOrderField.RANK) sorted = [...rows].sort((a, b) => sign * (a.rank - b.rank));
    else {
      const value = VALUE[field];
      sorted = [...rows].sort((a, b) => {
        const va = value(a);
        const vb = value(b);
        if (va === null || vb === null) return va === vb ? a.rank - b.rank : va === null ? 1 : -1;
        return sign * compareDecimal(va, vb) || a.rank - b.rank;
      });
    }
    byOrder.set(key, sorted);
  }
  return sorted;
}

export interface RowsArgs {
  first?: number | null;
  orderBy?: { field: BranchScorecardOrderField; direction?: SortDirection | null } | null;
  branchIds?: readonly number[] | null;
}

/** The rows `rows(first, orderBy, branchIds)` returns: filtered, ordered, then the first n. */
export function selectRows(report: BranchScorecardReportType, args: RowsArgs): readonly BranchScorecardType[] {
  let rows = sortedRows(report.rows, args.orderBy?.field ?? BranchScorecardOrderField.RANK, args.orderBy?.direction ?? SortDirection.ASC);
  if (args.branchIds) {
    const wanted = new Set(args.branchIds);
    rows = rows.filter((r) => wanted.has(r.branchId));
  }
  return args.first === null || args.first === undefined ? rows : rows.slice(0, args.first);
}

export function summaryOf(report: BranchScorecardReportType): BranchScorecardSummaryType {
  let s = summaryCache.get(report.rows);
  if (!s) {
    s = { branches: report.rows.length, withTarget: 0, met: 0, missed: 0, nplMet: 0, nplMissed: 0, recoveryMet: 0, recoveryMissed: 0 };
    for (const r of report.rows) {
      if (r.met !== null) {
        s.withTarget++;
        if (r.met) s.met++;
        else s.missed++;
      }
      if (r.nplRatio.met === true) s.nplMet++;
      else if (r.nplRatio.met === false) s.nplMissed++;
      if (r.recoveryRateYtd.met === true) s.recoveryMet++;
      else if (r.recoveryRateYtd.met === false) s.recoveryMissed++;
    }
    summaryCache.set(report.rows, s);
  }
  return s;
}
