import type { EntityManager } from '@mikro-orm/postgresql';
import { compareDecimal, isStaffRole, parseDecimal, subDecimal } from '@loan-desk/domain';
import { badInput, conflict, notFound } from '../../common/errors.js';
import { StaffingRepository, type LineRow } from './staffing.repository.js';
import type { StaffingLineInput, StaffingPlanRowType, StaffingPlanType, StaffingScenarioType } from './staffing.types.js';

const ROWS: { key: keyof StaffingScenarioType; label: string; labelZh: string; ratio?: boolean }[] = [
  { key: 'hqBureauTotal', label: 'HQ Loan Management Bureau (incl. HQ credit officers)', labelZh: '总行贷款管理局（含总行信贷员）' },
  { key: 'hqCreditOfficers', label: 'of which HQ credit officers acting as client managers', labelZh: '其中：总行信贷员兼任客户经理' },
  { key: 'branchClientManagers', label: 'Branch client managers', labelZh: '分行客户经理' },
  { key: 'clientManagersTotal', label: 'Client managers in total', labelZh: '客户经理合计' },
  { key: 'loanManagementStaffTotal', label: 'Loan management staff in total', labelZh: '贷款管理人员合计' },
  { key: 'projectsPerClientManager', label: 'Projects per client manager', labelZh: '人均管理项目数', ratio: true },
];

const ROW_KEYS: Record<string, string> = {
  hqBureauTotal: 'hq_bureau', hqCreditOfficers: 'hq_credit_officers', branchClientManagers: 'branch_client_managers',
  clientManagersTotal: 'client_managers_total', loanManagementStaffTotal: 'loan_management_staff_total', projectsPerClientManager: 'projects_per_client_manager',
};

/** Builds the staffing table (domain.md section 3) from scenarios whose totals come from SQL. */
export function planTable(scenarios: StaffingScenarioType[], fromId: number | null, toId: number | null): StaffingPlanRowType[] {
  const from = scenarios.find((s) => s.id === fromId);
  const to = scenarios.find((s) => s.id === toId);
  return ROWS.map((r) => {
    const values = scenarios.map((s) => (s[r.key] === null ? null : String(s[r.key])));
    const change = !r.ratio && from && to ? subDecimal(String(to[r.key]), String(from[r.key])) : null;
    return { key: ROW_KEYS[r.key]!, label: r.label, labelZh: r.labelZh, values, change };
  });
}

export class StaffingService {
  private readonly repo: StaffingRepository;

  constructor(private readonly em: EntityManager) {
    this.repo = new StaffingRepository(em);
  }

  async plan(changeFrom?: number | null, changeTo?: number | null): Promise<StaffingPlanType> {
    const scenarios = await this.repo.scenarios();
    // Default change column: the last scenario against the one before it (proposed vs transition).
    const to = changeTo ?? scenarios[scenarios.length - 1]?.id ?? null;
    const from = changeFrom ?? scenarios[scenarios.length - 2]?.id ?? null;
    for (const [field, id] of [['changeFrom', changeFrom], ['changeTo', changeTo]] as const) {
      if (id !== undefined && id !== null && !scenarios.some((s) => s.id === id)) throw badInput(field, `scenario ${id} does not exist`);
    }
    return { scenarios, rows: planTable(scenarios, from, to), changeFrom: from, changeTo: to };
  }

  async whatIf(normArg: string | null | undefined, monthArg: string | null | undefined) {
    const norm = normArg ?? (await this.repo.workloadNorm());
    if (normArg !== undefined && normArg !== null) {
      parseDecimal(normArg);
      if (compareDecimal(normArg, '0') <= 0 || compareDecimal(normArg, '100') > 0) throw badInput('norm', 'must be greater than 0 and at most 100');
    }
    const month = monthArg ?? (await this.repo.latestMonth());
    if (!month) throw notFound('Statements', 'any month');
    const rows = await this.repo.needs(month, norm);
    return {
      norm,
      month,
      rows,
      totalActiveProjects: rows.reduce((s, r) => s + r.activeProjects, 0),
      totalActualClientManagers: rows.reduce((s, r) => s + r.actualClientManagers, 0),
      totalRequiredClientManagers: rows.reduce((s, r) => s + r.requiredClientManagers, 0),
    };
  }

