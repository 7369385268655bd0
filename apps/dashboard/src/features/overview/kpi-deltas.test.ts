import { describe, expect, it } from 'vitest';
import { kpiDelta } from './kpi-deltas';

describe('kpiDelta', () => {
  it('shows an NPL ratio change in basis points, a fall is good', () => {
    expect(kpiDelta('0.0580', '0.0559', 'ratioLowerBetter', 'en')).toEqual({ text: '+21 bp', tone: 'bad', direction: 'up' });
    expect(kpiDelta('0.0500', '0.0559', 'ratioLowerBetter', 'en')).toEqual({ text: '-59 bp', tone: 'good', direction: 'down' });
  });
  it('shows a recovery rate change in percentage points, a rise is good', () => {
    expect(kpiDelta('0.94', '0.92', 'ratioHigherBetter', 'en')).toEqual({ text: '+2.00 pp', tone: 'good', direction: 'up' });
  });
  it('shows money in 万/亿 in Chinese, neutral', () => {
    expect(kpiDelta('395721483440.00', '390000000000.00', 'money', 'zh-CN')).toEqual({ text: '+57.21亿', tone: 'neutral', direction: 'up' });
    expect(kpiDelta('100', '3100', 'money', 'en')).toEqual({ text: '-CNY 3.00K', tone: 'neutral', direction: 'down' });
  });
  it('counts and missing values', () => {
    expect(kpiDelta(3057, 3000, 'count', 'en')?.text).toBe('+57');
    expect(kpiDelta(null, '0.1', 'count', 'en')).toBeNull();
    expect(kpiDelta('0.05', '0.05', 'ratioLowerBetter', 'en')).toEqual({ text: '0 bp', tone: 'neutral', direction: 'flat' });
  });
});
