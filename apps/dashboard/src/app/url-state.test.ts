import { describe, expect, it } from 'vitest';
import { buildHref, defaultMonth, parseRoute } from './url-state';

describe('url state', () => {
  it('parses page, month and branch', () => {
    const r = parseRoute('/branch/', '?month=2026-09&branch=12&tab=x');
    expect(r.page).toBe('branch');
    expect(r.month).toBe('2026-09');
    expect(r.branch).toBe('12');
    expect(r.params.get('tab')).toBe('x');
  });

  it('has a path for the Import page', () => {
    expect(parseRoute('/import', '').page).toBe('import');
    expect(buildHref({ month: '2026-10', branch: null }, 'import')).toBe('/import?month=2026-10');
  });

  it('ignores an invalid month and unknown paths', () => {
    const r = parseRoute('/nowhere', '?month=2026-13');
    expect(r.page).toBe('overview');
    expect(r.month).toBeNull();
  });

  it('keeps global filters and sorts parameters so links are stable', () => {
    expect(buildHref({ month: '2026-10', branch: null }, 'branch', { branch: '7' })).toBe('/branch?branch=7&month=2026-10');
    expect(buildHref({ month: null, branch: '7' }, 'overview', { branch: null })).toBe('/');
  });

  it('defaults to the previous calendar month', () => {
    expect(defaultMonth(new Date(Date.UTC(2026, 0, 15)))).toBe('2025-12');
  });
});
