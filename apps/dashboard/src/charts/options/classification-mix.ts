import { CLASSIFICATIONS, formatCount, formatMoney, formatRatioPercent, labelOf, type Classification, type DisplayLocale } from '@loan-desk/domain';
import { CLASSIFICATION_COLORS, PALETTE } from '../palette';
import { monthLabel, axisCommon, percentAxisLabel, plot, textStyle, tooltipBase, tooltipHtml } from './common';
import type { ChartOption } from './types';

export interface MixSlice {
  classification: Classification;
  balance: string;
  projectCount: number;
  share: string | null;
}

export interface MixInput {
  mix: readonly MixSlice[];
  locale: DisplayLocale;
  labels: { balance: string; projects: string; share: string };
  /** Text in the middle of the donut (e.g. the NPL ratio). */
  centerTitle?: string;
  centerValue?: string;
}

/** Donut of the five-tier classes by balance, always in glossary order and colours. */
export function classificationMixOption(input: MixInput): ChartOption {
  const byClass = new Map(input.mix.map((s) => [s.classification, s]));
  const slices = CLASSIFICATIONS.map((c) => byClass.get(c) ?? { classification: c, balance: '0', projectCount: 0, share: '0' });
  return {
    animationDuration: 400,
    textStyle,
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (p: unknown) => {
        const s = slices[(p as { dataIndex: number }).dataIndex];
        if (s === undefined) return '';
        return tooltipHtml(labelOf('classification', s.classification, input.locale), [
          { label: input.labels.balance, value: formatMoney(s.balance, input.locale), color: CLASSIFICATION_COLORS[s.classification] },
          { label: input.labels.share, value: formatRatioPercent(s.share) },
          { label: input.labels.projects, value: formatCount(s.projectCount, input.locale) },
        ]);
      },
    },
    legend: {
      orient: 'vertical',
      right: 0,
      top: 'middle',
      icon: 'circle',
      itemWidth: 9,
      itemHeight: 9,
      textStyle: { ...textStyle, color: PALETTE.ink },
      formatter: (name: string) => {
        const s = slices.find((x) => labelOf('classification', x.classification, input.locale) === name);
        return s ? `${name}  ${formatRatioPercent(s.share, 1)}` : name;
      },
    },
    series: [
      {
        id: 'mix',
        type: 'pie',
        radius: ['54%', '76%'],
        center: ['27%', '50%'],
        avoidLabelOverlap: true,
        label: {
          show: input.centerValue !== undefined,
          position: 'center',
          formatter: () => `{v|${input.centerValue ?? ''}}\n{t|${input.centerTitle ?? ''}}`,
          rich: {
            v: { fontSize: 20, fontWeight: 600, color: PALETTE.ink, lineHeight: 28 },
            t: { fontSize: 11, color: PALETTE.muted },
          },
        },
        emphasis: { scale: false, label: { show: input.centerValue !== undefined } },
        labelLine: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: slices.map((s) => ({
          name: labelOf('classification', s.classification, input.locale),
          value: plot(s.balance) ?? 0,
          itemStyle: { color: CLASSIFICATION_COLORS[s.classification] },
        })),
      },
    ],
  };
}

export interface MixTrendInput {
  months: readonly string[];
  /** Per month, the mix of that month (shares of balance). */
  mixes: readonly (readonly MixSlice[])[];
  locale: DisplayLocale;
}

/** Stacked area of class shares per month (100% stacked). */
export function classificationTrendOption(input: MixTrendInput): ChartOption {
  const fmtMonth = monthLabel(input.locale);
  return {
    animationDuration: 400,
    textStyle,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, icon: 'circle', itemWidth: 9, itemHeight: 9, textStyle: { ...textStyle } },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? -1;
        const month = input.months[i];
        const mix = input.mixes[i] ?? [];
        if (month === undefined) return '';
        return tooltipHtml(
          fmtMonth(month),
          [...CLASSIFICATIONS].reverse().map((c) => ({
            label: labelOf('classification', c, input.locale),
            value: formatRatioPercent(mix.find((s) => s.classification === c)?.share ?? null),
            color: CLASSIFICATION_COLORS[c],
          })),
        );
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: [...input.months],
      ...axisCommon,
      axisLabel: { ...axisCommon.axisLabel, formatter: fmtMonth, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      max: 1,
      ...axisCommon,
      axisLine: { show: false },
      axisLabel: { ...axisCommon.axisLabel, formatter: percentAxisLabel(0) },
    },
    series: CLASSIFICATIONS.map((c) => ({
      id: c,
      name: labelOf('classification', c, input.locale),
      type: 'line' as const,
      stack: 'mix',
      symbol: 'none',
      lineStyle: { width: 0 },
      itemStyle: { color: CLASSIFICATION_COLORS[c] },
      areaStyle: { color: CLASSIFICATION_COLORS[c], opacity: 0.85 },
      data: input.mixes.map((mix) => plot(mix.find((s) => s.classification === c)?.share ?? '0') ?? 0),
    })),
  };
}
