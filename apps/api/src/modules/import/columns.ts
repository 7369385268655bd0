import { LABELS } from '@loan-desk/domain';

export const IMPORT_KINDS = ['clients', 'projects', 'statements'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** How a column's text is read. */
export type ColumnType =
  | { t: 'text'; max?: number; min?: number }
  | { t: 'amount' }
  | { t: 'int' }
  | { t: 'date' }
  | { t: 'month' }
  | { t: 'enum'; sqlType: string; labels: Record<string, { en: string; zh: string }>; extra?: Record<string, string> };

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** The header must have the column and every row a value in it. */
  required?: boolean;
  /** Chinese name, for docs/import.md. */
  zh: string;
  doc: string;
}

const text = (max?: number, min?: number): ColumnType => ({ t: 'text', max, min });
const amount: ColumnType = { t: 'amount' };
const enumOf = (sqlType: string, labels: Record<string, { en: string; zh: string }>, extra?: Record<string, string>): ColumnType => ({ t: 'enum', sqlType, labels, extra });

export const CLIENT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'external_key', type: text(100), required: true, zh: '客户编号', doc: 'Client key in the core-banking system; identifies the client across imports.' },
  { name: 'name', type: text(50), required: true, zh: '客户名称', doc: 'Client name, 1–50 characters, unique among clients.' },
  { name: 'client_type', type: text(100), zh: '客户类型', doc: 'Free text, e.g. corporate.' },
  { name: 'industry', type: text(100), zh: '行业', doc: 'Free text.' },
  { name: 'source', type: text(100), zh: '客户来源', doc: 'Free text.' },
  { name: 'company_nature', type: enumOf('company_nature', LABELS.companyNature), zh: '企业性质', doc: 'state_owned, private, foreign_invested, collective, other (or 国有, 民营, 外资, 集体, 其他); blank = other.' },
  { name: 'annual_revenue', type: amount, zh: '年营业收入', doc: 'Decimal amount ≥ 0, at most 2 decimals.' },
  { name: 'address', type: text(500), zh: '地址', doc: 'Free text.' },
  { name: 'branch_code', type: text(40), zh: '所属分行代码', doc: 'Code of a branch (org_unit.code of kind branch).' },
  { name: 'owner_employee_no', type: text(40), zh: '负责人工号', doc: 'Employee number of the responsible client manager (must work in the client\'s branch); blank = client pool (客户池).' },
];

export const PROJECT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'external_key', type: text(100), required: true, zh: '项目编号', doc: 'Project (loan) key in the core-banking system.' },
  { name: 'name', type: text(100), required: true, zh: '项目名称', doc: 'Project name, 1–100 characters.' },
  { name: 'client_external_key', type: text(100), required: true, zh: '客户编号', doc: 'External key of an existing client (import clients first).' },
  { name: 'branch_code', type: text(40), required: true, zh: '经办分行代码', doc: 'Code of a branch.' },
  { name: 'manager_employee_no', type: text(40), zh: '客户经理工号', doc: 'Employee number of a client manager of that branch; blank = none.' },
  { name: 'sector', type: enumOf('sector', LABELS.sector, { '电信': 'telecom' }), required: true, zh: '行业板块', doc: 'energy, transport, telecom, raw_materials, agriculture, urban_infrastructure, other (or 能源, 交通, 通信, 原材料, 农业, 城市基础设施, 其他).' },
  { name: 'approved_amount', type: amount, required: true, zh: '批准金额', doc: 'Decimal ≥ 0.' },
  { name: 'disbursed_amount', type: amount, required: true, zh: '发放金额', doc: 'Decimal ≥ 0, at most the approved amount.' },
  { name: 'balance', type: amount, required: true, zh: '贷款余额', doc: 'Outstanding balance, decimal ≥ 0.' },
  { name: 'currency', type: enumOf('currency', LABELS.currency, { rmb: 'CNY', '元': 'CNY' }), zh: '币种', doc: 'CNY or USD (or 人民币, 美元); blank = CNY.' },
  { name: 'start_date', type: { t: 'date' }, required: true, zh: '起始日', doc: 'YYYY-MM-DD.' },
  { name: 'maturity_date', type: { t: 'date' }, required: true, zh: '到期日', doc: 'YYYY-MM-DD, not before the start date.' },
  { name: 'status', type: enumOf('project_status', LABELS.projectStatus, { '结清': 'settled', '核销': 'written_off' }), zh: '状态', doc: 'active, settled, written_off (or 存续, 已结清, 已核销); blank = active.' },
  { name: 'importance', type: enumOf('importance_grade', LABELS.importanceGrade), zh: '重要性等级', doc: 'key, large, normal (or 重点, 大型, 一般); blank = normal.' },
  { name: 'classification', type: enumOf('classification', LABELS.classification), zh: '五级分类', doc: 'normal, special_mention, substandard, doubtful, loss (or 正常, 关注, 次级, 可疑, 损失); blank = normal.' },
  { name: 'agent_bank_name', type: text(200), zh: '结算经办行', doc: 'Name (English or Chinese) of a settlement agent bank; blank = none.' },
];

export const STATEMENT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'project_external_key', type: text(100), required: true, zh: '项目编号', doc: 'External key of an existing project.' },
  { name: 'month', type: { t: 'month' }, required: true, zh: '月份', doc: 'YYYY-MM; not before the project\'s start month, not after the current month.' },
  { name: 'balance', type: amount, required: true, zh: '月末余额', doc: 'Balance at month end, decimal ≥ 0.' },
  { name: 'principal_due', type: amount, required: true, zh: '应收本金', doc: 'Decimal ≥ 0.' },
  { name: 'interest_due', type: amount, required: true, zh: '应收利息', doc: 'Decimal ≥ 0.' },
  { name: 'principal_repaid', type: amount, required: true, zh: '实收本金', doc: 'Decimal ≥ 0.' },
  { name: 'interest_repaid', type: amount, required: true, zh: '实收利息', doc: 'Decimal ≥ 0.' },
  { name: 'classification', type: enumOf('classification', LABELS.classification), required: true, zh: '月末五级分类', doc: 'As for projects.' },
  { name: 'days_overdue', type: { t: 'int' }, zh: '逾期天数', doc: 'Whole number ≥ 0; blank = 0.' },
  { name: 'submitted_on', type: { t: 'date' }, zh: '报送日期', doc: 'YYYY-MM-DD, not before the first day of the month, not in the future; blank = not recorded.' },
];

export const COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  clients: CLIENT_COLUMNS,
  projects: PROJECT_COLUMNS,
  statements: STATEMENT_COLUMNS,
};

/** Accepted spellings of an enum value → the database label (keys lower case). */
export function enumAliases(type: Extract<ColumnType, { t: 'enum' }>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [value, label] of Object.entries(type.labels)) {
    m.set(value.toLowerCase(), value);
    m.set(label.en.toLowerCase(), value);
    m.set(label.zh, value);
  }
  for (const [alias, value] of Object.entries(type.extra ?? {})) m.set(alias.toLowerCase(), value);
  return m;
}
