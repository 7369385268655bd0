/**
 * The staging COPY's input (text format, NULL ''), built as bytes: whole buffers go to the COPY
 * stream, nothing is concatenated as strings.
 *
 * Fast lane (`plain`): a line without quotes whose fields need no trimming and no escaping, when
 * the header lists the columns in staging order — the row is `line TAB nf TAB` and the line's bytes
 * with commas turned into tabs, copied in one pass. Anything else (`text`) is a row built by the
 * general path. Both give byte-identical rows for the lines the fast lane takes.
 */
export class CopyRows {
  private static readonly SIZE = 1 << 20;
  private out = Buffer.allocUnsafe(CopyRows.SIZE);
  private o = 0;
  private full: Buffer[] = [];
  private fullBytes = 0;

  /**
   * @param headerFields fields in the header row: the fast lane takes only lines with as many.
   * @param pad tabs appended to a fast-lane row (optional columns left out at the end of the header).
   */
  constructor(private readonly headerFields: number, private readonly pad: number) {}

  /** Bytes waiting to be written. */
  get size(): number {
    return this.fullBytes + this.o;
  }

  /** Hands over everything written so far. */
  take(): Buffer[] {
    const out = this.full;
    if (this.o) {
      out.push(this.out.subarray(0, this.o));
      this.out = Buffer.allocUnsafe(CopyRows.SIZE);
      this.o = 0;
    }
    this.full = [];
    this.fullBytes = 0;
    return out;
  }

  private reserve(n: number): void {
    if (this.o + n <= this.out.length) return;
    if (this.o) {
      this.full.push(this.out.subarray(0, this.o));
      this.fullBytes += this.o;
    }
    this.out = Buffer.allocUnsafe(Math.max(CopyRows.SIZE, n));
    this.o = 0;
  }

  /** A row built as text by the general path (ends with a line feed). */
  text(row: string): void {
    this.reserve(Buffer.byteLength(row));
    this.o += this.out.write(row, this.o, 'utf8');
  }

  /**
   * Fast lane for the line `src[start, end)` (UTF-8, no quote, no CR/LF): false (nothing written)
   * when a field would need trimming or escaping or the field count is not the header's.
   */
  plain(src: Buffer, start: number, end: number, line: number): boolean {
    this.reserve(end - start + 24 + this.pad);
    const out = this.out;
    const o0 = this.o;
    let o = writeUint(out, o0, line);
    out[o++] = TAB;
    o = writeUint(out, o, this.headerFields);
    out[o++] = TAB;
    let nf = 1;
    let fieldStart = start;
    for (let i = start; i < end; i++) {
      const b = src[i]!;
      if (b === COMMA) {
        if (i > fieldStart && src[i - 1]! >= 0x80 && endsWithSpace(src, fieldStart, i)) return false;
        out[o++] = TAB;
        nf++;
        fieldStart = i + 1;
        continue;
      }
      // Control characters and space (trimmed or escaped), backslash (escaped in COPY).
      if (b <= 0x20 || b === BACKSLASH) return false;
      if (b >= 0x80 && i === fieldStart && startsWithSpace(src, i, end)) return false;
      out[o++] = b;
    }
    if (end > fieldStart && src[end - 1]! >= 0x80 && endsWithSpace(src, fieldStart, end)) return false;
    if (nf !== this.headerFields) return false;
    for (let k = 0; k < this.pad; k++) out[o++] = TAB;
    out[o++] = LF;
    this.o = o;
    return true;
  }
}

const TAB = 9;
const LF = 10;
const COMMA = 44;
const BACKSLASH = 92;

function writeUint(out: Buffer, o: number, v: number): number {
  let digits = 1;
  for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
  let i = o + digits;
  const end = i;
  do {
    out[--i] = 48 + (v % 10);
    v = Math.floor(v / 10);
  } while (v > 0);
  return end;
}

/**
 * Non-ASCII characters that String.prototype.trim removes (the general path trims every value),
 * in UTF-8: U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
 */
function isSpace3(a: number, b: number, c: number): boolean {
  return (a === 0xe1 && b === 0x9a && c === 0x80)
    || (a === 0xe2 && b === 0x80 && (c <= 0x8a || c === 0xa8 || c === 0xa9 || c === 0xaf))
    || (a === 0xe2 && b === 0x81 && c === 0x9f)
    || (a === 0xe3 && b === 0x80 && c === 0x80)
    || (a === 0xef && b === 0xbb && c === 0xbf);
}

/** The field starting at `i` (a byte ≥ 0x80) starts with a space character. */
function startsWithSpace(src: Buffer, i: number, end: number): boolean {
  const a = src[i]!;
  if (a === 0xc2) return i + 1 < end && src[i + 1] === 0xa0;
  return i + 2 < end && isSpace3(a, src[i + 1]!, src[i + 2]!);
}

/** The field `src[from, to)` (last byte ≥ 0x80) ends with a space character. */
function endsWithSpace(src: Buffer, from: number, to: number): boolean {
  if (to - from >= 2 && src[to - 2] === 0xc2 && src[to - 1] === 0xa0) return true;
  return to - from >= 3 && isSpace3(src[to - 3]!, src[to - 2]!, src[to - 1]!);
}
