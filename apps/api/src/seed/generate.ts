import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Prng, apportion } from './prng.js';
import { copyValue } from './copy-writer.js';
import { cents, dateOf, daysInMonth, indexMonth, indexYear, monthFirstDay, monthIndex, parseIsoDate } from './calendar.js';
import {
  AGENT_BANKS, CITY_PREFIX, DEMO_BRANCHES, GIVEN, HQ_BUREAUS, INDUSTRY_BY_SECTOR, LMB_DIVISIONS, NAME_CORE,
  SECTOR_SUFFIX, SURNAMES,
} from './names.js';

export type ScaleName = 'demo' | 'large' | 'small';

export interface ScaleSpec {
  branches: number;
  clientManagers: number;
  projects: number;
  months: number;
}

export const SCALES: Record<ScaleName, ScaleSpec> = {
  /** domain.md section 7: the source's proposed organization. */
  demo: { branches: 28, clientManagers: 760, projects: 3057, months: 24 },
  /** Benchmark bank: 2,000 branches, 50,000 client managers, 1,000,000 projects. */
  large: { branches: 2000, clientManagers: 50_000, projects: 1_000_000, months: 12 },
  /** A quick bank for development. */
  small: { branches: 6, clientManagers: 40, projects: 160, months: 13 },
};

export interface GenerateOptions {
  scale: ScaleName;
  seed: number;
  /** "Today" for the generated bank, YYYY-MM-DD; statements end the month before. */
  asOf: string;
}

/** One table's rows as COPY text, in load order. */
export interface TableFile {
  table: string;
  columns: readonly string[];
  path: string;
  rows: number;
}

export interface GeneratedBank {
  dir: string;
  tables: TableFile[];
  endMonth: string;
  cleanup(): void;
}

const SECTOR_LIST = ['energy', 'transport', 'telecom', 'raw_materials', 'agriculture', 'urban_infrastructure', 'other'] as const;
const SECTOR_WEIGHT = [1.6, 1.5, 0.8, 1.1, 0.8, 1.4, 0.6];
const SECTOR_LABEL: Record<string, string> = {
  energy: 'Energy', transport: 'Transport', telecom: 'Telecom', raw_materials: 'Raw materials',
  agriculture: 'Agriculture', urban_infrastructure: 'Urban infrastructure', other: 'Other',
};
const CLASSES = ['normal', 'special_mention', 'substandard', 'doubtful', 'loss'] as const;

type Cell = string | number | boolean | null;

class TableSink {
  rows = 0;
  private buf: string[] = [];
  private size = 0;
  private readonly out: WriteStream;

  constructor(readonly table: string, readonly columns: readonly string[], readonly path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
  }

  async add(values: readonly Cell[]): Promise<void> {
    let line = '';
    for (let i = 0; i < values.length; i++) line += (i ? '\t' : '') + copyValue(values[i]);
    line += '\n';
    this.buf.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buf.length) return;
    const data = this.buf.join('');
    this.buf = [];
    this.size = 0;
    if (!this.out.write(data)) await once(this.out, 'drain');
  }

  async close(): Promise<TableFile> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    return { table: this.table, columns: this.columns, path: this.path, rows: this.rows };
  }
}

interface BranchInfo {
  id: number;
  divisionId: number;
  code: string;
  name: string;
  size: number;
  nplTarget: number;
  lateness: number;
  headId: number;
}

interface Cm {
  id: number;
  senior: boolean;
  sector: string;
  teamId: number;
  capacity: number;
  diligence: number;
}

function personName(r: Prng): string {
  return r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.7) ? r.pick(GIVEN) : '');
}

/**
 * Generates a whole bank as COPY files, deterministically from `seed` and `asOf`.
 * Money is carried as integer cents in JS numbers (exact below 2^53; `cents()` checks) and
 * written as decimal text, so no float ever reaches the database.
 */
