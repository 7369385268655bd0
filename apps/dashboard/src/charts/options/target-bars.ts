import { formatBps, formatPp, formatRatioPercent, mulDecimal, subDecimal, type DisplayLocale } from '@loan-desk/domain';
import { PALETTE } from '../palette';
import { axisCommon, percentAxisLabel, plot, textStyle, tooltipBase, tooltipHtml } from './common';
import type { ChartOption } from './types';

export interface TargetBarRow {
  id: string;
  label: string;
  /** Ratio as a decimal fraction. */
  actual: string | null;
  target: string | null;
  met: boolean | null;
}

export interface TargetBarsInput {
  rows: readonly TargetBarRow[];
  /** NPL ratio: lower is better (gap in bp); recovery rate: higher is better (gap in pp). */
  direction: 'lowerIsBetter' | 'higherIsBetter';
  locale: DisplayLocale;
  labels: { actual: string; target: string; gap: string };
  selectedId?: string | null;
}

/** actual − target as a number, for sorting only. */
function gapOf(r: TargetBarRow): number | null {
  const a = plot(r.actual);
  const t = plot(r.target);
  return a === null || t === null ? null : a - t;
}

/** Worst first: the largest overshoot of a lower-is-better ratio, the largest shortfall otherwise. */
export function sortByGap(rows: readonly TargetBarRow[], direction: TargetBarsInput['direction']): TargetBarRow[] {
  const sign = direction === 'lowerIsBetter' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const ga = gapOf(a);
    const gb = gapOf(b);
    if (ga === null || gb === null) return ga === null ? (gb === null ? a.label.localeCompare(b.label) : 1) : -1;
    return sign * (ga - gb) || a.label.localeCompare(b.label);
  });
}

export function formatGap(r: Pick<TargetBarRow, 'actual' | 'target'>, direction: TargetBarsInput['direction']): string {
  if (r.actual === null || r.target === null) return '—';
  const diff = subDecimal(r.actual, r.target);
  return direction === 'lowerIsBetter' ? formatBps(mulDecimal(diff, '10000')) : formatPp(mulDecimal(diff, '100'));
}

/** Lowest actual/target minus 5 pp, rounded down to 10%, never below 0. */
export function axisFloor(rows: readonly TargetBarRow[]): number {
  const values = rows.flatMap((r) => [plot(r.actual), plot(r.target)]).filter((v): v is number => v !== null);
  if (values.length === 0) return 0;
  return Math.max(0, Math.floor((Math.min(...values) - 0.05) * 10) / 10);
}

/**
 * Bullet-style horizontal bars: one bar per branch (actual, coloured met/missed) and a target
 * marker; sorted by gap, worst on top. Data items carry the branch id for click-through.
 */
export function targetBarsOption(input: TargetBarsInput): ChartOption {
  const rows = sortByGap(input.rows, input.direction);
  const colorOf = (r: TargetBarRow) => (r.met === null ? PALETTE.neutral : r.met ? PALETTE.met : PALETTE.missed);
  return {
    animationDuration: 400,
    textStyle,
    grid: { left: 8, right: 8, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = params as { dataIndex: number }[];
        const r = rows[list[0]?.dataIndex ?? -1];
        if (r === undefined) return '';
        return tooltipHtml(r.label, [
          { label: input.labels.actual, value: formatRatioPercent(r.actual), color: colorOf(r) },
          { label: input.labels.target, value: formatRatioPercent(r.target), color: PALETTE.target },
          { label: input.labels.gap, value: formatGap(r, input.direction) },
        ]);
      },
    },
    xAxis: {
      type: 'value',
      ...axisCommon,
      axisLabel: { ...axisCommon.axisLabel, formatter: percentAxisLabel(0), hideOverlap: true },
      // Recovery rates cluster near 100%: start the axis just below the lowest value or target.
      min: input.direction === 'higherIsBetter' ? axisFloor(rows) : 0,
    },
    // Left axis: branch names; right axis: the actual values, so labels never collide with markers.
    yAxis: [
      {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.label),
        ...axisCommon,
        axisLabel: { ...axisCommon.axisLabel, color: PALETTE.ink, fontWeight: 500 },
        triggerEvent: true,
      },
      {
        type: 'category',
        inverse: true,
        position: 'right',
        data: rows.map((r) => formatRatioPercent(r.actual, 2)),
        ...axisCommon,
        axisLine: { show: false },
        axisLabel: { ...axisCommon.axisLabel, fontSize: 11 },
      },
    ],
    series: [
      {
        id: 'actual',
        name: input.labels.actual,
        type: 'bar',
        barMaxWidth: 14,
        cursor: 'pointer',
        data: rows.map((r) => ({
          id: r.id,
          value: plot(r.actual) ?? 0,
          itemStyle: {
            color: colorOf(r),
            borderRadius: [0, 3, 3, 0],
            opacity: input.selectedId && input.selectedId !== r.id ? 0.35 : 1,
          },
        })),
      },
      {
        id: 'target',
        name: input.labels.target,
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [3, 18],
        z: 5,
        itemStyle: { color: PALETTE.target },
        data: rows.flatMap((r, i) => {
          const t = plot(r.target);
          return t === null ? [] : [{ id: r.id, value: [t, i] }];
        }),
        tooltip: { show: false },
      },
    ],
  };
}
