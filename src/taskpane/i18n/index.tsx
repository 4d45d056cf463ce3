/**
 * The pane's language: Danish unless the user switches to English.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { da } from './da';
import { en } from './en';
import type { PaneLocale, PaneStrings } from './strings';

export type { PaneLocale, PaneStrings } from './strings';

const CATALOGUES: Record<PaneLocale, PaneStrings> = { da, en };

interface I18n {
  locale: PaneLocale;
  strings: PaneStrings;
}

const I18nContext = createContext<I18n>({ locale: 'da', strings: da });

export function I18nProvider({ locale, children }: { locale: PaneLocale; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, strings: CATALOGUES[locale] }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
