export interface LegendItem {
  label: string;
  color: string;
  shape?: 'dot' | 'bar' | 'line' | 'dashed';
}

export function Legend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="legend">
      {items.map((i) => (
        <li key={i.label}>
          <span className={`legend-swatch legend-${i.shape ?? 'dot'}`} style={{ background: i.shape === 'dashed' ? undefined : i.color, borderColor: i.color }} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}
