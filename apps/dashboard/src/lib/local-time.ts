/** A moment's parts in the browser's (or the given) time zone; digits are the same in both languages. */
export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm, 24-hour. */
  time: string;
  /** ss */
  seconds: string;
  /** e.g. GMT+8 */
  offset: string;
}

export function localTime(d: Date, timeZone?: string): LocalTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(d);
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
  return { date: `${p('year')}-${p('month')}-${p('day')}`, time: `${p('hour')}:${p('minute')}`, seconds: p('second'), offset: p('timeZoneName') };
}
