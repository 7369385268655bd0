import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonths, formatDecimal, monthDiff, mulDecimal, subDecimal, yearOf, type Month } from '@loan-desk/domain';
import type { Context } from '../../context.js';
import { badInput } from '../../common/errors.js';
import { KpiPeriod } from './kpi.enums.js';
import type { KpiScopeInput } from './kpi.inputs.js';
import { KpiRepository, type MonthWindow } from './kpi.repository.js';
import { resolveScope, scopeKey, type ResolvedScope } from './kpi-scope.js';
import type { KpiPointType, KpiSnapshotType } from './kpi.types.js';
import { cached, freshnessOf } from '../rollup/rollup.cache.js';
import { inWriteTransaction } from '../../db/read-replica.js';

/** Longest series one request may ask for. */
export const MAX_SERIES_MONTHS = 60;

const firstDay = (m: string): string => `${m}-01`;

/** The flow period of month m (domain.md section 6): m; January…m; January…December. */
export function windowOf(month: Month, period: KpiPeriod): MonthWindow {
  const year = String(yearOf(month)).padStart(4, '0');
  const yearEnd = `${year}-12`;
  return {
    month: firstDay(month),
    periodStart: firstDay(period === KpiPeriod.MONTH ? month : `${year}-01`),
    periodEnd: firstDay(period === KpiPeriod.YEAR ? yearEnd : month),
    attainmentEnd: firstDay(period === KpiPeriod.YEAR ? yearEnd : month),
  };
}

export interface PointWithPresence extends KpiPointType {
  /** False when the bank has no statement at all for the month (comparisons are then null). */
  hasStatements: boolean;
}

export class KpiService {
  private readonly repo: KpiRepository;

  constructor(private readonly em: EntityManager) {
    this.repo = new KpiRepository(em);
  }

  /** Default month (latest with statements) and default as-of date (today). */
  async defaults(month: string | null | undefined, asOf: string | null | undefined): Promise<{ month: Month; asOf: string }> {
    if (month && asOf) return { month: month as Month, asOf };
    // Today is read with the request's rollup state: no base-table probe when the month is given
    // (a stale read answered from the rollups touches no base table).
    if (month) return { month: month as Month, asOf: (await freshnessOf(this.em)).today };
    const clock = await this.repo.clock();
    const m = month ?? clock.latestMonth;
    if (!m) throw badInput('month', 'there are no statements yet; pass a month');
    return { month: m as Month, asOf: asOf ?? clock.today };
  }

  /**
   * KPI points for several months in two set-based queries (KPIs, classification mix): from the
   * rollups while they are fresh (results cached per rollup generation), otherwise from the base
   * tables — a stale rollup is never served.
   */
  async points(scope: ResolvedScope, months: readonly Month[], period: KpiPeriod, asOf: string): Promise<Map<string, PointWithPresence>> {
    const unique = [...new Set(months)].sort();
    const windows = unique.map((m) => windowOf(m, period));
    const freshness = await freshnessOf(this.em);
    const load = async () => {
      const [rows, mix] = freshness.stale
        ? await Promise.all([this.repo.kpis(scope, windows, asOf), this.repo.mix(scope, windows)])
        : await Promise.all([this.repo.kpisFromRollups(scope, windows, asOf), this.repo.mixFromRollups(scope, windows)]);
      const out = new Map<string, PointWithPresence>();
      for (const r of rows) out.set(r.month, { ...r, classificationMix: [] });
      for (const x of mix) {
        out.get(x.month)?.classificationMix.push({ classification: x.classification, balance: x.balance, projectCount: x.projectCount, share: x.share });
      }
      return out;
    };
    const points = await cached(freshness, `kpi|${scopeKey(scope)}|${period}|${asOf}|${unique.join(',')}`, load, !inWriteTransaction(this.em));
    // Callers may mutate what they get: hand out copies of cached points.
    return new Map([...points].map(([k, v]) => [k, { ...v, classificationMix: v.classificationMix.map((c) => ({ ...c })) }]));
  }

  /** The same points from the base tables only (reference path; tests compare the two). */
  async pointsFromBase(scope: ResolvedScope, months: readonly Month[], period: KpiPeriod, asOf: string): Promise<Map<string, PointWithPresence>> {
    const windows = [...new Set(months)].sort().map((m) => windowOf(m, period));
    const [rows, mix] = await Promise.all([this.repo.kpis(scope, windows, asOf), this.repo.mix(scope, windows)]);
    const out = new Map<string, PointWithPresence>();
    for (const r of rows) out.set(r.month, { ...r, classificationMix: [] });
    for (const x of mix) out.get(x.month)?.classificationMix.push({ classification: x.classification, balance: x.balance, projectCount: x.projectCount, share: x.share });
    return out;
  }

