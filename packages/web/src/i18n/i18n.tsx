import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { type Dictionary, fr } from './fr.ts';

export type Locale = 'fr' | 'en';
const STORAGE_KEY = 'parcours.locale';

/** French is in the main bundle; English is fetched the first time someone switches (its own small chunk). */
const loaded: Partial<Record<Locale, Dictionary>> = { fr };

export async function loadDictionary(l: Locale): Promise<Dictionary> {
  loaded[l] ??= l === 'en' ? (await import('./en.ts')).en : fr;
  return loaded[l];
}

export function savedLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fr';
}

export interface I18n {
  locale: Locale;
  t: Dictionary;
  setLocale: (l: Locale) => Promise<Dictionary>;
  /** Picks the right language of a `{ fr, en }` text from the API. */
  text: (value: { fr: string; en: string } | undefined, fallback?: string) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

/**
 * French first; the choice is kept in localStorage and sets `<html lang>` so screen readers switch voice.
 * `initial` is the dictionary of `savedLocale()`, loaded before the first render (main.tsx).
 */
export function I18nProvider({ initial, children }: { initial: Dictionary; children: ComponentChildren }) {
  const [state, setState] = useState<{ locale: Locale; t: Dictionary }>({
    locale: savedLocale(),
    t: initial,
  });
  useEffect(() => {
    document.documentElement.lang = state.locale;
  }, [state.locale]);
  const setLocale = useCallback(async (l: Locale) => {
    const t = await loadDictionary(l);
    localStorage.setItem(STORAGE_KEY, l);
    setState({ locale: l, t });
    return t;
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale: state.locale,
      t: state.t,
      setLocale,
      text: (v, fallback = '') => (v ? v[state.locale] : fallback),
    }),
    [state, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
