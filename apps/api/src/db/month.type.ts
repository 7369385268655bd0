import { Type } from '@mikro-orm/core';

/** Maps the `month` domain (a date on the 1st) to the product's `YYYY-MM` month strings. */
export class MonthType extends Type<string, string> {
  override convertToDatabaseValue(value: string): string {
    return /^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value;
  }

  override convertToJSValue(value: string | Date): string {
    if (value instanceof Date) return value.toISOString().slice(0, 7);
    return String(value).slice(0, 7);
  }

  override getColumnType(): string {
    return 'month';
  }
}
