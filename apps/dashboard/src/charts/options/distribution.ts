import { formatCount, formatScore, type DisplayLocale } from '@loan-desk/domain';
import { PALETTE } from '../palette';
import { axisCommon, plot, textStyle, tooltipBase, tooltipHtml } from './common';
import type { ChartOption } from './types';

export interface Bucket {
  from: string;
  to: string;
  count: number;
}

export interface DistributionInput {
  buckets: readonly Bucket[];
  mean: string | null;
  median: string | null;
  /** Score of the selected person: their bucket is highlighted. */
  highlight?: string | null;
  topDecile?: string | null;
  bottomDecile?: string | null;
  locale: DisplayLocale;
  labels: { count: string; mean: string; median: string };
}

export function bucketIndexOf(buckets: readonly Bucket[], score: string | null | undefined): number {
  const s = plot(score);
  if (s === null) return -1;
  const i = buckets.findIndex((b, k) => {
    const from = plot(b.from) ?? 0;
    const to = plot(b.to) ?? 0;
    return s >= from && (s < to || (k === buckets.length - 1 && s <= to));
  });
  return i;
}

/** Histogram of composite scores; deciles shaded, mean/median marked. */
export function distributionOption(input: DistributionInput): ChartOption {
  const cats = input.buckets.map((b) => `${formatScore(b.from, 0)}–${formatScore(b.to, 0)}`);
  const hi = bucketIndexOf(input.buckets, input.highlight);
  const top = plot(input.topDecile);
  const bottom = plot(input.bottomDecile);
  const colorOf = (b: Bucket, i: number) => {
    if (i === hi) return PALETTE.accent;
    if (top !== null && (plot(b.from) ?? 0) >= top) return PALETTE.met;
    if (bottom !== null && (plot(b.to) ?? 0) <= bottom) return PALETTE.missed;
    return PALETTE.primarySoft;
  };
  // Position a score on the category axis by interpolating inside its bucket.
  const axisPos = (score: string | null): number | null => {
    const i = bucketIndexOf(input.buckets, score);
    const b = input.buckets[i];
    const s = plot(score);
    if (b === undefined || s === null) return null;
    const from = plot(b.from) ?? 0;
    const to = plot(b.to) ?? from + 1;
    return i - 0.5 + (s - from) / (to - from || 1);
  };
  const marks = [
    { label: input.labels.mean, value: input.mean, color: PALETTE.ink },
    { label: input.labels.median, value: input.median, color: PALETTE.muted },
  ].flatMap((m) => {
    const x = axisPos(m.value);
    return x === null
      ? []
      : [{ xAxis: x, name: `${m.label} ${formatScore(m.value, 1)}`, label: { show: false }, lineStyle: { color: m.color, width: 1.5 } }];
  });
  return {
    animationDuration: 400,
    textStyle,
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? -1;
        const b = input.buckets[i];
        if (b === undefined) return '';
        return tooltipHtml(cats[i] ?? '', [{ label: input.labels.count, value: formatCount(b.count, input.locale), color: colorOf(b, i) }]);
      },
    },
    xAxis: { type: 'category', data: cats, ...axisCommon, axisLabel: { ...axisCommon.axisLabel, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, ...axisCommon, axisLine: { show: false } },
    series: [
      {
        id: 'count',
        name: input.labels.count,
        type: 'bar',
        barCategoryGap: '12%',
        data: input.buckets.map((b, i) => ({ value: b.count, itemStyle: { color: colorOf(b, i), borderRadius: [3, 3, 0, 0] } })),
        markLine: marks.length ? { silent: true, symbol: 'none', lineStyle: { type: 'dashed' }, data: marks } : undefined,
      },
    ],
  };
}
