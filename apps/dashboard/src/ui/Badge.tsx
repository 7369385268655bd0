import type { ReactNode } from 'react';
import { CLASSIFICATION_COLORS, WORKLOAD_COLORS } from '../charts/palette';
import type { Classification, WorkloadFlag } from '@loan-desk/domain';

export function Badge({ tone = 'neutral', children }: { tone?: 'good' | 'bad' | 'warn' | 'neutral' | 'info'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function ClassBadge({ value, label }: { value: Classification; label: string }) {
  return (
    <span className="class-badge">
      <span className="dot" style={{ background: CLASSIFICATION_COLORS[value] }} />
      {label}
    </span>
  );
}

export function FlagBadge({ value, label }: { value: WorkloadFlag; label: string }) {
  return (
    <span className="class-badge">
      <span className="dot" style={{ background: WORKLOAD_COLORS[value] }} />
      {label}
    </span>
  );
}

/** Rank change: positive = moved up. */
export function RankChange({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (value === 0) return <span className="muted">0</span>;
  return <span className={value > 0 ? 'good' : 'bad'}>{value > 0 ? `▲${value}` : `▼${-value}`}</span>;
}
