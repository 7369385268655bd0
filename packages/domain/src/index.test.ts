import { describe, expect, it } from 'vitest';
import * as domain from './index.js';

describe('package entry point', () => {
  it('re-exports every module', () => {
    for (const name of [
      'parseDecimal',
      'divDecimal',
      'CLASSIFICATIONS',
      'LABELS',
      'labelOf',
      'parseMonth',
      'statementDueDate',
      'compositeScore',
      'yearEndProjection',
      'compareRankingKeys',
      'formatMoney',
      'formatMonth',
      'DISPLAY_LOCALES',
    ]) {
      expect(domain).toHaveProperty(name);
    }
  });
});
