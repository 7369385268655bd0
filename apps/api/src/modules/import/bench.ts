import 'reflect-metadata';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../../config/env.js';
import { openDatabase } from '../../db/database.js';
import { wireModuleHooks } from '../../hooks.js';
import { importCsv, type ImportResult } from './import.service.js';
import { refreshRollupsAt } from '../rollup/index.js';

/**
 * Import benchmark: writes a projects file (N new projects on the bank's branches, clients and
 * client managers) and a statements file (N × M monthly statements of those projects), imports
 * both through the real import path, then re-imports the statements (all unchanged). The module
 * hooks are wired as in the CLI, so the rollup listener runs after each merge; its time is shown
 * apart (`listeners`), and rows/s are given without it (the import's own) and with it (end to end).
 *
 *   DATABASE_URL=… node --import @swc-node/register/esm-register src/modules/import/bench.ts --projects 100000 --months 12
 * (without DATABASE_URL it opens the embedded database like `pnpm seed`; the bank must be seeded).
 */
const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '100000' },
    months: { type: 'string', default: '12' },
    keep: { type: 'boolean', default: false },
    // Leave the onImportMerged listeners (rollup maintenance) out, e.g. to iterate on the import alone.
    'skip-listeners': { type: 'boolean', default: false },
  },
});
const nProjects = Number(values.projects);
const nMonths = Number(values.months);

/** Writes a CSV file (UTF-8 with BOM, CRLF) synchronously in 1 MB pieces. */
function writeFile(path: string, header: string, rows: (emit: (line: string) => void) => void): void {
  const fd = openSync(path, 'w');
  let buf: string[] = ['\uFEFF' + header + '\r\n'];
  let size = 0;
  rows((line) => {
    buf.push(line);
    size += line.length;
    if (size > 1 << 20) {
      writeSync(fd, buf.join(''));
      buf = [];
      size = 0;
    }
  });
  writeSync(fd, buf.join(''));
  closeSync(fd);
}

