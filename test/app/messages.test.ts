/**
 * Key-based messages in English and Simplified Chinese: every part's tables have the same keys
 * (the compiler checks that) and the same placeholders, every Chinese text is translated, plurals
 * follow each language, numbers go through Intl, and what a placeholder receives (user data) is
 * inserted as it is, never translated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { date, duration, fixed, percent, significant } from '../../src/app/i18n/format.ts';
import { initialLanguage, lang, offeredFor, rememberLanguage, STORAGE_KEY } from '../../src/app/i18n/lang.ts';
import { ALL_TABLES, defineMessages, fill } from '../../src/app/i18n/messages.ts';
import { datasetAbout, datasetOption } from '../../src/app/panels/data/datasets.ts';

afterEach(() => {
  lang.value = 'en';
});

function messageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? messageFiles(join(dir, e.name)) : e.name === 'messages.ts' ? [join(dir, e.name)] : [],
  );
}

/** Placeholder names of a message, plural variables included, sorted. */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0)
        names.add(
          text
            .slice(start + 1, i)
            .split(',')[0]
            .trim(),
        );
    }
  }
  return [...names].sort();
}

/** Texts that read the same in both languages (names, symbols). */
const SAME_IN_BOTH = new Set(['Ripple', 'PageRank', '%', '{name}', '{m} × {n}']);

/** Variables an English text uses only to choose a plural form (no # in its forms): Chinese needs none. */
function pluralOnly(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\{(\w+), plural,((?:[^{}]|\{[^{}]*\})*)\}/g))
    if (!m[2].includes('#')) out.add(m[1]);
  return out;
}

describe('every message table', async () => {
  const files = messageFiles(join(process.cwd(), 'src/app'));
  for (const file of files) await import(file);

  it('is found, and every messages.ts registers one', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(ALL_TABLES.length).toBeGreaterThanOrEqual(files.length);
  });

  it('has a translated Chinese text with the placeholders of the English one', () => {
    const problems: string[] = [];
    for (const table of ALL_TABLES) {
      for (const [key, en] of Object.entries(table.en)) {
        const zh = table.zh[key];
        if (typeof zh !== 'string' || zh.trim() === '') problems.push(`${key}: no Chinese text`);
        else if (zh === en && !SAME_IN_BOTH.has(en) && /[A-Za-z]{3,}/.test(en.replace(/\{[^}]*\}/g, '')))
          problems.push(`${key}: Chinese text is the English one`);
        else if (
          placeholders(zh).join() !==
          placeholders(en)
            .filter((n) => !pluralOnly(en).has(n) || placeholders(zh).includes(n))
            .join()
        )
          problems.push(`${key}: placeholders ${placeholders(zh)} vs ${placeholders(en)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('fills every message without leaving a placeholder, in both languages', () => {
    for (const table of ALL_TABLES) {
      for (const language of ['en', 'zh'] as const) {
        for (const [key, text] of Object.entries(table[language])) {
          const vars = Object.fromEntries(placeholders(text).map((name) => [name, 2]));
          expect(fill(text, vars), `${language} ${key}`).not.toMatch(/\{[^}]*\}/);
        }
      }
    }
  });

  it('lists no key twice across the app (one meaning per key)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [i, table] of ALL_TABLES.entries()) {
      for (const key of Object.keys(table.en)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and table ${i})`);
        seen.set(key, `table ${i}`);
      }
    }
    expect(twice).toEqual([]);
    expect(relative(process.cwd(), files[0])).toMatch(/^src\/app\//);
  });
});

