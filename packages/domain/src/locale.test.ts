import { describe, expect, it } from 'vitest';
import { DISPLAY_LOCALES, isDisplayLocale } from './locale.js';

describe('display locales', () => {
  it('are zh-CN and en', () => {
    expect(DISPLAY_LOCALES).toEqual(['zh-CN', 'en']);
    expect(isDisplayLocale('zh-CN')).toBe(true);
    expect(isDisplayLocale('en')).toBe(true);
    expect(isDisplayLocale('zh')).toBe(false);
    expect(isDisplayLocale(undefined)).toBe(false);
  });
});
