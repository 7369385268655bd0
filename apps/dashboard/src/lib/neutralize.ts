/**
 * Spreadsheet formula injection: a text cell starting with = + - @ tab or CR may be run as a
 * formula by Excel / LibreOffice. Such cells get a leading apostrophe (CSV) or the quotePrefix
 * style (XLSX). Numeric cells are written as numbers and never touched.
 */
const DANGEROUS = /^[=+\-@\t\r]/;

export function isFormulaLike(text: string): boolean {
  return DANGEROUS.test(text);
}

export function neutralize(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

export type CellValue = string | number | null | undefined;

export interface ExportColumn<T> {
  header: string;
  /** 'number' cells must be plain decimal strings or numbers; anything else is written as text. */
  type: 'text' | 'number';
  value: (row: T) => CellValue;
}

export function isPlainNumber(v: CellValue): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v);
}
