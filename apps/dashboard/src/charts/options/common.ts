import { formatMonth, formatRatioPercent, type DisplayLocale, type Month } from '@loan-desk/domain';
import { FONT_FAMILY, PALETTE } from '../palette';

/** A JS number as a plain decimal string (no exponent), for the domain formatters. */
export function numStr(v: number): string {
  if (!Number.isFinite(v)) return '0';
  const s = v.toFixed(10);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Decimal string → number for plotting only (display text always uses the exact string). */
export function plot(v: string | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export function percentAxisLabel(digits = 0): (v: number) => string {
  return (v: number) => formatRatioPercent(numStr(v), digits);
}

export function monthLabel(locale: DisplayLocale): (m: string) => string {
  return (m: string) => {
    try {
      return formatMonth(m as Month, locale);
    } catch {
      return m;
    }
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Tooltip body: a bold title and label/value lines with an optional colour dot. */
export function tooltipHtml(title: string, lines: readonly { label: string; value: string; color?: string }[]): string {
  const rows = lines
    .map(
      (l) =>
        `<div style="display:flex;justify-content:space-between;gap:16px"><span>${
          l.color ? `<span style="display:inline-block;width:8px;height:8px;border-radius:50%;background:${l.color};margin-right:6px"></span>` : ''
        }${escapeHtml(l.label)}</span><b style="font-variant-numeric:tabular-nums">${escapeHtml(l.value)}</b></div>`,
    )
    .join('');
  return `<div style="min-width:160px"><div style="font-weight:600;margin-bottom:4px">${escapeHtml(title)}</div>${rows}</div>`;
}

export const textStyle = { fontFamily: FONT_FAMILY, color: PALETTE.ink, fontSize: 12 } as const;

export const tooltipBase = {
  backgroundColor: '#ffffff',
  borderColor: PALETTE.grid,
  borderWidth: 1,
  textStyle: { ...textStyle },
  extraCssText: 'box-shadow:0 4px 16px rgba(27,37,51,.12);border-radius:8px;',
} as const;

export const axisCommon = {
  axisLine: { lineStyle: { color: PALETTE.axis } },
  axisTick: { show: false },
  axisLabel: { color: PALETTE.muted, fontFamily: FONT_FAMILY },
  splitLine: { lineStyle: { color: PALETTE.grid } },
} as const;
