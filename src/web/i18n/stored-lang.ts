/** The chosen language as stored in localStorage, without React: read by LangProvider and the early requests. */
import type { Lang } from '../../shared/lang.ts';

export type { Lang };

const STORAGE_KEY = 'lianxin.lang';

export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** The Accept-Language header the API client sends for a language. */
export const acceptLanguage = (lang: Lang) => (lang === 'en' ? 'en' : 'zh-CN');
