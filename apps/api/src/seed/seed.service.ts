import pg from 'pg';
import cliProgress from 'cli-progress';
import { generateBank, SCALES, type ScaleName } from './generate.js';
import { loadBank } from './load.js';
import { refreshRollupsAt } from '../modules/rollup/rollup.service.js';

export interface SeedOptions {
  scale: ScaleName;
  seed: number;
  asOf?: string;
  /** Show a progress bar (only when stdout is a terminal). */
  progress?: boolean;
  log?: (line: string) => void;
}

export interface SeedReport {
  rows: number;
  generateSeconds: number;
  loadSeconds: number;
  rowsPerSecond: number;
  endMonth: string;
  perTable: Record<string, number>;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Generates and loads a bank; prints rows per second at the end. */
export async function seedBank(url: string, opts: SeedOptions): Promise<SeedReport> {
  const log = opts.log ?? (() => {});
  const spec = SCALES[opts.scale];
  const asOf = opts.asOf ?? todayIso();
  const bar = opts.progress && process.stdout.isTTY
    ? new cliProgress.SingleBar({ format: ' {phase} |{bar}| {percentage}% {value}/{total} {unit}', hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  log(`generating the ${opts.scale} bank (seed ${opts.seed}, as of ${asOf}): ${spec.branches} branches, ${spec.clientManagers} client managers, ${spec.projects} projects, ${spec.months} months`);
  const t0 = performance.now();
  bar?.start(Math.round(spec.projects * 1.06), 0, { phase: 'generate', unit: 'projects' });
  const bank = await generateBank({ scale: opts.scale, seed: opts.seed, asOf }, (_t, n) => bar?.update(n));
  bar?.stop();
  const generateSeconds = (performance.now() - t0) / 1000;
  try {
    const total = bank.tables.reduce((s, t) => s + t.rows, 0);
    bar?.start(total, 0, { phase: 'load    ', unit: 'rows' });
    let done = 0;
    const result = await loadBank(url, bank, (_t, n) => bar?.update((done += n)));
    bar?.stop();
    const rollups = await refreshRollupsAt(url);
    log(`rollups refreshed in ${rollups.seconds.toFixed(1)} s`);
    const report: SeedReport = {
      rows: result.rows,
      generateSeconds,
      loadSeconds: result.seconds,
      rowsPerSecond: Math.round(result.rows / (generateSeconds + result.seconds)),
      endMonth: bank.endMonth,
      perTable: result.perTable,
    };
    log(`loaded ${report.rows.toLocaleString('en')} rows in ${(generateSeconds + result.seconds).toFixed(1)} s (generate ${generateSeconds.toFixed(1)} s, COPY ${result.seconds.toFixed(1)} s): ${report.rowsPerSecond.toLocaleString('en')} rows/s; statements end ${bank.endMonth}`);
    return report;
  } finally {
    bank.cleanup();
  }
}

/** True when the database holds no bank yet. */
export async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM org_unit');
    return rows[0]!.n === '0';
  } finally {
    await client.end();
  }
}
