import { describe, expect, it } from 'vitest';
import { CopyRows } from '../../src/modules/import/copy-rows.js';
import { CsvParser } from '../../src/modules/import/csv.js';
import { copyValue } from '../../src/seed/copy-writer.js';

/** The staging row the general path builds for a line without quotes: trimmed, escaped, padded. */
function generalRow(line: number, text: string, pad: number): string {
  const fields = text.split(',');
  const values = fields.map((f) => {
    const v = f.trim();
    return /[\\\t\n\r]/.test(v) ? copyValue(v) : v;
  });
  return `${line}\t${fields.length}\t${values.join('\t')}${'\t'.repeat(pad)}\n`;
}

/** What the fast lane makes of one line: its row, or undefined when it leaves the line to the general path. */
function fastRow(text: string, line: number, headerFields: number, pad: number): string | undefined {
  const out = new CopyRows(headerFields, pad);
  const bytes = Buffer.from(text, 'utf8');
  if (!out.plain(bytes, 0, bytes.length, line)) {
    expect(out.size).toBe(0);
    return undefined;
  }
  return Buffer.concat(out.take()).toString('utf8');
}

describe('staging rows (COPY text) from the fast lane', () => {
  it('takes plain lines, ASCII or not, and writes exactly what the general path writes', () => {
    for (const [text, pad] of [
      ['P1,2026-01,990.00,10,5,10,5,normal,0,2026-02-08', 0],
      ['IMP-S1,2026-02,980.00,10,5,10,5,关注,31,', 0],
      ['北京城建,上海浦江,é,x', 2],
      [',,,', 0],
    ] as const) {
      const nf = text.split(',').length;
      expect(fastRow(text, 12345, nf, pad)).toBe(generalRow(12345, text, pad));
    }
  });

  it('leaves to the general path lines that need trimming or escaping, or have another field count', () => {
    for (const text of [
      'a, b', 'a ,b', 'a\tb,c', 'a\\b,c', 'a,b\u00a0', '\u3000a,b', 'a,\ufeffb', 'a\u2003,b', 'a\u2028,b', 'a,\u205fb', 'a\u1680,b', 'a,b\u202f',
    ]) {
      expect(fastRow(text, 2, 2, 0)).toBeUndefined();
    }
    expect(fastRow('a,b,c', 2, 2, 0)).toBeUndefined();
    expect(fastRow('a', 2, 2, 0)).toBeUndefined();
  });

  it('never differs from the general path (random lines)', () => {
    const alphabet = ['a', 'Z', '0', '9', '-', '.', '_', ',', ',', ',', ' ', '\t', '\\', '中', '关', 'é', '\u00a0', '\u3000', '\u2003', '\ufeff', '\u00a1', '\u2010', '\u3001'];
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let taken = 0;
    for (let k = 0; k < 5000; k++) {
      let text = '';
      const len = 1 + rnd(14);
      for (let i = 0; i < len; i++) text += alphabet[rnd(alphabet.length)];
      const nf = text.split(',').length;
      const fast = fastRow(text, k + 2, nf, k % 3);
      if (fast === undefined) continue;
      taken++;
      expect(fast).toBe(generalRow(k + 2, text, k % 3));
    }
    expect(taken).toBeGreaterThan(500);
  });

  it('gets every line without quotes from the parser as bytes, whatever the chunks', () => {
    const text = '\uFEFFh1,h2\r\nP1,关注\r\n\r\n"q",2\nP2,x y\nP3,z';
    const seen: string[] = [];
    const records: string[] = [];
    for (const size of [1, 2, 3, 5, 64]) {
      seen.length = 0;
      records.length = 0;
      const p = new CsvParser((r) => records.push(`${r.line}:${r.fields.join('|')}`), undefined, (buf, start, end, line) => {
        const t = buf.toString('utf8', start, end);
        seen.push(`${line}:${t}`);
        return !t.includes(' ');
      });
      const bytes = Buffer.from(text, 'utf8');
      for (let i = 0; i < bytes.length; i += size) p.push(bytes.subarray(i, i + size));
      p.end();
      expect(seen).toEqual(['1:h1,h2', '2:P1,关注', '5:P2,x y', '6:P3,z']);
      expect(records).toEqual(['4:q|2', '5:P2|x y']);
    }
  });
});
