export type Tone = 'good' | 'bad' | 'neutral';

export interface KpiDelta {
  label: string;
  text: string;
  tone: Tone;
  /** Arrow direction of the raw change. */
  direction: 'up' | 'down' | 'flat';
}

export function KpiTile({
  label,
  value,
  deltas = [],
  hint,
  testId,
  emphasis,
}: {
  label: string;
  value: string;
  deltas?: readonly KpiDelta[];
  hint?: string;
  testId?: string;
  emphasis?: Tone;
}) {
  return (
    <div className={`kpi-tile ${emphasis ? `kpi-${emphasis}` : ''}`} data-testid={testId}>
      <div className="kpi-label" title={label}>
        {label}
      </div>
      <div className="kpi-value" data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </div>
      {hint && <div className="kpi-hint">{hint}</div>}
      <ul className="kpi-deltas">
        {deltas.map((d) => (
          <li key={d.label} className={`delta delta-${d.tone}`}>
            <span className="delta-arrow" aria-hidden="true">
              {d.direction === 'up' ? '▲' : d.direction === 'down' ? '▼' : '■'}
            </span>
            <span className="delta-text">{d.text}</span>
            <span className="delta-label">{d.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
