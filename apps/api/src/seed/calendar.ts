/** Month arithmetic on integer month indexes (year * 12 + month - 1); the generator's hot loop needs no allocation. */
export const monthIndex = (year: number, month: number): number => year * 12 + month - 1;
export const indexYear = (mi: number): number => Math.floor(mi / 12);
export const indexMonth = (mi: number): number => (mi % 12) + 1;
const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
export const monthFirstDay = (mi: number): string => `${indexYear(mi)}-${pad2(indexMonth(mi))}-01`;
export const dateOf = (mi: number, day: number): string => `${indexYear(mi)}-${pad2(indexMonth(mi))}-${pad2(day)}`;
export function daysInMonth(mi: number): number {
  return new Date(Date.UTC(indexYear(mi), indexMonth(mi), 0)).getUTCDate();
}
export function parseIsoDate(s: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`expected a date YYYY-MM-DD, got "${s}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}
/** Cents (an integer number, exact below 2^53) to a decimal string. */
export function cents(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`amount out of range: ${n}`);
  const s = String(n).padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}