  private async validateLines(lines: readonly StaffingLineInput[]): Promise<LineRow[]> {
    if (lines.length > 10_000) throw badInput('input.lines', 'at most 10,000 lines');
    const seen = new Set<string>();
    const out: LineRow[] = [];
    for (const [i, l] of lines.entries()) {
      const unitId = Number(l.unitId);
      if (!Number.isInteger(unitId) || unitId <= 0) throw badInput(`input.lines[${i}].unitId`, 'is not a unit id');
      if (!isStaffRole(l.role)) throw badInput(`input.lines[${i}].role`, 'is not a role');
      if (!Number.isInteger(l.headcount) || l.headcount < 0 || l.headcount > 1_000_000) throw badInput(`input.lines[${i}].headcount`, 'must be a whole number from 0 to 1,000,000');
      const k = `${unitId}:${l.role}`;
      if (seen.has(k)) throw badInput(`input.lines[${i}]`, 'duplicates another line for the same unit and role');
      seen.add(k);
      out.push({ unitId, role: l.role, headcount: l.headcount });
    }
    const existing = await this.repo.unitIdsExisting([...new Set(out.map((l) => l.unitId))]);
    const missing = out.findIndex((l) => !existing.has(l.unitId));
    if (missing >= 0) throw badInput(`input.lines[${missing}].unitId`, `unit ${out[missing]!.unitId} does not exist`);
    return out;
  }

  private static checkName(name: string | null | undefined, field: string): string | undefined {
    if (name === undefined || name === null) return undefined;
    const n = name.trim();
    if (!n || n.length > 100) throw badInput(field, 'must be 1–100 characters');
    return n;
  }

  private static count(n: number | null | undefined): void {
    if (n !== undefined && n !== null && (!Number.isInteger(n) || n < 0 || n > 100_000_000)) throw badInput('input.projectCount', 'must be a whole number of 0 or more');
  }

  async create(input: { name: string; nameZh?: string | null; description?: string | null; projectCount: number; lines: StaffingLineInput[] }): Promise<number> {
    const name = StaffingService.checkName(input.name, 'input.name')!;
    StaffingService.count(input.projectCount);
    const lines = await this.validateLines(input.lines);
    const id = await this.repo.insertScenario({ name, nameZh: input.nameZh ?? null, description: input.description ?? null, projectCount: input.projectCount });
    await this.repo.replaceLines(id, lines);
    return id;
  }

  async update(input: { id: string; expectedVersion: number; name?: string | null; nameZh?: string | null; description?: string | null; projectCount?: number | null; lines?: StaffingLineInput[] | null }): Promise<number> {
    const id = Number(input.id);
    const name = StaffingService.checkName(input.name, 'input.name');
    StaffingService.count(input.projectCount);
    const lines = input.lines ? await this.validateLines(input.lines) : undefined;
    if (!(await this.repo.exists(id))) throw notFound('Staffing scenario', input.id);
    if (!(await this.repo.updateScenario(id, input.expectedVersion, { ...input, name }))) {
      throw conflict('The staffing scenario changed since you read it; reload and try again');
    }
    if (lines) await this.repo.replaceLines(id, lines);
    return id;
  }

  async delete(idArg: string, expectedVersion: number): Promise<void> {
    const id = Number(idArg);
    if (!(await this.repo.exists(id))) throw notFound('Staffing scenario', idArg);
    if (!(await this.repo.deleteScenario(id, expectedVersion))) throw conflict('The staffing scenario changed since you read it; reload and try again');
  }
}
