import { compareDecimal, formatBps, formatCount, formatMoney, formatPp, isZeroDecimal, mulDecimal, subDecimal, type DisplayLocale } from '@loan-desk/domain';
import type { Tone } from '../../ui/KpiTile';

/**
 * How a KPI's change is shown: money and counts as signed amounts (neutral), ratios where lower
 * is better in basis points, ratios where higher is better in percentage points.
 */
export type DeltaKind = 'money' | 'count' | 'ratioLowerBetter' | 'ratioHigherBetter';

export interface Delta {
  text: string;
  tone: Tone;
  direction: 'up' | 'down' | 'flat';
}

function signedMoney(diff: string, locale: DisplayLocale): string {
  const txt = formatMoney(diff, locale);
  return compareDecimal(diff, '0') > 0 ? `+${txt}` : txt;
}

/** Change of a KPI between two snapshots; null when either side is missing. */
export function kpiDelta(
  current: string | number | null | undefined,
  previous: string | number | null | undefined,
  kind: DeltaKind,
  locale: DisplayLocale,
): Delta | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  const diff = subDecimal(String(current), String(previous));
  const sign = compareDecimal(diff, '0');
  const direction = sign > 0 ? 'up' : sign < 0 ? 'down' : 'flat';
  switch (kind) {
    case 'money':
      return { text: signedMoney(diff, locale), tone: 'neutral', direction };
    case 'count': {
      const n = Number(diff);
      return { text: `${n > 0 ? '+' : ''}${formatCount(n, locale)}`, tone: 'neutral', direction };
    }
    case 'ratioLowerBetter': {
      const bps = mulDecimal(diff, '10000');
      const text = formatBps(bps);
      return { text, tone: isZeroDecimal(bps) || text.startsWith('0') ? 'neutral' : sign < 0 ? 'good' : 'bad', direction };
    }
    case 'ratioHigherBetter': {
      const pp = mulDecimal(diff, '100');
      const text = formatPp(pp);
      return { text, tone: isZeroDecimal(pp) || text.startsWith('0') ? 'neutral' : sign > 0 ? 'good' : 'bad', direction };
    }
  }
}
