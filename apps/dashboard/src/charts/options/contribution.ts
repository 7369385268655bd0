import { formatScore, mulDecimal, type DisplayLocale } from '@loan-desk/domain';
import { PALETTE } from '../palette';
import { axisCommon, plot, textStyle, tooltipBase, tooltipHtml } from './common';
import type { ChartOption } from './types';

export interface ContributionRow {
  key: string;
  label: string;
  /** weight × component, in score points. */
  contribution: string;
  /** Fraction, e.g. "0.35". */
  weight: string;
  /** Component score 0–100. */
  normalized: string;
  kpiText: string;
}

export interface ContributionInput {
  rows: readonly ContributionRow[];
  locale: DisplayLocale;
  labels: { contribution: string; max: string; normalized: string; kpi: string };
}

/** Each component's contribution against its maximum (weight × 100): where the points were lost. */
export function contributionOption(input: ContributionInput): ChartOption {
  const rows = input.rows;
  const maxOf = (r: ContributionRow) => plot(mulDecimal(r.weight, '100')) ?? 0;
  return {
    animationDuration: 300,
    textStyle,
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const r = rows[(params as { dataIndex: number }[])[0]?.dataIndex ?? -1];
        if (r === undefined) return '';
        return tooltipHtml(r.label, [
          { label: input.labels.contribution, value: formatScore(r.contribution), color: PALETTE.primary },
          { label: input.labels.max, value: formatScore(mulDecimal(r.weight, '100')) },
          { label: input.labels.normalized, value: formatScore(r.normalized, 1) },
          { label: input.labels.kpi, value: r.kpiText },
        ]);
      },
    },
    xAxis: { type: 'value', ...axisCommon, max: Math.max(...rows.map(maxOf), 1) },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), ...axisCommon, axisLabel: { ...axisCommon.axisLabel, color: PALETTE.ink } },
    series: [
      {
        id: 'max',
        type: 'bar',
        barGap: '-100%',
        barMaxWidth: 16,
        silent: true,
        itemStyle: { color: PALETTE.grid, borderRadius: 3 },
        data: rows.map(maxOf),
      },
      {
        id: 'contribution',
        name: input.labels.contribution,
        type: 'bar',
        barMaxWidth: 16,
        itemStyle: { color: PALETTE.primary, borderRadius: 3 },
        label: {
          show: true,
          position: 'right',
          color: PALETTE.ink,
          fontSize: 11,
          formatter: (p: { dataIndex: number }) => {
            const r = rows[p.dataIndex];
            return r ? `${formatScore(r.contribution, 1)} / ${formatScore(mulDecimal(r.weight, '100'), 0)}` : '';
          },
        },
        data: rows.map((r) => plot(r.contribution) ?? 0),
      },
    ],
  };
}
