/**
 * Reference implementations of the KPI formulas and the composite score of
 * domain.md §6. The API aggregates in SQL; these are used for display and to
 * cross-check the SQL in tests. All values are decimal strings; ratios are
 * computed exactly and rounded half-up once, to KPI_SCALE places.
 */
import {
  compareDecimal,
  divDecimal,
  formatDecimal,
  minDecimal,
  mulDecimal,
  parseDecimal,
  ratioToDecimal,
  subDecimal,
  sumDecimals,
  type DecimalString,
} from './decimal.js';
import { isDowngrade, isNpl, type Classification, type WorkloadFlag } from './enums.js';
import { monthFromIsoDate, statementDueDate, type Month } from './month.js';

export const KPI_SCALE = 10;

/** NPL ratio at which the asset-quality component reaches 0. */
export const NPL_RATIO_CEILING = '0.20';
/** Default workload norm: about 4 projects per client manager. */
export const DEFAULT_WORKLOAD_NORM = '4';
export const OVERLOAD_THRESHOLD = '1.5';
export const UNDERLOAD_THRESHOLD = '0.5';

const HUNDRED = '100';
const ONE = '1';

function kpi(value: string): DecimalString {
  return formatDecimal(value, KPI_SCALE);
}

const FULL_SCORE = kpi(HUNDRED);

/** Counts may come in as JS integers; anything fractional must be a decimal string. */
function toDecimalInput(x: number | string, what: string): DecimalString {
  if (typeof x === 'number') {
    if (!Number.isSafeInteger(x)) throw new RangeError(`${what} must be an integer or a decimal string, got ${x}`);
    return String(x);
  }
  parseDecimal(x);
  return x;
}

function positive(x: number | string, what: string): DecimalString {
  const d = toDecimalInput(x, what);
  if (compareDecimal(d, '0') <= 0) throw new RangeError(`${what} must be positive, got ${d}`);
  return d;
}

// ---------------------------------------------------------------- ratios

/** NPL balance ÷ outstanding balance; 0 when the balance is 0. */
export function nplRatio(nplBalance: string, outstandingBalance: string): DecimalString {
  return divDecimal(nplBalance, outstandingBalance, KPI_SCALE) ?? kpi('0');
}

export interface ClassifiedBalance {
  readonly balance: string;
  readonly classification: Classification;
}

/** NPL ratio from statement rows (sums first, then one division). */
export function nplRatioOfStatements(rows: readonly ClassifiedBalance[]): DecimalString {
  const total = sumDecimals(rows.map((r) => r.balance));
  const npl = sumDecimals(rows.filter((r) => isNpl(r.classification)).map((r) => r.balance));
  return nplRatio(npl, total);
}

/** Σ repaid ÷ Σ due; null when nothing fell due. */
export function recoveryRate(repaid: string, due: string): DecimalString | null {
  return divDecimal(repaid, due, KPI_SCALE);
}

export interface RecoveryRow {
  readonly principalDue: string;
  readonly interestDue: string;
  readonly principalRepaid: string;
  readonly interestRepaid: string;
}

export function recoveryRateOfStatements(rows: readonly RecoveryRow[]): DecimalString | null {
  const due = sumDecimals(rows.flatMap((r) => [r.principalDue, r.interestDue]));
  const repaid = sumDecimals(rows.flatMap((r) => [r.principalRepaid, r.interestRepaid]));
  return recoveryRate(repaid, due);
}

/** Year-to-date repaid ÷ planned recovery; null when nothing is planned. */
export function planAttainment(repaidYtd: string, plannedRecovery: string | null): DecimalString | null {
  if (plannedRecovery === null) return null;
  return divDecimal(repaidYtd, plannedRecovery, KPI_SCALE);
}

/** part ÷ whole for counts (timeliness, coverage); null when whole is 0. */
export function shareOf(part: number | string, whole: number | string): DecimalString | null {
  return divDecimal(toDecimalInput(part, 'part'), toDecimalInput(whole, 'whole'), KPI_SCALE);
}

export function downgradeRate(
  pairs: readonly { readonly from: Classification; readonly to: Classification }[],
): DecimalString | null {
  return shareOf(pairs.filter((p) => isDowngrade(p.from, p.to)).length, pairs.length);
}

/** On time = submitted on or before the 10th of the following month; unsubmitted is late. */
export function isSubmittedOnTime(month: Month, submittedOn: string | null | undefined): boolean {
  if (submittedOn === null || submittedOn === undefined) return false;
  monthFromIsoDate(submittedOn);
  return submittedOn <= statementDueDate(month);
}