export async function generateBank(opts: GenerateOptions, onProgress?: (table: string, rows: number) => void): Promise<GeneratedBank> {
  const spec = SCALES[opts.scale];
  const root = new Prng(opts.seed);
  const asOf = parseIsoDate(opts.asOf);
  const asOfIdx = monthIndex(asOf.year, asOf.month);
  const endIdx = asOfIdx - 1;
  const startIdx = endIdx - spec.months + 1;
  const asOfStamp = `${opts.asOf} 09:00:00+08`;

  const dir = mkdtempSync(join(tmpdir(), 'loandesk-seed-'));
  const sink = (table: string, columns: string[]): TableSink => new TableSink(table, columns, join(dir, `${table}.tsv`));

  const orgUnit = sink('org_unit', ['id', 'code', 'name', 'name_zh', 'kind', 'parent_id', 'region', 'sort_order']);
  const team = sink('team', ['id', 'branch_id', 'sector', 'name']);
  const staff = sink('staff', ['id', 'employee_no', 'name', 'unit_id', 'role', 'grade', 'team_id', 'email', 'hired_on', 'active']);
  const agentBank = sink('settlement_agent_bank', ['id', 'name', 'name_zh', 'city']);
  const evaluation = sink('agent_bank_evaluation', ['id', 'agent_bank_id', 'quarter', 'timeliness_score', 'accuracy_score', 'evaluated_by', 'notes']);
  const client = sink('client', ['id', 'external_key', 'name', 'client_type', 'industry', 'source', 'company_nature', 'annual_revenue', 'address', 'branch_id', 'owner_id', 'created_at', 'updated_at']);
  const contact = sink('contact', ['id', 'client_id', 'name', 'title', 'phone', 'email']);
  const project = sink('project', ['id', 'external_key', 'name', 'client_id', 'branch_id', 'manager_id', 'assistant_id', 'sector', 'approved_amount', 'disbursed_amount', 'balance', 'currency', 'start_date', 'maturity_date', 'status', 'importance', 'classification', 'agent_bank_id', 'version', 'created_at', 'updated_at']);
  const statement = sink('cash_flow_statement', ['project_id', 'month', 'balance', 'principal_due', 'interest_due', 'principal_repaid', 'interest_repaid', 'classification', 'days_overdue', 'submitted_on']);
  const contactLog = sink('client_contact', ['id', 'client_id', 'staff_id', 'kind', 'contacted_on', 'notes', 'created_at']);
  const restructuring = sink('restructuring_case', ['id', 'project_id', 'specialist_id', 'status', 'opened_on', 'closed_on', 'notes']);
  const assignment = sink('assignment', ['id', 'project_id', 'from_staff_id', 'to_staff_id', 'assigned_by', 'assigned_at', 'reason']);
  const target = sink('branch_target', ['id', 'branch_id', 'year', 'target_npl_ratio', 'target_recovery_rate', 'planned_recovery', 'planned_new_lending', 'version', 'updated_at']);
  const setting = sink('setting', ['key', 'value', 'description', 'updated_at']);
  const weightVersion = sink('score_weight_version', ['id', 'subject', 'version', 'published_at', 'published_by', 'note']);
  const weight = sink('score_weight', ['version_id', 'component', 'weight']);
  const scenario = sink('staffing_scenario', ['id', 'name', 'name_zh', 'description', 'project_count', 'sort_order', 'created_at', 'updated_at', 'version']);
  const scenarioLine = sink('staffing_line', ['id', 'scenario_id', 'unit_id', 'role', 'headcount']);

  // ---- Organization -------------------------------------------------------------------------
  const orgR = root.fork('org');
  let unitId = 0;
  const hoId = ++unitId;
  await orgUnit.add([hoId, 'HO', 'Head Office', '总行', 'head_office', null, null, 0]);
  const bureauIds: Record<string, number> = {};
  for (const [i, b] of HQ_BUREAUS.entries()) {
    bureauIds[b.code] = ++unitId;
    await orgUnit.add([unitId, b.code, b.name, b.nameZh, 'bureau', hoId, null, i + 1]);
  }
  const divisionIds: Record<string, number> = {};
  for (const [i, d] of LMB_DIVISIONS.entries()) {
    divisionIds[d.code] = ++unitId;
    await orgUnit.add([unitId, d.code, d.name, d.nameZh, 'division', bureauIds.LMB!, null, i + 1]);
  }

  const branchDefs = opts.scale === 'demo'
    ? DEMO_BRANCHES.map((b) => ({ ...b }))
    : Array.from({ length: spec.branches }, (_, i) => {
        const n = String(i + 1).padStart(4, '0');
        const base = DEMO_BRANCHES[i % DEMO_BRANCHES.length]!;
        return { code: `B${n}`, name: `Branch ${n}`, nameZh: `第${n}分行`, region: base.region, size: 0.4 + orgR.next() * orgR.next() * 3 };
      });
  // Branch NPL levels spread evenly from ~1% to ~12%, assigned in a seeded order.
  const nplOrder = orgR.shuffle(branchDefs.map((_, i) => i));
  const branches: BranchInfo[] = [];
  for (const [i, b] of branchDefs.entries()) {
    const id = ++unitId;
    await orgUnit.add([id, b.code, b.name, b.nameZh, 'branch', hoId, b.region, 100 + i]);
    const rank = nplOrder.indexOf(i);
    const nplTarget = 0.01 + (0.11 * rank) / Math.max(1, branchDefs.length - 1);
    branches.push({ id, divisionId: 0, code: b.code, name: b.name, size: b.size, nplTarget, lateness: 0.02 + orgR.next() * 0.2, headId: 0 });
  }
  for (const b of branches) {
    b.divisionId = ++unitId;
    await orgUnit.add([unitId, `${b.code}_LMD`, 'Loan Management Division', '贷款管理处', 'branch_division', b.id, null, 0]);
  }

  // ---- Staff ----------------------------------------------------------------------------------
  const staffR = root.fork('staff');
  let staffId = 0;
  let teamId = 0;
  const addStaff = async (unit: number, role: string, grade: number, team: number | null = null): Promise<number> => {
    const id = ++staffId;
    const hired = dateOf(monthIndex(staffR.int(1985, asOf.year - 1), staffR.int(1, 12)), staffR.int(1, 28));
    await staff.add([id, `E${String(id).padStart(6, '0')}`, personName(staffR), unit, role, grade, team, `e${String(id).padStart(6, '0')}@loandesk.example`, hired, true]);
    return id;
  };
  const presidentId = await addStaff(hoId, 'president', 12);
  for (let i = 0; i < 3; i++) await addStaff(hoId, 'vice_president', 11);
  const plannerIds: number[] = [];
  for (const d of LMB_DIVISIONS) {
    await addStaff(divisionIds[d.code]!, 'division_head', 9);
    for (let i = 1; i < d.size; i++) {
      const id = await addStaff(divisionIds[d.code]!, 'bureau_officer', staffR.int(5, 8));
      if (d.code === 'LMB_PLANNING') plannerIds.push(id);
    }
  }
  const specialists: number[] = [];
  const specialistCount = opts.scale === 'large' ? 200 : 12;
  for (let i = 0; i < specialistCount; i++) specialists.push(await addStaff(bureauIds.RESTRUCTURING!, 'restructuring_specialist', staffR.int(5, 8)));

  const cmPerBranch = apportion(spec.clientManagers, branches.map((b) => b.size));
  const cmsByBranch: Cm[][] = [];
  const assistantsByBranch: number[][] = [];
  for (const [bi, b] of branches.entries()) {
    const nCm = cmPerBranch[bi]!;
    b.headId = 0;
    await addStaff(b.id, 'branch_president', 10);
    b.headId = await addStaff(b.divisionId, 'loan_division_head', 8);
    // Teams by sector: bigger branches cover more sectors.
    const nTeams = Math.min(SECTOR_LIST.length, Math.max(2, Math.round(nCm / 9)));
    const pool = [...SECTOR_LIST];
    const weights = [...SECTOR_WEIGHT];
    const teams: { id: number; sector: string }[] = [];
    for (let t = 0; t < nTeams; t++) {
      const s = staffR.weighted(pool, weights);
      const k = pool.indexOf(s);
      pool.splice(k, 1);
      weights.splice(k, 1);
      const id = ++teamId;
      teams.push({ id, sector: s });
      await team.add([id, b.id, s, `${SECTOR_LABEL[s]} team`]);
    }
    const nSenior = Math.round(nCm * 0.15);
    const cms: Cm[] = [];
    for (let i = 0; i < nCm; i++) {
      const senior = i < nSenior;
      const t = teams[i % teams.length]!;
      const id = await addStaff(b.divisionId, senior ? 'senior_client_manager' : 'client_manager', senior ? staffR.int(6, 7) : staffR.int(3, 5), t.id);
      cms.push({ id, senior, sector: t.sector, teamId: t.id, capacity: 0.25 + staffR.next() * 1.6, diligence: 0.15 + staffR.next() * 0.8 });
    }
    cmsByBranch.push(cms);
    const assistants: number[] = [];
    for (let i = 0; i < Math.ceil(nCm / 3); i++) assistants.push(await addStaff(b.divisionId, 'assistant', staffR.int(2, 3)));
    assistantsByBranch.push(assistants);
    for (let i = 0; i < Math.ceil(nCm / 12); i++) await addStaff(b.divisionId, 'secretary', staffR.int(1, 2));
    for (let i = 0; i < Math.ceil(nCm / 8); i++) await addStaff(b.divisionId, 'back_office', staffR.int(1, 3));
  }

  // ---- Settlement agent banks ------------------------------------------------------------------
  const bankR = root.fork('banks');
  let evalId = 0;
  const evaluator = plannerIds[0] ?? presidentId;
  for (const [i, bank] of AGENT_BANKS.entries()) {
    await agentBank.add([i + 1, bank.name, bank.nameZh, 'Beijing']);
    const quality = 70 + bankR.next() * 25;
    for (let q = endIdx - (endIdx % 3) - 21; q <= endIdx; q += 3) {
      const score = (spread: number): string => Math.min(100, Math.max(40, quality + (bankR.next() - 0.5) * spread)).toFixed(2);
      await evaluation.add([++evalId, i + 1, monthFirstDay(q), score(14), score(10), evaluator, null]);
    }
  }

  // ---- Clients, projects, statements, contacts, assignments -----------------------------------
  const portR = root.fork('portfolio');
  const settledTotal = Math.round(spec.projects * 0.06);
  const projPerBranch = apportion(spec.projects, branches.map((b, i) => cmPerBranch[i]! * (0.85 + portR.next() * 0.3)));
  const settledPerBranch = apportion(settledTotal, projPerBranch);
  const usedNames = new Set<string>();
  let clientId = 0;
  let contactId = 0;
  let projectId = 0;
  let contactLogId = 0;
  let caseId = 0;
  let assignmentId = 0;
  // Per branch and year: sum of principal + interest due, in cents, to size planned recovery.
  const dueByBranchYear = new Map<string, number>();

  const clientName = (sector: string): string => {
    for (let attempt = 0; ; attempt++) {
      const base = portR.pick(CITY_PREFIX) + portR.pick(NAME_CORE) + portR.pick(SECTOR_SUFFIX[sector]!) + '有限公司';
      const name = attempt < 3 ? base : `${base.slice(0, 40)}${attempt}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };

  const stamp = (dayOffset: number): string => {
    const t = Date.UTC(asOf.year, asOf.month - 1, asOf.day, 1, 0, 0) - dayOffset * 86_400_000;
    return new Date(t).toISOString();
  };

  const addClient = async (b: BranchInfo, owner: number | null, sector: string, ageDays: number): Promise<number> => {
    const id = ++clientId;
    const nature = portR.weighted(['state_owned', 'private', 'foreign_invested', 'collective', 'other'], [6, 2, 1, 1, 0.5]);
    const source = portR.weighted(['Core banking migration', 'Branch referral', 'Government referral', 'Existing client'], [6, 2, 1, 1]);
    const revenue = cents(portR.int(5_000, 5_000_000) * 1_000_000);
    const updatedDays = Math.max(0, ageDays - portR.int(0, ageDays));
    await client.add([id, `C${String(id).padStart(8, '0')}`, clientName(sector), 'corporate', INDUSTRY_BY_SECTOR[sector]!, source, nature, revenue, `${b.name.replace(' Branch', '')}`, b.id, owner, stamp(ageDays), stamp(updatedDays)]);
    const nContacts = portR.int(1, 3);
    for (let i = 0; i < nContacts; i++) {
      const cid = ++contactId;
      await contact.add([cid, id, personName(portR), portR.pick(['财务总监', '总经理', '项目经理', '财务经理', '董事长']), `1${portR.int(30, 99)}${String(portR.int(0, 99_999_999)).padStart(8, '0')}`, `contact${cid}@client.example`]);
    }
    return id;
  };

  for (const [bi, b] of branches.entries()) {
    const cms = cmsByBranch[bi]!;
    const seniors = cms.filter((c) => c.senior);
    const juniors = cms.filter((c) => !c.senior);
    const assistants = assistantsByBranch[bi]!;
    const nActive = projPerBranch[bi]!;
    const nSettled = settledPerBranch[bi]!;
    const clientsOf = new Map<number, number[]>();
    const clientCm = new Map<number, Cm>();

    interface P { id: number; cm: Cm; clientId: number; importance: string; approved: number; disbursed: number; b0: number; rateBp: number; startMi: number; maturityMi: number; settleMi: number; npl: boolean; d: number; sm: number; smRecover: boolean; currency: string; agent: number; monthly: boolean }
    const ps: P[] = [];
    for (let k = 0; k < nActive + nSettled; k++) {
      const settled = k >= nActive;
      const importance = portR.weighted(['key', 'large', 'normal'], [8, 17, 75]);
      const preferSenior = importance !== 'normal' ? 0.75 : 0.1;
      const group = seniors.length && (portR.chance(preferSenior) || !juniors.length) ? seniors : juniors;
      const cm = portR.weighted(group, group.map((c) => c.capacity));
      let cid: number;
      const own = clientsOf.get(cm.id) ?? [];
      if (own.length && portR.chance(0.22)) cid = portR.pick(own);
      else {
        cid = await addClient(b, cm.id, cm.sector, portR.int(30, 3000));
        own.push(cid);
        clientsOf.set(cm.id, own);
        clientCm.set(cid, cm);
      }
      const [lo, hi] = importance === 'key' ? [50_000, 500_000] : importance === 'large' ? [10_000, 100_000] : [500, 20_000];
      const approvedWan = Math.round(Math.exp(Math.log(lo) + portR.next() * (Math.log(hi) - Math.log(lo))));
      const approved = approvedWan * 10_000 * 100; // cents
      const disbursed = Math.round((approved * (70 + portR.int(0, 30))) / 100 / 100) * 100;
      // Settled projects started before the window so they can end inside it.
      const startMi = settled || portR.chance(0.85) ? startIdx - portR.int(1, 96) : portR.int(startIdx, endIdx);
      const settleMi = settled ? portR.int(Math.max(startIdx, startMi + 1), endIdx - 1) : Number.MAX_SAFE_INTEGER;
      const maturityMi = settled ? settleMi : endIdx + portR.int(6, 180);
      const b0 = startMi >= startIdx ? disbursed : Math.round((disbursed * (50 + portR.int(0, 50))) / 100 / 100) * 100;
      ps.push({
        id: ++projectId, cm, clientId: cid, importance, approved, disbursed, b0, rateBp: portR.int(400, 700), startMi, maturityMi, settleMi,
        npl: false, d: 0, sm: -1, smRecover: false, currency: portR.chance(0.05) ? 'USD' : 'CNY', agent: portR.int(1, AGENT_BANKS.length),
        // About a third of the loans amortise monthly, the rest at quarter ends.
        monthly: portR.chance(0.35),
      });
    }
    // NPL calibration: mark projects non-performing in a seeded order until their balance share
    // reaches the branch's level, so branch NPL ratios spread from ~1% to ~12%.
    const activeTotal = ps.filter((p) => p.settleMi > endIdx).reduce((s, p) => s + p.b0, 0);
    let nplSum = 0;
    const order = portR.shuffle(ps.map((_, i) => i));
    for (const i of order) {
      const p = ps[i]!;
      if (p.settleMi <= endIdx) continue;
      // NPL balances amortise little while performing ones shrink, so aim below the level.
      if (nplSum + p.b0 > activeTotal * b.nplTarget * 0.75) continue;
      p.npl = true;
      nplSum += p.b0;
      p.d = portR.int(Math.max(-20, p.startMi - startIdx + 3), spec.months - 1);
    }
    for (const p of ps) {
      if (!p.npl && portR.chance(0.07)) {
        p.sm = portR.int(Math.max(0, p.startMi - startIdx), spec.months - 1);
        p.smRecover = portR.chance(0.3);
      }
    }

    const classAt = (p: P, t: number): number => {
      if (p.npl) {
        if (t < p.d - 6) return 0;
        if (t < p.d) return 1;
        if (t < p.d + 6) return 2;
        if (t < p.d + 14) return 3;
        return 4;
      }
      if (p.sm >= 0 && t >= p.sm && !(p.smRecover && t >= p.sm + 4)) return 1;
      return 0;
    };
    const REPAID: readonly [number, number][] = [[9_000, 10_000], [7_000, 10_000], [3_000, 7_000], [500, 3_000], [0, 800]];
    const OVERDUE: readonly [number, number][] = [[0, 0], [1, 90], [91, 180], [181, 360], [361, 720]];

    for (const p of ps) {
      const first = Math.max(startIdx, p.startMi);
      const last = Math.min(endIdx, p.settleMi);
      let bal = p.b0;
      let cls = 0;
      for (let mi = first; mi <= last; mi++) {
        const t = mi - startIdx;
        cls = classAt(p, t);
        const interestDue = Math.floor((bal * p.rateBp) / 120_000);
        const finalMonth = mi === p.settleMi;
        const quarterEnd = indexMonth(mi) % 3 === 0;
        const periodsLeft = p.monthly ? Math.max(1, p.maturityMi - mi) : Math.max(1, Math.ceil((p.maturityMi - mi) / 3));
        const principalDue = finalMonth ? bal : p.monthly || quarterEnd ? Math.floor(bal / periodsLeft / 100) * 100 : 0;
        const [lo, hi] = REPAID[cls]!;
        const full = cls === 0 && portR.chance(0.97);
        const f = finalMonth || full ? 10_000 : portR.int(lo, hi);
        const principalRepaid = Math.floor((principalDue * f) / 10_000);
        const interestRepaid = Math.floor((interestDue * f) / 10_000);
        bal -= principalRepaid;
        const [o1, o2] = OVERDUE[cls]!;
        const late = portR.chance(b.lateness * (1.3 - p.cm.diligence * 0.6));
        const day = late ? portR.int(11, 28) : portR.int(1, 10);
        let submitted: string | null = dateOf(mi + 1, day);
        if (mi + 1 === asOfIdx && day > asOf.day) submitted = null; // not submitted yet as of today
        await statement.add([p.id, monthFirstDay(mi), cents(bal), cents(principalDue), cents(interestDue), cents(principalRepaid), cents(interestRepaid), CLASSES[cls]!, cls === 0 ? 0 : portR.int(o1, o2), submitted]);
        const key = `${b.id}:${indexYear(mi)}`;
        dueByBranchYear.set(key, (dueByBranchYear.get(key) ?? 0) + principalDue + interestDue);
      }
      const settled = p.settleMi <= endIdx;
      const cm = p.cm;
      const assistant = assistants.length && portR.chance(0.5) ? portR.pick(assistants) : null;
      const startDate = dateOf(p.startMi, portR.int(1, 28));
      const maturity = dateOf(p.maturityMi, Math.min(28, daysInMonth(p.maturityMi)));
      await project.add([
        p.id, `P${String(p.id).padStart(9, '0')}`, `${SECTOR_LABEL[cm.sector]} project ${p.id}`, p.clientId, b.id, cm.id, assistant, cm.sector,
        cents(p.approved), cents(p.disbursed), cents(settled ? 0 : bal), p.currency, startDate, maturity, settled ? 'settled' : 'active',
        p.importance, CLASSES[cls]!, p.agent, 1, `${startDate} 09:00:00+08`, asOfStamp,
      ]);
      // Assignment history: the initial assignment, and for some projects a later hand-over.
      const assignedAt = `${dateOf(Math.max(p.startMi, startIdx - 1), 1)} 10:00:00+08`;
      if (portR.chance(0.05) && cms.length > 1) {
        let prev = portR.pick(cms);
        if (prev.id === cm.id) prev = cms[(cms.indexOf(prev) + 1) % cms.length]!;
        const moveMi = portR.int(Math.max(first, startIdx) , endIdx);
        await assignment.add([++assignmentId, p.id, null, prev.id, b.headId, assignedAt, 'Initial assignment']);
        await assignment.add([++assignmentId, p.id, prev.id, cm.id, b.headId, `${dateOf(moveMi, portR.int(1, 28))} 15:00:00+08`, portR.pick(['Workload rebalancing', 'Staff rotation', 'Sector specialisation', 'Previous manager on leave'])]);
      } else {
        await assignment.add([++assignmentId, p.id, null, cm.id, b.headId, assignedAt, 'Initial assignment']);
      }
      if (!settled && cls >= 3 && portR.chance(0.35)) {
        const opened = dateOf(endIdx - portR.int(0, 8), portR.int(1, 28));
        const status = portR.weighted(['open', 'restructured', 'recovered', 'written_off'], [7, 2, 1, 0.5]);
        await restructuring.add([++caseId, p.id, portR.pick(specialists), status, opened, status === 'open' ? null : dateOf(asOfIdx - 1, 28) < opened ? opened : dateOf(asOfIdx - 1, 28), status === 'open' ? 'Handed to asset restructuring' : 'Case closed']);
      }
    }

    // Contact log: each manager's diligence sets how often their clients hear from them.
    for (const [cid, cm] of clientCm) {
      for (let mi = startIdx; mi <= endIdx; mi++) {
        if (!portR.chance(cm.diligence * 0.45)) continue;
        const kind = portR.weighted(['call', 'visit', 'meeting'], [6, 3, 1]);
        const day = portR.int(1, daysInMonth(mi));
        await contactLog.add([++contactLogId, cid, cm.id, kind, dateOf(mi, day), kind === 'visit' ? '现场走访，了解项目进展' : kind === 'call' ? '电话联络，提示还款日' : '会议沟通贷款安排', `${dateOf(mi, day)} 18:00:00+08`]);
      }
    }
    // The client pool: clients without an owner, some created recently.
    const poolCount = Math.max(1, Math.round(nActive * 0.05));
    for (let i = 0; i < poolCount; i++) await addClient(b, null, portR.pick(SECTOR_LIST), i === 0 ? 0 : portR.int(1, 900));
    onProgress?.('portfolio', projectId);
  }

  // ---- Targets, settings, weights ---------------------------------------------------------------
  const planR = root.fork('plan');
  let targetId = 0;
  const endYear = indexYear(endIdx);
  for (const year of [endYear - 1, endYear]) {
    for (const b of branches) {
      const monthsInYear = year === endYear ? indexMonth(endIdx) : 12;
      const due = dueByBranchYear.get(`${b.id}:${year}`) ?? 0;
      const fullYearDue = Math.floor((due * 12) / monthsInYear);
      const planned = Math.floor((fullYearDue * planR.int(85, 105)) / 100 / 100) * 100;
      const npl = Math.round(b.nplTarget * (0.75 + planR.next() * 0.6) * 10_000) / 10_000;
      const recovery = planR.int(82, 96) / 100;
      await target.add([++targetId, b.id, year, npl.toFixed(6), recovery.toFixed(6), cents(planned), cents(planR.int(100, 2000) * 1_000_000 * 100), 1, `${year - 1}-12-20 10:00:00+08`]);
    }
  }
  await setting.add(['workload_norm', '4', 'Projects per client manager (domain.md section 3: about 4 each)', asOfStamp]);
  const published = `${monthFirstDay(startIdx)} 09:00:00+08`;
  await weightVersion.add([1, 'client_manager', 1, published, plannerIds[0] ?? null, 'Initial weights (domain.md section 6)']);
  for (const [c, w] of [['asset_quality', '0.3500'], ['recovery', '0.3000'], ['reporting', '0.1500'], ['contact', '0.1000'], ['workload', '0.1000']]) await weight.add([1, c!, w!]);
  await weightVersion.add([2, 'branch', 1, published, plannerIds[0] ?? null, 'Initial branch weights (domain.md section 6)']);
  for (const [c, w] of [['npl', '0.5000'], ['recovery', '0.3000'], ['attainment', '0.2000']]) await weight.add([2, c!, w!]);

  // ---- Staffing scenarios (domain.md section 3) ------------------------------------------------
  let lineId = 0;
  const lmb = bureauIds.LMB!;
  const wuhan = branches.find((b) => b.code === 'WH') ?? branches[0]!;
  const scenarios: { name: string; zh: string; desc: string; lines: [number, string, number][] }[] = [];
  if (opts.scale === 'demo') {
    const transition = apportion(690, branches.map((b) => b.size));
    scenarios.push(
      { name: 'Before merger', zh: '合并前', desc: 'HQ credit officers act as client managers; only the Wuhan branch has client managers.',
        lines: [[lmb, 'bureau_officer', 60], [lmb, 'hq_credit_officer', 200], [wuhan.id, 'client_manager', 10]] },
      { name: 'After merger (transition)', zh: '合并后（过渡期）', desc: 'Acquired branches bring 690 client managers; HQ unchanged.',
        lines: [[lmb, 'bureau_officer', 60], [lmb, 'hq_credit_officer', 200], ...branches.map((b, i): [number, string, number] => [b.id, 'client_manager', transition[i]!])] },
    );
  }
  const proposedLines: [number, string, number][] = [];
  for (const d of LMB_DIVISIONS) proposedLines.push([divisionIds[d.code]!, 'division_head', 1], [divisionIds[d.code]!, 'bureau_officer', d.size - 1]);
  proposedLines.push([lmb, 'hq_credit_officer', 0]);
  for (const [bi, b] of branches.entries()) {
    const cms = cmsByBranch[bi]!;
    const senior = cms.filter((c) => c.senior).length;
    proposedLines.push([b.id, 'senior_client_manager', senior], [b.id, 'client_manager', cms.length - senior]);
  }
  scenarios.push({ name: 'Proposed', zh: '建议', desc: 'Bureau of 30 (10/15/5); all client managers in branches, about 4 projects each.', lines: proposedLines });
  for (const [i, s] of scenarios.entries()) {
    await scenario.add([i + 1, s.name, s.zh, s.desc, opts.scale === 'demo' ? 3057 : spec.projects, i + 1, published, published, 1]);
    for (const [unit, role, n] of s.lines) await scenarioLine.add([++lineId, i + 1, unit, role, n]);
  }

  const sinks = [orgUnit, team, staff, agentBank, evaluation, client, contact, project, statement, contactLog, restructuring, assignment, target, setting, weightVersion, weight, scenario, scenarioLine];
  const tables: TableFile[] = [];
  for (const s of sinks) tables.push(await s.close());
  return {
    dir,
    tables,
    endMonth: monthFirstDay(endIdx).slice(0, 7),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
