import { formatCount, formatDecimal, type DisplayLocale } from '@loan-desk/domain';
import { PALETTE } from '../palette';
import { axisCommon, plot, textStyle, tooltipBase, tooltipHtml } from './common';
import type { ChartOption } from './types';

const SCENARIO_COLORS = [PALETTE.neutral, PALETTE.primarySoft, PALETTE.primary, PALETTE.accent, PALETTE.warn];

export interface ScenarioChartInput {
  scenarios: readonly { id: string; label: string }[];
  /** Rows to plot (headcounts); values align with scenarios. */
  rows: readonly { key: string; label: string; values: readonly (string | null)[] }[];
  locale: DisplayLocale;
}

/** Grouped horizontal bars: one group per staffing line, one bar per scenario. */
export function scenarioOption(input: ScenarioChartInput): ChartOption {
  return {
    animationDuration: 400,
    textStyle,
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 8, textStyle: { ...textStyle } },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? -1;
        const row = input.rows[i];
        if (row === undefined) return '';
        return tooltipHtml(
          row.label,
          input.scenarios.map((s, k) => ({
            label: s.label,
            value: row.values[k] === null || row.values[k] === undefined ? '—' : formatCount(Number(row.values[k]), input.locale),
            color: SCENARIO_COLORS[k % SCENARIO_COLORS.length],
          })),
        );
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: input.rows.map((r) => r.label),
      ...axisCommon,
      axisLabel: { ...axisCommon.axisLabel, color: PALETTE.ink, width: 150, overflow: 'break' },
    },
    xAxis: { type: 'value', ...axisCommon },
    series: input.scenarios.map((s, k) => ({
      id: s.id,
      name: s.label,
      type: 'bar' as const,
      barMaxWidth: 10,
      barGap: '20%',
      itemStyle: { color: SCENARIO_COLORS[k % SCENARIO_COLORS.length], borderRadius: [0, 3, 3, 0] },
      label: { show: true, position: 'right' as const, fontSize: 10, color: PALETTE.muted },
      data: input.rows.map((r) => plot(r.values[k] ?? null)),
    })),
  };
}

export interface RequiredActualRow {
  id: string;
  label: string;
  required: number;
  actual: number;
}

export interface RequiredActualInput {
  rows: readonly RequiredActualRow[];
  locale: DisplayLocale;
  labels: { required: string; actual: string; gap: string };
}

/** Per branch: client managers required at the chosen norm against those in post; largest shortage first. */
export function requiredVsActualOption(input: RequiredActualInput): ChartOption {
  const rows = [...input.rows].sort((a, b) => b.required - b.actual - (a.required - a.actual) || a.label.localeCompare(b.label));
  return {
    animationDuration: 300,
    textStyle,
    grid: { left: 8, right: 8, top: 12, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const r = rows[(params as { dataIndex: number }[])[0]?.dataIndex ?? -1];
        if (r === undefined) return '';
        const gap = r.required - r.actual;
        return tooltipHtml(r.label, [
          { label: input.labels.required, value: formatCount(r.required, input.locale), color: PALETTE.primary },
          { label: input.labels.actual, value: formatCount(r.actual, input.locale), color: PALETTE.neutral },
          { label: input.labels.gap, value: `${gap > 0 ? '+' : ''}${formatDecimal(String(gap), 0)}` },
        ]);
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => r.label), ...axisCommon, axisLabel: { ...axisCommon.axisLabel, rotate: 45, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, ...axisCommon, axisLine: { show: false } },
    series: [
      {
        id: 'actual',
        name: input.labels.actual,
        type: 'bar',
        barMaxWidth: 14,
        itemStyle: { color: PALETTE.neutral, borderRadius: [3, 3, 0, 0] },
        data: rows.map((r) => ({ id: r.id, value: r.actual })),
      },
      {
        id: 'required',
        name: input.labels.required,
        type: 'bar',
        barMaxWidth: 14,
        data: rows.map((r) => ({
          id: r.id,
          value: r.required,
          itemStyle: { color: r.required > r.actual ? PALETTE.missed : PALETTE.primary, borderRadius: [3, 3, 0, 0] },
        })),
      },
    ],
  };
}
