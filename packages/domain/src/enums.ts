/**
 * Enumerations of the domain. The lower_snake_case values are also the
 * PostgreSQL enum labels, so they must never be renamed casually.
 */
import type { DisplayLocale } from './locale.js';

function guard<T extends string>(values: readonly T[]): (x: unknown) => x is T {
  return (x: unknown): x is T => typeof x === 'string' && (values as readonly string[]).includes(x);
}

/** Five-tier loan classification (五级分类), ordered best → worst. */
export const CLASSIFICATIONS = ['normal', 'special_mention', 'substandard', 'doubtful', 'loss'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const isClassification = guard(CLASSIFICATIONS);

/** Non-performing classes (不良贷款). */
export const NPL_CLASSES = ['substandard', 'doubtful', 'loss'] as const satisfies readonly Classification[];
export type NplClass = (typeof NPL_CLASSES)[number];

export function isNpl(c: Classification): boolean {
  return (NPL_CLASSES as readonly Classification[]).includes(c);
}

/** 0 (normal) … 4 (loss). */
export function classificationRank(c: Classification): number {
  const rank = CLASSIFICATIONS.indexOf(c);
  if (rank < 0) throw new Error(`Unknown classification ${JSON.stringify(c)}`);
  return rank;
}

/** True when `to` is strictly worse than `from`. */
export function isDowngrade(from: Classification, to: Classification): boolean {
  return classificationRank(to) > classificationRank(from);
}

export const SECTORS = [
  'energy',
  'transport',
  'telecom',
  'raw_materials',
  'agriculture',
  'urban_infrastructure',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];
export const isSector = guard(SECTORS);

export const IMPORTANCE_GRADES = ['key', 'large', 'normal'] as const;
export type ImportanceGrade = (typeof IMPORTANCE_GRADES)[number];
export const isImportanceGrade = guard(IMPORTANCE_GRADES);

/** Workload counts projects graded key or large (大型及重点项目) separately. */
export function isKeyOrLarge(grade: ImportanceGrade): boolean {
  return grade === 'key' || grade === 'large';
}

export const PROJECT_STATUSES = ['active', 'settled', 'written_off'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const isProjectStatus = guard(PROJECT_STATUSES);

export const CURRENCIES = ['CNY', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const isCurrency = guard(CURRENCIES);

export const COMPANY_NATURES = ['state_owned', 'private', 'foreign_invested', 'collective', 'other'] as const;
export type CompanyNature = (typeof COMPANY_NATURES)[number];
export const isCompanyNature = guard(COMPANY_NATURES);

export const CONTACT_KINDS = ['visit', 'call', 'meeting'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const isContactKind = guard(CONTACT_KINDS);

export const RESTRUCTURING_STATUSES = ['open', 'restructured', 'recovered', 'written_off'] as const;
export type RestructuringStatus = (typeof RESTRUCTURING_STATUSES)[number];
export const isRestructuringStatus = guard(RESTRUCTURING_STATUSES);

export const ORG_UNIT_KINDS = ['head_office', 'bureau', 'division', 'branch', 'branch_division'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
export const isOrgUnitKind = guard(ORG_UNIT_KINDS);

export const STAFF_ROLES = [
  'president',
  'vice_president',
  'bureau_director',
  'division_head',
  'bureau_officer',
  'hq_credit_officer',
  'restructuring_specialist',
  'branch_president',
  'loan_division_head',
  'senior_client_manager',
  'client_manager',
  'assistant',
  'secretary',
  'back_office',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const isStaffRole = guard(STAFF_ROLES);

export const CLIENT_MANAGER_ROLES = ['senior_client_manager', 'client_manager'] as const satisfies readonly StaffRole[];
export type ClientManagerRole = (typeof CLIENT_MANAGER_ROLES)[number];

export function isClientManagerRole(role: StaffRole): role is ClientManagerRole {
  return (CLIENT_MANAGER_ROLES as readonly StaffRole[]).includes(role);
}

/** Workload norm deviation bands (domain.md §6). */
export const WORKLOAD_FLAGS = ['overloaded', 'normal', 'underloaded'] as const;
export type WorkloadFlag = (typeof WORKLOAD_FLAGS)[number];
export const isWorkloadFlag = guard(WORKLOAD_FLAGS);

export interface Label {
  readonly en: string;
  readonly zh: string;
}

/**
 * Display labels per enum. Grouped by enum because values repeat across enums
 * with different meanings ('normal' is 正常 as a classification, 一般 as a grade).
 */
export const LABELS = {
  classification: {
    normal: { en: 'Normal', zh: '正常' },
    special_mention: { en: 'Special mention', zh: '关注' },
    substandard: { en: 'Substandard', zh: '次级' },
    doubtful: { en: 'Doubtful', zh: '可疑' },
    loss: { en: 'Loss', zh: '损失' },
  } satisfies Record<Classification, Label>,
  sector: {
    energy: { en: 'Energy', zh: '能源' },
    transport: { en: 'Transport', zh: '交通' },
    telecom: { en: 'Telecom', zh: '通信' },
    raw_materials: { en: 'Raw materials', zh: '原材料' },
    agriculture: { en: 'Agriculture', zh: '农业' },
    urban_infrastructure: { en: 'Urban infrastructure', zh: '城市基础设施' },
    other: { en: 'Other', zh: '其他' },
  } satisfies Record<Sector, Label>,
  importanceGrade: {
    key: { en: 'Key', zh: '重点' },
    large: { en: 'Large', zh: '大型' },
    normal: { en: 'Normal', zh: '一般' },
  } satisfies Record<ImportanceGrade, Label>,
  projectStatus: {
    active: { en: 'Active', zh: '存续' },
    settled: { en: 'Settled', zh: '已结清' },
    written_off: { en: 'Written off', zh: '已核销' },
  } satisfies Record<ProjectStatus, Label>,
  currency: {
    CNY: { en: 'Renminbi (CNY)', zh: '人民币' },
    USD: { en: 'US dollar (USD)', zh: '美元' },
  } satisfies Record<Currency, Label>,
  companyNature: {
    state_owned: { en: 'State-owned', zh: '国有' },
    private: { en: 'Private', zh: '民营' },
    foreign_invested: { en: 'Foreign-invested', zh: '外资' },
    collective: { en: 'Collective', zh: '集体' },
    other: { en: 'Other', zh: '其他' },
  } satisfies Record<CompanyNature, Label>,
  contactKind: {
    visit: { en: 'Visit', zh: '拜访' },
    call: { en: 'Call', zh: '电话' },
    meeting: { en: 'Meeting', zh: '会谈' },
  } satisfies Record<ContactKind, Label>,
  restructuringStatus: {
    open: { en: 'Open', zh: '处置中' },
    restructured: { en: 'Restructured', zh: '已重组' },
    recovered: { en: 'Recovered', zh: '已收回' },
    written_off: { en: 'Written off', zh: '已核销' },
  } satisfies Record<RestructuringStatus, Label>,
  orgUnitKind: {
    head_office: { en: 'Head office', zh: '总行' },
    bureau: { en: 'Bureau', zh: '局' },
    division: { en: 'Division', zh: '处' },
    branch: { en: 'Branch', zh: '分行' },
    branch_division: { en: 'Branch division', zh: '分行处室' },
  } satisfies Record<OrgUnitKind, Label>,
  staffRole: {
    president: { en: 'President', zh: '行长' },
    vice_president: { en: 'Vice president', zh: '副行长' },
    bureau_director: { en: 'Bureau director', zh: '局长' },
    division_head: { en: 'Division head', zh: '处长' },
    bureau_officer: { en: 'Bureau officer', zh: '局业务人员' },
    hq_credit_officer: { en: 'HQ credit officer', zh: '总行信贷员' },
    restructuring_specialist: { en: 'Asset-restructuring specialist', zh: '资产重组专员' },
    branch_president: { en: 'Branch president', zh: '分行行长' },
    loan_division_head: { en: 'Loan division head', zh: '贷款处负责人' },
    senior_client_manager: { en: 'Senior client manager', zh: '高级客户经理' },
    client_manager: { en: 'Client manager', zh: '客户经理' },
    assistant: { en: 'Client manager assistant', zh: '客户经理助理' },
    secretary: { en: 'Secretary / clerk', zh: '秘书/文员' },
    back_office: { en: 'Back office', zh: '后台业务支持' },
  } satisfies Record<StaffRole, Label>,
  workloadFlag: {
    overloaded: { en: 'Overloaded', zh: '超负荷' },
    normal: { en: 'Normal', zh: '正常' },
    underloaded: { en: 'Underloaded', zh: '负荷不足' },
  } satisfies Record<WorkloadFlag, Label>,
} as const;

export type LabelKind = keyof typeof LABELS;

/** Value type of each labelled enum, keyed like LABELS. */
export interface EnumValueByKind {
  classification: Classification;
  sector: Sector;
  importanceGrade: ImportanceGrade;
  projectStatus: ProjectStatus;
  currency: Currency;
  companyNature: CompanyNature;
  contactKind: ContactKind;
  restructuringStatus: RestructuringStatus;
  orgUnitKind: OrgUnitKind;
  staffRole: StaffRole;
  workloadFlag: WorkloadFlag;
}

/** e.g. labelOf('classification', 'substandard', 'zh-CN') → '次级'. */
export function labelOf<K extends LabelKind>(kind: K, value: EnumValueByKind[K], locale: DisplayLocale): string {
  const table: Readonly<Record<string, Label>> = LABELS[kind];
  const label = table[value];
  if (label === undefined) throw new Error(`No label for ${kind} ${JSON.stringify(value)}`);
  return locale === 'zh-CN' ? label.zh : label.en;
}
