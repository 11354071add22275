import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.js';
import { zh } from './locales/zh.js';
import { LOCALE_STORAGE_KEY, resolveInitialLocale, type Locale } from './locale-preference.js';

/** Creates the i18next instance for the renderer, starting in the remembered or browser language. */
export function createI18n(storage: Pick<Storage, 'getItem'>, navigatorLanguage: string | undefined): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng: resolveInitialLocale(storage.getItem(LOCALE_STORAGE_KEY), navigatorLanguage),
    fallbackLng: 'zh',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

export function currentLocale(instance: i18n): Locale {
  return instance.language === 'en' ? 'en' : 'zh';
}
