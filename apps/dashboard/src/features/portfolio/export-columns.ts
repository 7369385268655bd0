import type { DisplayLocale } from '@loan-desk/domain';
import type { ClientRowFragment, ProjectRowFragment } from '../../gql/graphql';
import type { ExportColumn } from '../../lib/neutralize';
import { enumLabel, orgName } from '../../app/labels';
import { MESSAGES } from '../../app/messages';

/** Export columns: exact decimals for money (numbers), labels in the user's language. */
export function clientExportColumns(locale: DisplayLocale): ExportColumn<ClientRowFragment>[] {
  const m = MESSAGES[locale];
  return [
    { header: 'ID', type: 'number', value: (r) => r.id },
    { header: m['col.client'], type: 'text', value: (r) => r.name },
    { header: m['col.branch'], type: 'text', value: (r) => (r.branch ? orgName(r.branch, locale) : '') },
    { header: m['col.clientManager'], type: 'text', value: (r) => r.owner?.name ?? '' },
    { header: m['portfolio.pool'], type: 'text', value: (r) => (r.inPool ? m['common.yes'] : m['common.no']) },
    { header: m['col.industry'], type: 'text', value: (r) => r.industry },
    { header: m['col.nature'], type: 'text', value: (r) => enumLabel('companyNature', r.companyNature, locale) },
    { header: locale === 'zh-CN' ? '客户类型' : 'Type', type: 'text', value: (r) => r.clientType },
    { header: locale === 'zh-CN' ? '来源' : 'Source', type: 'text', value: (r) => r.source },
    { header: m['col.revenue'], type: 'number', value: (r) => r.annualRevenue },
    { header: locale === 'zh-CN' ? '最近联络' : 'Last contact', type: 'text', value: (r) => r.lastContactOn },
    { header: m['col.created'], type: 'text', value: (r) => r.createdAt },
    { header: m['col.updated'], type: 'text', value: (r) => r.updatedAt },
  ];
}

export function projectExportColumns(locale: DisplayLocale): ExportColumn<ProjectRowFragment>[] {
  const m = MESSAGES[locale];
  return [
    { header: 'ID', type: 'number', value: (r) => r.id },
    { header: m['col.project'], type: 'text', value: (r) => r.name },
    { header: m['col.client'], type: 'text', value: (r) => r.client.name },
    { header: m['col.branch'], type: 'text', value: (r) => orgName(r.branch, locale) },
    { header: m['col.clientManager'], type: 'text', value: (r) => r.clientManager?.name ?? '' },
    { header: m['col.sector'], type: 'text', value: (r) => enumLabel('sector', r.sector, locale) },
    { header: m['col.importance'], type: 'text', value: (r) => enumLabel('importanceGrade', r.importance, locale) },
    { header: m['col.classification'], type: 'text', value: (r) => enumLabel('classification', r.classification, locale) },
    { header: m['col.status'], type: 'text', value: (r) => enumLabel('projectStatus', r.status, locale) },
    { header: m['col.currency'], type: 'text', value: (r) => r.currency },
    { header: locale === 'zh-CN' ? '批准金额' : 'Approved amount', type: 'number', value: (r) => r.approvedAmount },
    { header: m['col.balance'], type: 'number', value: (r) => r.balance },
    { header: locale === 'zh-CN' ? '起始日' : 'Start date', type: 'text', value: (r) => r.startDate },
    { header: m['col.maturity'], type: 'text', value: (r) => r.maturityDate },
    { header: m['col.lastStatement'], type: 'text', value: (r) => r.lastStatement?.month ?? '' },
    { header: m['col.overdue'], type: 'number', value: (r) => r.lastStatement?.daysOverdue ?? null },
  ];
}
