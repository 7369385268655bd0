import type { EntityManager } from '@mikro-orm/postgresql';
import { compareDecimal, parseDecimal, trimDecimal } from '@loan-desk/domain';
import { badInput, conflict } from '../../common/errors.js';
import type { Viewer } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import type { SetBranchTargetInput } from './planning.inputs.js';
import { PlanningRepository, type TargetValues } from './planning.repository.js';
import type { BranchTargetType, SettingsType } from './planning.types.js';

/** A decimal that fits `numeric(·, scale)` with at most `integerDigits` before the point, within the range. */
function checkDecimal(field: string, value: string, opts: { scale: number; integerDigits: number; min: string; minExclusive?: boolean; max?: string }): string {
  const p = parseDecimal(value);
  if (p.scale > opts.scale && p.units % 10n ** BigInt(p.scale - opts.scale) !== 0n) throw badInput(field, `must have at most ${opts.scale} decimal places`);
  const range = opts.max === undefined ? 'must not be negative' : opts.minExclusive ? `must be greater than ${opts.min} and at most ${opts.max}` : `must be between ${opts.min} and ${opts.max}`;
  const vsMin = compareDecimal(value, opts.min);
  if (vsMin < 0 || (opts.minExclusive && vsMin === 0) || (opts.max !== undefined && compareDecimal(value, opts.max) > 0)) throw badInput(field, range);
  const integerPart = trimDecimal(value).split('.')[0]!;
  if (integerPart.length > opts.integerDigits) throw badInput(field, 'is too large');
  return trimDecimal(value);
}

export class PlanningService {
  /** Validates, then creates (expectedVersion null) or updates (matching expectedVersion) in one transaction. */
  static async setBranchTarget(em: EntityManager, input: SetBranchTargetInput, viewer: Viewer | null = null): Promise<BranchTargetType> {
    if (!/^[1-9]\d{0,9}$/.test(input.branchId) || Number(input.branchId) > 2147483647) throw badInput('input.branchId', 'must be a numeric id');
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw badInput('input.year', 'must be between 2000 and 2100');
    const values: TargetValues = {
      branchId: Number(input.branchId),
      year: input.year,
      targetNplRatio: checkDecimal('input.targetNplRatio', input.targetNplRatio, { scale: 6, integerDigits: 3, min: '0', max: '1' }),
      targetRecoveryRate: checkDecimal('input.targetRecoveryRate', input.targetRecoveryRate, { scale: 6, integerDigits: 3, min: '0', max: '1' }),
      plannedRecovery: checkDecimal('input.plannedRecovery', input.plannedRecovery, { scale: 2, integerDigits: 18, min: '0' }),
      plannedNewLending: checkDecimal('input.plannedNewLending', input.plannedNewLending, { scale: 2, integerDigits: 18, min: '0' }),
    };
    const expected = input.expectedVersion ?? null;
    return em.transactional(async (tx) => {
      const repo = new PlanningRepository(tx);
      const unit = await repo.branchKind(values.branchId);
      if (!unit || unit.kind !== 'branch') throw badInput('input.branchId', `${values.branchId} is not a branch`);
      const existing = await repo.findTargetForUpdate(values.branchId, values.year);
      if (!existing) {
        if (expected !== null) throw conflict(`No target exists for branch ${values.branchId} in ${values.year} (it may have been removed); send expectedVersion null to create it`);
        const created = await repo.insertTarget(values);
        if (!created) throw conflict(`A target for branch ${values.branchId} in ${values.year} was created meanwhile; reload and try again`);
        await recordAudit(tx, viewer, 'target.create', 'branch_target', created.id, null, created);
        return created;
      }
      if (expected !== existing.version) {
        throw conflict(`The target for branch ${values.branchId} in ${values.year} is at version ${existing.version}, not ${expected ?? 'null'}; reload and try again`);
      }
      const updated = await repo.updateTarget(existing.id, expected, values);
      if (!updated) throw conflict('The target changed meanwhile; reload and try again');
      await recordAudit(tx, viewer, 'target.update', 'branch_target', existing.id, existing, updated);
      return updated;
    });
  }

  static async setWorkloadNorm(em: EntityManager, value: string, viewer: Viewer | null = null): Promise<SettingsType> {
    const v = checkDecimal('value', value, { scale: 4, integerDigits: 3, min: '0', minExclusive: true, max: '100' });
    return em.transactional(async (tx) => {
      const repo = new PlanningRepository(tx);
      const before = await repo.settings();
      const after = await repo.setWorkloadNorm(v);
      await recordAudit(tx, viewer, 'setting.update', 'setting', 'workload_norm', { workloadNorm: before.workloadNorm }, { workloadNorm: after.workloadNorm });
      return after;
    });
  }
}
