import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { ImportProblemCode, problemReason } from './problems.js';

/** One CSV record: the physical line it starts on (the header is line 1) and its fields. */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** The record ended inside a quoted field (an unterminated quote runs to the end of the file). */
  unterminated?: boolean;
}

/**
 * A problem with the file as a whole (encoding, header): nothing in it can be read reliably.
 * `reason` is the English text of `code` with `params` (see problems.ts).
 */
export class CsvFileError extends Error {
  readonly reason: string;
  constructor(readonly line: number, readonly column: string, readonly code: ImportProblemCode, readonly params: readonly string[] = []) {
    const reason = problemReason(code, params);
    super(`line ${line}${column ? `, column ${column}` : ''}: ${reason}`);
    this.reason = reason;
    this.name = 'CsvFileError';
  }
}

/** A quoted field (or a record) longer than this is treated as a broken file, so memory stays bounded. */
export const MAX_RECORD_CHARS = 1024 * 1024;

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
/** U+FFFD in UTF-8: a decoder's replacement character, refused like a bad byte (as it always was). */
const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);
const EMPTY = Buffer.alloc(0);

/**
 * Streaming RFC 4180 CSV parser: comma separator, `"` quotes with `""` for a quote inside a quoted
 * field, quoted fields may hold commas and newlines, records end with LF or CRLF (CRLF inside a
 * quoted field becomes LF), a UTF-8 byte order mark is dropped, empty lines are skipped.
 * Feed bytes with `push`, then call `end`; records go to `onRecord` in order. Memory holds at
 * most one chunk plus one incomplete record.
 *
 * It works on the bytes: lines are found with `Buffer.indexOf`, UTF-8 is checked once per chunk
 * (`isUtf8`), and only records that need it are decoded to strings. A line without a quote is
 * offered to the fast lanes first (`onPlainBytes`, then `onPlainLine`), otherwise split on commas;
 * only records with a `"` go through the character-by-character state machine.
 */
export class CsvParser {
  /** Bytes not parsed yet (the start of an incomplete record, then the new chunk). */
  private buf: Buffer = EMPTY;
  /** Bytes of `buf` already checked to be UTF-8 (always ends just after a line feed, or at 0). */
  private checked = 0;
  private line = 1;
  private first = true;
  private bytes = 0;

  /**
   * @param onRecord gets every record.
   * @param onPlainLine optional fast lane: gets each non-empty line without quotes (no CR/LF) as
   *   text; when it returns true the line is consumed, otherwise it is split and goes to `onRecord`.
   * @param onPlainBytes optional faster lane, tried before `onPlainLine`: the same line as bytes
   *   `buf[start, end)` (valid UTF-8, no quote, no CR/LF), never decoded.
   */
  constructor(
    private readonly onRecord: (r: CsvRecord) => void,
    private readonly onPlainLine?: (text: string, line: number) => boolean,
    private readonly onPlainBytes?: (buf: Buffer, start: number, end: number, line: number) => boolean,
  ) {}

  push(chunk: Buffer | string): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.bytes += bytes.length;
    this.buf = this.buf.length ? Buffer.concat([this.buf, bytes]) : bytes;
    if (this.first) {
      // The byte order mark: wait for three bytes to know.
      if (this.buf.length < 3 && this.buf.every((b, i) => b === [0xef, 0xbb, 0xbf][i])) return;
      if (this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) this.buf = this.buf.subarray(3);
      this.first = false;
    }
    // Complete lines are complete characters: check them now, the rest with the next chunk.
    const lastLf = this.buf.lastIndexOf(LF);
    if (lastLf >= this.checked) this.checkUtf8(lastLf + 1);
    this.drain(false);
  }

  end(): void {
    if (this.first && this.buf.length) {
      if (this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) this.buf = this.buf.subarray(3);
      this.first = false;
    }
    this.checkUtf8(this.buf.length);
    this.drain(true);
  }

  /** Checks buf[checked, to) is UTF-8 (and holds no U+FFFD); throws with the line of the first bad byte. */
  private checkUtf8(to: number): void {
    const part = this.buf.subarray(this.checked, to);
    if (!isUtf8(part) || part.indexOf(REPLACEMENT) >= 0) {
      // Rare: find the line the way a decoder sees it.
      const text = new StringDecoder('utf8').write(this.buf.subarray(0, to)) + (isUtf8(this.buf.subarray(0, to)) ? '' : '\uFFFD');
      const at = text.indexOf('\uFFFD');
      let line = this.line;
      for (let i = 0; i < at; i++) if (text.charCodeAt(i) === LF) line++;
      throw new CsvFileError(line, '', ImportProblemCode.NOT_UTF8);
    }
    this.checked = to;
  }

  private drain(final: boolean): void {
    const buf = this.buf;
    const n = final ? buf.length : this.checked;
    let pos = 0;
    // Position of the next quote at or after `pos` (n when none): found once, not once per line.
    let q = -1;
    while (pos < n) {
      let nl = buf.indexOf(LF, pos);
      if (nl >= n) nl = -1;
      if (nl < 0 && !final) break;
      const lineEnd = nl < 0 ? n : nl;
      if (q < pos) {
        q = buf.indexOf(QUOTE, pos);
        if (q < 0 || q > n) q = n;
      }
      if (q >= lineEnd) {
        // A whole line without quotes.
        let end = lineEnd;
        if (end > pos && buf[end - 1] === CR) end--;
        if (end > pos && !this.onPlainBytes?.(buf, pos, end, this.line)) {
          const text = buf.toString('utf8', pos, end);
          if (!this.onPlainLine?.(text, this.line)) this.onRecord({ line: this.line, fields: text.split(',') });
        }
        this.line++;
        pos = lineEnd + 1;
        continue;
      }
      const next = recordEnd(buf, pos, n, final);
      if (next < 0) break;
      const r = quoted(buf.toString('utf8', pos, next), this.line);
      this.onRecord(r.record);
      this.line += r.lines;
      pos = next;
    }
    this.buf = pos >= buf.length ? EMPTY : buf.subarray(pos);
    this.checked = Math.max(0, this.checked - pos);
    if (this.buf.length > MAX_RECORD_CHARS && this.buf.toString('utf8').length > MAX_RECORD_CHARS) {
      throw new CsvFileError(this.line, '', ImportProblemCode.RECORD_TOO_LONG, [String(MAX_RECORD_CHARS)]);
    }
  }

  /** Bytes pushed so far. */
  get bytesRead(): number {
    return this.bytes;
  }
}

