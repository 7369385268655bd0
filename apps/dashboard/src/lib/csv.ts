import { isPlainNumber, neutralize, type CellValue, type ExportColumn } from './neutralize';

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function cell(v: CellValue, type: 'text' | 'number'): string {
  if (v === null || v === undefined) return '';
  if (type === 'number' && isPlainNumber(v)) return String(v);
  return quote(neutralize(String(v)));
}

/** RFC 4180 CSV with CRLF line ends and a UTF-8 BOM (so Excel reads Chinese correctly). */
export function toCsv<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => quote(neutralize(c.header))).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r), c.type)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
