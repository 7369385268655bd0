import { formatCount, labelOf, type DisplayLocale, type WorkloadFlag } from '@loan-desk/domain';
import { PALETTE, WORKLOAD_COLORS } from '../palette';
import { axisCommon, textStyle, tooltipBase, tooltipHtml } from './common';
import type { ChartOption } from './types';

export interface WorkloadBar {
  id: string;
  name: string;
  activeProjects: number;
  keyOrLarge: number;
  flag: WorkloadFlag;
}

export interface WorkloadInput {
  rows: readonly WorkloadBar[];
  /** Projects per client manager (default 4). */
  norm: number;
  locale: DisplayLocale;
  labels: { projects: string; keyOrLarge: string; norm: string; flag: string };
}

/**
 * One bar per client manager (most loaded first) against the norm line, with the overload
 * (1.5×) and underload (0.5×) thresholds; bars are coloured by their flag.
 */
export function workloadOption(input: WorkloadInput): ChartOption {
  const rows = [...input.rows].sort((a, b) => b.activeProjects - a.activeProjects || a.name.localeCompare(b.name));
  const max = Math.max(input.norm * 2, ...rows.map((r) => r.activeProjects));
  const line = (value: number, label: string, color: string, type: 'solid' | 'dashed') => ({
    yAxis: value,
    label: { formatter: label, color, position: 'insideEndTop' as const, fontSize: 11 },
    lineStyle: { color, type, width: type === 'solid' ? 2 : 1 },
  });
  return {
    animationDuration: 400,
    textStyle,
    grid: { left: 8, right: 16, top: 20, bottom: rows.length > 24 ? 36 : 8, containLabel: true },
    dataZoom: rows.length > 40 ? [{ type: 'slider', height: 14, bottom: 4, startValue: 0, endValue: 39, brushSelect: false }] : [],
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const r = rows[(params as { dataIndex: number }[])[0]?.dataIndex ?? -1];
        if (r === undefined) return '';
        return tooltipHtml(r.name, [
          { label: input.labels.projects, value: formatCount(r.activeProjects, input.locale), color: WORKLOAD_COLORS[r.flag] },
          { label: input.labels.keyOrLarge, value: formatCount(r.keyOrLarge, input.locale) },
          { label: input.labels.flag, value: labelOf('workloadFlag', r.flag, input.locale) },
        ]);
      },
    },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      ...axisCommon,
      axisLabel: { ...axisCommon.axisLabel, rotate: rows.length > 12 ? 45 : 0, interval: 0, fontSize: 11 },
    },
    yAxis: {
      type: 'value',
      max: Math.ceil(max + 1),
      minInterval: 1,
      ...axisCommon,
      axisLine: { show: false },
    },
    series: [
      {
        id: 'workload',
        name: input.labels.projects,
        type: 'bar',
        barMaxWidth: 22,
        data: rows.map((r) => ({
          id: r.id,
          value: r.activeProjects,
          itemStyle: { color: WORKLOAD_COLORS[r.flag], borderRadius: [3, 3, 0, 0] },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            line(input.norm, `${input.labels.norm} ${input.norm}`, PALETTE.ink, 'solid'),
            line(input.norm * 1.5, '1.5×', PALETTE.missed, 'dashed'),
            line(input.norm * 0.5, '0.5×', PALETTE.warn, 'dashed'),
          ],
        },
      },
    ],
  };
}
