import { describe, expect, it } from 'vitest';
import { ratioTrendOption } from './trend';
import { classificationMixOption, classificationTrendOption } from './classification-mix';
import { workloadOption } from './workload';
import { bucketIndexOf, distributionOption } from './distribution';
import { contributionOption } from './contribution';
import { requiredVsActualOption, scenarioOption } from './staffing';
import { attainmentOption } from './attainment';
import { numStr, percentAxisLabel } from './common';
import { CLASSIFICATION_COLORS, PALETTE, WORKLOAD_COLORS } from '../palette';

type AnySeries = { id?: string; data: unknown[]; markLine?: { data: { yAxis?: number; xAxis?: number }[] } };
const seriesOf = (o: { series?: unknown }) => o.series as AnySeries[];

describe('common', () => {
  it('turns floats into plain decimal strings for the domain formatters', () => {
    expect(numStr(0.1 + 0.2)).toBe('0.3');
    expect(numStr(1e-7)).toBe('0.0000001');
    expect(numStr(12)).toBe('12');
    expect(percentAxisLabel(1)(0.035)).toBe('3.5%');
  });
});

describe('ratioTrendOption', () => {
  it('plots months in order with a target line and highlights the selected month', () => {
    const opt = ratioTrendOption({
      points: [
        { month: '2026-08', value: '0.05' },
        { month: '2026-09', value: null },
        { month: '2026-10', value: '0.045' },
      ],
      locale: 'zh-CN',
      seriesName: '不良贷款率',
      target: { value: '0.04', label: '目标' },
      highlightMonth: '2026-10',
    });
    expect((opt.xAxis as { data: string[] }).data).toEqual(['2026-08', '2026-09', '2026-10']);
    const s = seriesOf(opt)[0]!;
    expect(s.data[0]).toBe(0.05);
    expect(s.data[1]).toBeNull();
    expect((s.data[2] as { value: number; symbolSize: number }).symbolSize).toBe(10);
    expect(s.markLine!.data[0]!.yAxis).toBe(0.04);
  });
});

describe('ratioTrendOption axis', () => {
  it('keeps a flat zero series on a 0–5% axis', () => {
    const opt = ratioTrendOption({ points: [{ month: '2026-10', value: '0' }], locale: 'en', seriesName: 'NPL' });
    expect(opt.yAxis).toMatchObject({ min: 0, max: 0.05, scale: false });
  });
});

describe('classificationMixOption', () => {
  it('always shows the five tiers in glossary order and colours', () => {
    const opt = classificationMixOption({
      mix: [
        { classification: 'loss', balance: '10', projectCount: 1, share: '0.1' },
        { classification: 'normal', balance: '90', projectCount: 9, share: '0.9' },
      ],
      locale: 'zh-CN',
      labels: { balance: '余额', projects: '项目数', share: '占比' },
    });
    const data = seriesOf(opt)[0]!.data as { name: string; value: number; itemStyle: { color: string } }[];
    expect(data.map((d) => d.name)).toEqual(['正常', '关注', '次级', '可疑', '损失']);
    expect(data.map((d) => d.value)).toEqual([90, 0, 0, 0, 10]);
    expect(data[4]!.itemStyle.color).toBe(CLASSIFICATION_COLORS.loss);
  });

  it('stacks the class shares per month', () => {
    const opt = classificationTrendOption({
      months: ['2026-09', '2026-10'],
      mixes: [
        [{ classification: 'normal', balance: '1', projectCount: 1, share: '1' }],
        [
          { classification: 'normal', balance: '1', projectCount: 1, share: '0.5' },
          { classification: 'doubtful', balance: '1', projectCount: 1, share: '0.5' },
        ],
      ],
      locale: 'en',
    });
    const s = seriesOf(opt);
    expect(s).toHaveLength(5);
    expect(s[0]!.data).toEqual([1, 0.5]);
    expect(s[3]!.data).toEqual([0, 0.5]);
  });
});

describe('workloadOption', () => {
  it('sorts by workload, colours by flag and draws norm and thresholds', () => {
    const opt = workloadOption({
      rows: [
        { id: 'a', name: 'An', activeProjects: 2, keyOrLarge: 0, flag: 'normal' },
        { id: 'b', name: 'Bo', activeProjects: 7, keyOrLarge: 2, flag: 'overloaded' },
        { id: 'c', name: 'Cy', activeProjects: 1, keyOrLarge: 0, flag: 'underloaded' },
      ],
      norm: 4,
      locale: 'en',
      labels: { projects: 'Projects', keyOrLarge: 'Key/large', norm: 'Norm', flag: 'Status' },
    });
    const s = seriesOf(opt)[0]!;
    const data = s.data as { id: string; value: number; itemStyle: { color: string } }[];
    expect(data.map((d) => d.id)).toEqual(['b', 'a', 'c']);
    expect(data[0]!.itemStyle.color).toBe(WORKLOAD_COLORS.overloaded);
    expect(data[2]!.itemStyle.color).toBe(WORKLOAD_COLORS.underloaded);
    expect(s.markLine!.data.map((d) => d.yAxis)).toEqual([4, 6, 2]);
  });
});