/**
 * Where the record starting at `start` ends (just after its line feed, or `n` at the end of the
 * input), with the rules of `quoted`: a `"` opens a quoted field only at the start of a field, `""`
 * inside one is a quote. -1 when more input is needed. UTF-8 never has these bytes inside a character.
 */
function recordEnd(buf: Buffer, start: number, n: number, final: boolean): number {
  let i = start;
  for (;;) {
    // At the start of a field.
    if (i < n && buf[i] === QUOTE) {
      i++;
      for (;;) {
        const qi = buf.indexOf(QUOTE, i);
        if (qi < 0 || qi >= n) return final ? n : -1; // unterminated: the rest of the file
        if (qi + 1 >= n && !final) return -1;
        if (buf[qi + 1] === QUOTE) {
          i = qi + 2;
          continue;
        }
        i = qi + 1;
        break;
      }
    }
    // The unquoted rest of the field, to the next comma or line feed.
    while (i < n && buf[i] !== COMMA && buf[i] !== LF) i++;
    if (i >= n) return final ? n : -1;
    if (buf[i] === LF) return i + 1;
    i++;
  }
}

/** Parses one whole record that contains a quote (`text` ends with its line feed, or the file does). */
function quoted(buf: string, lineNo: number): { record: CsvRecord; lines: number } {
  const n = buf.length;
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let lines = 1;
  let segment = 0; // start of the not yet copied part of an unquoted field
  for (;;) {
    // Unquoted part of a field (also what follows a closing quote, kept literally).
    if (i < n && buf.charCodeAt(i) === QUOTE && i === segment && field === '') {
      // Quoted field.
      i++;
      let piece = i;
      for (;;) {
        const qi = buf.indexOf('"', i);
        if (qi < 0) {
          // Unterminated: the rest of the file is this field.
          field += buf.slice(piece).replace(/\r\n/g, '\n');
          for (let k = piece; k < n; k++) if (buf.charCodeAt(k) === LF) lines++;
          fields.push(field);
          return { record: { line: lineNo, fields, unterminated: true }, lines };
        }
        if (buf.charCodeAt(qi + 1) === QUOTE) {
          field += buf.slice(piece, qi + 1);
          i = qi + 2;
          piece = i;
          continue;
        }
        field += buf.slice(piece, qi);
        i = qi + 1;
        break;
      }
      for (let k = segment; k < i; k++) if (buf.charCodeAt(k) === LF) lines++;
      field = field.replace(/\r\n/g, '\n');
      segment = i;
    }
    // Scan to the next comma or end of line.
    let j = i;
    while (j < n) {
      const c = buf.charCodeAt(j);
      if (c === COMMA || c === LF) break;
      j++;
    }
    let end = j;
    if ((j >= n || buf.charCodeAt(j) === LF) && end > i && buf.charCodeAt(end - 1) === CR) end--;
    field += buf.slice(i, end);
    fields.push(field);
    field = '';
    if (j >= n || buf.charCodeAt(j) === LF) return { record: { line: lineNo, fields }, lines };
    i = j + 1;
    segment = i;
  }
}

/** Parses a whole CSV text (tests and small inputs). */
export function parseCsv(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  const p = new CsvParser((r) => out.push(r));
  p.push(text);
  p.end();
  return out;
}
