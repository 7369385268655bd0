import type { Classification, WorkloadFlag } from '@loan-desk/domain';

/** One palette for the whole product (CSS variables mirror these in styles.css). */
export const PALETTE = {
  ink: '#1b2533',
  muted: '#6b778c',
  grid: '#e6e9ef',
  axis: '#c3c9d4',
  primary: '#1f5fa8',
  primarySoft: '#8fb3dc',
  accent: '#0f8b8d',
  met: '#2f8f5b',
  missed: '#c8453b',
  warn: '#d98c1f',
  target: '#1b2533',
  neutral: '#a5aebd',
} as const;

/** Five-tier classes, green → dark red. */
export const CLASSIFICATION_COLORS: Record<Classification, string> = {
  normal: '#2f8f5b',
  special_mention: '#e0b43a',
  substandard: '#e07b39',
  doubtful: '#c8453b',
  loss: '#7a1f2b',
};

export const WORKLOAD_COLORS: Record<WorkloadFlag, string> = {
  overloaded: PALETTE.missed,
  normal: PALETTE.primary,
  underloaded: PALETTE.warn,
};

export const FONT_FAMILY =
  '"Inter", "Segoe UI", -apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';
