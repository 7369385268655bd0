import { labelOf, type DisplayLocale, type EnumValueByKind, type LabelKind } from '@loan-desk/domain';

/** GraphQL enums are the domain values upper-cased (SPECIAL_MENTION ↔ special_mention). */
export function gqlEnumToDomain<K extends LabelKind>(value: string): EnumValueByKind[K] {
  return value.toLowerCase() as EnumValueByKind[K];
}

/** Label of a GraphQL enum value through the domain's LABELS; unknown values fall back to the raw value. */
export function enumLabel(kind: LabelKind, value: string | null | undefined, locale: DisplayLocale): string {
  if (value === null || value === undefined) return '—';
  try {
    return labelOf(kind, gqlEnumToDomain(value) as never, locale);
  } catch {
    return value;
  }
}

export interface Named {
  name: string;
  nameZh?: string | null;
}

/** Chinese name in Chinese, English name otherwise. */
export function orgName(unit: Named | null | undefined, locale: DisplayLocale): string {
  if (!unit) return '—';
  return locale === 'zh-CN' && unit.nameZh ? unit.nameZh : unit.name;
}

/** Compact branch label for chart axes: "Jiangsu Branch" → "Jiangsu", "江苏分行" → "江苏". */
export function shortBranchName(unit: Named | null | undefined, locale: DisplayLocale): string {
  const full = orgName(unit, locale);
  return locale === 'zh-CN' ? full.replace(/分行$/, '') || full : full.replace(/\s+Branch$/i, '') || full;
}
