import { formatRatioPercent, type DisplayLocale } from '@loan-desk/domain';
import { PALETTE } from '../palette';
import { axisCommon, monthLabel, percentAxisLabel, plot, textStyle, tooltipBase, tooltipHtml } from './common';
import type { ChartOption } from './types';

export interface TrendPoint {
  month: string;
  value: string | null;
}

export interface TrendInput {
  points: readonly TrendPoint[];
  locale: DisplayLocale;
  seriesName: string;
  /** Optional target drawn as a dashed line. */
  target?: { value: string; label: string } | null;
  /** Month to highlight (the selected month). */
  highlightMonth?: string | null;
  color?: string;
}

/** Monthly ratio trend as a line with a soft area; values are fractions shown as percent. */
export function ratioTrendOption(input: TrendInput): ChartOption {
  const color = input.color ?? PALETTE.primary;
  const months = input.points.map((p) => p.month);
  const fmtMonth = monthLabel(input.locale);
  const target = input.target ? plot(input.target.value) : null;
  const hi = input.highlightMonth ? months.indexOf(input.highlightMonth) : -1;
  // A flat zero series (a clean portfolio) would otherwise get a 0–100% axis.
  const values = input.points.map((p) => plot(p.value)).filter((v): v is number => v !== null);
  const allZero = values.length > 0 && values.every((v) => v === 0) && (target === null || target === 0);
  return {
    animationDuration: 400,
    textStyle,
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const p = (params as { dataIndex: number }[])[0];
        const point = p ? input.points[p.dataIndex] : undefined;
        if (point === undefined) return '';
        const lines = [{ label: input.seriesName, value: formatRatioPercent(point.value), color }];
        if (input.target) lines.push({ label: input.target.label, value: formatRatioPercent(input.target.value), color: PALETTE.target });
        return tooltipHtml(fmtMonth(point.month), lines);
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: months,
      ...axisCommon,
      axisLabel: { ...axisCommon.axisLabel, formatter: fmtMonth, hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      scale: !allZero,
      ...(allZero ? { min: 0, max: 0.05 } : {}),
      ...axisCommon,
      axisLine: { show: false },
      axisLabel: { ...axisCommon.axisLabel, formatter: percentAxisLabel(1) },
    },
    series: [
      {
        id: 'value',
        name: input.seriesName,
        type: 'line',
        smooth: 0.25,
        symbol: 'circle',
        symbolSize: 5,
        showSymbol: input.points.length <= 13,
        connectNulls: false,
        lineStyle: { width: 2.5, color },
        itemStyle: { color },
        areaStyle: {
          color: {
            type: 'linear',
            x: 0,
            y: 0,
            x2: 0,
            y2: 1,
            colorStops: [
              { offset: 0, color: `${color}33` },
              { offset: 1, color: `${color}00` },
            ],
          },
        },
        data: input.points.map((p, i) =>
          i === hi ? { value: plot(p.value), symbolSize: 10, itemStyle: { color, borderColor: '#fff', borderWidth: 2 } } : plot(p.value),
        ),
        markLine:
          target === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: PALETTE.target, type: 'dashed', width: 1.5 },
                label: { formatter: input.target?.label ?? '', color: PALETTE.muted, position: 'insideEndTop' },
                data: [{ yAxis: target }],
              },
      },
    ],
  };
}