// ---------------------------------------------------------------- components (0–100)

/** 100 × (1 − min(ratio ÷ 0.20, 1)). */
export function nplComponent(nplRatioValue: string | null): DecimalString {
  if (nplRatioValue === null) return FULL_SCORE;
  if (compareDecimal(nplRatioValue, NPL_RATIO_CEILING) >= 0) return kpi('0');
  // 100 × (1 − r/c) = 100 × (c − r) / c, divided once so the result is exact to the rounding.
  const scaled = mulDecimal(HUNDRED, subDecimal(NPL_RATIO_CEILING, nplRatioValue));
  return divDecimal(scaled, NPL_RATIO_CEILING, KPI_SCALE) ?? FULL_SCORE;
}

/** 100 × min(rate, 1). */
export function recoveryComponent(rate: string | null): DecimalString {
  if (rate === null) return FULL_SCORE;
  return kpi(mulDecimal(HUNDRED, minDecimal(rate, ONE)));
}

/** 100 × timeliness. */
export function timelinessComponent(timeliness: string | null): DecimalString {
  if (timeliness === null) return FULL_SCORE;
  return kpi(mulDecimal(HUNDRED, timeliness));
}

/** 100 × coverage. */
export function coverageComponent(coverage: string | null): DecimalString {
  if (coverage === null) return FULL_SCORE;
  return kpi(mulDecimal(HUNDRED, coverage));
}

/** 100 × min(workload ÷ norm, 1). */
export function workloadComponent(
  workload: number | string | null,
  norm: number | string = DEFAULT_WORKLOAD_NORM,
): DecimalString {
  const n = positive(norm, 'workload norm');
  if (workload === null) return FULL_SCORE;
  const w = toDecimalInput(workload, 'workload');
  if (compareDecimal(w, n) >= 0) return FULL_SCORE;
  return divDecimal(mulDecimal(HUNDRED, w), n, KPI_SCALE) ?? FULL_SCORE;
}

/** 100 × min(attainment, 1). */
export function attainmentComponent(attainment: string | null): DecimalString {
  if (attainment === null) return FULL_SCORE;
  return kpi(mulDecimal(HUNDRED, minDecimal(attainment, ONE)));
}

// ---------------------------------------------------------------- composite score

export type ClientManagerComponent = 'assetQuality' | 'recovery' | 'reporting' | 'contact' | 'workload';
export type BranchComponent = 'npl' | 'recovery' | 'attainment';
export type Weights<K extends string> = Readonly<Record<K, DecimalString>>;

export const DEFAULT_CLIENT_MANAGER_WEIGHTS: Weights<ClientManagerComponent> = Object.freeze({
  assetQuality: '0.35',
  recovery: '0.30',
  reporting: '0.15',
  contact: '0.10',
  workload: '0.10',
});

export const DEFAULT_BRANCH_WEIGHTS: Weights<BranchComponent> = Object.freeze({
  npl: '0.50',
  recovery: '0.30',
  attainment: '0.20',
});

/** Exact check that the weights add up to 1 (no float tolerance needed). */
export function weightsSumToOne(weights: Readonly<Record<string, string>>): boolean {
  return compareDecimal(sumDecimals(Object.values(weights)), ONE) === 0;
}

/** Sum to one and none negative: what a planner may save as a new weights version. */
export function weightsAreValid(weights: Readonly<Record<string, string>>): boolean {
  return Object.values(weights).every((w) => compareDecimal(w, '0') >= 0) && weightsSumToOne(weights);
}

export interface CompositeScore<K extends string> {
  /** Σ weight × component (exact, then rounded to KPI_SCALE). Rank on this, round to 2 only for display. */
  readonly total: DecimalString;
  /** weight × component per component, rounded to KPI_SCALE. */
  readonly contributions: Readonly<Record<K, DecimalString>>;
}

/** Does not require the weights to sum to one; validate weights when they are saved. */
export function compositeScore<K extends string>(
  components: Readonly<Record<K, string>>,
  weights: Weights<K>,
): CompositeScore<K> {
  const keys = Object.keys(weights) as K[];
  const extra = Object.keys(components).filter((k) => !(k in weights));
  if (extra.length > 0) throw new Error(`compositeScore: no weight for component(s) ${extra.join(', ')}`);
  const products: string[] = [];
  const contributions = {} as Record<K, DecimalString>;
  for (const k of keys) {
    const component = components[k] as string | undefined;
    if (component === undefined) throw new Error(`compositeScore: missing component ${k}`);
    const product = mulDecimal(weights[k], component);
    products.push(product);
    contributions[k] = kpi(product);
  }
  return { total: kpi(sumDecimals(products)), contributions };
}

