/**
 * Chinese first, English on request. Each area keeps its own messages object `{ zh: {...}, en: {...} }` next to
 * its pages and reads it with useMessages(messages); the chosen language persists in localStorage.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { setApiLanguage } from '../api/client.ts';
import { type Lang, storedLang, storeLang } from './stored-lang.ts';

export type { Lang };

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
}

const LangContext = createContext<LangState>({ lang: 'zh', setLang: () => {} });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const first = storedLang();
    setApiLanguage(first);
    return first;
  });
  const setLang = useCallback((next: Lang) => {
    setApiLanguage(next);
    storeLang(next);
    document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN';
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

/** The current language and its setter. */
export function useLang(): LangState {
  return useContext(LangContext);
}

/** Messages of one area in the current language: `const m = useMessages(householdMessages); m.title`. */
export function useMessages<M>(messages: { zh: M; en: M }): M {
  return messages[useLang().lang];
}

/** A dictionary label in the current language: `label({ zh, en })`. */
export function useLabel(): (entry: { zh: string; en: string } | undefined, fallback?: string) => string {
  const { lang } = useLang();
  return (entry, fallback = '') => entry?.[lang] ?? fallback;
}
