import { formatRatioPercent, type DisplayLocale } from '@loan-desk/domain';
import { PALETTE } from '../palette';
import { axisCommon, percentAxisLabel, plot, textStyle, tooltipBase, tooltipHtml } from './common';
import type { ChartOption } from './types';

export interface AttainmentRow {
  id: string;
  label: string;
  /** Year-to-date recoveries ÷ the year's plan, as a fraction. */
  value: string | null;
}

export interface AttainmentInput {
  rows: readonly AttainmentRow[];
  /** On-pace line: months elapsed ÷ 12 (e.g. October → 10/12). */
  pace: number;
  locale: DisplayLocale;
  labels: { attainment: string; pace: string };
}

/** Plan attainment per branch, lowest first, against the straight-line pace for the year. */
export function attainmentOption(input: AttainmentInput): ChartOption {
  const rows = [...input.rows].sort((a, b) => (plot(a.value) ?? -1) - (plot(b.value) ?? -1) || a.label.localeCompare(b.label));
  const colorOf = (r: AttainmentRow) => {
    const v = plot(r.value);
    return v === null ? PALETTE.neutral : v >= input.pace ? PALETTE.met : v >= input.pace * 0.9 ? PALETTE.warn : PALETTE.missed;
  };
  return {
    animationDuration: 400,
    textStyle,
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const r = rows[(params as { dataIndex: number }[])[0]?.dataIndex ?? -1];
        if (r === undefined) return '';
        return tooltipHtml(r.label, [
          { label: input.labels.attainment, value: formatRatioPercent(r.value, 1), color: colorOf(r) },
          { label: input.labels.pace, value: formatRatioPercent(String(input.pace.toFixed(4)), 1) },
        ]);
      },
    },
    xAxis: { type: 'value', ...axisCommon, axisLabel: { ...axisCommon.axisLabel, formatter: percentAxisLabel(0) } },
    yAxis: [
      {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.label),
        ...axisCommon,
        axisLabel: { ...axisCommon.axisLabel, color: PALETTE.ink },
        triggerEvent: true,
      },
      {
        type: 'category',
        inverse: true,
        position: 'right',
        data: rows.map((r) => formatRatioPercent(r.value, 1)),
        ...axisCommon,
        axisLine: { show: false },
        axisLabel: { ...axisCommon.axisLabel, fontSize: 11 },
      },
    ],
    series: [
      {
        id: 'attainment',
        name: input.labels.attainment,
        type: 'bar',
        barMaxWidth: 12,
        cursor: 'pointer',
        data: rows.map((r) => ({ id: r.id, value: plot(r.value) ?? 0, itemStyle: { color: colorOf(r), borderRadius: [0, 3, 3, 0] } })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: PALETTE.ink, type: 'dashed' },
          label: { formatter: input.labels.pace, position: 'start', color: PALETTE.muted, fontSize: 11 },
          data: [{ xAxis: input.pace }],
        },
      },
    ],
  };
}
