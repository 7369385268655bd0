import { describe, expect, it } from 'vitest';
import {
  CLASSIFICATIONS,
  CLIENT_MANAGER_ROLES,
  COMPANY_NATURES,
  CONTACT_KINDS,
  CURRENCIES,
  IMPORTANCE_GRADES,
  LABELS,
  NPL_CLASSES,
  ORG_UNIT_KINDS,
  PROJECT_STATUSES,
  RESTRUCTURING_STATUSES,
  SECTORS,
  STAFF_ROLES,
  WORKLOAD_FLAGS,
  classificationRank,
  isClassification,
  isClientManagerRole,
  isCurrency,
  isDowngrade,
  isKeyOrLarge,
  isNpl,
  isSector,
  isStaffRole,
  labelOf,
  type Classification,
  type LabelKind,
} from './enums.js';

describe('enum values (these are also the PostgreSQL enum labels)', () => {
  it('have the agreed values in the agreed order', () => {
    expect(CLASSIFICATIONS).toEqual(['normal', 'special_mention', 'substandard', 'doubtful', 'loss']);
    expect(NPL_CLASSES).toEqual(['substandard', 'doubtful', 'loss']);
    expect(SECTORS).toEqual([
      'energy',
      'transport',
      'telecom',
      'raw_materials',
      'agriculture',
      'urban_infrastructure',
      'other',
    ]);
    expect(IMPORTANCE_GRADES).toEqual(['key', 'large', 'normal']);
    expect(PROJECT_STATUSES).toEqual(['active', 'settled', 'written_off']);
    expect(CURRENCIES).toEqual(['CNY', 'USD']);
    expect(COMPANY_NATURES).toEqual(['state_owned', 'private', 'foreign_invested', 'collective', 'other']);
    expect(CONTACT_KINDS).toEqual(['visit', 'call', 'meeting']);
    expect(RESTRUCTURING_STATUSES).toEqual(['open', 'restructured', 'recovered', 'written_off']);
    expect(ORG_UNIT_KINDS).toEqual(['head_office', 'bureau', 'division', 'branch', 'branch_division']);
    expect(STAFF_ROLES).toHaveLength(14);
    expect(CLIENT_MANAGER_ROLES).toEqual(['senior_client_manager', 'client_manager']);
  });

  it('are lower_snake_case (currency codes excepted) and unique', () => {
    const lists = [
      CLASSIFICATIONS,
      SECTORS,
      IMPORTANCE_GRADES,
      PROJECT_STATUSES,
      COMPANY_NATURES,
      CONTACT_KINDS,
      RESTRUCTURING_STATUSES,
      ORG_UNIT_KINDS,
      STAFF_ROLES,
      WORKLOAD_FLAGS,
    ];
    for (const list of lists) {
      expect(new Set(list).size).toBe(list.length);
      for (const v of list) expect(v).toMatch(/^[a-z]+(_[a-z]+)*$/);
    }
  });
});

describe('classification', () => {
  it('ranks best → worst', () => {
    expect(CLASSIFICATIONS.map(classificationRank)).toEqual([0, 1, 2, 3, 4]);
    expect(() => classificationRank('bogus' as Classification)).toThrow(/Unknown classification/);
  });

  it('marks the last three classes as NPL', () => {
    expect(CLASSIFICATIONS.filter(isNpl)).toEqual(['substandard', 'doubtful', 'loss']);
  });

  it('detects downgrades only when strictly worse', () => {
    expect(isDowngrade('normal', 'special_mention')).toBe(true);
    expect(isDowngrade('normal', 'loss')).toBe(true);
    expect(isDowngrade('doubtful', 'loss')).toBe(true);
    expect(isDowngrade('substandard', 'substandard')).toBe(false);
    expect(isDowngrade('loss', 'doubtful')).toBe(false);
  });
});

