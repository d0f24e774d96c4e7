/**
 * The interface language as state: one signal. Components that translate read it (through t()
 * and the formatters), so switching re-renders them and nothing else: user data (ids, labels,
 * file names, texts from files) is passed through as data and never looked up in a catalogue.
 *
 * The first language is the one chosen before (localStorage), else the browser's (any zh-* gives
 * Simplified Chinese), else English.
 */
import { signal } from '@preact/signals';

export type Lang = 'en' | 'zh-CN';

/** The languages offered, each named in its own language (such names are not translated). */
export const LANGUAGES: readonly { tag: Lang; name: string }[] = [
  { tag: 'en', name: 'English' },
  { tag: 'zh-CN', name: '简体中文' },
];

export const STORAGE_KEY = 'ripple.language';

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The closest offered language to a browser language tag (e.g. zh-TW → zh-CN, en-GB → en). */
export function offeredFor(tag: string): Lang | null {
  const primary = tag.toLowerCase().split('-')[0];
  return LANGUAGES.find((l) => l.tag.toLowerCase().split('-')[0] === primary)?.tag ?? null;
}

/** The stored choice, else the first browser language offered, else English. */
export function initialLanguage(storage: KeyValueStore | null, browser: readonly string[]): Lang {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage can be disabled (privacy settings): fall back to the browser's language.
  }
  const known = LANGUAGES.find((l) => l.tag === stored);
  if (known) return known.tag;
  for (const tag of browser) {
    const offered = offeredFor(tag);
    if (offered) return offered;
  }
  return 'en';
}

/** Remember the choice; false when the browser does not allow it. */
export function rememberLanguage(storage: KeyValueStore | null, tag: Lang): boolean {
  try {
    storage?.setItem(STORAGE_KEY, tag);
    return storage !== null;
  } catch {
    return false;
  }
}

export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The current language. */
export const lang = signal<Lang>(
  initialLanguage(browserStorage(), (globalThis.navigator?.languages as readonly string[]) ?? []),
);

/** Switch the language and remember the choice. */
export function setLanguage(tag: Lang): void {
  lang.value = tag;
  rememberLanguage(browserStorage(), tag);
  markDocument();
}

/** The page's lang attribute follows the language at once (screen readers, CJK font choice). */
export function markDocument(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang.value;
}

/** Whether a language writes full-width punctuation (，：。) that carries its own spacing. */
export function fullWidth(tag: Lang = lang.value): boolean {
  return tag.startsWith('zh');
}
