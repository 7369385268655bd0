import { describe, expect, it } from 'vitest';
import { CsvFileError, CsvParser, parseCsv, type CsvRecord } from '../../src/modules/import/csv.js';

function parseInChunks(bytes: Buffer, size: number): CsvRecord[] {
  const out: CsvRecord[] = [];
  const p = new CsvParser((r) => out.push(r));
  for (let i = 0; i < bytes.length; i += size) p.push(bytes.subarray(i, i + size));
  p.end();
  return out;
}

describe('CSV parser', () => {
  const text = '\uFEFFexternal_key,name,address\r\n'
    + 'C1,"北京建设, 有限公司","北京市\r\n朝阳区 ""一号"""\r\n'
    + '\r\n'
    + 'C2,上海电力,\r\n'
    + 'C3,"",""\n'
    + 'C4,a"b,"x"y\n'
    + 'C5,no newline at end';

  it('drops the BOM, handles CRLF, quoted commas and newlines, doubled quotes, Chinese text, skips empty lines', () => {
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['external_key', 'name', 'address'] },
      { line: 2, fields: ['C1', '北京建设, 有限公司', '北京市\n朝阳区 "一号"'] },
      { line: 5, fields: ['C2', '上海电力', ''] },
      { line: 6, fields: ['C3', '', ''] },
      // A quote inside an unquoted field is kept; text after a closing quote is kept too.
      { line: 7, fields: ['C4', 'a"b', 'xy'] },
      { line: 8, fields: ['C5', 'no newline at end'] },
    ]);
  });

  it('gives the same records whatever the chunk boundaries (multi-byte characters split across chunks)', () => {
    const bytes = Buffer.from(text, 'utf8');
    const whole = parseCsv(text);
    for (const size of [1, 2, 3, 5, 7, 64]) expect(parseInChunks(bytes, size)).toEqual(whole);
  });

  it('reports an unterminated quote as a record running to the end of the file', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'open\n2,3\n'], unterminated: true },
    ]);
  });

  it('refuses a file that is not UTF-8 (e.g. GBK) with the line', () => {
    const gbk = Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]), Buffer.from('\n')]);
    expect(() => parseInChunks(gbk, 4)).toThrow(CsvFileError);
    try {
      parseInChunks(gbk, 1024);
    } catch (e) {
      expect((e as CsvFileError).line).toBe(3);
      expect((e as CsvFileError).reason).toMatch(/not valid UTF-8/);
    }
  });

  it('offers quote-free lines to the fast lane first', () => {
    const plain: string[] = [];
    const recs: CsvRecord[] = [];
    const p = new CsvParser((r) => recs.push(r), (t, line) => (plain.push(`${line}:${t}`), !t.startsWith('x')));
    p.push('a,b\r\nx,1\n"q",2\nc,3');
    p.end();
    expect(plain).toEqual(['1:a,b', '2:x,1', '4:c,3']);
    expect(recs).toEqual([{ line: 2, fields: ['x', '1'] }, { line: 3, fields: ['q', '2'] }]);
  });
});