const config = loadConfig();
const db = await openDatabase(config, (m) => console.log(m));
if (!values['skip-listeners']) wireModuleHooks();
const dir = mkdtempSync(join(tmpdir(), 'loandesk-import-bench-'));
try {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  // Start from a bank without the benchmark's rows, so every run inserts the same rows.
  await client.query(`DELETE FROM cash_flow_statement WHERE project_id IN (SELECT id FROM project WHERE external_key LIKE 'BENCH%')`);
  await client.query(`DELETE FROM assignment WHERE project_id IN (SELECT id FROM project WHERE external_key LIKE 'BENCH%')`);
  await client.query(`DELETE FROM project WHERE external_key LIKE 'BENCH%'`);
  // Take those rows out of the rollups now (the deletes only queued them): otherwise the background
  // refresher of a running API would be doing it during the timed import, which would then find the
  // maintenance lock held and defer its own maintenance.
  const caught = await refreshRollupsAt(db.url, 'dirty');
  console.log(`rollups caught up with the removal of the previous run's rows in ${caught.seconds.toFixed(1)} s`);
  await client.query('VACUUM ANALYZE cash_flow_statement');
  await client.query('VACUUM ANALYZE project');
  await client.query('CHECKPOINT').catch(() => {});
  // How busy is the machine? (~0.5 s on an idle core of this class)
  const calibrate = async (): Promise<string> => {
    const t = performance.now();
    await client.query('SELECT count(*) FROM generate_series(1, 10000000)');
    return `${((performance.now() - t) / 1000).toFixed(2)} s`;
  };
  console.log(`calibration (SELECT count(*) FROM generate_series(1, 10000000)): ${await calibrate()}`);
  const cms = (await client.query<{ code: string; employee_no: string }>(
    `SELECT b.code, s.employee_no FROM staff s JOIN org_unit u ON u.id = s.unit_id JOIN org_unit b ON b.id = u.parent_id AND b.kind = 'branch'
     WHERE s.role IN ('client_manager', 'senior_client_manager') ORDER BY s.id`)).rows;
  const clients = (await client.query<{ external_key: string }>(`SELECT external_key FROM client WHERE external_key IS NOT NULL ORDER BY id`)).rows;
  const today = (await client.query<{ m: string }>(`SELECT to_char(date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '1 month', 'YYYY-MM') AS m`)).rows[0]!.m;
  if (!cms.length || !clients.length) throw new Error('seed the bank first (pnpm seed)');
  const [ey, em] = today.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let i = nMonths - 1; i >= 0; i--) {
    const idx = ey * 12 + (em - 1) - i;
    months.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);
  }
  const startDate = `${months[0]}-01`;
  const sectors = ['energy', 'transport', 'telecom', 'raw_materials', 'agriculture', 'urban_infrastructure', 'other'];
  const classes = ['normal', 'normal', 'normal', 'normal', 'special_mention', 'substandard', 'doubtful', 'loss'];
  const key = (i: number): string => `BENCH${String(i).padStart(8, '0')}`;

  const projectsFile = join(dir, 'projects.csv');
  writeFile(projectsFile, 'external_key,name,client_external_key,branch_code,manager_employee_no,sector,approved_amount,disbursed_amount,balance,currency,start_date,maturity_date,status,importance,classification', (emit) => {
    for (let i = 0; i < nProjects; i++) {
      const cm = cms[(i * 7919) % cms.length]!;
      const approved = 1_000_000 + (i % 997) * 10_000;
      emit(`${key(i)},"压测项目 ${i}, 第${i % 50}期",${clients[i % clients.length]!.external_key},${cm.code},${cm.employee_no},${sectors[i % sectors.length]},${approved}.00,${approved}.00,${approved - 1000}.00,CNY,${startDate},2040-12-31,active,normal,normal\r\n`);
    }
  });
  const statementsFile = join(dir, 'statements.csv');
  writeFile(statementsFile, 'project_external_key,month,balance,principal_due,interest_due,principal_repaid,interest_repaid,classification,days_overdue,submitted_on', (emit) => {
    for (const [mi, m] of months.entries()) {
      for (let i = 0; i < nProjects; i++) {
        const bal = 1_000_000 + (i % 997) * 10_000 - (mi + 1) * 1000;
        const cls = classes[(i + mi) % classes.length]!;
        emit(`${key(i)},${m},${bal}.00,1000.00,${(bal * 0.004).toFixed(2)},1000.00,${(bal * 0.004).toFixed(2)},${cls},${cls === 'normal' ? 0 : 30},${m}-08\r\n`);
      }
    }
  });
  const mb = (p: string): string => (statSync(p).size / 1e6).toFixed(1);
  /**
   * CPU seconds of the import's server process (from /proc, when the server runs on this machine):
   * a figure that, unlike wall time, other work on a shared machine barely changes.
   */
  const serverCpu = { stage: NaN, beforeListeners: NaN };
  const cpuOf = async (c: pg.Client): Promise<number> => {
    try {
      const pid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      return NaN;
    }
  };
  const hooks = {
    afterStage: async (c: pg.Client) => { serverCpu.stage = await cpuOf(c); },
    beforeListeners: async (c: pg.Client) => { serverCpu.beforeListeners = await cpuOf(c); },
  };
  const report = (label: string, r: ImportResult): void => {
    const listenerS = (r.phases.listeners ?? 0) / 1000;
    const own = r.seconds - listenerS;
    const perS = (s: number): string => Math.round(r.rowsIn / s).toLocaleString('en');
    console.log(`${label}: rows in ${r.rowsIn}, accepted ${r.accepted}, rejected ${r.rejected}, inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}, follow-ups ${r.followUps}${r.safeMode ? ' (safe mode)' : ''}${r.foreignKeyCheck ? `, foreign key checked per ${r.foreignKeyCheck === 'set' ? 'project (set-based)' : 'row (trigger)'}` : ''}
    import alone (without the listeners): ${own.toFixed(2)} s = ${perS(own)} rows/s; listeners (rollup maintenance) ${listenerS.toFixed(2)} s; end to end ${r.seconds.toFixed(2)} s = ${perS(r.seconds)} rows/s
    ms per phase ${JSON.stringify(r.phases)}; peak RSS so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB
    CPU: server ${serverCpu.stage.toFixed(2)} s staging + ${(serverCpu.beforeListeners - serverCpu.stage).toFixed(2)} s validate/merge/realign; this process ${cpuS().toFixed(2)} s`);
    if (r.errors.length) console.log(r.errors.slice(0, 5));
  };
  let cpuMark = process.cpuUsage();
  const cpuS = (): number => {
    const d = process.cpuUsage(cpuMark);
    cpuMark = process.cpuUsage();
    return (d.user + d.system) / 1e6;
  };
  console.log(`files in ${dir}: projects ${mb(projectsFile)} MB, statements ${mb(statementsFile)} MB (${nProjects * nMonths} rows, months ${months[0]} … ${months.at(-1)})`);
  report('projects  ', await importCsv(db.url, { kind: 'projects', fileName: 'projects.csv', source: createReadStream(projectsFile, { highWaterMark: 256 * 1024 }), via: 'cli', hooks }));
  report('statements', await importCsv(db.url, { kind: 'statements', fileName: 'statements.csv', source: createReadStream(statementsFile, { highWaterMark: 256 * 1024 }), via: 'cli', hooks }));
  report('again     ', await importCsv(db.url, { kind: 'statements', fileName: 'statements.csv', source: createReadStream(statementsFile, { highWaterMark: 256 * 1024 }), via: 'cli', hooks }));
  console.log(`calibration after: ${await calibrate()}`);
  await client.end();
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
  await db.close();
}
