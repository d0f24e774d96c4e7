/**
 * Which language the page starts in: the one chosen before (kept in localStorage), else the
 * browser's (any zh-* gives Simplified Chinese), else English. Pure functions over the storage
 * and the browser's language list, so the unit tests can pass their own.
 */

export const STORAGE_KEY = 'ripple.language';

/** The languages offered, each named in its own language (such names are not translated). */
export const LANGUAGES: readonly { tag: string; name: string }[] = [
  { tag: 'en', name: 'English' },
  { tag: 'zh-CN', name: '中文' },
];

const known = (tag: string | null | undefined): string | null =>
  LANGUAGES.find((l) => l.tag === tag)?.tag ?? null;

/** The closest offered language to a browser language tag (e.g. zh-TW → zh-CN, en-GB → en). */
export function offeredFor(tag: string): string | null {
  const primary = tag.toLowerCase().split('-')[0];
  return LANGUAGES.find((l) => l.tag.toLowerCase().split('-')[0] === primary)?.tag ?? null;
}

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The stored choice, else the first browser language offered, else English. */
export function initialLanguage(storage: KeyValueStore | null, browser: readonly string[]): string {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage can be disabled (privacy settings): fall back to the browser's language.
  }
  if (known(stored)) return stored as string;
  for (const tag of browser) {
    const offered = offeredFor(tag);
    if (offered) return offered;
  }
  return 'en';
}

/** Remember the choice; false when the browser does not allow it. */
export function rememberLanguage(storage: KeyValueStore | null, tag: string): boolean {
  try {
    storage?.setItem(STORAGE_KEY, tag);
    return storage !== null;
  } catch {
    return false;
  }
}