export interface ClientManagerKpis {
  /** NPL ratio at m of own projects. */
  readonly nplRatio: string | null;
  /** Recovery rate January…m. */
  readonly recoveryRateYtd: string | null;
  /** Report timeliness January…m. */
  readonly timelinessYtd: string | null;
  /** Contact coverage at m. */
  readonly contactCoverage: string | null;
  /** Projects active at m. */
  readonly workload: number | string | null;
}

export function clientManagerComponents(
  kpis: ClientManagerKpis,
  norm: number | string = DEFAULT_WORKLOAD_NORM,
): Record<ClientManagerComponent, DecimalString> {
  return {
    assetQuality: nplComponent(kpis.nplRatio),
    recovery: recoveryComponent(kpis.recoveryRateYtd),
    reporting: timelinessComponent(kpis.timelinessYtd),
    contact: coverageComponent(kpis.contactCoverage),
    workload: workloadComponent(kpis.workload, norm),
  };
}

export function clientManagerScore(
  kpis: ClientManagerKpis,
  weights: Weights<ClientManagerComponent> = DEFAULT_CLIENT_MANAGER_WEIGHTS,
  norm: number | string = DEFAULT_WORKLOAD_NORM,
): CompositeScore<ClientManagerComponent> {
  return compositeScore(clientManagerComponents(kpis, norm), weights);
}

export interface BranchKpis {
  readonly nplRatio: string | null;
  readonly recoveryRateYtd: string | null;
  readonly attainment: string | null;
}

export function branchComponents(kpis: BranchKpis): Record<BranchComponent, DecimalString> {
  return {
    npl: nplComponent(kpis.nplRatio),
    recovery: recoveryComponent(kpis.recoveryRateYtd),
    attainment: attainmentComponent(kpis.attainment),
  };
}

export function branchScore(
  kpis: BranchKpis,
  weights: Weights<BranchComponent> = DEFAULT_BRANCH_WEIGHTS,
): CompositeScore<BranchComponent> {
  return compositeScore(branchComponents(kpis), weights);
}

// ---------------------------------------------------------------- rankings

export interface RankingKey {
  readonly score: string;
  readonly nplRatio: string;
  readonly name: string;
  readonly id: string | number | bigint;
}

/** Code-point order (what PostgreSQL uses under COLLATE "C"), not UTF-16 unit order. */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0) ?? 0;
    const cy = y.value.codePointAt(0) ?? 0;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

const INTEGER_ID = /^-?\d+$/;

function integerId(id: string | number | bigint): bigint | null {
  if (typeof id === 'bigint') return id;
  if (typeof id === 'number') return Number.isSafeInteger(id) ? BigInt(id) : null;
  return INTEGER_ID.test(id) ? BigInt(id) : null;
}

/** Numeric ids (also bigint-as-string from PostgreSQL) compare numerically, others by code point. */
export function compareIds(a: string | number | bigint, b: string | number | bigint): number {
  const x = integerId(a);
  const y = integerId(b);
  if (x !== null && y !== null && x !== y) return x < y ? -1 : 1;
  return compareCodePoints(String(a), String(b));
}

/**
 * Total ranking order; negative when a ranks before (better than) b:
 * score desc, then lower NPL ratio, then name, then id ascending.
 */
export function compareRankingKeys(a: RankingKey, b: RankingKey): number {
  return (
    compareDecimal(b.score, a.score) ||
    compareDecimal(a.nplRatio, b.nplRatio) ||
    compareCodePoints(a.name, b.name) ||
    compareIds(a.id, b.id)
  );
}

/** ⌈4 × rank ÷ count⌉ in integer arithmetic; 1 = top quarter. */
export function quartile(rank: number, count: number): number {
  if (!Number.isSafeInteger(rank) || !Number.isSafeInteger(count) || count < 1 || rank < 1 || rank > count) {
    throw new RangeError(`quartile: need integers 1 ≤ rank ≤ count, got rank ${rank}, count ${count}`);
  }
  const n = BigInt(rank) * 4n + BigInt(count) - 1n;
  return Number(n / BigInt(count));
}

export type Ranked<T> = T & { readonly rank: number; readonly quartile: number };

/** Sorts by compareRankingKeys and assigns rank (1 = best) and quartile. */
export function rankByScore<T extends RankingKey>(items: readonly T[]): Ranked<T>[] {
  const sorted = [...items].sort(compareRankingKeys);
  return sorted.map((item, i) => ({ ...item, rank: i + 1, quartile: quartile(i + 1, sorted.length) }));
}

