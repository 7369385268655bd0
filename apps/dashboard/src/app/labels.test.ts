import { describe, expect, it } from 'vitest';
import { enumLabel, orgName } from './labels';

describe('labels', () => {
  it('names the five tiers as the glossary does', () => {
    expect(enumLabel('classification', 'SPECIAL_MENTION', 'zh-CN')).toBe('关注');
    expect(enumLabel('classification', 'SUBSTANDARD', 'en')).toBe('Substandard');
    expect(enumLabel('importanceGrade', 'NORMAL', 'zh-CN')).toBe('一般');
    expect(enumLabel('classification', 'UNKNOWN', 'en')).toBe('UNKNOWN');
    expect(enumLabel('classification', null, 'en')).toBe('—');
  });
  it('picks the Chinese name in Chinese', () => {
    expect(orgName({ name: 'Wuhan', nameZh: '武汉分行' }, 'zh-CN')).toBe('武汉分行');
    expect(orgName({ name: 'Wuhan', nameZh: '武汉分行' }, 'en')).toBe('Wuhan');
  });
});
