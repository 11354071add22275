export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_STORAGE_KEY = 'promo.locale';

/** The saved choice wins; otherwise Chinese for any zh-* browser language, else English. */
export function resolveInitialLocale(stored: string | null, navigatorLanguage: string | undefined): Locale {
  if (stored === 'zh' || stored === 'en') return stored;
  return navigatorLanguage?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The BCP 47 tag for Intl APIs. */
export function intlLocale(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en-US';
}
