import { describe, expect, it } from 'vitest';
import { MESSAGES, interpolate } from './messages';
import { initialLocale } from './i18n';

describe('i18n', () => {
  it('defaults from the browser language, a saved choice wins', () => {
    expect(initialLocale(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(initialLocale(null, ['en-GB'])).toBe('en');
    expect(initialLocale(null, ['de-DE'])).toBe('en');
    expect(initialLocale('en', ['zh-CN'])).toBe('en');
  });

  it('has every key in both languages', () => {
    expect(Object.keys(MESSAGES['zh-CN']).sort()).toEqual(Object.keys(MESSAGES.en).sort());
  });

  it('interpolates', () => {
    expect(interpolate('{met} of {total}', { met: 3, total: 28 })).toBe('3 of 28');
  });
});