describe('guards and role helpers', () => {
  it('narrow unknown input', () => {
    expect(isClassification('loss')).toBe(true);
    expect(isClassification('Loss')).toBe(false);
    expect(isClassification(undefined)).toBe(false);
    expect(isSector('raw_materials')).toBe(true);
    expect(isSector('mining')).toBe(false);
    expect(isCurrency('CNY')).toBe(true);
    expect(isCurrency('cny')).toBe(false);
    expect(isStaffRole('back_office')).toBe(true);
  });

  it('identifies client manager roles', () => {
    expect(STAFF_ROLES.filter(isClientManagerRole)).toEqual(['senior_client_manager', 'client_manager']);
    expect(isClientManagerRole('assistant')).toBe(false);
  });

  it('identifies key or large projects', () => {
    expect(IMPORTANCE_GRADES.filter(isKeyOrLarge)).toEqual(['key', 'large']);
  });
});

describe('LABELS', () => {
  const enums: Record<LabelKind, readonly string[]> = {
    classification: CLASSIFICATIONS,
    sector: SECTORS,
    importanceGrade: IMPORTANCE_GRADES,
    projectStatus: PROJECT_STATUSES,
    currency: CURRENCIES,
    companyNature: COMPANY_NATURES,
    contactKind: CONTACT_KINDS,
    restructuringStatus: RESTRUCTURING_STATUSES,
    orgUnitKind: ORG_UNIT_KINDS,
    staffRole: STAFF_ROLES,
    workloadFlag: WORKLOAD_FLAGS,
  };

  it('label every value of every enum in both languages, nothing more', () => {
    for (const [kind, values] of Object.entries(enums)) {
      const table = LABELS[kind as LabelKind] as Record<string, { en: string; zh: string }>;
      expect(Object.keys(table).sort()).toEqual([...values].sort());
      for (const v of values) {
        expect(table[v]?.en).toMatch(/\S/);
        expect(table[v]?.zh).toMatch(/\S/);
      }
    }
  });

  it('use the glossary terms', () => {
    expect(CLASSIFICATIONS.map((c) => LABELS.classification[c].zh)).toEqual(['正常', '关注', '次级', '可疑', '损失']);
    expect(SECTORS.map((s) => LABELS.sector[s].zh)).toEqual([
      '能源',
      '交通',
      '通信',
      '原材料',
      '农业',
      '城市基础设施',
      '其他',
    ]);
    expect(LABELS.staffRole.president.zh).toBe('行长');
    expect(LABELS.staffRole.vice_president.zh).toBe('副行长');
    expect(LABELS.staffRole.bureau_director.zh).toBe('局长');
    expect(LABELS.staffRole.division_head.zh).toBe('处长');
    expect(LABELS.staffRole.branch_president.zh).toBe('分行行长');
    expect(LABELS.staffRole.loan_division_head.zh).toBe('贷款处负责人');
    expect(LABELS.staffRole.senior_client_manager.zh).toBe('高级客户经理');
    expect(LABELS.staffRole.client_manager.zh).toBe('客户经理');
    expect(LABELS.staffRole.assistant.zh).toBe('客户经理助理');
    expect(LABELS.staffRole.secretary.zh).toBe('秘书/文员');
    expect(LABELS.staffRole.back_office.zh).toBe('后台业务支持');
    expect(LABELS.orgUnitKind.head_office.zh).toBe('总行');
    expect(LABELS.orgUnitKind.branch.zh).toBe('分行');
    expect(LABELS.classification.special_mention.en).toBe('Special mention');
  });

  it('labelOf picks the language and keeps same-named values apart', () => {
    expect(labelOf('classification', 'substandard', 'zh-CN')).toBe('次级');
    expect(labelOf('classification', 'substandard', 'en')).toBe('Substandard');
    expect(labelOf('classification', 'normal', 'zh-CN')).toBe('正常');
    expect(labelOf('importanceGrade', 'normal', 'zh-CN')).toBe('一般');
    expect(labelOf('sector', 'urban_infrastructure', 'en')).toBe('Urban infrastructure');
    expect(() => labelOf('sector', 'mining' as never, 'en')).toThrow(/No label/);
  });
});