describe('distributionOption', () => {
  const buckets = [
    { from: '0', to: '50', count: 3 },
    { from: '50', to: '80', count: 10 },
    { from: '80', to: '100', count: 5 },
  ];
  it('finds the bucket of a score, the top edge included in the last bucket', () => {
    expect(bucketIndexOf(buckets, '49.99')).toBe(0);
    expect(bucketIndexOf(buckets, '50')).toBe(1);
    expect(bucketIndexOf(buckets, '100')).toBe(2);
    expect(bucketIndexOf(buckets, null)).toBe(-1);
  });
  it('highlights the selected person and shades the deciles', () => {
    const opt = distributionOption({
      buckets,
      mean: '65',
      median: '70',
      highlight: '60',
      topDecile: '80',
      bottomDecile: '50',
      locale: 'en',
      labels: { count: 'People', mean: 'Mean', median: 'Median' },
    });
    const s = seriesOf(opt)[0]!;
    const colors = (s.data as { itemStyle: { color: string } }[]).map((d) => d.itemStyle.color);
    expect(colors).toEqual([PALETTE.missed, PALETTE.accent, PALETTE.met]);
    expect(s.markLine!.data[0]!.xAxis).toBeCloseTo(1 - 0.5 + 15 / 30);
  });
});

describe('contributionOption', () => {
  it('draws contribution against weight × 100', () => {
    const opt = contributionOption({
      rows: [
        { key: 'ASSET_QUALITY', label: 'Asset quality', contribution: '28', weight: '0.35', normalized: '80', kpiText: '4.00%' },
        { key: 'WORKLOAD', label: 'Workload', contribution: '10', weight: '0.10', normalized: '100', kpiText: '4' },
      ],
      locale: 'en',
      labels: { contribution: 'Contribution', max: 'Max', normalized: 'Component', kpi: 'KPI' },
    });
    const [max, contrib] = seriesOf(opt);
    expect(max!.data).toEqual([35, 10]);
    expect(contrib!.data).toEqual([28, 10]);
  });
});

describe('staffing options', () => {
  it('groups headcounts by line with one series per scenario', () => {
    const opt = scenarioOption({
      scenarios: [
        { id: 'before', label: 'Before' },
        { id: 'proposed', label: 'Proposed' },
      ],
      rows: [{ key: 'cm', label: 'Client managers', values: ['210', '760'] }],
      locale: 'en',
    });
    const s = seriesOf(opt);
    expect(s.map((x) => x.id)).toEqual(['before', 'proposed']);
    expect(s[1]!.data).toEqual([760]);
  });

  it('puts the largest shortage first and marks shortages red', () => {
    const opt = requiredVsActualOption({
      rows: [
        { id: '1', label: 'A', required: 10, actual: 12 },
        { id: '2', label: 'B', required: 30, actual: 20 },
      ],
      locale: 'en',
      labels: { required: 'Required', actual: 'Actual', gap: 'Gap' },
    });
    expect((opt.xAxis as { data: string[] }).data).toEqual(['B', 'A']);
    const req = seriesOf(opt)[1]!.data as { itemStyle: { color: string } }[];
    expect(req[0]!.itemStyle.color).toBe(PALETTE.missed);
    expect(req[1]!.itemStyle.color).toBe(PALETTE.primary);
  });
});

describe('attainmentOption', () => {
  it('sorts lowest first and colours against the pace', () => {
    const opt = attainmentOption({
      rows: [
        { id: '1', label: 'A', value: '0.9' },
        { id: '2', label: 'B', value: '0.5' },
        { id: '3', label: 'C', value: '0.8' },
      ],
      pace: 10 / 12,
      locale: 'en',
      labels: { attainment: 'Attainment', pace: 'On pace' },
    });
    const s = seriesOf(opt)[0]!;
    const data = s.data as { id: string; itemStyle: { color: string } }[];
    expect(data.map((d) => d.id)).toEqual(['2', '3', '1']);
    expect(data.map((d) => d.itemStyle.color)).toEqual([PALETTE.missed, PALETTE.warn, PALETTE.met]);
  });
});
