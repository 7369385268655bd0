/** Locales the dashboard renders; Chinese is the bank's working language. */
export const DISPLAY_LOCALES = ['zh-CN', 'en'] as const;
export type DisplayLocale = (typeof DISPLAY_LOCALES)[number];

export function isDisplayLocale(x: unknown): x is DisplayLocale {
  return typeof x === 'string' && (DISPLAY_LOCALES as readonly string[]).includes(x);
}