/** previous rank − current rank (positive = moved up); null when not ranked last month. */
export function rankChange(previousRank: number | null | undefined, currentRank: number): number | null {
  return previousRank === null || previousRank === undefined ? null : previousRank - currentRank;
}

// ---------------------------------------------------------------- workload

/** workload ÷ norm (default norm 4). */
export function workloadDeviation(
  workload: number | string,
  norm: number | string = DEFAULT_WORKLOAD_NORM,
): DecimalString {
  const n = positive(norm, 'workload norm');
  return divDecimal(toDecimalInput(workload, 'workload'), n, KPI_SCALE) ?? kpi('0');
}

/** overloaded above 1.5, underloaded below 0.5 (both bounds belong to 'normal'). */
export function workloadFlag(deviation: string): WorkloadFlag {
  if (compareDecimal(deviation, OVERLOAD_THRESHOLD) > 0) return 'overloaded';
  if (compareDecimal(deviation, UNDERLOAD_THRESHOLD) < 0) return 'underloaded';
  return 'normal';
}

// ---------------------------------------------------------------- projection

export interface MonthlyValue {
  /** 1 … 12 */
  readonly monthIndex: number;
  readonly value: string;
}

/**
 * Least-squares straight line through (monthIndex, value), evaluated at
 * `atMonth` (December by default). Exact rational arithmetic, rounded half-up
 * to KPI_SCALE once. One point → that value; no points → null.
 */
export function yearEndProjection(values: readonly MonthlyValue[], atMonth = 12): DecimalString | null {
  if (values.length === 0) return null;
  const seen = new Set<number>();
  for (const v of values) {
    if (!Number.isSafeInteger(v.monthIndex) || v.monthIndex < 1 || v.monthIndex > 12) {
      throw new RangeError(`yearEndProjection: monthIndex must be 1..12, got ${v.monthIndex}`);
    }
    if (seen.has(v.monthIndex)) throw new Error(`yearEndProjection: duplicate monthIndex ${v.monthIndex}`);
    seen.add(v.monthIndex);
  }
  if (values.length === 1) return kpi((values[0] as MonthlyValue).value);

  // Bring every y to a common scale S so they are integers Y = y·10^S.
  const parts = values.map((v) => ({ x: BigInt(v.monthIndex), y: parseDecimal(v.value) }));
  const scale = parts.reduce((m, p) => Math.max(m, p.y.scale), 0);
  const n = BigInt(parts.length);
  let sx = 0n;
  let sxx = 0n;
  let sy = 0n;
  let sxy = 0n;
  for (const { x, y } of parts) {
    const yy = y.units * 10n ** BigInt(scale - y.scale);
    sx += x;
    sxx += x * x;
    sy += yy;
    sxy += x * yy;
  }
  const varX = n * sxx - sx * sx; // > 0: at least two distinct x
  const covXY = n * sxy - sx * sy;
  // ŷ(t) = ΣY/n + slope·(t − Σx/n), slope = covXY/varX
  //      = [ΣY·varX + covXY·(n·t − Σx)] / (n·varX)
  const numerator = sy * varX + covXY * (n * BigInt(atMonth) - sx);
  const denominator = n * varX * 10n ** BigInt(scale);
  return ratioToDecimal(numerator, denominator, KPI_SCALE);
}

// ---------------------------------------------------------------- targets

/** (actual − target) NPL ratio in basis points; null when either is missing. */
export function targetGapBps(actualNplRatio: string | null, targetNplRatio: string | null): DecimalString | null {
  if (actualNplRatio === null || targetNplRatio === null) return null;
  return kpi(mulDecimal(subDecimal(actualNplRatio, targetNplRatio), '10000'));
}

/** (actual − target) recovery rate in percentage points; null when either is missing. */
export function targetGapPp(actualRate: string | null, targetRate: string | null): DecimalString | null {
  if (actualRate === null || targetRate === null) return null;
  return kpi(mulDecimal(subDecimal(actualRate, targetRate), HUNDRED));
}

/** NPL ratio ≤ target and recovery rate ≥ target. */
export function targetMet(
  nplRatioValue: string,
  targetNplRatio: string,
  recoveryRateValue: string | null,
  targetRecoveryRate: string,
): boolean {
  const nplOk = compareDecimal(nplRatioValue, targetNplRatio) <= 0;
  // A null recovery rate means nothing fell due, so nothing was missed.
  const recoveryOk = recoveryRateValue === null || compareDecimal(recoveryRateValue, targetRecoveryRate) >= 0;
  return nplOk && recoveryOk;
}
