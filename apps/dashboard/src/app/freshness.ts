import { formatCount, type DisplayLocale } from '@loan-desk/domain';
import type { KpiFreshnessQuery } from '../gql/graphql';
import { interpolate, MESSAGES, type MessageKey } from './messages';
import { localTime } from '../lib/local-time';
import type { FiguresBehind } from './figures-behind';

export type Freshness = Pick<
  KpiFreshnessQuery['kpiFreshness'],
  'maintainedAt' | 'refreshedAt' | 'stale' | 'pendingChanges' | 'readFrom' | 'replicaLagMs' | 'readFromPrimaryBecause'
>;

export interface FreshnessView {
  /** 'stale': changes are queued and KPI figures are computed from the base tables. */
  tone: 'ok' | 'stale';
  /** The line shown in the header. */
  text: string;
  /** Tooltip: the full timestamp, the database the figures were read from (lines joined by \n). */
  title: string;
}

/** The API counts pending changes up to this many. */
export const PENDING_CAP = 1000;
/** A replica this far behind (ms) or more is named in the header line itself. */
export const REPLICA_LAG_SHOWN_MS = 1000;

const SEP = ' · ';

/** The header's view of a moment: `full` is YYYY-MM-DD HH:mm:ss GMT+8. */
function localTimeOf(d: Date, timeZone: string | undefined): { date: string; time: string; full: string } {
  const t = localTime(d, timeZone);
  return { date: t.date, time: t.time, full: `${t.date} ${t.time}:${t.seconds} ${t.offset}`.trim() };
}

function parseTime(s: string | null): Date | null {
  if (s === null) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** 1000 → "1", 2500 → "2.5", 12345 → "12". */
function seconds(ms: number, locale: DisplayLocale): string {
  const s = ms / 1000;
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: s < 10 ? 1 : 0 }).format(s);
}

/**
 * The header's data-freshness line and tooltip:
 * - up to date: "Figures up to date · updated 03:25" (local time; the date too when not today);
 * - stale: "Catching up: N changes pending — figures computed from the base tables" ("1,000+" at the cap);
 * - read from a replica at least 1 s behind: "· read replica, X s behind" appended.
 */
export function freshnessView(
  f: Freshness, locale: DisplayLocale, opts: { now?: Date; timeZone?: string; behind?: FiguresBehind | null } = {},
): FreshnessView {
  const msg = MESSAGES[locale];
  const t = (key: MessageKey, vars?: Record<string, string | number>) => interpolate(msg[key], vars);
  const now = localTimeOf(opts.now ?? new Date(), opts.timeZone);
  const at = parseTime(f.maintainedAt) ?? parseTime(f.refreshedAt);
  const atLocal = at ? localTimeOf(at, opts.timeZone) : null;
  const lagMs = f.readFrom === 'REPLICA' ? f.replicaLagMs : null;

  const parts: string[] = [];
  const behind = f.stale ? opts.behind ?? null : null;
  if (f.stale) {
    const pending = f.pendingChanges;
    const n = pending >= PENDING_CAP ? `${formatCount(PENDING_CAP, locale)}+` : formatCount(pending, locale);
    if (behind) {
      // Some figures on the page were answered without the pending changes (the base tables took too long).
      const months = behind.pendingMonths?.length ? t('freshness.behindMonths', { months: behind.pendingMonths.join(', ') }) : '';
      parts.push(t(pending === 1 ? 'freshness.behindOne' : 'freshness.behind', { n, months }));
    } else parts.push(pending === 1 ? t('freshness.staleOne') : t('freshness.stale', { n }));
  } else {
    parts.push(t('freshness.upToDate'));
    if (atLocal)
      parts.push(t('freshness.updatedAt', { time: atLocal.date === now.date ? atLocal.time : `${atLocal.date} ${atLocal.time}` }));
  }
  if (lagMs !== null && lagMs >= REPLICA_LAG_SHOWN_MS) parts.push(t('freshness.replicaBehind', { s: seconds(lagMs, locale) }));

  const title: string[] = [];
  if (behind) title.push(t('freshness.tipBehind'));
  else if (f.stale) title.push(t('freshness.tipStale'));
  title.push(atLocal ? t('freshness.tipMaintained', { at: atLocal.full }) : t('freshness.tipNever'));
  let source: string;
  if (f.readFrom === 'REPLICA') {
    source = lagMs !== null ? t('freshness.replicaBehind', { s: seconds(lagMs, locale) }) : t('freshness.sourceReplica');
  } else {
    source = t('freshness.sourcePrimary');
    const reasonKey = `freshness.because.${f.readFromPrimaryBecause ?? ''}`;
    if (f.readFromPrimaryBecause) source += ` (${reasonKey in msg ? t(reasonKey as MessageKey) : f.readFromPrimaryBecause})`;
  }
  title.push(t('freshness.source', { source }));

  return { tone: f.stale ? 'stale' : 'ok', text: parts.join(SEP), title: title.join('\n') };
}
