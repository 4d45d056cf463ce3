/**
 * What the pane remembers between sessions (in the browser's localStorage, per add-in origin):
 * the language and whether "Tjek konsistens" also writes notes and the report sheet. Where
 * storage is refused (private mode, a locked-down Office), the defaults apply.
 */
import type { PaneLocale } from './i18n';

const LOCALE_KEY = 'teknisk-beregningsark.locale';
const ANNOTATE_KEY = 'teknisk-beregningsark.annotate';

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not remembered; the choice still holds for this session.
  }
}

/** Office's display language ("da-DK", "en-US") as a pane language: Danish for Danish, else English. */
export function localeFromLanguage(language: string | undefined): PaneLocale | undefined {
  if (!language) return undefined;
  return /^(da|nb|nn|no)\b/i.test(language) ? 'da' : 'en';
}

/** The remembered language, else Office's display language, else Danish. */
export function initialLocale(displayLanguage?: string): PaneLocale {
  const stored = read(LOCALE_KEY);
  if (stored === 'da' || stored === 'en') return stored;
  return localeFromLanguage(displayLanguage) ?? 'da';
}

export function rememberLocale(locale: PaneLocale): void {
  write(LOCALE_KEY, locale);
}

export function rememberedAnnotate(): boolean {
  return read(ANNOTATE_KEY) === 'true';
}

export function rememberAnnotate(value: boolean): void {
  write(ANNOTATE_KEY, String(value));
}

/** Office's theme as light or dark, from the background colour Office gives the pane ("#262626"). */
export function themeFromBackground(color: string | undefined): 'light' | 'dark' {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color?.trim() ?? '');
  if (!m) return 'light';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
}
