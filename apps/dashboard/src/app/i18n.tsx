import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isDisplayLocale, type DisplayLocale } from '@loan-desk/domain';
import { interpolate, MESSAGES, type MessageKey } from './messages';

const STORAGE_KEY = 'loan-desk.locale';

/** Chinese for any zh-* browser language, English otherwise; a saved choice wins. */
export function initialLocale(saved: string | null, languages: readonly string[]): DisplayLocale {
  if (isDisplayLocale(saved)) return saved;
  for (const lang of languages) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

export interface I18n {
  locale: DisplayLocale;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  setLocale: (l: DisplayLocale) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<DisplayLocale>(() => {
    let saved: string | null = null;
    try {
      saved = window.localStorage.getItem(STORAGE_KEY);
    } catch {
      /* storage blocked */
    }
    return initialLocale(saved, navigator.languages?.length ? navigator.languages : [navigator.language]);
  });
  const setLocale = useCallback((l: DisplayLocale) => {
    setLocaleState(l);
    try {
      window.localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* storage blocked */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = MESSAGES[locale]['app.title'];
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, vars) => interpolate(MESSAGES[locale][key], vars) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (ctx === null) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