  /** The same points from the rollups only, whatever their freshness (tests compare the two). */
  async pointsFromRollups(scope: ResolvedScope, months: readonly Month[], period: KpiPeriod, asOf: string): Promise<Map<string, PointWithPresence>> {
    const windows = [...new Set(months)].sort().map((m) => windowOf(m, period));
    const [rows, mix] = await Promise.all([this.repo.kpisFromRollups(scope, windows, asOf), this.repo.mixFromRollups(scope, windows)]);
    const out = new Map<string, PointWithPresence>();
    for (const r of rows) out.set(r.month, { ...r, classificationMix: [] });
    for (const x of mix) out.get(x.month)?.classificationMix.push({ classification: x.classification, balance: x.balance, projectCount: x.projectCount, share: x.share });
    return out;
  }

  async snapshot(scopeInput: KpiScopeInput, month: string | null | undefined, period: KpiPeriod, asOfInput: string | null | undefined, em: EntityManager): Promise<KpiSnapshotType> {
    const scope = await resolveScope(em, scopeInput);
    const { month: m, asOf } = await this.defaults(month, asOfInput);
    const point = (await this.points(scope, [m], period, asOf)).get(m)!;
    return toSnapshot(point, scope, period, asOf);
  }

  async series(scopeInput: KpiScopeInput, from: Month, to: Month, period: KpiPeriod, asOfInput: string | null | undefined, em: EntityManager): Promise<KpiPointType[]> {
    const n = monthDiff(to, from) + 1;
    if (n < 1) throw badInput('to', 'must not be before `from`');
    if (n > MAX_SERIES_MONTHS) throw badInput('to', `a series has at most ${MAX_SERIES_MONTHS} months`);
    const scope = await resolveScope(em, scopeInput);
    const { asOf } = await this.defaults(to, asOfInput);
    const months = Array.from({ length: n }, (_, i) => addMonths(from, i));
    const points = await this.points(scope, months, period, asOf);
    return months.map((m) => points.get(m)!);
  }
}

export function toSnapshot(point: PointWithPresence, scope: ResolvedScope, period: KpiPeriod, asOf: string): KpiSnapshotType {
  const { hasStatements: _h, ...kpis } = point;
  return {
    ...kpis,
    scope: { kind: scope.kind, id: scope.id, sector: scope.sector, importance: scope.importance, name: scope.name },
    period,
    asOf,
    resolvedScope: scope,
  };
}

interface ComparisonKey {
  scope: ResolvedScope;
  period: KpiPeriod;
  asOf: string;
  month: Month;
}

/**
 * Comparison snapshots (previous month, same month last year) through one per-request loader:
 * all months asked for the same scope, period and as-of date are fetched in one batch. Null when
 * the bank has no statements at all for that month.
 */
export function comparisonLoader(ctx: Context) {
  return ctx.loaders.get<string, KpiSnapshotType>('kpi.comparison', async (keys) => {
    const parsed = keys.map((k) => JSON.parse(k) as ComparisonKey);
    const groups = new Map<string, ComparisonKey[]>();
    for (const p of parsed) {
      const g = `${scopeKey(p.scope)}|${p.period}|${p.asOf}`;
      groups.set(g, [...(groups.get(g) ?? []), p]);
    }
    const service = new KpiService(ctx.em);
    const results = new Map<string, KpiSnapshotType | null>();
    for (const group of groups.values()) {
      const { scope, period, asOf } = group[0]!;
      const points = await service.points(scope, group.map((g) => g.month), period, asOf);
      for (const g of group) {
        const p = points.get(g.month);
        results.set(JSON.stringify(g), p && p.hasStatements ? toSnapshot(p, scope, period, asOf) : null);
      }
    }
    return parsed.map((p) => results.get(JSON.stringify(p)) ?? null);
  });
}

export function comparisonKey(s: KpiSnapshotType, monthsBack: number): string {
  const key: ComparisonKey = { scope: s.resolvedScope, period: s.period, asOf: s.asOf, month: addMonths(s.month as Month, -monthsBack) };
  return JSON.stringify(key);
}

/** (a − b) × factor, exact; null when either side is missing. */
export function change(a: string | null | undefined, b: string | null | undefined, factor: string, scale: number): string | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  return formatDecimal(mulDecimal(subDecimal(a, b), factor), scale);
}
