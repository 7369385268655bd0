import { registerEnumType } from 'type-graphql';
import { CLASSIFICATIONS, COMPANY_NATURES, CONTACT_KINDS, CURRENCIES, IMPORTANCE_GRADES, LABELS, ORG_UNIT_KINDS, PROJECT_STATUSES, RESTRUCTURING_STATUSES, SECTORS, STAFF_ROLES } from '@loan-desk/domain';

/**
 * GraphQL enums use the database labels as values (`normal`, `special_mention`…) and
 * upper-case names, with the glossary's English and Chinese names as descriptions.
 */
function enumOf<T extends string>(values: readonly T[]): Record<string, T> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as Record<string, T>;
}

function describe(kind: keyof typeof LABELS, values: readonly string[]): Record<string, { description: string }> {
  const labels = LABELS[kind] as Record<string, { en: string; zh: string }>;
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), { description: labels[v] ? `${labels[v].en} (${labels[v].zh})` : v }]));
}

export const OrgUnitKindEnum = enumOf(ORG_UNIT_KINDS);
export const StaffRoleEnum = enumOf(STAFF_ROLES);
export const SectorEnum = enumOf(SECTORS);
export const ClassificationEnum = enumOf(CLASSIFICATIONS);
export const ImportanceGradeEnum = enumOf(IMPORTANCE_GRADES);
export const ProjectStatusEnum = enumOf(PROJECT_STATUSES);
export const CurrencyEnum = enumOf(CURRENCIES);
export const CompanyNatureEnum = enumOf(COMPANY_NATURES);
export const ContactKindEnum = enumOf(CONTACT_KINDS);
export const RestructuringStatusEnum = enumOf(RESTRUCTURING_STATUSES);

registerEnumType(OrgUnitKindEnum, { name: 'OrgUnitKind', description: 'Kind of organization unit.', valuesConfig: describe('orgUnitKind', ORG_UNIT_KINDS) });
registerEnumType(StaffRoleEnum, { name: 'StaffRole', description: 'Role of a staff member (domain.md section 2).', valuesConfig: describe('staffRole', STAFF_ROLES) });
registerEnumType(SectorEnum, { name: 'Sector', description: 'Project type (sector); client-manager teams are formed by sector.', valuesConfig: describe('sector', SECTORS) });
registerEnumType(ClassificationEnum, { name: 'Classification', description: 'Five-tier loan classification (五级分类), best to worst; the last three are non-performing (NPL).', valuesConfig: describe('classification', CLASSIFICATIONS) });
registerEnumType(ImportanceGradeEnum, { name: 'ImportanceGrade', description: 'Importance grade set by the loan division head (大型及重点项目 = key and large).', valuesConfig: describe('importanceGrade', IMPORTANCE_GRADES) });
registerEnumType(ProjectStatusEnum, { name: 'ProjectStatus', description: 'Lifecycle status of a project.', valuesConfig: describe('projectStatus', PROJECT_STATUSES) });
registerEnumType(CurrencyEnum, { name: 'Currency', description: 'Currency of a project.', valuesConfig: describe('currency', CURRENCIES) });
registerEnumType(CompanyNatureEnum, { name: 'CompanyNature', description: 'Ownership nature of a client company.', valuesConfig: describe('companyNature', COMPANY_NATURES) });
registerEnumType(ContactKindEnum, { name: 'ContactKind', description: 'Kind of logged client contact (客户访谈及电话联络).', valuesConfig: describe('contactKind', CONTACT_KINDS) });
registerEnumType(RestructuringStatusEnum, { name: 'RestructuringStatus', description: 'Status of an asset-restructuring case (不良资产化解).', valuesConfig: describe('restructuringStatus', RESTRUCTURING_STATUSES) });
