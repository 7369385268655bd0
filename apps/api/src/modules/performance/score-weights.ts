import { compareDecimal, isDecimalString, parseDecimal, sumDecimals } from '@loan-desk/domain';
import { badInput } from '../../common/errors.js';
import { SUBJECT_COMPONENTS, type ScoreSubject } from './performance.enums.js';

const FIELD = 'input.weights';

/**
 * Checks a new weight set: exactly the subject's components (no unknown, missing or repeated one),
 * each weight a decimal in [0, 1] with at most 4 places (the column is numeric(5, 4), so more
 * places would be rounded silently), and an exact sum of 1. Throws BAD_USER_INPUT on `input.weights`.
 */
export function validateWeights(subject: ScoreSubject, weights: readonly { component: string; weight: string }[]): { component: string; weight: string }[] {
  const expected = SUBJECT_COMPONENTS[subject];
  const seen = new Set<string>();
  for (const w of weights) {
    if (!expected.includes(w.component)) throw badInput(FIELD, `unknown component "${w.component}" for ${subject}; expected ${expected.join(', ')}`);
    if (seen.has(w.component)) throw badInput(FIELD, `component "${w.component}" appears more than once`);
    seen.add(w.component);
    if (!isDecimalString(w.weight)) throw badInput(FIELD, `weight of ${w.component} is not a decimal number`);
    if (compareDecimal(w.weight, '0') < 0 || compareDecimal(w.weight, '1') > 0) throw badInput(FIELD, `weight of ${w.component} must be between 0 and 1`);
    const p = parseDecimal(w.weight);
    const trimmed = w.weight.includes('.') ? w.weight.replace(/0+$/, '').replace(/\.$/, '') : w.weight;
    if (p.scale > 4 && parseDecimal(trimmed).scale > 4) throw badInput(FIELD, `weight of ${w.component} has more than 4 decimal places`);
  }
  const missing = expected.filter((c) => !seen.has(c));
  if (missing.length) throw badInput(FIELD, `missing component(s) ${missing.join(', ')}`);
  const total = sumDecimals(weights.map((w) => w.weight));
  if (compareDecimal(total, '1') !== 0) throw badInput(FIELD, `weights must sum to exactly 1 (they sum to ${total})`);
  return expected.map((c) => weights.find((w) => w.component === c)!);
}
