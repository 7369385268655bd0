import { describe, expect, it } from 'vitest';
import { axisFloor, formatGap, sortByGap, targetBarsOption, type TargetBarRow } from './target-bars';
import { PALETTE } from '../palette';

const rows: TargetBarRow[] = [
  { id: '1', label: 'Beijing', actual: '0.0300', target: '0.0400', met: true },
  { id: '2', label: 'Wuhan', actual: '0.0900', target: '0.0500', met: false },
  { id: '3', label: 'Xian', actual: '0.0550', target: '0.0500', met: false },
  { id: '4', label: 'Lhasa', actual: null, target: '0.0500', met: null },
];
const labels = { actual: 'Actual', target: 'Target', gap: 'Gap' };

describe('targetBarsOption', () => {
  it('sorts worst gap first for a lower-is-better ratio, nulls last', () => {
    expect(sortByGap(rows, 'lowerIsBetter').map((r) => r.id)).toEqual(['2', '3', '1', '4']);
  });

  it('sorts largest shortfall first for a higher-is-better ratio', () => {
    const rec: TargetBarRow[] = [
      { id: 'a', label: 'A', actual: '0.95', target: '0.90', met: true },
      { id: 'b', label: 'B', actual: '0.70', target: '0.90', met: false },
    ];
    expect(sortByGap(rec, 'higherIsBetter').map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('colours bars met/missed and keeps branch ids on the data for click-through', () => {
    const opt = targetBarsOption({ rows, direction: 'lowerIsBetter', locale: 'en', labels });
    const series = opt.series as { id: string; data: { id: string; value: unknown; itemStyle?: { color: string } }[] }[];
    const bars = series[0]!;
    expect(bars.data.map((d) => d.id)).toEqual(['2', '3', '1', '4']);
    expect(bars.data[0]!.itemStyle!.color).toBe(PALETTE.missed);
    expect(bars.data[2]!.itemStyle!.color).toBe(PALETTE.met);
    expect(bars.data[3]!.itemStyle!.color).toBe(PALETTE.neutral);
    expect(bars.data[0]!.value).toBeCloseTo(0.09);
    // target markers at [target, category index]
    expect(series[1]!.data[0]!.value).toEqual([0.05, 0]);
    const [names, values] = opt.yAxis as { data: string[] }[];
    expect(names!.data).toEqual(['Wuhan', 'Xian', 'Beijing', 'Lhasa']);
    expect(values!.data).toEqual(['9.00%', '5.50%', '3.00%', '—']);
  });

  it('formats the gap in basis points or percentage points exactly', () => {
    expect(formatGap(rows[1]!, 'lowerIsBetter')).toBe('+400 bp');
    expect(formatGap({ actual: '0.7', target: '0.9' }, 'higherIsBetter')).toBe('-20.00 pp');
    expect(formatGap({ actual: null, target: '0.9' }, 'higherIsBetter')).toBe('—');
  });
});

describe('axisFloor', () => {
  it('starts a recovery axis below the lowest value', () => {
    expect(axisFloor([{ id: 'a', label: 'A', actual: '0.88', target: '0.83', met: true }])).toBe(0.7);
    expect(axisFloor([{ id: 'a', label: 'A', actual: '0.02', target: null, met: null }])).toBe(0);
    expect(axisFloor([])).toBe(0);
  });
});
