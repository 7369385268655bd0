import { StringDecoder } from 'node:string_decoder';

/** One CSV record: the physical line it starts on (the header is line 1) and its fields. */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** The record ended inside a quoted field (an unterminated quote runs to the end of the file). */
  unterminated?: boolean;
}

/** A problem with the file as a whole (encoding, header): nothing in it can be read reliably. */
export class CsvFileError extends Error {
  constructor(readonly line: number, readonly column: string, readonly reason: string) {
    super(`line ${line}${column ? `, column ${column}` : ''}: ${reason}`);
    this.name = 'CsvFileError';
  }
}

/** A quoted field (or a record) longer than this is treated as a broken file, so memory stays bounded. */
export const MAX_RECORD_CHARS = 1024 * 1024;

/**
 * Streaming RFC 4180 CSV parser: comma separator, `"` quotes with `""` for a quote inside a quoted
 * field, quoted fields may hold commas and newlines, records end with LF or CRLF (CRLF inside a
 * quoted field becomes LF), a UTF-8 byte order mark is dropped, empty lines are skipped.
 * Feed bytes with `push`, then call `end`; records go to `onRecord` in order. Memory holds at
 * most one chunk plus one incomplete record.
 *
 * Lines with no quote take a fast path (`String.split`); only lines with a `"` go through the
 * character-by-character state machine.
 */
export class CsvParser {
  private readonly decoder = new StringDecoder('utf8');
  private buf = '';
  private line = 1;
  private first = true;
  private bytes = 0;

  /**
   * @param onRecord gets every record.
   * @param onPlainLine optional fast lane: gets each line without quotes (no CR/LF) first; when it
   *   returns true the line is consumed, otherwise it is split and goes to `onRecord`.
   */
  constructor(
    private readonly onRecord: (r: CsvRecord) => void,
    private readonly onPlainLine?: (text: string, line: number) => boolean,
  ) {}

  push(chunk: Buffer | string): void {
    let text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (typeof chunk !== 'string') this.bytes += chunk.length;
    if (this.first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    if (text.includes('\uFFFD')) this.notUtf8(text);
    this.buf = this.buf.length ? this.buf + text : text;
    this.drain(false);
  }

  end(): void {
    const rest = this.decoder.end();
    if (rest) {
      if (rest.includes('\uFFFD')) this.notUtf8(rest);
      this.buf += rest;
    }
    this.drain(true);
  }

  private notUtf8(text: string): never {
    const at = this.buf + text.slice(0, text.indexOf('\uFFFD'));
    let line = this.line;
    for (let i = 0; i < at.length; i++) if (at.charCodeAt(i) === 10) line++;
    throw new CsvFileError(line, '', 'the file is not valid UTF-8 (save it as UTF-8, with or without BOM)');
  }

  private drain(final: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    let pos = 0;
    // Position of the next quote at or after `pos` (n when none): found once, not once per line.
    let q = -1;
    while (pos < n) {
      const nl = buf.indexOf('\n', pos);
      if (nl < 0 && !final) break;
      const lineEnd = nl < 0 ? n : nl;
      if (q < pos) {
        q = buf.indexOf('"', pos);
        if (q < 0) q = n;
      }
      if (q >= lineEnd) {
        // Fast path: a whole line without quotes.
        let end = lineEnd;
        if (end > pos && buf.charCodeAt(end - 1) === 13) end--;
        if (end > pos) {
          const text = buf.slice(pos, end);
          if (!this.onPlainLine?.(text, this.line)) this.onRecord({ line: this.line, fields: text.split(',') });
        }
        this.line++;
        pos = lineEnd + 1;
        continue;
      }
      const r = this.quoted(buf, pos, final);
      if (!r) break;
      this.onRecord(r.record);
      this.line += r.lines;
      pos = r.next;
    }
    this.buf = pos >= n ? '' : buf.slice(pos);
    if (this.buf.length > MAX_RECORD_CHARS) {
      throw new CsvFileError(this.line, '', `a record is longer than ${MAX_RECORD_CHARS} characters (an unterminated quote?)`);
    }
  }

  /** Parses one record that contains a quote, starting at `start`; undefined when it needs more input. */
  private quoted(buf: string, start: number, final: boolean): { record: CsvRecord; next: number; lines: number } | undefined {
    const n = buf.length;
    const fields: string[] = [];
    let field = '';
    let i = start;
    let lines = 1;
    let segment = start; // start of the not yet copied part of an unquoted field
    for (;;) {
      // Unquoted part of a field (also what follows a closing quote, kept literally).
      if (i < n && buf.charCodeAt(i) === 34 && i === segment && field === '') {
        // Quoted field.
        i++;
        let piece = i;
        for (;;) {
          const qi = buf.indexOf('"', i);
          if (qi < 0) {
            if (!final) return undefined;
            // Unterminated: the rest of the file is this field.
            field += buf.slice(piece).replace(/\r\n/g, '\n');
            for (let k = piece; k < n; k++) if (buf.charCodeAt(k) === 10) lines++;
            fields.push(field);
            return { record: { line: this.line, fields, unterminated: true }, next: n, lines };
          }
          if (qi + 1 >= n && !final) return undefined;
          if (buf.charCodeAt(qi + 1) === 34) {
            field += buf.slice(piece, qi + 1);
            i = qi + 2;
            piece = i;
            continue;
          }
          field += buf.slice(piece, qi);
          i = qi + 1;
          break;
        }
        for (let k = segment; k < i; k++) if (buf.charCodeAt(k) === 10) lines++;
        field = field.replace(/\r\n/g, '\n');
        segment = i;
      }
      // Scan to the next comma or end of line.
      let j = i;
      while (j < n) {
        const c = buf.charCodeAt(j);
        if (c === 44 || c === 10) break;
        j++;
      }
      if (j >= n && !final) return undefined;
      let end = j;
      if ((j >= n || buf.charCodeAt(j) === 10) && end > i && buf.charCodeAt(end - 1) === 13) end--;
      field += buf.slice(i, end);
      fields.push(field);
      field = '';
      if (j >= n) return { record: { line: this.line, fields }, next: n, lines };
      if (buf.charCodeAt(j) === 10) return { record: { line: this.line, fields }, next: j + 1, lines };
      i = j + 1;
      segment = i;
    }
  }

  /** Bytes pushed so far. */
  get bytesRead(): number {
    return this.bytes;
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
