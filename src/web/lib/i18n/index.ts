import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { type Dictionary, uk } from './uk.js';

export type Locale = 'uk' | 'en';
export const LOCALES: readonly Locale[] = ['uk', 'en'];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Dictionary };
  }
}

const STORAGE_KEY = 'klasnyi.locale';

/** The language the person chose on this device, if they ever did. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'uk' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

/** Switches the interface language and remembers it on this device. */
export function applyLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18n.changeLanguage(locale);
}

/** The interface language now: what every request sends as Accept-Language. */
export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'uk';
}

/** The BCP 47 tag for Intl formatting in the current language. */
export function intlLocale(): string {
  return currentLocale() === 'en' ? 'en-GB' : 'uk-UA';
}

/** Keeps <html lang> equal to the interface language, for screen readers and hyphenation. */
export function syncDocumentLanguage(): void {
  document.documentElement.lang = currentLocale();
  i18n.on('languageChanged', () => {
    document.documentElement.lang = currentLocale();
  });
}

void i18n.use(initReactI18next).init({
  resources: { uk: { translation: uk }, en: { translation: en } },
  lng: storedLocale() ?? 'uk',
  fallbackLng: 'uk',
  interpolation: { escapeValue: false },
});

export { i18n };