describe('fill and t', () => {
  const t = defineMessages({
    en: {
      'x.count': '{n, plural, =0 {no accounts} one {# account} other {# accounts}} in {name}',
      'x.plain': 'Model {value} of {missing}',
    },
    zh: { 'x.count': '{name} 中有 {n} 个账号', 'x.plain': '模型 {value}，共 {missing}' },
  });

  it('chooses the plural form of the language and formats numbers with Intl', () => {
    expect(t('x.count', { n: 0, name: 'g' })).toBe('no accounts in g');
    expect(t('x.count', { n: 1, name: 'g' })).toBe('1 account in g');
    expect(t('x.count', { n: 37403, name: 'g' })).toBe('37,403 accounts in g');
    expect(t('x.plain', { value: 37403.664 })).toBe('Model 37,403.66 of {missing}');
    lang.value = 'zh-CN';
    expect(t('x.count', { n: 1, name: 'g' })).toBe('g 中有 1 个账号');
  });

  it('inserts user data as it is: a label that looks like a message is not translated', () => {
    lang.value = 'zh-CN';
    expect(t('x.plain', { value: 'Model', missing: 'Karate club 1970, 34 accounts' })).toBe(
      '模型 Model，共 Karate club 1970, 34 accounts',
    );
    expect(t('x.count', { n: 2, name: '{n} Run Seeds' })).toBe('{n} Run Seeds 中有 2 个账号');
  });
});

describe('numbers, shares and durations follow the language', () => {
  it('writes them as each language does', () => {
    const when = new Date(2024, 0, 31, 15, 5);
    expect(fixed(1234567.891, 2)).toBe('1,234,567.89');
    expect(percent(0.2067, 2)).toBe('20.67%');
    expect(significant(0.000012345)).toBe('0.0000123');
    expect(significant(123456)).toBe('123,000');
    expect(significant(0)).toBe('0');
    expect(date(when, true)).toBe('Jan 31, 2024');
    expect(duration(125_000)).toBe('2 min 5 s');
    lang.value = 'zh-CN';
    expect(fixed(1234567.891, 2)).toBe('1,234,567.89');
    expect(date(when, true)).toBe('2024年1月31日');
    expect(duration(44_100)).toBe('45 秒');
    expect(duration(125_000)).toBe('2 分 5 秒');
  });
});

describe('the bundled datasets', () => {
  const manifest = JSON.parse(readFileSync('datasets/manifest.json', 'utf8')) as {
    datasets: { file: string; name: string; nodes: number; description: string }[];
  };
  it('are described in the current language, from the manifest word for word', () => {
    for (const d of manifest.datasets) {
      lang.value = 'en';
      expect(datasetAbout(d)).toBe(d.description);
      lang.value = 'zh-CN';
      expect(datasetAbout(d)).toMatch(/\p{Script=Han}/u);
      // A description changed in the manifest only: its own words, not a stale translation.
      expect(datasetAbout({ ...d, description: `${d.description} More.` })).toBe(`${d.description} More.`);
    }
    expect(datasetOption({ name: 'ego-Facebook', nodes: 4039 })).toBe('ego-Facebook（4,039 个节点）');
    lang.value = 'en';
    expect(datasetOption({ name: 'ego-Facebook', nodes: 4039 })).toBe('ego-Facebook (4,039 nodes)');
  });
});

describe('the starting language', () => {
  const store = (value: string | null) => {
    const map = new Map<string, string>(value ? [[STORAGE_KEY, value]] : []);
    return {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      map,
    };
  };
  it('is the remembered choice, else the browser language, else English', () => {
    expect(initialLanguage(store('zh-CN'), ['en-US'])).toBe('zh-CN');
    expect(initialLanguage(store('en'), ['zh-CN'])).toBe('en');
    expect(initialLanguage(store('klingon'), ['fr-FR', 'zh-TW'])).toBe('zh-CN');
    expect(initialLanguage(store(null), ['en-GB', 'zh-CN'])).toBe('en');
    expect(initialLanguage(store(null), ['de'])).toBe('en');
    expect(initialLanguage(null, [])).toBe('en');
    expect(offeredFor('zh-Hans-CN')).toBe('zh-CN');
  });
  it('survives a storage that refuses', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(initialLanguage(refusing, ['zh'])).toBe('zh-CN');
    expect(rememberLanguage(refusing, 'en')).toBe(false);
    const s = store(null);
    expect(rememberLanguage(s, 'zh-CN')).toBe(true);
    expect(s.map.get(STORAGE_KEY)).toBe('zh-CN');
  });
});
