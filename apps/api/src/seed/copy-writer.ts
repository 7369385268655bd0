import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { once } from 'node:events';

/** Escapes one value for PostgreSQL's COPY text format; null becomes \N. */
export function copyValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Streams rows into one table with COPY FROM STDIN, buffering ~256 kB per write. */
export class CopyWriter {
  private chunks: string[] = [];
  private size = 0;
  rows = 0;

  private constructor(private readonly stream: NodeJS.WritableStream & { on: (e: string, cb: (...a: unknown[]) => void) => unknown }, private readonly onRows?: (n: number) => void) {}

  static async open(client: pg.PoolClient | pg.Client, table: string, columns: readonly string[], onRows?: (n: number) => void): Promise<CopyWriter> {
    const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    return new CopyWriter(stream as never, onRows);
  }

  async write(values: readonly (string | number | boolean | null | undefined)[]): Promise<void> {
    const line = values.map(copyValue).join('\t') + '\n';
    this.chunks.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size >= 256 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.chunks.length) return;
    const data = this.chunks.join('');
    const n = this.chunks.length;
    this.chunks = [];
    this.size = 0;
    if (!this.stream.write(data)) await once(this.stream as never, 'drain');
    this.onRows?.(n);
  }

  async close(): Promise<void> {
    await this.flush();
    const done = new Promise<void>((resolve, reject) => {
      this.stream.on('finish', () => resolve());
      this.stream.on('error', (e) => reject(e as Error));
    });
    this.stream.end();
    await done;
  }
}
