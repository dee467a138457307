import { en } from './en.js';
import { fr, type MessageKey } from './fr.js';

export type Locale = 'fr' | 'en';
const CATALOGS: Record<Locale, Record<MessageKey, string>> = { fr, en };
const STORAGE_KEY = 'vigie.locale';

/** The UI language: French by default, English on request, remembered on this screen. */
class I18n {
  #locale = $state<Locale>(localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fr');

  get locale(): Locale {
    return this.#locale;
  }

  /** BCP 47 tag for Intl formatting. */
  get tag(): string {
    return this.#locale === 'fr' ? 'fr-FR' : 'en-GB';
  }

  set locale(locale: Locale) {
    this.#locale = locale;
    localStorage.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
  }

  t(key: MessageKey, vars: Record<string, string | number> = {}): string {
    return CATALOGS[this.#locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
  }
}

export const i18n = new I18n();
export { CATALOGS };
