import { describe, expect, it } from 'vitest';
import { inflateRawSync } from 'node:zlib';
import { neutralize, type ExportColumn } from './neutralize';
import { toCsv } from './csv';
import { columnName, sheetXml, toXlsx } from './xlsx';
import { crc32 } from './zip';

interface Row {
  name: string;
  balance: string | null;
  note?: string;
}
const columns: ExportColumn<Row>[] = [
  { header: 'Name', type: 'text', value: (r) => r.name },
  { header: 'Balance', type: 'number', value: (r) => r.balance },
  { header: 'Note', type: 'text', value: (r) => r.note },
];

describe('formula neutralisation', () => {
  it('prefixes text that a spreadsheet would run', () => {
    for (const s of ['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', '\rx']) expect(neutralize(s)).toBe(`'${s}`);
    expect(neutralize('Beijing')).toBe('Beijing');
    expect(neutralize('北京分行')).toBe('北京分行');
  });
});

describe('toCsv', () => {
  it('quotes, neutralises text and leaves numbers alone', () => {
    const csv = toCsv(columns, [
      { name: '=HYPERLINK("x")', balance: '-12.50', note: 'a,b' },
      { name: '华北"公司"', balance: null, note: 'line\nbreak' },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Name,Balance,Note');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",-12.50,"a,b"`);
    expect(lines[2]).toBe('"华北""公司""",,"line\nbreak"');
    expect(lines).toHaveLength(4); // header, 2 rows, trailing empty
  });

  it('writes a non-numeric value of a number column as neutralised text', () => {
    const csv = toCsv(columns, [{ name: 'x', balance: '-1+1' }]);
    expect(csv.split('\r\n')[1]).toBe("x,'-1+1,");
  });
});

/** Reads the stored (uncompressed) entries of a zip. */
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, string>();
  let p = 0;
  while (view.getUint32(p, true) === 0x04034b50) {
    const method = view.getUint16(p + 8, true);
    const crc = view.getUint32(p + 14, true);
    const size = view.getUint32(p + 18, true);
    const nameLen = view.getUint16(p + 26, true);
    const extra = view.getUint16(p + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 30, p + 30 + nameLen));
    const start = p + 30 + nameLen + extra;
    const raw = bytes.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    expect(crc32(data)).toBe(crc);
    out.set(name, new TextDecoder().decode(data));
    p = start + size;
  }
  return out;
}

describe('toXlsx', () => {
  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('packages a workbook with one sheet, numbers as numbers and formula-like text quote-prefixed', () => {
    const bytes = toXlsx(columns, [{ name: '=1+1', balance: '1234.56', note: '<b>&' }], '客户');
    const files = unzip(bytes);
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(files.get('xl/workbook.xml')).toContain('name="客户"');
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<c r="A2" t="inlineStr" s="2"><is><t>=1+1</t></is></c>');
    expect(sheet).toContain('<c r="B2"><v>1234.56</v></c>');
    expect(sheet).toContain('<t>&lt;b&gt;&amp;</t>');
    expect(sheet).not.toContain('<f>');
  });

  it('has one row element per data row plus the header', () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({ name: `p${i}`, balance: String(i) }));
    expect(sheetXml(columns, rows).match(/<row /g)).toHaveLength(1201);
  });
});
