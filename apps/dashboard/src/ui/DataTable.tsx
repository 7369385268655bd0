import { useMemo, useState, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  align?: 'left' | 'right' | 'center';
  render: (row: T) => ReactNode;
  /** Enables sorting by this column (client-side). */
  sortValue?: (row: T) => string | number | null;
  width?: number | string;
}

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

/** Table with sticky header, right-aligned numbers, optional client-side sorting and row selection. */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  onRowClick,
  selectedKey,
  sort: controlledSort,
  onSortChange,
  defaultSort,
  maxHeight,
  testId,
  dense,
  manualSort = false,
  wrapHeaders = false,
}: {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  onRowClick?: (row: T) => void;
  selectedKey?: string | null;
  sort?: SortState | null;
  onSortChange?: (s: SortState) => void;
  defaultSort?: SortState | null;
  maxHeight?: number;
  testId?: string;
  dense?: boolean;
  /** Rows come sorted from the server: only report sort changes. */
  manualSort?: boolean;
  /** Let long headers wrap (tables with few, wide-titled columns). */
  wrapHeaders?: boolean;
}) {
  const [localSort, setLocalSort] = useState<SortState | null>(defaultSort ?? null);
  const sort = controlledSort !== undefined ? controlledSort : localSort;
  const sorted = useMemo(() => {
    const col = sort ? columns.find((c) => c.key === sort.key) : undefined;
    if (manualSort || !sort || !col?.sortValue) return rows;
    const value = col.sortValue;
    const sign = sort.dir === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null || vb === null) return va === null ? (vb === null ? 0 : 1) : -1;
      if (typeof va === 'number' && typeof vb === 'number') return sign * (va - vb);
      return sign * String(va).localeCompare(String(vb));
    });
  }, [rows, columns, sort, manualSort]);
  const toggle = (c: Column<T>) => {
    if (!c.sortValue) return;
    const next: SortState = sort?.key === c.key ? { key: c.key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key: c.key, dir: c.align === 'right' ? 'desc' : 'asc' };
    if (onSortChange) onSortChange(next);
    if (controlledSort === undefined) setLocalSort(next);
  };
  return (
    <div className={`table-wrap ${dense ? 'table-dense' : ''} ${wrapHeaders ? 'table-wrap-headers' : ''}`} style={maxHeight ? { maxHeight } : undefined}>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                className={`align-${c.align ?? 'left'} ${c.sortValue ? 'sortable' : ''}`}
                style={c.width ? { width: c.width } : undefined}
                aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                onClick={() => toggle(c)}
              >
                {c.header}
                {c.sortValue && <span className="sort-mark">{sort?.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => {
            const k = rowKey(r);
            return (
              <tr
                key={k}
                className={`${onRowClick ? 'clickable' : ''} ${selectedKey === k ? 'selected' : ''}`}
                onClick={onRowClick ? () => onRowClick(r) : undefined}
              >
                {columns.map((c) => (
                  <td key={c.key} className={`align-${c.align ?? 'left'}`}>
                    {c.render(r)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
